/**
 * A report's text as its statements refer to it. Quote extraction numbers the lines of the
 * article text (for HTML, the page's blocks), so an imported statement's `line` is checked and
 * later shown against those same lines, never against the raw markup.
 */
import { quoteSourceText } from '../quotes/extract-quotes.ts';
import type { ReportFormat } from '../model.ts';

/** The largest report accepted, in UTF-16 code units: a long article is ~50 000. */
export const MAX_REPORT_CHARS = 2_000_000;

export function reportLines(text: string, format: ReportFormat): string[] {
  return quoteSourceText(text, { html: format === 'html' }).split(/\r\n|\r|\n/u);
}

/** Whitespace runs (line breaks of a quote continued across lines included) count as one space. */
export function squashSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
