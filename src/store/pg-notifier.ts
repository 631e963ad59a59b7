/**
 * LISTEN on PostgreSQL. A pooled connection cannot listen (it goes back to the pool and
 * its LISTEN with it), so one dedicated client per Database holds every channel. When that
 * connection drops (server restart, idle kill, network), it reconnects with backoff,
 * LISTENs again on every channel, and tells each listener so it can catch up on what was
 * notified while it was away: NOTIFY is not queued for a session that does not exist.
 */
import pg from 'pg';
import type { ListenOptions } from './database.ts';

interface Listener {
  onMessage: (payload: string) => void;
  onReconnect: (() => void) | undefined;
}

const MIN_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 5_000;

/** PostgreSQL identifier quoting: channel names are identifiers, not parameters. */
function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export class PgNotifier {
  private readonly channels = new Map<string, Set<Listener>>();
  private client: pg.Client | null = null;
  /** Channels LISTENed on the current client. */
  private listening = new Set<string>();
  private connecting: Promise<pg.Client> | null = null;
  private retry: NodeJS.Timeout | null = null;
  private backoff = MIN_BACKOFF_MS;
  private closed = false;
  /** Serializes LISTEN / UNLISTEN / connect so that the set of channels never races. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly url: string) {}

  async listen(channel: string, onMessage: (payload: string) => void, options: ListenOptions = {}): Promise<() => Promise<void>> {
    if (this.closed) throw new Error('the database is closed');
    const listener: Listener = { onMessage, onReconnect: options.onReconnect };
    let set = this.channels.get(channel);
    if (!set) {
      set = new Set();
      this.channels.set(channel, set);
    }
    set.add(listener);
    try {
      await this.serial(async () => {
        const client = await this.connected();
        if (!this.listening.has(channel)) {
          await client.query(`LISTEN ${quoteIdent(channel)}`);
          this.listening.add(channel);
        }
      });
    } catch (e) {
      this.remove(channel, listener);
      throw e;
    }
    return async () => {
      if (!this.remove(channel, listener)) return;
      await this.serial(async () => {
        // Listened again while this was queued: keep it.
        if (this.channels.has(channel) || !this.client || !this.listening.has(channel)) return;
        this.listening.delete(channel);
        await this.client.query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => undefined);
      });
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.channels.clear();
    const client = this.client ?? (await this.connecting?.catch(() => null)) ?? null;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }

  /** True when it removed the last listener of the channel. */
  private remove(channel: string, listener: Listener): boolean {
    const set = this.channels.get(channel);
    if (!set?.delete(listener)) return false;
    if (set.size > 0) return false;
    this.channels.delete(channel);
    return true;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async connected(): Promise<pg.Client> {
    if (this.client) return this.client;
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'parley-listen' });
    client.on('notification', (msg) => {
      if (msg.payload === undefined) return;
      for (const l of this.channels.get(msg.channel) ?? []) l.onMessage(msg.payload);
    });
    // After connect, both mean the connection is gone; before, connect() rejects instead.
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      if (this.closed) throw new Error('the database is closed');
      const channels = [...this.channels.keys()];
      for (const channel of channels) await client.query(`LISTEN ${quoteIdent(channel)}`);
      this.listening = new Set(channels);
    } catch (e) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw e;
    }
    this.client = client;
    this.backoff = MIN_BACKOFF_MS;
    return client;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.listening = new Set();
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retry || this.channels.size === 0) return;
    const delay = this.backoff;
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.serial(() => this.connected()).then(
        () => {
          for (const set of this.channels.values()) for (const l of set) l.onReconnect?.();
        },
        () => this.scheduleReconnect(),
      );
    }, delay);
    this.retry.unref();
  }
}
