/**
 * The fan-out. One LISTEN per server on the events channel; each notification names a
 * negotiation and its new head. Subscribers of that negotiation are grouped by viewer
 * class (what row-level security lets them see). One round at a time per negotiation reads,
 * in one transaction, `seq > min(cursor)` for each class after `actAs` as that class's
 * viewer: the database is asked once per class, not once per socket, and RLS, never
 * JavaScript, decides what each class gets.
 *
 * Order and exactly-once come from cursors, not from notifications: a round always reads
 * from the lowest cursor of each class, and each subscriber gets only events past its own
 * cursor. Notifications that coalesce, repeat, arrive out of order or are lost while the
 * listening connection was down (it reports reconnects) cost at most one extra read.
 */
import type { RecordedEvent } from '../../domain/record/events.ts';
import type { Database } from '../../store/database.ts';
import { readFeedPage, readFeedRound, validCredentials } from '../../store/live-feed.ts';
import { EVENTS_CHANNEL, parseAppended } from '../../store/notify.ts';
import { LiveClose } from '../../protocol/live.schema.ts';
import { eventFrame, headFrame, pingFrame, readyFrame, type Frame } from './messages.ts';
import type { Subscription } from './subscription.ts';

export interface HubOptions {
  db: Database;
  /** Events per read; a long backlog is read in pages of this many. */
  pageSize: number;
  /** Heartbeat period: ping, drop peers that did not answer the last one, re-check credentials. */
  heartbeatMs: number;
  /** A session unused for this long has ended (the auth plugin's idle limit). */
  sessionIdleMs: number;
  log: { error(obj: object, msg: string): void };
}

const FRAME_CACHE_BYTES = 16 * 1024 * 1024;

