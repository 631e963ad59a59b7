import { describe, expect, it } from 'vitest';
import { table } from '../testing/factory.ts';
import type { RecordedEvent } from './events.ts';
import { canonicalJson, GENESIS_HASH, hashEvent, sha256Hex, verifyChain } from './hash-event.ts';

/** A real log: a negotiation with parties, members, points and a version. */
function realLog(): RecordedEvent[] {
  const t = table({ parties: 2, points: 3, firstVersion: true });
  expect(t.world.log.length).toBeGreaterThan(10);
  return structuredClone(t.world.log);
}

/** Re-hashes an event after a change, as someone who rewrites history would. */
function rehash(e: RecordedEvent): RecordedEvent {
  const { hash: _old, ...rest } = e;
  return { ...rest, hash: hashEvent(rest) };
}

function at(log: RecordedEvent[], i: number): RecordedEvent {
  const e = log[i];
  if (!e) throw new Error(`no event at index ${i}`);
  return e;
}

describe('canonicalJson', () => {
  it('does not depend on key order, at any depth', () => {
    const a = { b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'ü' } };
    const b = { a: { c: 'ü', d: [1, { x: 1, y: 2 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"c":"ü","d":[1,{"x":1,"y":2}]},"b":1}');
  });

  it('keeps array order, which is meaningful', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('refuses what has no JSON form', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});

describe('sha256Hex', () => {
  it('is SHA-256 over UTF-8, in lower-case hex', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('hashEvent', () => {
  it('does not depend on the key order of the event or its payload', () => {
    const e = at(realLog(), 0);
    const { hash: _h, ...rest } = e;
    const reordered = Object.fromEntries(Object.entries(rest).reverse()) as typeof rest;
    const payload = e.payload as Record<string, unknown>;
    const reorderedPayload = { ...reordered, payload: Object.fromEntries(Object.entries(payload).reverse()) } as typeof rest;
    expect(hashEvent(reordered)).toBe(e.hash);
    expect(hashEvent(reorderedPayload)).toBe(e.hash);
  });

  it('covers every envelope field', () => {
    const e = at(realLog(), 3);
    const { hash: _h, ...base } = e;
    const variants: Partial<RecordedEvent>[] = [
      { negotiationId: '00000000-0000-4000-8000-0000000fffff' },
      { seq: e.seq + 1 },
      { at: '2030-01-01T00:00:00.000Z' },
      { actor: 'someone-else' },
      { visibility: 'public' },
      { partyId: '00000000-0000-4000-8000-0000000fffff' },
      { prevHash: 'f'.repeat(64) },
    ];
    for (const v of variants) expect(hashEvent({ ...base, ...v })).not.toBe(e.hash);
  });

  it('ignores a stored hash field (it hashes everything else)', () => {
    const e = at(realLog(), 1);
    expect(hashEvent(e)).toBe(e.hash);
  });
});

describe('verifyChain', () => {
  it('accepts an untouched log and an empty one', () => {
    expect(verifyChain(realLog())).toBeNull();
    expect(verifyChain([])).toBeNull();
  });

  it('starts the chain at the genesis hash', () => {
    const log = realLog();
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(at(log, 0).prevHash).toBe(GENESIS_HASH);
    log[0] = rehash({ ...at(log, 0), prevHash: 'a'.repeat(64) });
    expect(verifyChain(log)).toEqual({ seq: 1, reason: expect.stringMatching(/prev_hash/) as unknown });
  });

  it('finds a changed payload and names its seq', () => {
    const log = realLog();
    const e = at(log, 4);
    expect(e.type).toBe('member.added');
    log[4] = { ...e, payload: { member: { ...(e.payload as { member: Record<string, unknown> }).member, role: 'mediator' } } } as RecordedEvent;
    expect(verifyChain(log)).toEqual({ seq: 5, reason: 'content does not match its hash' });
  });

  it('finds a changed visibility', () => {
    const log = realLog();
    log[6] = { ...at(log, 6), visibility: 'public' };
    expect(verifyChain(log)?.seq).toBe(7);
  });

  it('finds a changed actor or timestamp', () => {
    const log = realLog();
    log[2] = { ...at(log, 2), actor: 'system' };
    expect(verifyChain(log)?.seq).toBe(3);
    const log2 = realLog();
    log2[2] = { ...at(log2, 2), at: '2020-01-01T00:00:00.000Z' };
    expect(verifyChain(log2)?.seq).toBe(3);
  });

  it('finds a swapped order', () => {
    const log = realLog();
    const [a, b] = [at(log, 5), at(log, 6)];
    log[5] = b;
    log[6] = a;
    expect(verifyChain(log)).toEqual({ seq: 6, reason: expect.stringMatching(/event 6 is missing \(found 7/) as unknown });
  });

  it('finds a swapped order even when the seq numbers were swapped too', () => {
    const log = realLog();
    const [a, b] = [at(log, 5), at(log, 6)];
    log[5] = { ...b, seq: 6 };
    log[6] = { ...a, seq: 7 };
    expect(verifyChain(log)?.seq).toBe(6);
  });

  it('finds a gap', () => {
    const log = realLog();
    log.splice(7, 1);
    expect(verifyChain(log)).toEqual({ seq: 8, reason: 'event 8 is missing (found 9 in its place)' });
  });

  it('finds a missing first event', () => {
    const log = realLog();
    log.shift();
    expect(verifyChain(log)?.seq).toBe(1);
  });

  it('finds a wrong prev_hash even when the event was re-hashed to match', () => {
    const log = realLog();
    log[8] = rehash({ ...at(log, 8), prevHash: 'b'.repeat(64) });
    expect(verifyChain(log)).toEqual({ seq: 9, reason: 'prev_hash does not match the hash of the event before it' });
  });

  it('a rewritten event that is re-hashed breaks the link to the next one', () => {
    const log = realLog();
    log[3] = rehash({ ...at(log, 3), visibility: 'public' });
    expect(verifyChain(log)).toEqual({ seq: 5, reason: 'prev_hash does not match the hash of the event before it' });
  });

  it('finds a changed last event', () => {
    const log = realLog();
    const last = log.length - 1;
    log[last] = { ...at(log, last), partyId: '00000000-0000-4000-8000-0000000fffff' };
    expect(verifyChain(log)?.seq).toBe(log.length);
  });

  it('names the first break when there are several', () => {
    const log = realLog();
    log[9] = { ...at(log, 9), visibility: 'public' };
    log[4] = { ...at(log, 4), visibility: 'public' };
    expect(verifyChain(log)?.seq).toBe(5);
  });
});
