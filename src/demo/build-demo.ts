/**
 * Builds the demo negotiation through the same commands a user's actions go through, each
 * run as the member who would take it, so the demo exercises the policy table and
 * row-level security exactly as real use does. Events are dated along the report's
 * timeline (November–December 2025), not at the moment the demo is built.
 */
import { ParleyError } from '../domain/errors.ts';
import type { Command } from '../domain/commands.ts';
import type { RecordedEvent } from '../domain/record/events.ts';
import type { Database } from '../store/database.ts';
import { execute, type As } from '../store/execute.ts';
import { DEMO_PASSWORD, ensureDemoAccounts } from './demo-accounts.ts';
import { suggestVariants } from '../domain/tracing/suggest/suggest-variants.ts';
import * as s from './scenario.ts';
import { settlementIssues, settlementParties, settlementScores, settlementSketch } from './settlement-scenario.ts';

export interface DemoMember { key: string; id: string; displayName: string; party: string | null; role: string; email: string | null }
/** `password`: the demo accounts' shared password (local demo only). */
export interface DemoResult { negotiationId: string; created: boolean; events: number; members: DemoMember[]; password: string }

/** A clock that walks the scenario's calendar one minute per command. */
function scenarioClock() {
  let t = 0;
  return {
    on(iso: string) { t = Math.max(t, Date.parse(iso)); },
    now: () => { t += 60_000; return new Date(t); },
  };
}

export async function demoMembers(db: Database, negotiationId = s.DEMO_NEGOTIATION_ID): Promise<DemoMember[]> {
  const rows = await db.query<{ id: string; display_name: string; role: string; party: string | null; email: string | null }>(
    `SELECT m.id, m.display_name, m.role, p.short_name AS party, a.email FROM members m
     LEFT JOIN parties p ON p.negotiation_id = m.negotiation_id AND p.id = m.party_id
     LEFT JOIN accounts a ON a.id::text = m.account_id
     WHERE m.negotiation_id = $1 ORDER BY p.short_name NULLS FIRST, m.role, m.display_name`, [negotiationId]);
  return rows.map((r) => ({
    key: s.members.find((m) => m.displayName === r.display_name)?.key ?? (r.role === 'mediator' ? 'mediator' : r.id),
    id: r.id, displayName: r.display_name, party: r.party, role: r.role, email: r.email,
  }));
}