export class LiveHub {
  private readonly feeds = new Map<string, Feed>();
  private readonly frames = new FrameCache();
  private listening: Promise<() => Promise<void>> | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly opts: HubOptions) {}

  /**
   * Starts serving a subscriber. Its backlog is read for it alone, in pages, sending no
   * faster than it reads (a long history must not get a slow link cut off); then it joins
   * its viewer class, whose next read brings it from there to the head and says `ready`.
   */
  async subscribe(sub: Subscription): Promise<void> {
    if (this.closed) throw new Error('the live hub is closed');
    // Listening before the first read: whatever commits after that read is heard.
    await this.listen();
    if (!(await this.catchUp(sub)) || !sub.isOpen || this.closed) return;
    let feed = this.feeds.get(sub.negotiationId);
    if (!feed) {
      feed = new Feed(sub.negotiationId, this.frames, this.opts);
      this.feeds.set(sub.negotiationId, feed);
    }
    const f = feed;
    sub.onClosed(() => {
      if (f.remove(sub) && this.feeds.get(f.negotiationId) === f) this.feeds.delete(f.negotiationId);
    });
    f.add(sub);
    this.heartbeat ??= setInterval(() => void this.beat(), this.opts.heartbeatMs).unref();
  }

  /** False when the subscriber was refused. */
  private async catchUp(sub: Subscription): Promise<boolean> {
    let first = true;
    for (;;) {
      const page = await readFeedPage(this.opts.db, sub.negotiationId, sub.actor, sub.cursor, this.opts.pageSize);
      if (first) {
        first = false;
        if (sub.cursor > page.headSeq) {
          sub.fail(LiveClose.invalidInput, 'invalid_input', `after=${sub.cursor} is beyond the last event of this negotiation (${page.headSeq}).`);
          return false;
        }
      }
      for (const e of page.events) {
        await sub.drained();
        if (!sub.isOpen) return false;
        sub.cursor = e.seq;
        sub.send(this.frames.get(e));
      }
      if (!page.more) {
        sub.cursor = Math.max(sub.cursor, page.headSeq);
        return true;
      }
    }
  }

  get subscriberCount(): number {
    let n = 0;
    for (const f of this.feeds.values()) n += f.size;
    return n;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const f of [...this.feeds.values()]) f.closeAll(LiveClose.goingAway, 'The server is shutting down; reconnect with your cursor.');
    this.feeds.clear();
    const listening = this.listening;
    this.listening = null;
    if (listening) {
      const unlisten = await listening.catch(() => null);
      await unlisten?.().catch(() => undefined);
    }
  }

  private listen(): Promise<() => Promise<void>> {
    this.listening ??= this.opts.db.listen(EVENTS_CHANNEL, (payload) => this.onNotify(payload), { onReconnect: () => this.onReconnect() });
    // A failed LISTEN is retried by the next subscriber rather than remembered.
    this.listening.catch(() => {
      this.listening = null;
    });
    return this.listening;
  }

  private onNotify(payload: string): void {
    const appended = parseAppended(payload);
    if (!appended) return;
    this.feeds.get(appended.negotiationId)?.advanced(appended.seq);
  }

  private onReconnect(): void {
    for (const f of this.feeds.values()) f.advanced(null);
  }

  private async beat(): Promise<void> {
    const subs = [...this.feeds.values()].flatMap((f) => f.subscribers());
    const now = new Date();
    const ping = pingFrame(now);
    for (const s of subs) {
      if (!s.isOpen) continue;
      if (!s.alive) {
        s.close(LiveClose.timeout, 'No answer to the last ping.');
        s.socket.terminate();
        continue;
      }
      s.alive = false;
      s.socket.ping();
      s.send(ping);
    }
    const open = subs.filter((s) => s.isOpen);
    if (open.length === 0) return;
    try {
      const sessions = [...new Set(open.flatMap((s) => (s.credential.sessionId ? [s.credential.sessionId] : [])))];
      const tokens = [...new Set(open.flatMap((s) => (s.credential.tokenId ? [s.credential.tokenId] : [])))];
      const valid = await validCredentials(this.opts.db, sessions, tokens, now, this.opts.sessionIdleMs);
      for (const s of open) {
        const id = s.credential.sessionId ?? s.credential.tokenId;
        if (id !== null && !valid.has(id)) s.fail(LiveClose.unauthenticated, 'unauthenticated', 'Your session ended or your API token was revoked; sign in again.');
      }
    } catch (e) {
      this.opts.log.error({ err: e }, 'live: checking credentials failed');
    }
  }
}

/**
 * The subscribers of one negotiation on this server, by viewer class. One round at a time:
 * a round reads every class in one transaction (one `actAs` and one read per class) and
 * sends each subscriber what lies past its cursor.
 */
class Feed {
  private readonly classes = new Map<string, Set<Subscription>>();
  /** The head as of the last round. */
  private readHead = 0;
  private dirty = false;
  private running: Promise<void> | null = null;

  constructor(readonly negotiationId: string, private readonly frames: FrameCache, private readonly opts: HubOptions) {}

  get size(): number {
    let n = 0;
    for (const c of this.classes.values()) n += c.size;
    return n;
  }

  subscribers(): Subscription[] {
    return [...this.classes.values()].flatMap((c) => [...c]);
  }

  add(sub: Subscription): void {
    let c = this.classes.get(sub.viewerClass);
    if (!c) {
      c = new Set();
      this.classes.set(sub.viewerClass, c);
    }
    c.add(sub);
    this.kick();
  }

  /** True when the feed has no subscribers left. */
  remove(sub: Subscription): boolean {
    const c = this.classes.get(sub.viewerClass);
    if (c?.delete(sub) && c.size === 0) this.classes.delete(sub.viewerClass);
    return this.classes.size === 0;
  }

  /**
   * A notification for `seq`; null when any number of them may have been missed. It only
   * decides whether to read: what is read, and up to where, comes from the database, so a
   * stale, repeated or bogus notification costs a read at most.
   */
  advanced(seq: number | null): void {
    if (seq === null || seq > this.readHead) this.kick();
  }

