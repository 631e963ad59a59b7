/**
 * A version or readout as plain UTF-8 text: title, label, then each point as "N. text" with
 * its section headings, continuation lines indented. What a delegate pastes into an e-mail;
 * the characters of the copy go through untouched (a no-break space stays one).
 */
import type { VersionDocument } from './redline.ts';

export function versionPlainText(doc: VersionDocument): string {
  const lines = [doc.title, doc.version.label, ''];
  let section: string | null = null;
  for (const p of doc.points) {
    if (p.sectionId !== section) {
      section = p.sectionId;
      const t = section ? doc.sectionTitles.get(section) : undefined;
      if (t) lines.push(t, '');
    }
    const lead = p.number ? `${p.number}. ` : '';
    lines.push(`${lead}${p.text.replace(/\n/gu, `\n${' '.repeat(lead.length)}`)}`, '');
  }
  return lines.join('\n');
}
