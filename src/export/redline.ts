/**
 * The redline between two versions in one language, as every export format draws it: the
 * points in the second version's order, each with its word-level changes and who made them.
 *
 * Who made a change: the party whose accepted amendment produced it (an amendment that went
 * into a version after the first one, up to and including the second); otherwise the
 * mediator's office, which edits the working text directly. The date is the amendment's
 * acceptance (when the text changed), else the second version's date. Pure: the route
 * gathers versions, amendments and parties under the reader's row-level security and passes
 * them in, so an amendment the reader may not see is never named as a change's source.
 */
import type { Amendment, Party, Section, Version, VersionPoint } from '../domain/model.ts';
import { compareVersions, type PointChange } from '../domain/versions/compare-versions.ts';
import { redline } from '../domain/redline/index.ts';

/** A run of text as the document writers lay it out: kept, inserted or deleted. */
export interface DiffPart { op: 'equal' | 'insert' | 'delete'; text: string }

const RTL_LANGS = new Set(['ar', 'ur', 'fa', 'he', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

export function dirOf(lang: string): 'rtl' | 'ltr' {
  return RTL_LANGS.has(lang.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/** A text in the language asked for, else the first the record has (a point may lack a translation). */
export function pick(texts: Record<string, string>, lang: string): string {
  return texts[lang] ?? Object.values(texts)[0] ?? '';
}

export interface ChangeAuthor {
  author: string;
  /** ISO 8601. */
  date: string;
}

export interface RedlineRow {
  pointId: string;
  status: PointChange;
  oldNumber: string | null;
  newNumber: string | null;
  /** The point's text in the chosen language, word by word; all insert for an added point, all delete for a removed one. */
  parts: DiffPart[];
  moved: boolean;
  sectionId: string | null;
  /** Who made this point's change, when it changed at all (text, number, place). */
  by: ChangeAuthor | null;
}

export interface VersionRef {
  id: string;
  seqNo: number;
  label: string;
  createdAt: string;
  contentHash: string;
}

export interface RedlineDocument {
  title: string;
  lang: string;
  dir: 'rtl' | 'ltr';
  a: VersionRef;
  b: VersionRef;
  rows: RedlineRow[];
  /** Section titles in the chosen language, by id, from both versions. */
  sectionTitles: Map<string, string>;
  counts: Record<PointChange, number> & { renumbered: number };
}

export interface RedlineInput {
  a: Version;
  b: Version;
  title: Record<string, string>;
  lang: string;
  /** Accepted amendments the reader may see (others are ignored). */
  amendments: readonly Amendment[];
  parties: readonly Party[];
  /** The ids of every version after `a` up to and including `b` (only their amendments explain the changes). */
  versionsBetween: ReadonlySet<string>;
  /** The name the mediator's own edits carry, in the chosen language. */
  mediatorName: string;
}

function ref(v: Version): VersionRef {
  return { id: v.id, seqNo: v.seqNo, label: v.label, createdAt: v.createdAt, contentHash: v.contentHash };
}

/** Which party's amendment changed each point, the latest acceptance winning. */
export function attributeChanges(input: Pick<RedlineInput, 'amendments' | 'parties' | 'versionsBetween' | 'lang'>): Map<string, ChangeAuthor> {
  const partyName = new Map(input.parties.map((p) => [p.id, pick(p.name, input.lang) || p.shortName]));
  const relevant = input.amendments
    .filter((a) => a.status === 'accepted' && a.resultVersionId !== null && input.versionsBetween.has(a.resultVersionId))
    .sort((x, y) => (x.decidedAt ?? x.createdAt).localeCompare(y.decidedAt ?? y.createdAt));
  const out = new Map<string, ChangeAuthor>();
  for (const a of relevant) {
    const pointId = a.pointId ?? a.resultPointId;
    const author = partyName.get(a.partyId);
    if (pointId && author) out.set(pointId, { author, date: a.decidedAt ?? a.createdAt });
  }
  return out;
}

/**
 * A point's text changes from the redline engine. Moves inside one point are left to plain
 * deletions and insertions: Word's move marks are not something the docx writer offers, and a
 * clause is short enough that a moved phrase reads fine as struck here and inserted there.
 */
function wordChanges(before: string, after: string, lang: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const o of redline(before, after, { lang, moves: false })) {
    const op = o.op === 'equal' ? 'equal' : o.op === 'delete' || o.op === 'move-from' ? 'delete' : 'insert';
    const last = parts.at(-1);
    if (last?.op === op) last.text += o.text;
    else parts.push({ op, text: o.text });
  }
  return parts;
}

export function buildRedline(input: RedlineInput): RedlineDocument {
  const { a, b, lang } = input;
  const cmp = compareVersions<VersionPoint>(a.points, b.points);
  const byParty = attributeChanges(input);
  const mediator: ChangeAuthor = { author: input.mediatorName, date: b.createdAt };
  const rows = cmp.rows.map((r): RedlineRow => {
    const before = r.a ? pick(r.a.texts, lang) : '';
    const after = r.b ? pick(r.b.texts, lang) : '';
    const parts: DiffPart[] = r.status === 'added' ? [{ op: 'insert', text: after }]
      : r.status === 'removed' ? [{ op: 'delete', text: before }]
      : wordChanges(before, after, lang);
    const changed = r.status !== 'unchanged' || r.renumbered;
    return {
      pointId: r.pointId,
      status: r.status,
      oldNumber: r.a?.number ?? null,
      newNumber: r.b?.number ?? null,
      parts: parts.filter((p) => p.text !== ''),
      moved: r.moved,
      sectionId: r.sectionId,
      by: changed ? byParty.get(r.pointId) ?? mediator : null,
    };
  });
  const sectionTitles = new Map<string, string>();
  for (const s of [...a.sections, ...b.sections] as Section[]) sectionTitles.set(s.id, pick(s.title, lang));
  return { title: pick(input.title, lang), lang, dir: dirOf(lang), a: ref(a), b: ref(b), rows, sectionTitles, counts: cmp.counts };
}

/** A version as rows of the same shape (nothing changed), so one renderer draws both. */
export interface VersionDocument {
  title: string;
  lang: string;
  dir: 'rtl' | 'ltr';
  version: VersionRef;
  points: { number: string; text: string; sectionId: string | null }[];
  sectionTitles: Map<string, string>;
}

export function versionDocument(v: Version, title: Record<string, string>, lang: string): VersionDocument {
  return {
    title: pick(title, lang),
    lang,
    dir: dirOf(lang),
    version: ref(v),
    points: v.points.map((p) => ({ number: p.number, text: pick(p.texts, lang), sectionId: p.sectionId })),
    sectionTitles: new Map(v.sections.map((s) => [s.id, pick(s.title, lang)])),
  };
}

/** A file name from a version label: letters (with their marks) and digits of any script kept, the rest dashed. */
export function fileSlug(label: string): string {
  const slug = label.normalize('NFC').replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/gu, '').slice(0, 60);
  return slug || 'version';
}
