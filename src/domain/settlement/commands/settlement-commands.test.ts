import { describe, expect, it } from 'vitest';
import { canSee } from '../../policy/visibility.ts';
import { codeOf, errorOf, eventOf, replay, table } from '../../testing/factory.ts';

/** Two parties, a space with one issue with options and one divisible issue. */
function withSpace() {
  const t = table({ parties: 3, points: 2 });
  const ru = t.party(0);
  const ua = t.party(2);
  const saved = eventOf(t.world.do(t.mediator.actor, 'saveSettlementSpace', {
    partyIds: [ru.id, ua.id],
    issues: [
      { label: 'Line of control', divisible: false, options: [{ key: 'current', label: 'Current line' }, { key: 'pre-2022', label: 'Before 2022' }], pointIds: [t.pointId(0)] },
      { label: 'Reconstruction fund', divisible: true, options: [] },
    ],
  }), 'settlement.space.saved');
  const [line, fund] = saved.payload.space.issues;
  return { t, ru, ua, line: line!, fund: fund!, seq: saved.seq };
}

const scoresOf = (line: string, fund: string, a: number, b: number) => ({
  weights: { [line]: 60, [fund]: 40 },
  ratings: { [line]: { current: a, 'pre-2022': b } },
  unacceptable: [] as string[],
  batna: 10,
});

describe('saveSettlementSpace', () => {
  it('records the space for every party to read, with ids the scores keep', () => {
    const { t, line, fund } = withSpace();
    const e = t.world.log.at(-1)!;
    expect(e).toMatchObject({ type: 'settlement.space.saved', visibility: 'parties', partyId: null });
    expect(line.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fund.divisible).toBe(true);
    expect(t.world.state.settlement.space?.issues.map((i) => i.label)).toEqual(['Line of control', 'Reconstruction fund']);
  });

  it('is the mediator\'s alone, and refuses a space a person could not score', () => {
    const { t, ru, ua, line, seq } = withSpace();
    const base = { partyIds: [ru.id, ua.id], issues: [{ id: line.id, label: 'Line', divisible: false, options: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }] }] };
    expect(codeOf(() => t.world.do(ru.principal.actor, 'saveSettlementSpace', base))).toBe('action_denied');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'saveSettlementSpace', { ...base, partyIds: [ru.id] }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'saveSettlementSpace', { ...base, issues: [{ label: 'X', divisible: false, options: [{ key: 'a', label: 'A' }] }] }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'saveSettlementSpace', { ...base, issues: [{ label: 'X', divisible: false, options: [{ key: 'a', label: 'A' }, { key: 'a', label: 'B' }] }] }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'saveSettlementSpace', { ...base, issues: [{ label: 'X', divisible: true, options: [{ key: 'a', label: 'A' }] }] }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'saveSettlementSpace', { ...base, issues: [{ label: 'X', divisible: false, options: [{ key: 'Not a key', label: 'A' }, { key: 'b', label: 'B' }] }] }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'saveSettlementSpace', { ...base, basedOn: seq - 1 }))).toBe('version_conflict');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'saveSettlementSpace', { ...base, basedOn: seq }))).toBe('no error');
  });
});

