/**
 * A document imported as the next version. Drafts travel outside the tool (a Word file from
 * one capital, a revised plan in the press) and come back with no ids: points renumbered,
 * two merged, one split. The import matches them to the working text by content
 * (redline/align.ts), so each point keeps its identity, and with it its positions, amendments
 * and history, and records how every point descends from the text before: its lineage.
 */
import { withoutFormatMarks } from '../tracing/format-slots.ts';
import { z } from 'zod';
import { ParleyError } from '../errors.ts';
import {
  ImportFormat, Lang, LineageKind, NonEmptyText, Text, Visibility,
  type LineageLink, type Point, type Section, type VersionImport,
} from '../model.ts';
import { actorLabel } from '../policy/actor.ts';
import { authorize } from '../policy/permissions.ts';
import type { CommandContext } from '../record/context.ts';
import type { PendingEvent } from '../record/events.ts';
import { evolve } from '../record/evolve.ts';
import { requireLanguagesKnown, requireNegotiation } from '../record/lookup.ts';
import { activePoints, type NegotiationState } from '../record/state.ts';
import { alignPoints } from '../redline/align.ts';
import { normalizeText } from '../text/normalize.ts';
import { buildVersion } from './create-version.ts';

const PointNumber = NonEmptyText.pipe(z.string().max(32));

export const ImportedDocument = z.object({
  /** The language the document is written in; the working text's text in it is what is compared. */
  lang: Lang,
  points: z.array(z.object({ number: PointNumber, text: NonEmptyText })).min(1, { error: 'the document has no numbered points' }).max(20_000),
  /** Headings grouping the points; `beforePoint` is the index of the first point under each. */
  sections: z.array(z.object({ title: NonEmptyText.pipe(z.string().max(500)), beforePoint: z.number().int().nonnegative() })).default([]),
});
export type ImportedDocument = z.input<typeof ImportedDocument>;

