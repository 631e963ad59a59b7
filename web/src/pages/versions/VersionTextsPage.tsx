/**
 * One version with its authentic texts side by side, a column per language: the view a
 * legal-linguistic reviewer works from. Each cell keeps its own language and direction, a
 * missing translation is said, not left blank, a translation the working text marks pending
 * is badged, and characters that can make what is seen differ from what is signed are flagged
 * where the text is shown. The languages shown live in the address.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useNegotiation } from '../../negotiation/context.tsx';
import { usePoints } from '../../negotiation/queries.ts';
import { VisibilityBadge } from '../../ui/badges.tsx';
import { formatDate, formatNumber } from '../../ui/dates.ts';
import { ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { TextFlags, textFlagsId } from '../../ui/TextFlags.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { dirOfLang } from '../../i18n/text-direction.ts';
import { FingerprintPanel } from '../tracing/FingerprintPanel.tsx';
import { VersionCopyLinks } from '../tracing/CopyLinks.tsx';
import { useVersion } from './queries.ts';
import { HashCode, useLanguageName } from './version-ui.tsx';
import { chosenLanguages, coverage, pendingByPoint } from './version-texts.ts';
import './version-texts.css';

export function VersionTextsPage() {
  const { t, i18n } = useTranslation();
  const { id, overview } = useNegotiation();
  const { versionId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const version = useVersion(id, versionId);
  const points = usePoints(id);
  const languageName = useLanguageName();
  useDocumentTitle(version.data ? t('texts:title', { label: version.data.label }) : t('texts:loading'));

  const cover = useMemo(() => coverage(version.data?.points ?? [], overview.languages, overview.draftingLanguage), [version.data, overview]);
  // The address holds the choice; a local copy answers a click at once (the router applies a
  // new address as a transition, which may lag a controlled checkbox clicked twice quickly).
  const [langs, setLangs] = useState(() => params.get('langs'));
  const [address, setAddress] = useState(params.get('langs'));
  if (address !== params.get('langs')) {
    setAddress(params.get('langs'));
    setLangs(params.get('langs'));
  }
  const shown = chosenLanguages(langs, cover);
  const pending = useMemo(() => pendingByPoint(version.data?.points ?? [], points.data ?? []), [version.data, points.data]);

  if (version.isPending) return <Loading />;
  if (version.isError) return <section className="page"><ErrorMessage error={version.error} /></section>;
  const v = version.data;

  const toggle = (lang: string) => {
    const next = shown.includes(lang) ? shown.filter((l) => l !== lang) : [...shown, lang];
    // At least one column: unticking the last language is ignored.
    if (next.length === 0) return;
    const value = cover.map((c) => c.lang).filter((l) => next.includes(l)).join(',');
    setLangs(value);
    setParams((p) => { const q = new URLSearchParams(p); q.set('langs', value); return q; }, { replace: true });
  };
  const download = (lang: string, format: 'md' | 'docx' | 'pdf') =>
    `/api/negotiations/${id}/versions/${v.id}/export?format=${format}&lang=${encodeURIComponent(lang)}`;

  return (
    <section className="page version-texts-page">
      <p className="back-link"><Link to={`/n/${id}/versions`}>{t('texts:back')}</Link></p>
      <div className="page-heading">
        <h1>{t('texts:title', { label: v.label })}</h1>
        <p className="hint">{t('texts:intro')}</p>
      </div>
      <dl className="facts texts-facts">
        <dt>{t('texts:created')}</dt>
        <dd>{formatDate(v.createdAt, i18n.language, true)} <VisibilityBadge visibility={v.visibility} /></dd>
        <dt>{t('texts:hash')}</dt>
        <dd><HashCode hash={v.contentHash} /></dd>
        <dt>{t('texts:drafting')}</dt>
        <dd>{languageName(overview.draftingLanguage)}</dd>
        {v.imported && (
          <>
            <dt>{t('texts:importedFrom')}</dt>
            <dd><bdi dir="auto">{v.imported.source.name}</bdi> ({languageName(v.imported.lang)})</dd>
          </>
        )}
      </dl>

      <fieldset className="texts-languages" data-testid="texts-languages">
        <legend>{t('texts:languages')}</legend>
        <ul>
          {cover.map((c) => (
            <li key={c.lang}>
              <label>
                <input type="checkbox" checked={shown.includes(c.lang)} onChange={() => toggle(c.lang)} data-lang={c.lang} />
                {' '}{languageName(c.lang)}
                {c.lang === overview.draftingLanguage && <span className="badge">{t('texts:draftingBadge')}</span>}
              </label>
              <span className={`coverage${c.present < c.total ? ' incomplete' : ''}`} data-testid="coverage" data-lang={c.lang}>
                {t('texts:coverage', { present: formatNumber(c.present, i18n.language), total: formatNumber(c.total, i18n.language) })}
              </span>
              <span className="texts-downloads" role="group" aria-label={t('texts:downloads', { language: languageName(c.lang) })}>
                <a href={download(c.lang, 'md')} download>{t('texts:md')}</a>
                <a href={download(c.lang, 'docx')} download>{t('texts:docx')}</a>
                <a href={download(c.lang, 'pdf')} download>{t('texts:pdf')}</a>
                <VersionCopyLinks versionId={v.id} lang={c.lang} />
              </span>
            </li>
          ))}
        </ul>
      </fieldset>

      <div className="texts-scroll" role="region" aria-label={t('texts:tableLabel')} tabIndex={0}>
        <table className="texts-table" data-testid="texts-table">
          <thead>
            <tr>
              <th scope="col">{t('texts:point')}</th>
              {shown.map((l) => <th scope="col" key={l}>{languageName(l)}</th>)}
            </tr>
          </thead>
          <tbody>
            {v.points.map((p) => (
              <tr key={p.pointId} data-point={p.number}>
                <th scope="row"><Link to={`/n/${id}/points/${p.pointId}`}>{p.number}</Link></th>
                {shown.map((l) => {
                  const text = p.texts[l] ?? '';
                  const flags = p.flags[l] ?? [];
                  const scope = `v-${p.pointId}`;
                  return (
                    <td key={l} data-lang={l}>
                      {text.trim() === '' ? (
                        <span className="muted missing" data-testid="missing">{t('texts:missing', { language: languageName(l) })}</span>
                      ) : (
                        <p lang={l} dir={dirOfLang(l)} aria-describedby={flags.length > 0 ? textFlagsId(scope, l) : undefined}>{text}</p>
                      )}
                      {pending.get(p.pointId)?.has(l) && (
                        <span className="badge pending" data-testid="pending"><Icon name="warning" className="symbol" /> {t('texts:pending')}</span>
                      )}
                      <TextFlags text={text} flags={flags} lang={l} scope={scope} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FingerprintPanel version={v} />
    </section>
  );
}
