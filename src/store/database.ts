/**
 * The one port to PostgreSQL, whichever runs it: PGlite in-process or a server through pg.
 * Everything above this file speaks PostgreSQL's SQL and nothing else.
 */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements at once (migrations); no parameters. */
  exec(sql: string): Promise<void>;
}

export type Tx = Queryable;

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a directory, "memory", or the server URL without password. */
  readonly location: string;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: a tarball of the data directory, to clone a migrated template in tests. */
  dumpDataDir?(): Promise<Blob>;
}