describe('submitSettlementScores', () => {
  it('seals the scores to the party (not the mediator) and tells everyone only that it submitted', () => {
    const { t, ru, ua, line, fund } = withSpace();
    const events = t.world.do(ru.negotiator.actor, 'submitSettlementScores', { scores: scoresOf(line.id, fund.id, 37, 83), share: 'mediator' });
    const sealed = eventOf(events, 'settlement.scores.sealed');
    const told = eventOf(events, 'settlement.scores.submitted');
    expect(sealed).toMatchObject({ visibility: 'party', partyId: ru.id });
    for (const seat of [ru.principal, ru.negotiator, ru.advisor, ru.observer]) expect(canSee(seat.actor, sealed)).toBe(true);
    for (const seat of [t.mediator, ua.principal, t.party(1).principal]) expect(canSee(seat.actor, sealed)).toBe(false);
    expect(JSON.stringify(told.payload)).not.toMatch(/37|83/);
    expect(canSee(t.mediator.actor, told)).toBe(true);
    expect(told.payload.submission).toMatchObject({ partyId: ru.id, share: 'mediator' });
    expect(replay(t.world.log).settlement).toEqual(t.world.state.settlement);
  });

  it('is refused to the mediator, to observers and advisors, to a party outside the settlement, and on a stale view', () => {
    const { t, ru, line, fund } = withSpace();
    const s = { scores: scoresOf(line.id, fund.id, 37, 83) };
    expect(codeOf(() => t.world.do(t.mediator.actor, 'submitSettlementScores', s))).toBe('action_denied');
    expect(codeOf(() => t.world.do(ru.observer.actor, 'submitSettlementScores', s))).toBe('action_denied');
    expect(codeOf(() => t.world.do(ru.advisor.actor, 'submitSettlementScores', s))).toBe('action_denied');
    expect(codeOf(() => t.world.do(t.party(1).principal.actor, 'submitSettlementScores', s))).toBe('action_denied');
    const first = eventOf(t.world.do(ru.principal.actor, 'submitSettlementScores', s), 'settlement.scores.sealed');
    expect(codeOf(() => t.world.do(ru.negotiator.actor, 'submitSettlementScores', { ...s, basedOn: first.seq - 1 }))).toBe('version_conflict');
    expect(codeOf(() => t.world.do(ru.negotiator.actor, 'submitSettlementScores', { ...s, basedOn: first.seq }))).toBe('no error');
  });

  it('refuses scores the engine could not use, naming the issue by its label', () => {
    const { t, ru, line, fund } = withSpace();
    const bad = { ...scoresOf(line.id, fund.id, 37, 83), weights: { [line.id]: 60, [fund.id]: 30 } };
    const e = errorOf(() => t.world.do(ru.principal.actor, 'submitSettlementScores', { scores: bad })) as Error;
    expect(e.message).toMatch(/Your party's weights sum to 90, not 100/);
    const unrated = { ...scoresOf(line.id, fund.id, 37, 83), ratings: { [line.id]: { current: 50 } } };
    expect((errorOf(() => t.world.do(ru.principal.actor, 'submitSettlementScores', { scores: unrated })) as Error).message).toMatch(/"Line of control"/);
    const unknown = { ...scoresOf(line.id, fund.id, 37, 83), unacceptable: [`${line.id}:moon`] };
    expect(codeOf(() => t.world.do(ru.principal.actor, 'submitSettlementScores', { scores: unknown }))).toBe('invalid_input');
    const ranked = { weights: { [line.id]: 100 }, ranks: { [line.id]: ['pre-2022', 'current'] } };
    expect(codeOf(() => t.world.do(ru.principal.actor, 'submitSettlementScores', { scores: ranked }))).toBe('no error');
  });
});

describe('packages and the baseline', () => {
  it('keeps every package the mediator has seen; shares it; makes a shared one the baseline', () => {
    const { t, ru, ua, line, fund } = withSpace();
    const pkg = { [line.id]: 'current', [fund.id]: { [ru.id]: 0.25, [ua.id]: 0.75 } };
    const recorded = eventOf(t.world.do(t.mediator.actor, 'recordSettlementPackage', { label: 'Try 1', package: pkg }), 'settlement.package.recorded');
    expect(recorded).toMatchObject({ visibility: 'mediator', partyId: null });
    expect(canSee(ru.principal.actor, recorded)).toBe(false);
    const id = recorded.payload.package.id;
    expect(codeOf(() => t.world.do(t.mediator.actor, 'setSettlementBaseline', { packageId: id }))).toBe('invalid_input');
    const shared = eventOf(t.world.do(t.mediator.actor, 'shareSettlementPackage', { packageId: id }), 'settlement.package.shared');
    expect(canSee(ru.principal.actor, shared)).toBe(true);
    t.world.do(t.mediator.actor, 'setSettlementBaseline', { packageId: id });
    expect(t.world.state.settlement.baselineId).toBe(id);
    expect(replay(t.world.log).settlement).toEqual(t.world.state.settlement);
  });

  it('refuses a package that leaves out an issue, names an unknown option, or shares badly', () => {
    const { t, ru, ua, line, fund } = withSpace();
    const ok = { [line.id]: 'current', [fund.id]: { [ru.id]: 0.5, [ua.id]: 0.5 } };
    expect(codeOf(() => t.world.do(t.mediator.actor, 'recordSettlementPackage', { package: { [line.id]: 'current' } }))).toBe('invalid_input');
    expect(codeOf(() => t.world.do(t.mediator.actor, 'recordSettlementPackage', { package: { ...ok, [line.id]: 'moon' } }))).toBe('invalid_input');
    expect((errorOf(() => t.world.do(t.mediator.actor, 'recordSettlementPackage', { package: { ...ok, [fund.id]: { [ru.id]: 0.5, [ua.id]: 0.6 } } })) as Error).message)
      .toMatch(/add up to 1\.1000/);
    expect(codeOf(() => t.world.do(ru.principal.actor, 'recordSettlementPackage', { package: ok }))).toBe('action_denied');
  });

  it('drops the baseline when the space changes under it', () => {
    const { t, ru, ua, line, fund } = withSpace();
    const pkg = { [line.id]: 'current', [fund.id]: { [ru.id]: 0.5, [ua.id]: 0.5 } };
    const id = eventOf(t.world.do(t.mediator.actor, 'recordSettlementPackage', { package: pkg, visibility: 'parties' }), 'settlement.package.recorded').payload.package.id;
    t.world.do(t.mediator.actor, 'setSettlementBaseline', { packageId: id });
    const events = t.world.do(t.mediator.actor, 'saveSettlementSpace', {
      partyIds: [ru.id, ua.id],
      issues: [{ id: line.id, label: 'Line of control', divisible: false, options: [{ key: 'current', label: 'Current line' }, { key: 'pre-2022', label: 'Before 2022' }] }],
    });
    expect(eventOf(events, 'settlement.baseline.set').payload.packageId).toBeNull();
    expect(t.world.state.settlement.baselineId).toBeNull();
  });
});
