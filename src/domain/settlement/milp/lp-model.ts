/**
 * A mixed-integer linear model as plain data, and its text in the CPLEX LP format that HiGHS
 * reads (the format: IBM ILOG CPLEX "LP file format: algebraic representation"; HiGHS reads
 * it in `readLp`). The settlement models are built by extending one base model with rows and
 * columns step by step (lexicographic steps, tangent cuts), so a model is immutable data and
 * `extendModel` returns a new one; the text is written once per solve.
 */

/** Column name -> coefficient. */
export type Linear = ReadonlyMap<string, number>;

export interface Column {
  name: string;
  kind: 'continuous' | 'integer' | 'binary';
  /** -Infinity / Infinity for no bound. Binary columns ignore both. */
  lower: number;
  upper: number;
}

export interface Row {
  name: string;
  terms: Linear;
  op: '<=' | '>=' | '=';
  rhs: number;
}

export interface LpModel {
  columns: readonly Column[];
  rows: readonly Row[];
}

export interface Objective {
  sense: 'maximize' | 'minimize';
  terms: Linear;
}

export function extendModel(m: LpModel, add: { columns?: readonly Column[]; rows?: readonly Row[] }): LpModel {
  return { columns: [...m.columns, ...(add.columns ?? [])], rows: [...m.rows, ...(add.rows ?? [])] };
}

/** A continuous column; unbounded on a side given as ±Infinity. */
export const continuous = (name: string, lower = -Infinity, upper = Infinity): Column => ({ name, kind: 'continuous', lower, upper });

export function linear(entries: Iterable<readonly [string, number]>): Linear {
  const out = new Map<string, number>();
  for (const [name, coef] of entries) out.set(name, (out.get(name) ?? 0) + coef);
  return out;
}

export function writeLp(m: LpModel, objective: Objective): string {
  const names = new Set<string>();
  for (const c of m.columns) {
    if (!VALID_NAME.test(c.name)) throw new Error(`LP column name not writable: ${c.name}`);
    if (names.has(c.name)) throw new Error(`LP column declared twice: ${c.name}`);
    names.add(c.name);
  }
  const used = (terms: Linear) => {
    for (const name of terms.keys()) if (!names.has(name)) throw new Error(`LP term names an undeclared column: ${name}`);
  };
  const out: string[] = [objective.sense === 'maximize' ? 'Maximize' : 'Minimize'];
  used(objective.terms);
  // An empty objective (every feasible point will do) is written as a bare label.
  out.push(` obj: ${expression(objective.terms)}`.trimEnd());
  out.push('Subject To');
  for (const r of m.rows) {
    used(r.terms);
    if (!VALID_NAME.test(r.name)) throw new Error(`LP row name not writable: ${r.name}`);
    // A row whose terms all vanished is a constant test, not a constraint: the LP format
    // cannot write it, so it is checked here.
    if ([...r.terms.values()].every((v) => v === 0)) {
      if (!constantHolds(r)) throw new Error(`LP row ${r.name} is a false constant constraint`);
      continue;
    }
    out.push(` ${r.name}: ${expression(r.terms)} ${r.op} ${num(r.rhs)}`);
  }
  out.push('Bounds');
  for (const c of m.columns) {
    if (c.kind === 'binary') continue;
    if (c.lower === -Infinity && c.upper === Infinity) out.push(` ${c.name} free`);
    else if (c.upper === Infinity) out.push(` ${c.name} >= ${num(c.lower)}`);
    else if (c.lower === -Infinity) out.push(` -inf <= ${c.name} <= ${num(c.upper)}`);
    else out.push(` ${num(c.lower)} <= ${c.name} <= ${num(c.upper)}`);
  }
  for (const [kind, section] of [['integer', 'General'], ['binary', 'Binary']] as const) {
    const names = m.columns.filter((c) => c.kind === kind).map((c) => c.name);
    if (names.length === 0) continue;
    out.push(section);
    for (let i = 0; i < names.length; i += TERMS_PER_LINE) out.push(' ' + names.slice(i, i + TERMS_PER_LINE).join(' '));
  }
  out.push('End', '');
  return out.join('\n');
}

/**
 * Names start with a letter other than e/E (a name like `e5` reads as an exponent in some
 * LP readers) and use letters, digits and underscores only.
 */
const VALID_NAME = /^[a-df-zA-DF-Z][A-Za-z0-9_]*$/;

/**
 * The format caps a line (255 characters in the CPLEX documentation); an expression may
 * continue on the next line, so long rows are broken every few terms.
 */
const TERMS_PER_LINE = 8;

function expression(terms: Linear): string {
  const parts: string[] = [];
  let first = true;
  for (const [name, coef] of terms) {
    if (coef === 0) continue;
    const sign = coef < 0 ? '-' : first ? '' : '+';
    parts.push(`${sign}${sign === '' ? '' : ' '}${num(Math.abs(coef))} ${name}`);
    first = false;
  }
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += TERMS_PER_LINE) lines.push(parts.slice(i, i + TERMS_PER_LINE).join(' '));
  return lines.join('\n   ');
}

function constantHolds(r: Row): boolean {
  switch (r.op) {
    case '<=':
      return 0 <= r.rhs;
    case '>=':
      return 0 >= r.rhs;
    case '=':
      return r.rhs === 0;
  }
}

/**
 * Shortest round-trip decimal (JavaScript's own), so the solver reads the same double the
 * domain computed; exponents (1e-7) are read by HiGHS's LP reader.
 */
function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`LP coefficient is not finite: ${x}`);
  return Object.is(x, -0) ? '0' : String(x);
}
