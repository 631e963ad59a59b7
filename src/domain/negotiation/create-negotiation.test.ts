import { describe, expect, it } from 'vitest';
import { systemActor } from '../policy/actor.ts';
import type { CreateNegotiationInput } from './create-negotiation.ts';
import { codeOf, errorOf, eventOf, testId, world } from '../testing/factory.ts';

const input = {
  title: { en: 'Peace framework', ru: 'Мирная рамка' },
  languages: ['en', 'ru', 'uk', 'ur'],
  draftingLanguage: 'en',
  mediator: { displayName: 'US mediation office' },
};

describe('createNegotiation', () => {
  it('creates the negotiation and its mediator member', () => {
    const w = world();
    const events = w.do(systemActor, 'createNegotiation', input);
    expect(events.map((e) => [e.type, e.visibility, e.partyId])).toEqual([
      ['negotiation.created', 'parties', null],
      ['member.added', 'parties', null],
    ]);
    const n = eventOf(events, 'negotiation.created').payload.negotiation;
    expect(n).toEqual({
      id: testId(1), title: input.title, description: {}, languages: input.languages, draftingLanguage: 'en',
      createdAt: '2025-12-02T09:00:00.000Z',
    });
    expect(w.state.negotiation).toEqual(n);
    const m = eventOf(events, 'member.added').payload.member;
    expect(m).toEqual({ id: testId(2), displayName: 'US mediation office', partyId: null, role: 'mediator', personId: null, accountId: null, active: true });
    expect(w.state.members.get(m.id)).toEqual(m);
  });

  it('takes a given id', () => {
    const w = world();
    const id = testId(4242);
    w.do(systemActor, 'createNegotiation', { ...input, id });
    expect(w.negotiationId).toBe(id);
  });

  it('exists once', () => {
    const w = world();
    w.do(systemActor, 'createNegotiation', input);
    expect(codeOf(() => w.do(systemActor, 'createNegotiation', input))).toBe('already_exists');
  });

  it('requires the drafting language to be one of the languages', () => {
    const w = world();
    const e = errorOf(() => w.do(systemActor, 'createNegotiation', { ...input, draftingLanguage: 'ar' }));
    expect(e).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('drafting language ar') as unknown });
  });

  it('rejects malformed input: no title, no languages, a bad language code, an empty mediator name', () => {
    const w = world();
    const bads: CreateNegotiationInput[] = [
      { ...input, title: { en: '  ' } },
      { ...input, title: {} },
      { ...input, languages: [] },
      { ...input, languages: ['English'], draftingLanguage: 'English' },
      { ...input, mediator: { displayName: ' ' } },
    ];
    for (const bad of bads) {
      expect(codeOf(() => w.do(systemActor, 'createNegotiation', bad))).toBe('invalid_input');
    }
    expect(w.state.negotiation).toBeNull();
  });
});
