/**
 * What someone rewriting history would do to an event: change a value that is there. (An
 * added key is no test: the import schema drops unknown keys before the hash is checked.)
 */

/** The path to the first string value in `value`, depth first; null when there is none. */
export function firstStringPath(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return path;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = firstStringPath(v, [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value).sort()) {
      const found = firstStringPath((value as Record<string, unknown>)[k], [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/** A copy of `value` with the string at `path` changed. */
export function withStringAt<T>(value: T, path: readonly string[], change: (s: string) => string): T {
  const copy = structuredClone(value) as unknown;
  if (path.length === 0) return change(copy as string) as T;
  let node = copy as Record<string, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string, unknown>;
  const last = path.at(-1)!;
  node[last] = change(node[last] as string);
  return copy as T;
}

/**
 * One character changed, keeping the string's shape: the last digit or hex letter of an id,
 * an instant or a name is replaced, so the result still passes the event schema and only
 * the hash can tell.
 */
export function alterString(s: string): string {
  const i = s.search(/[0-9a-f][^0-9a-f]*$/);
  if (i < 0) return `${s} (altered)`;
  return s.slice(0, i) + (s[i] === '0' ? '1' : '0') + s.slice(i + 1);
}

/** The payload with its first string value altered; throws if it has none. */
export function tamperedPayload<T>(payload: T): T {
  const path = firstStringPath(payload);
  if (!path) throw new Error('tamperedPayload: the payload holds no string to change');
  return withStringAt(payload, path, alterString);
}
