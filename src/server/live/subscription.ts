/**
 * One WebSocket subscribed to one negotiation as one member. Its cursor is the last seq it
 * was told about (an event, or a head it could not see past); the hub sends it only what
 * lies beyond, so a notification heard twice, late or out of order changes nothing.
 */
import type { MemberActor } from '../viewer.ts';
import { LiveClose, type LiveCloseCode } from '../../protocol/live.schema.ts';
import { closeReason, errorFrame, type Frame } from './messages.ts';

/** The part of a `ws` WebSocket the live channel uses. */
export interface LiveSocket {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: Frame, options: { binary: boolean }): void;
  ping(): void;
  close(code: number, reason: string): void;
  terminate(): void;
}

/** What the connection was opened with, re-checked while it stays open. */
export interface Credential {
  accountId: string;
  sessionId: string | null;
  tokenId: string | null;
}

const OPEN = 1;
/** After close(), how long a peer gets to answer the closing handshake before the socket is cut. */
const CLOSE_GRACE_MS = 5_000;
/** `ws` has no drain event of its own; a backlog being sent checks the buffer this often. */
const DRAIN_POLL_MS = 10;

/**
 * Viewers with the same class see the same events: row-level security on `events` reads
 * only the viewer's negotiation, party and whether it is the mediator's office
 * (`parley_visible`), never who the member is. The hub reads once per class.
 */
export function viewerClass(actor: MemberActor): string {
  return `${actor.partyId ?? ''}|${actor.role === 'mediator' ? 'mediator' : ''}`;
}

export class Subscription {
  /** Last seq this client was told about. */
  cursor: number;
  /** Backlog sent and `ready` said. */
  ready = false;
  /** Answered the last ping. */
  alive = true;
  private open = true;
  private readonly closedListeners: ((s: Subscription) => void)[] = [];

  constructor(
    readonly socket: LiveSocket,
    readonly negotiationId: string,
    readonly actor: MemberActor,
    readonly credential: Credential,
    after: number,
    private readonly maxBufferedBytes: number,
  ) {
    this.cursor = after;
  }

  get isOpen(): boolean {
    return this.open && this.socket.readyState === OPEN;
  }

  get viewerClass(): string {
    return viewerClass(this.actor);
  }

  onClosed(fn: (s: Subscription) => void): void {
    this.closedListeners.push(fn);
  }

  /**
   * Queues a frame. A client that does not read fills the socket's buffer; when more than
   * the limit is still unsent as the next frame comes, it is cut off with a reason rather
   * than let the server hold its backlog in memory. (Measured before the frame, so one
   * large event into an empty buffer never counts as slowness.) It reconnects with its
   * cursor and catches up at its own pace.
   */
  send(frame: Frame): boolean {
    if (!this.isOpen) return false;
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.close(LiveClose.tooSlow, `Too slow: more than ${this.maxBufferedBytes} bytes unread. Reconnect with after=${this.cursor}.`);
      return false;
    }
    this.socket.send(frame, { binary: false });
    return true;
  }

  /** Until the unsent bytes are under half the limit, or the connection is gone: flow control for a backlog. */
  async drained(): Promise<void> {
    while (this.isOpen && this.socket.bufferedAmount > this.maxBufferedBytes / 2) {
      await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
    }
  }

  /** Says why in an error message (unless the client is too slow to read it), then closes. */
  fail(code: LiveCloseCode, errorCode: string, detail: string): void {
    if (!this.open) return;
    if (this.socket.readyState === OPEN && code !== LiveClose.tooSlow) this.socket.send(errorFrame(errorCode, detail), { binary: false });
    this.close(code, detail);
  }

  close(code: LiveCloseCode, reason: string): void {
    if (!this.open) return;
    this.open = false;
    if (this.socket.readyState === OPEN) {
      this.socket.close(code, closeReason(reason));
      setTimeout(() => this.socket.terminate(), CLOSE_GRACE_MS).unref();
    }
    for (const fn of this.closedListeners) fn(this);
  }

  /** The peer went away: forget it without a handshake. */
  gone(): void {
    if (!this.open) return;
    this.open = false;
    for (const fn of this.closedListeners) fn(this);
  }
}