export async function buildDemo(db: Database, progress: (done: number, total: number) => void = () => undefined): Promise<DemoResult> {
  const negotiationId = s.DEMO_NEGOTIATION_ID;
  const existing = await db.query('SELECT 1 FROM negotiation_heads WHERE negotiation_id = $1', [negotiationId]);
  if (existing.length > 0) {
    const [head] = await db.query<{ last_seq: number }>('SELECT last_seq FROM negotiation_heads WHERE negotiation_id = $1', [negotiationId]);
    return { negotiationId, created: false, events: head?.last_seq ?? 0, members: await demoMembers(db), password: DEMO_PASSWORD };
  }

  const accounts = await ensureDemoAccounts(db);
  const clock = scenarioClock();
  const ids = { party: new Map<string, string>(), person: new Map<string, string>(), member: new Map<string, string>(), section: new Map<string, string>(), point: new Map<string, string>(), amendment: new Map<string, string>() };
  const need = (m: Map<string, string>, k: string) => {
    const v = m.get(k);
    if (!v) throw new ParleyError('not_found', `demo scenario refers to unknown key ${k}`);
    return v;
  };
  let steps = 0;
  const total = 120;
  const run = async (as: As, command: Command): Promise<RecordedEvent[]> => {
    const events = await execute(db, { negotiationId, as, command, clock: clock.now });
    progress(Math.min(++steps, total), total);
    return events;
  };
  const member = (key: string): As => ({ memberId: need(ids.member, key) });
  const created = <T>(events: RecordedEvent[], pick: (e: RecordedEvent) => T | undefined): T => {
    for (const e of events) { const v = pick(e); if (v !== undefined) return v; }
    throw new ParleyError('invalid_input', 'demo step produced no result');
  };

  // The process opens: the plan was published "last month" (November 2025).
  clock.on('2025-11-20T09:00:00Z');
  const opened = await run('system', { name: 'createNegotiation', input: { ...s.negotiation, mediator: { displayName: "Mediator's office", accountId: accounts.get('mediator') ?? null } } });
  ids.member.set('mediator', created(opened, (e) => (e.type === 'member.added' ? e.payload.member.id : undefined)));
  const mediator = member('mediator');

  for (const p of s.parties) {
    const ev = await run(mediator, { name: 'addParty', input: { name: p.name, shortName: p.shortName, broker: p.broker } });
    ids.party.set(p.key, created(ev, (e) => (e.type === 'party.added' ? e.payload.party.id : undefined)));
  }
  for (const p of s.persons) {
    const ev = await run(mediator, { name: 'addPerson', input: { names: p.names, aliases: p.aliases, title: p.title, partyId: need(ids.party, p.party) } });
    ids.person.set(p.key, created(ev, (e) => (e.type === 'person.added' ? e.payload.person.id : undefined)));
  }
  for (const m of s.members) {
    const ev = await run(mediator, { name: 'addMember', input: { displayName: m.displayName, partyId: need(ids.party, m.party), role: m.role, personId: m.person ? need(ids.person, m.person) : null, accountId: accounts.get(m.key) ?? null } });
    ids.member.set(m.key, created(ev, (e) => (e.type === 'member.added' ? e.payload.member.id : undefined)));
  }

  // Version 1: the published plan.
  clock.on('2025-11-21T09:00:00Z');
  for (const sec of s.sections) {
    const ev = await run(mediator, { name: 'addSection', input: { title: sec.title } });
    ids.section.set(sec.key, created(ev, (e) => (e.type === 'section.added' ? e.payload.section.id : undefined)));
  }
  const addPoints = async (points: readonly s.DemoPoint[]) => {
    for (const p of points) {
      const ev = await run(mediator, { name: 'addPoint', input: { texts: p.texts, tags: p.tags, sectionId: need(ids.section, p.section), illustrative: true } });
      ids.point.set(p.key, created(ev, (e) => (e.type === 'point.added' ? e.payload.point.id : undefined)));
    }
  };
  await addPoints(s.planV1);
  await run(mediator, { name: 'createVersion', input: { label: 'v1 (published plan)', note: 'The plan as made public in November 2025 (illustrative wording).' } });

  // The European allies answer with amendments of their own.
  clock.on('2025-11-24T10:00:00Z');
  for (const a of s.europeanAmendments) {
    const ev = await run(member('eu-team'), {
      name: 'draftAmendment',
      input: {
        partyId: need(ids.party, 'eu'), kind: a.kind, pointId: a.point ? need(ids.point, a.point) : null, texts: a.texts,
        afterPointId: a.after ? need(ids.point, a.after) : null, justification: a.justification, proposeTo: 'parties',
      },
    });
    ids.amendment.set(a.key, created(ev, (e) => (e.type === 'amendment.drafted' ? e.payload.amendment.id : undefined)));
  }

  // Florida: the broker meets the Ukrainian team and revises the plan (version 2).
  clock.on('2025-11-30T15:00:00Z');
  const fl = s.rounds.florida;
  await run(mediator, {
    name: 'scheduleRound',
    input: {
      title: fl.title, startsAt: fl.startsAt, place: fl.place, format: fl.format, partyIds: fl.parties.map((p) => need(ids.party, p)),
      attendeeIds: fl.attendees.map((p) => need(ids.person, p)), publicReadout: fl.publicReadout, pointIds: fl.points.map((p) => need(ids.point, p)),
      visibility: 'public',
    },
  });
  const revisions: string[] = [];
  for (const a of s.revisionV2.amendments) {
    const ev = await run(member('witkoff'), {
      name: 'draftAmendment',
      input: { partyId: need(ids.party, 'us'), kind: a.kind, pointId: a.point ? need(ids.point, a.point) : null, texts: a.texts, justification: a.justification, proposeTo: 'parties' },
    });
    revisions.push(created(ev, (e) => (e.type === 'amendment.drafted' ? e.payload.amendment.id : undefined)));
  }
  clock.on('2025-12-01T09:00:00Z');
  await run(mediator, { name: 'acceptAmendments', input: { amendmentIds: revisions, versionLabel: s.revisionV2.label, versionNote: s.revisionV2.note } });

  // "And now a few more points have come up" (version 3).
  clock.on('2025-12-01T18:00:00Z');
  await addPoints(s.additionsV3.points);
  const v3 = created(await run(mediator, { name: 'createVersion', input: { label: s.additionsV3.label, note: s.additionsV3.note } }),
    (e) => (e.type === 'version.created' ? e.payload.version : undefined));
  // Leak tracing: the mediator approves, on the confidential v3, what the app suggests and a few phrasings of its own.
  const variants = v3.points.flatMap((p) => Object.entries(p.texts).flatMap(([lang, text]) => {
    const own = s.approvedVariantsV3.filter((x) => x.lang === lang && ids.point.get(x.point) === p.pointId).map((x) => ({ start: text.indexOf(x.original), end: text.indexOf(x.original) + x.original.length, original: x.original, alternative: x.alternative, kind: 'custom' as const }));
    const suggested = suggestVariants(text, lang).filter((x) => !own.some((o) => o.start < x.end && x.start < o.end));
    return [...own, ...suggested].map((x) => ({ pointId: p.pointId, lang, start: x.start, end: x.end, original: x.original, alternative: x.alternative, kind: x.kind }));
  }));
  await run(mediator, { name: 'approveVariants', input: { versionId: v3.id, variants } });

  // The Kremlin round, under non-disclosure.
  clock.on('2025-12-02T16:00:00Z');
  const kr = s.rounds.kremlin;
  const round = await run(mediator, {
    name: 'scheduleRound',
    input: {
      title: kr.title, startsAt: kr.startsAt, durationMinutes: kr.durationMinutes, place: kr.place, format: kr.format,
      partyIds: kr.parties.map((p) => need(ids.party, p)), attendeeIds: kr.attendees.map((p) => need(ids.person, p)),
      confidentiality: kr.confidentiality, publicReadout: kr.publicReadout, pointIds: kr.points.map((p) => need(ids.point, p)), visibility: 'public',
    },
  });
  const roundId = created(round, (e) => (e.type === 'round.scheduled' ? e.payload.round.id : undefined));

  // Positions as the report describes them after the round.
  clock.on('2025-12-02T22:00:00Z');
  for (const p of s.positions) {
    await run(member(p.by), {
      name: 'setPosition',
      input: {
        partyId: need(ids.party, p.party), pointId: p.point ? need(ids.point, p.point) : null,
        amendmentId: p.amendment ? need(ids.amendment, p.amendment) : null, level: p.level, reason: p.reason ?? '', visibility: p.visibility,
      },
    });
  }
  for (const r of kr.readouts) {
    await run(member(r.by), { name: 'writeReadout', input: { roundId, text: r.text, visibility: r.visibility } });
  }

  // Wednesday: Ushakov talks to journalists; the report quotes him and Putin.
  clock.on('2025-12-03T09:00:00Z');
  for (const q of s.statements) {
    await run(mediator, {
      name: 'recordStatement',
      input: {
        personId: need(ids.person, q.speaker), speakerAsNamed: q.asNamed, quote: q.quote, lang: 'ur', translations: { en: q.en }, kind: q.kind,
        source: { title: s.statementSource.title, publisher: s.statementSource.publisher, url: s.statementSource.url, line: q.line },
        date: s.statementSource.date, pointIds: q.points.map((p) => need(ids.point, p)), stance: q.stance,
      },
    });
  }

  // The next week the mediator opens a settlement analysis; the three parties score it (sealed).
  clock.on('2025-12-08T10:00:00Z');
  const space = created(await run(mediator, {
    name: 'saveSettlementSpace',
    input: {
      partyIds: settlementParties.map((p) => need(ids.party, p)),
      issues: settlementIssues.map((i) => ({ label: i.label, divisible: false, options: i.options, pointIds: i.point ? [need(ids.point, i.point)] : [] })),
    },
  }), (e) => (e.type === 'settlement.space.saved' ? e.payload.space : undefined));
  const issueId = new Map(settlementIssues.map((i, n) => [i.key, space.issues[n]!.id]));
  const byIssueId = <T>(rec: Record<string, T>) => Object.fromEntries(Object.entries(rec).map(([k, v]) => [need(issueId, k), v]));
  for (const p of settlementParties) {
    const sc = settlementScores[p];
    await run(member(sc.by), {
      name: 'submitSettlementScores',
      input: {
        share: sc.share,
        scores: {
          weights: byIssueId(sc.weights), ratings: byIssueId(sc.ratings), batna: sc.batna,
          unacceptable: sc.unacceptable.map((u) => { const [i, o] = u.split(':'); return `${need(issueId, i!)}:${o!}`; }),
        },
      },
    });
  }
  const sketch = created(await run(mediator, {
    name: 'recordSettlementPackage',
    input: { label: "Mediator's first sketch", source: 'manual', visibility: 'parties', package: byIssueId(settlementSketch) },
  }), (e) => (e.type === 'settlement.package.recorded' ? e.payload.package.id : undefined));
  await run(mediator, { name: 'setSettlementBaseline', input: { packageId: sketch } });
  progress(total, total);

  const [head] = await db.query<{ last_seq: number }>('SELECT last_seq FROM negotiation_heads WHERE negotiation_id = $1', [negotiationId]);
  return { negotiationId, created: true, events: head?.last_seq ?? 0, members: await demoMembers(db), password: DEMO_PASSWORD };
}
