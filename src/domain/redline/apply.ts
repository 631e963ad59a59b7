import type { RedlineOp } from './types.ts';

/** The new text a redline describes: applying it to the old text. */
export function applyRedline(ops: readonly RedlineOp[]): string {
  let s = '';
  for (const o of ops) if (o.op === 'equal' || o.op === 'insert' || o.op === 'move-to') s += o.text;
  return s;
}

/** The old text a redline describes. */
export function oldText(ops: readonly RedlineOp[]): string {
  let s = '';
  for (const o of ops) if (o.op === 'equal' || o.op === 'delete' || o.op === 'move-from') s += o.text;
  return s;
}