export const ImportVersionInput = ImportedDocument.extend({
  source: z.object({ name: Text.pipe(z.string().max(300)), format: ImportFormat, sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  label: Text.optional(),
  note: Text.default(''),
  visibility: Visibility.exclude(['party']).default('parties'),
  /** The negotiation's head seq the importer previewed: an import planned on a text changed since is refused. */
  basedOn: z.number().int().nonnegative().optional(),
});
export type ImportVersionInput = z.input<typeof ImportVersionInput>;

/** One row of the preview: an old point, the new point it becomes, and how. */
export interface PlannedLink extends LineageLink {
  /** For a new point: its text as imported; for a removed one: its text before. */
  readonly oldText: string | null;
  readonly newText: string | null;
}

export interface ImportPlan {
  readonly lang: string;
  readonly links: PlannedLink[];
  readonly counts: Record<z.infer<typeof LineageKind>, number>;
  /** Headings of the document that match no section yet: they are added. */
  readonly newSections: string[];
  /** The events that turn the working text into the document (the version itself not included). */
  readonly events: PendingEvent[];
}

const fold = (s: string): string => normalizeText(s).trim().toLocaleLowerCase();

/**
 * Works out, without recording anything, what importing `doc` would do to the working text.
 * Identity goes to the strongest link first, so in a merge the old point most like the
 * merged text survives (the others are removed into it), and in a split the piece most like
 * the old point keeps its id (the others are new points descended from it).
 */
export function planImport(state: NegotiationState, ctx: CommandContext, raw: ImportedDocument): ImportPlan {
  const doc = ImportedDocument.parse(raw);
  const negotiation = requireNegotiation(state);
  authorize(ctx.actor, 'edit_working_text');
  authorize(ctx.actor, 'create_version');
  requireLanguagesKnown(state, { [doc.lang]: '' });
  const numbers = new Set<string>();
  for (const p of doc.points) {
    if (numbers.has(p.number)) {
      throw new ParleyError('invalid_import', `Point ${p.number} appears twice in the document; give each point a number of its own (such as 2.3) and import it again.`);
    }
    numbers.add(p.number);
  }
  for (const s of doc.sections) {
    if (s.beforePoint > doc.points.length) throw new ParleyError('invalid_import', `The heading "${s.title}" points past the document's last point.`);
  }

  const old = activePoints(state);
  if (old.length > 0 && old.every((p) => (p.texts[doc.lang] ?? '').trim() === '')) {
    throw new ParleyError('invalid_import', `The working text has no ${doc.lang} text to compare the document with; import the document in a language the text has (${negotiation.draftingLanguage} is the drafting language).`);
  }
  // A point the document cannot speak for would be read as removed: refuse rather than lose it.
  const silent = old.filter((p) => (p.texts[doc.lang] ?? '').trim() === '');
  if (silent.length > 0) {
    throw new ParleyError('invalid_import', `Point${silent.length > 1 ? 's' : ''} ${silent.map((p) => p.number).join(', ')} of the working text ${silent.length > 1 ? 'have' : 'has'} no ${doc.lang} text, so the document cannot be matched to ${silent.length > 1 ? 'them' : 'it'}; add the ${doc.lang} text first, or import the document in a language every point has.`);
  }
  const pairs = alignPoints(
    old.map((p) => ({ number: p.number, text: p.texts[doc.lang] ?? '' })),
    doc.points,
    { lang: doc.lang },
  );

  // Strongest links first; a point takes the identity of at most one old point.
  const heirOf = new Map<number, number>(); // new index -> old index whose id it keeps
  const taken = new Set<number>();
  const ranked = pairs.filter((p) => p.oldIndex !== null && p.newIndex !== null)
    .sort((a, b) => b.similarity - a.similarity || a.newIndex! - b.newIndex!);
  for (const p of ranked) {
    if (heirOf.has(p.newIndex!) || taken.has(p.oldIndex!)) continue;
    heirOf.set(p.newIndex!, p.oldIndex!);
    taken.add(p.oldIndex!);
  }

  // Sections: the document's headings, matched to the negotiation's by title in its language.
  const events: PendingEvent[] = [];
  const sectionByTitle = new Map<string, Section>();
  for (const s of [...state.sections.values()].sort((a, b) => a.order - b.order)) {
    const title = s.title[doc.lang];
    if (title && !sectionByTitle.has(fold(title))) sectionByTitle.set(fold(title), s);
  }
  const newSections: string[] = [];
  const sectionAt: (string | null)[] = new Array<string | null>(doc.points.length).fill(null);
  let order = state.sections.size;
  for (const heading of [...doc.sections].sort((a, b) => a.beforePoint - b.beforePoint)) {
    let section = sectionByTitle.get(fold(heading.title));
    if (!section) {
      section = { id: ctx.newId(), title: { [doc.lang]: heading.title }, order: ++order };
      sectionByTitle.set(fold(heading.title), section);
      newSections.push(heading.title);
      events.push({ type: 'section.added', payload: { section }, visibility: 'parties', partyId: null });
    }
    for (let i = heading.beforePoint; i < doc.points.length; i++) sectionAt[i] = section.id;
  }
  const hasHeadings = doc.sections.length > 0;

  const linksOfNew = new Map<number, number[]>();
  for (const p of pairs) {
    if (p.oldIndex !== null && p.newIndex !== null) linksOfNew.set(p.newIndex, [...(linksOfNew.get(p.newIndex) ?? []), p.oldIndex]);
  }
  const ids: string[] = [];
  let previousSection: string | null = null;
  const changes: PendingEvent[] = [];
  doc.points.forEach((np, j) => {
    const heir = heirOf.get(j);
    const ancestor = heir ?? linksOfNew.get(j)?.[0];
    const from: Point | undefined = ancestor === undefined ? undefined : old[ancestor];
    const sectionId = hasHeadings ? sectionAt[j] ?? null : from?.sectionId ?? previousSection;
    previousSection = sectionId;
    if (heir !== undefined) {
      const p = old[heir]!;
      ids.push(p.id);
      // A document made from a reader's copy shows its format marks (docs/tracing.md); where that is
      // all that differs, the point is unchanged and keeps the master's own characters.
      const kept = p.texts[doc.lang] !== undefined && withoutFormatMarks(np.text) === withoutFormatMarks(p.texts[doc.lang]!) ? p.texts[doc.lang]! : np.text;
      const texts = { ...p.texts, [doc.lang]: kept };
      if (texts[doc.lang] !== p.texts[doc.lang] || sectionId !== p.sectionId || np.number !== p.number) {
        changes.push({ type: 'point.edited', payload: { pointId: p.id, texts, tags: p.tags, number: np.number, sectionId }, visibility: 'parties', partyId: null });
      }
      if (p.order !== j + 1) changes.push({ type: 'point.moved', payload: { pointId: p.id, order: j + 1, number: np.number }, visibility: 'parties', partyId: null });
      return;
    }
    const point: Point = {
      id: ctx.newId(), number: np.number, sectionId, order: j + 1, texts: { [doc.lang]: np.text },
      // A piece split off a point carries on its subject: the tags go with it.
      tags: from?.tags ?? [], illustrative: false, removed: false,
    };
    ids.push(point.id);
    changes.push({ type: 'point.added', payload: { point }, visibility: 'parties', partyId: null });
  });
  old.forEach((p, i) => {
    if (!taken.has(i)) changes.push({ type: 'point.removed', payload: { pointId: p.id }, visibility: 'parties', partyId: null });
  });
  events.push(...changes);

  const links: PlannedLink[] = pairs.map((p) => {
    const o = p.oldIndex === null ? null : old[p.oldIndex]!;
    const n = p.newIndex === null ? null : doc.points[p.newIndex]!;
    return {
      kind: p.kind,
      oldPointId: o?.id ?? null, oldNumber: o?.number ?? null,
      newPointId: p.newIndex === null ? null : ids[p.newIndex]!, newNumber: n?.number ?? null,
      similarity: Math.round(p.similarity * 1000) / 1000,
      oldText: o ? o.texts[doc.lang] ?? '' : null, newText: n?.text ?? null,
    };
  });
  const counts = Object.fromEntries(LineageKind.options.map((k) => [k, 0])) as ImportPlan['counts'];
  for (const l of links) counts[l.kind] += 1;
  return { lang: doc.lang, links, counts, newSections, events };
}

export function importVersion(state: NegotiationState, ctx: CommandContext, raw: ImportVersionInput): PendingEvent[] {
  const input = ImportVersionInput.parse(raw);
  if (input.basedOn !== undefined && input.basedOn !== state.seq) {
    throw new ParleyError('version_conflict', 'The working text changed after you previewed this import; preview it again before importing.', { basedOn: input.basedOn, seq: state.seq });
  }
  const plan = planImport(state, ctx, input);
  const work = structuredClone(state);
  for (const e of plan.events) evolve(work, e);
  const version = buildVersion(work, ctx, { label: input.label, note: input.note, visibility: input.visibility, amendmentIds: [] });
  const record: VersionImport = {
    versionId: version.id, lang: plan.lang, source: input.source, importedBy: actorLabel(ctx.actor), at: ctx.now,
    links: plan.links.map(({ oldText: _o, newText: _n, ...link }) => link),
  };
  return [
    ...plan.events,
    { type: 'version.created', payload: { version }, visibility: version.visibility, partyId: null },
    { type: 'version.imported', payload: { import: record }, visibility: version.visibility, partyId: null },
  ];
}
