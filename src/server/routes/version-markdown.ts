import type { Version } from '../../domain/model.ts';

/** A version as Markdown in one language, falling back to the first text a point has. */
export function versionMarkdown(v: Version, title: Record<string, string>, lang: string): string {
  const pick = (t: Record<string, string>) => t[lang] ?? Object.values(t)[0] ?? '';
  const lines = [`# ${pick(title)}`, '', `## ${v.label}`, '', `Content hash: \`${v.contentHash}\``, ''];
  let section: string | null = null;
  for (const p of v.points) {
    if (p.sectionId !== section) {
      section = p.sectionId;
      const s = v.sections.find((x) => x.id === section);
      if (s) lines.push(`### ${pick(s.title)}`, '');
    }
    lines.push(`${p.number}. ${pick(p.texts).replace(/\n/g, '\n   ')}`, '');
  }
  return lines.join('\n');
}
