/** The shapes quote extraction takes and gives; `parley quotes --json` prints ExtractedQuote[]. */

/**
 * `speech`: a quoted sentence or more; `phrase`: a few quoted words inside the reporter's own
 * sentence; `reported`: speech without marks (only from a headline "Name: words").
 */
export type QuoteKind = 'speech' | 'phrase' | 'reported';

/** How the speaker was found, so a reviewer knows how far to trust it. */
export type AttributionVia = 'name' | 'pronoun' | 'role' | 'metonym' | 'continuation' | 'inherited' | 'headline' | 'none';

/** A person the text may quote, as `people.json` gives them (not the negotiation's Person). */
export interface KnownPerson {
  readonly name: string;
  /**
   * The party, as the caller names it: its id, its English name or a name in any script.
   * It comes back unchanged in `ExtractedQuote.party`. To tie "Moscow said" / «Кремль
   * заявил» to the person's party, the extractor must recognize the party as a country or
   * bloc: "Russia", "Россия", "روس", "party-russia", "US delegation" are recognized; an
   * opaque id is not, and then a capital resolves to the last speaker only when they spoke
   * within the last two paragraphs. `partyNames` gives the party's other names for that.
   */
  readonly party?: string | undefined;
  /** Other names of the party (short name, names in other scripts), used only for recognition. */
  readonly partyNames?: readonly string[] | undefined;
  readonly aliases?: readonly string[] | undefined;
}

export interface ExtractOptions {
  /** ISO 639-1 of the text; detected when absent. */
  readonly lang?: string | undefined;
  readonly people?: readonly KnownPerson[] | undefined;
  /** The input is an HTML page: boilerplate is dropped and lines are the page's blocks. */
  readonly html?: boolean | undefined;
}

export interface ExtractedQuote {
  /** The quoted words without their marks (line breaks inside become spaces). */
  quote: string;
  /** The speaker as the text names them (for a pronoun or a role, the name it stands for). */
  speaker: string | null;
  /** The person of `people` (or the fullest name the text gives) the speaker resolves to. */
  person: string | null;
  /** The party of the resolved person, when `people` says. */
  party: string | null;
  kind: QuoteKind;
  /** 1-based line of the quote's first character (of the text, or of the HTML's text). */
  line: number;
  /** Code points within `line` where the quote (without marks) starts. */
  start: number;
  /** Code points within `endLine` where it ends (exclusive). */
  end: number;
  endLine: number;
  lang: string;
  /** The reporting word that tied speaker and quote ("said", "کہا", "заявил"), if any. */
  cue: string | null;
  via: AttributionVia;
  /** The words that point at the speaker when they are not a name ("he", "انہوں", "the official"). */
  mention: string | null;
  /** The quote was never closed before the end of its paragraph. */
  open: boolean;
  /** The quote continues the previous paragraph's unclosed quote. */
  continued: boolean;
  /** 0–1: how sure the attribution is. */
  confidence: number;
}
