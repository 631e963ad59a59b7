/**
 * A recipient's print/copy view of a version or a readout: the server's copy issued to this
 * account, shown exactly as given (every character kept: what is printed or copied from here
 * is this copy), with a Print button, downloads of the same copy, and the language chosen in
 * the address. Printing leaves out the app around the document (tracing.css).
 */
import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useNegotiation } from '../../negotiation/context.tsx';
import { ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useLanguageName } from '../versions/version-ui.tsx';
import { exportHref, useCopy, type CopyDoc, type PrintCopy } from './queries.ts';
import { breakablePieces } from './tracing-view.ts';
import './tracing.css';

export function VersionCopyPage() {
  const { versionId = '' } = useParams();
  return <CopyView doc={{ kind: 'version', docId: versionId }} />;
}

export function ReadoutCopyPage() {
  const { readoutId = '' } = useParams();
  return <CopyView doc={{ kind: 'readout', docId: readoutId }} />;
}

/** The copy's language: the address's, else the UI language when the negotiation has it, else its drafting language. */
function useCopyLanguage(): [string, (lang: string) => void] {
  const { i18n } = useTranslation();
  const { overview } = useNegotiation();
  const [params, setParams] = useSearchParams();
  const ui = i18n.language.split('-')[0]!;
  const lang = params.get('lang') ?? (overview.languages.includes(ui) ? ui : overview.draftingLanguage);
  const set = (l: string) => setParams((p) => { const q = new URLSearchParams(p); q.set('lang', l); return q; }, { replace: true });
  return [lang, set];
}

function CopyView({ doc }: { doc: CopyDoc }) {
  const { t } = useTranslation();
  const { id, overview } = useNegotiation();
  const [lang, setLang] = useCopyLanguage();
  const copy = useCopy(id, doc, lang);
  const languageName = useLanguageName();
  const langId = useId();
  useDocumentTitle(copy.data ? t('tracing:copy.title', { label: copy.data.label }) : t('tracing:copy.loading'));
  const back = doc.kind === 'version' ? `/n/${id}/versions/${doc.docId}` : `/n/${id}/rounds`;
  const formats = ['md', 'txt', 'docx', 'pdf'] as const;

  return (
    <section className="page copy-view" data-testid="copy-view">
      <div className="copy-tools">
        <p className="back-link"><Link to={back}>{t(`tracing:copy.back.${doc.kind}`)}</Link></p>
        <div className="copy-toolbar">
          <span className="field-inline">
            <label htmlFor={langId}>{t('tracing:copy.language')}</label>{' '}
            <select id={langId} value={lang} onChange={(e) => setLang(e.target.value)} data-testid="copy-language">
              {overview.languages.map((l) => <option key={l} value={l}>{languageName(l)}</option>)}
            </select>
          </span>
          <button type="button" className="button primary" onClick={() => window.print()} disabled={!copy.data} data-testid="print">
            {t('tracing:copy.print')}
          </button>
          <span className="copy-downloads" role="group" aria-label={t('tracing:copy.downloads')}>
            {formats.map((f) => <a key={f} href={exportHref(id, doc, f, lang)} download data-format={f}>{t(`tracing:format.${f}`)}</a>)}
          </span>
        </div>
        {copy.data && (
          <p className="copy-notice small" data-testid="copy-notice">
            <Icon name="lock" /> {copy.data.fingerprinted ? t('tracing:copy.yours') : t('tracing:copy.plain')}
          </p>
        )}
      </div>
      {copy.isPending && <Loading />}
      <ErrorMessage error={copy.error} />
      {copy.data && <CopyDocument copy={copy.data} />}
    </section>
  );
}

/** Consecutive blocks of one section, under that section's heading. */
function sections(blocks: PrintCopy['blocks']): { section: string | null; blocks: PrintCopy['blocks'] }[] {
  const out: { section: string | null; blocks: PrintCopy['blocks'] }[] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (last && last.section === b.section) last.blocks.push(b);
    else out.push({ section: b.section, blocks: [b] });
  }
  return out;
}

function CopyDocument({ copy }: { copy: PrintCopy }) {
  return (
    <article className="copy-document" lang={copy.lang} dir={copy.dir} data-testid="copy-document">
      <header>
        <h1 className="copy-title">{copy.title}</h1>
        <p className="copy-label" dir="auto">{copy.label}</p>
      </header>
      {sections(copy.blocks).map((s, i) => (
        <section key={i} className="copy-section">
          {s.section && <h2>{s.section}</h2>}
          {s.blocks.map((b, j) => (
            <div key={j} className="copy-block" data-number={b.number}>
              {b.number && <span className="copy-number">{b.number}</span>}
              <p className="copy-text" data-testid="copy-paragraph">
                {breakablePieces(b.text).map((piece, k) => <Fragment key={k}>{k > 0 && <wbr />}{piece}</Fragment>)}
              </p>
            </div>
          ))}
        </section>
      ))}
    </article>
  );
}