  closeAll(code: typeof LiveClose.goingAway, reason: string): void {
    for (const s of this.subscribers()) s.close(code, reason);
  }

  private kick(): void {
    this.dirty = true;
    if (this.running) return;
    this.running = this.pump()
      .catch((e: unknown) => {
        this.opts.log.error({ err: e }, 'live: reading events failed');
        for (const s of this.subscribers()) s.fail(LiveClose.internal, 'internal', `The live feed failed on the server; reconnect with after=${s.cursor}.`);
      })
      .finally(() => {
        this.running = null;
        // Kicked after the loop's last check: go again.
        if (this.dirty && this.classes.size > 0) this.kick();
      });
  }

  private async pump(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      // Those here now are served in this round; anyone joining meanwhile waits for the next
      // (its cursor may be below where this round starts).
      const groups = [...this.classes.values()].map((c) => [...c].filter((s) => s.isOpen)).filter((g) => g.length > 0);
      if (groups.length === 0) return;
      await this.serve(groups);
    }
  }

  private async serve(groups: Subscription[][]): Promise<void> {
    const memberIds = [...new Set(groups.flat().map((s) => s.actor.memberId))];
    const from = groups.map((g) => Math.min(...g.map((s) => s.cursor)));
    let head: number | null = null;
    let first = true;
    for (;;) {
      const round = await readFeedRound(this.opts.db, this.negotiationId, groups.map((g, i) => ({ viewer: g[0]!.actor, afterSeq: from[i]! })),
        this.opts.pageSize, first ? memberIds : [], head);
      head = round.headSeq;
      if (first) {
        first = false;
        for (const s of groups.flat()) {
          const seat = round.seats.get(s.actor.memberId);
          if (!seat?.active || seat.accountId !== s.credential.accountId || seat.partyId !== s.actor.partyId || seat.role !== s.actor.role) {
            s.fail(LiveClose.seatChanged, 'seat_changed', 'Your membership in this negotiation changed; reconnect to follow it as you are now.');
          }
        }
      }
      let more = false;
      for (const [i, page] of round.pages.entries()) {
        const group = groups[i]!;
        for (const e of page.events) {
          let frame: Frame | null = null;
          for (const s of group) {
            if (s.cursor >= e.seq || !s.isOpen) continue;
            frame ??= this.frames.get(e);
            s.cursor = e.seq;
            s.send(frame);
          }
        }
        from[i] = page.more ? page.events.at(-1)!.seq : head;
        more ||= page.more;
      }
      if (!more) break;
    }
    this.readHead = Math.max(this.readHead, head);
    const at = head;
    let ready: Frame | null = null;
    let moved: Frame | null = null;
    for (const s of groups.flat()) {
      if (!s.isOpen) continue;
      if (!s.ready) {
        s.ready = true;
        s.cursor = Math.max(s.cursor, at);
        s.send((ready ??= readyFrame(at)));
      } else if (s.cursor < at) {
        s.cursor = at;
        s.send((moved ??= headFrame(at)));
      }
    }
  }
}

/**
 * Encoded event frames, shared by every class and catch-up that sends the same event, so an
 * event is validated and serialized once however many read it. Bounded in bytes.
 */
class FrameCache {
  private readonly frames = new Map<string, Frame>();
  private bytes = 0;

  get(e: RecordedEvent): Frame {
    const key = `${e.negotiationId}:${e.seq}`;
    let f = this.frames.get(key);
    if (!f) {
      f = eventFrame(e);
      this.frames.set(key, f);
      this.bytes += f.length;
      while (this.bytes > FRAME_CACHE_BYTES && this.frames.size > 1) {
        const [oldest, frame] = this.frames.entries().next().value!;
        this.frames.delete(oldest);
        this.bytes -= frame.length;
      }
    }
    return f;
  }
}
