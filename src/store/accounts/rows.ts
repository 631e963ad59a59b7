/** Small conversions shared by the account stores: both drivers return timestamptz as Date, but be sure. */
export const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));
export const toDateOrNull = (v: Date | string | null): Date | null => (v === null ? null : toDate(v));

/** True for a unique-constraint violation, on pg and on PGlite alike (SQLSTATE 23505). */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
}
