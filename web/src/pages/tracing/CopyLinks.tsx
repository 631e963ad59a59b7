/**
 * Links to one's own copy, for the pages that list documents: the print/copy view and the
 * downloads. Each download is a copy issued to the reader, made when the link is followed.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReadoutOut } from '../../api/schemas.ts';
import { pickLanguage } from '../../i18n/text-direction.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { copyViewPath, exportHref } from './queries.ts';

/** Beside a version's existing Markdown / Word / PDF links: plain text and the print/copy view. */
export function VersionCopyLinks({ versionId, lang }: { versionId: string; lang: string }) {
  const { t } = useTranslation();
  const { id } = useNegotiation();
  const doc = { kind: 'version', docId: versionId } as const;
  return (
    <>
      <a href={exportHref(id, doc, 'txt', lang)} download data-format="txt">{t('tracing:format.txt')}</a>
      <Link to={copyViewPath(id, doc, lang)} data-testid="copy-view-link" data-lang={lang}>{t('tracing:links.copyView')}</Link>
    </>
  );
}

/** Under a readout: its print/copy view and downloads, in the UI language when it has it. */
export function ReadoutCopyLinks({ readout }: { readout: ReadoutOut }) {
  const { t, i18n } = useTranslation();
  const { id, overview } = useNegotiation();
  const lang = pickLanguage(readout.text, i18n.language, overview.draftingLanguage);
  if (!lang) return null;
  const doc = { kind: 'readout', docId: readout.id } as const;
  return (
    <p className="copy-links small" role="group" aria-label={t('tracing:links.readoutGroup')}>
      <Link to={copyViewPath(id, doc, lang)} data-testid="readout-copy-link">{t('tracing:links.copyView')}</Link>
      {(['md', 'txt', 'docx', 'pdf'] as const).map((f) => (
        <a key={f} href={exportHref(id, doc, f, lang)} download data-format={f}>{t(`tracing:format.${f}`)}</a>
      ))}
    </p>
  );
}
