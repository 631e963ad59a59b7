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

export interface ListenOptions {
  /** Called after a dropped listening connection is back (PostgreSQL only). */
  onReconnect?: () => void;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a directory, "memory", or the server URL without password. */
  readonly location: string;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * LISTEN on `channel`: `onMessage` gets each NOTIFY payload, delivered only once the
   * notifying transaction commits. Resolves once the LISTEN is in effect, so anything
   * committed afterwards is heard; returns the function that stops listening. PGlite hears
   * its own instance only; PostgreSQL uses one dedicated connection outside the pool and
   * reconnects when it drops. Notifications sent while it was down are lost, so
   * `onReconnect` tells the listener to catch up by reading what it may have missed.
   */
  listen(channel: string, onMessage: (payload: string) => void, options?: ListenOptions): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** PGlite only: a tarball of the data directory, to clone a migrated template in tests. */
  dumpDataDir?(): Promise<Blob>;
}
