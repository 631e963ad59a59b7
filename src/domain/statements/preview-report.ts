/**
 * The review step of importing a report: the quotations the extractor finds, each with the
 * negotiation's person it resolves to (names and aliases in every script, the party from
 * the person), a suggested stance, and whether it is already in the feed. Nothing is recorded;
 * the reviewer accepts what is right and `importReport` records it.
 */
import { ParleyError } from '../errors.ts';
import type { ReportFormat } from '../model.ts';
import type { Actor } from '../policy/actor.ts';
import { authorize } from '../policy/permissions.ts';
import { extractQuotes } from '../quotes/extract-quotes.ts';
import { looksLikeHtml } from '../quotes/html-to-text.ts';
import type { KnownPerson, QuoteKind } from '../quotes/types.ts';
import { sha256Hex } from '../record/hash-event.ts';
import type { NegotiationState } from '../record/state.ts';
import { detectLanguage } from '../text/detect-language.ts';
import { hasForbiddenControls, normalizeText } from '../text/normalize.ts';
import { MAX_REPORT_CHARS, reportLines, squashSpace } from './report-text.ts';
import { suggestStance, type StanceSuggestion } from './stance.ts';

export interface PreviewReportInput {
  text: string;
  format?: ReportFormat | undefined;
  lang?: string | undefined;
  /** The uploaded file's name: .html/.htm says HTML. */
  name?: string | undefined;
}

export interface Candidate {
  quote: string;
  speaker: string | null;
  personId: string | null;
  partyId: string | null;
  kind: QuoteKind;
  lang: string;
  line: number;
  start: number;
  end: number;
  endLine: number;
  cue: string | null;
  via: string;
  mention: string | null;
  confidence: number;
  stance: StanceSuggestion | null;
  duplicateOf: string | null;
}

export interface ReportPreview {
  lang: string;
  format: ReportFormat;
  sha256: string;
  lines: string[];
  alreadyImported: string | null;
  candidates: Candidate[];
}

/** The negotiation's persons as the extractor's people: every name, every alias, any script; the party by name. */
export function peopleOf(state: NegotiationState): { people: KnownPerson[]; idOf: Map<string, string> } {
  const people: KnownPerson[] = [];
  const idOf = new Map<string, string>();
  for (const p of state.persons.values()) {
    const names = Object.values(p.names).filter((n) => n.trim() !== '');
    // The extractor answers with `name`: make it unique so it leads back to one person.
    let name = p.names.en?.trim() || names[0] || p.aliases[0] || p.id;
    if (idOf.has(name)) name = `${name} (${p.id.slice(0, 8)})`;
    idOf.set(name, p.id);
    // The extractor matches a capital it reads ("Moscow said") to a party by its English name.
    const party = p.partyId ? state.parties.get(p.partyId) : undefined;
    const partyName = party ? party.name.en ?? Object.values(party.name)[0] ?? party.shortName : undefined;
    people.push({ name, party: partyName, aliases: [...new Set([...names, ...p.aliases])] });
  }
  return { people, idOf };
}

export function formatOf(input: Pick<PreviewReportInput, 'text' | 'format' | 'name'>): ReportFormat {
  if (input.format) return input.format;
  if (input.name && /\.x?html?$/iu.test(input.name)) return 'html';
  if (input.name && /\.txt$/iu.test(input.name)) return 'text';
  return looksLikeHtml(input.text) ? 'html' : 'text';
}

export function previewReport(state: NegotiationState, actor: Actor, input: PreviewReportInput): ReportPreview {
  authorize(actor, 'record_statement');
  // The same normalization the import's schema applies, so the preview's sha256 is the import's.
  const text = normalizeText(input.text);
  if (text.trim() === '') throw new ParleyError('invalid_import', 'The report is empty: paste its text or choose a .txt or .html file.');
  if (text.length > MAX_REPORT_CHARS) throw new ParleyError('file_too_large', `The report is longer than the limit of ${MAX_REPORT_CHARS.toLocaleString('en')} characters.`);
  if (hasForbiddenControls(text) || text.includes('\uFFFD')) {
    throw new ParleyError('invalid_import', 'The report is not plain text (it holds control characters or bytes that are not UTF-8); save it as UTF-8 text or HTML and try again.');
  }
  const format = formatOf(input);
  const lines = reportLines(text, format);
  const lang = input.lang ?? detectLanguage(lines.join('\n'));
  if (lang === 'und') throw new ParleyError('invalid_import', 'The language of the report cannot be told; choose it and try again.');
  const { people, idOf } = peopleOf(state);
  const quotes = extractQuotes(text, { lang, people, html: format === 'html' });
  if (quotes.length === 0) throw new ParleyError('invalid_import', 'No quotations were found in this report: nothing in quotation marks is attributed to anyone. Record a statement by hand instead.');
  const sha256 = sha256Hex(text);
  const alreadyImported = [...state.reports.values()].find((r) => r.sha256 === sha256)?.id ?? null;
  const recorded = [...state.statements.values()].map((s) => ({ id: s.id, quote: squashSpace(s.quote), personId: s.personId }));
  const candidates = quotes.map((q): Candidate => {
    const personId = q.person ? idOf.get(q.person) ?? null : null;
    const partyId = personId ? state.persons.get(personId)?.partyId ?? null : null;
    const words = squashSpace(q.quote);
    const duplicateOf = recorded.find((s) => s.quote === words && (s.personId === personId || s.personId === null || personId === null))?.id ?? null;
    return {
      quote: q.quote, speaker: q.speaker, personId, partyId, kind: q.kind, lang: q.lang, line: q.line, start: q.start, end: q.end, endLine: q.endLine,
      cue: q.cue, via: q.via, mention: q.mention, confidence: q.confidence, stance: suggestStance(q.quote, q.lang), duplicateOf,
    };
  });
  return { lang, format, sha256, lines, alreadyImported, candidates };
}
