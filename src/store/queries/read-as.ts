/**
 * Every read for a person runs here: one transaction as the unprivileged role with the
 * viewer set, so row-level security filters whatever the query forgets to.
 */
import type { Actor } from '../../domain/policy/actor.ts';
import type { Database, Tx } from '../database.ts';
import { actAs } from '../viewer.ts';

export function readAs<T>(db: Database, negotiationId: string | null, viewer: Actor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await actAs(tx, negotiationId, viewer);
    return fn(tx);
  });
}

/** Opaque offset cursors: lists here are small enough that keyset paging buys nothing. */
export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const n = Number.parseInt(Buffer.from(cursor, 'base64url').toString('utf8'), 10);
  // Safe integers only: a larger one would reach OFFSET as a number PostgreSQL cannot read.
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

export function page<T>(rows: T[], offset: number, limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? Buffer.from(String(offset + limit), 'utf8').toString('base64url') : null };
}

export const iso = (d: Date | string | null): string | null => (d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());
export const isoDate = (d: Date | string): string => (d instanceof Date ? d.toISOString().slice(0, 10) : d.slice(0, 10));
