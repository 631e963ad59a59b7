/**
 * The point now against its text in an earlier version, per language, inline or side by
 * side. Says plainly when the point was not in that version or has not changed since.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointOut, VersionOut } from '../../api/schemas.ts';
import { dirOfLang } from '../../i18n/text-direction.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { Empty } from '../../ui/feedback.tsx';
import { Redline, RedlineLegend } from '../../ui/Redline.tsx';
import { formatDate } from '../../ui/dates.ts';
import { compareTexts, defaultCompareVersion, orderLanguages } from './point-view.ts';
import { useLanguageName } from './PointTextSection.tsx';

export function RedlineSection({ point, versions, ready }: { point: PointOut; versions: VersionOut[]; ready: boolean }) {
  const { t, i18n } = useTranslation();
  const { overview } = useNegotiation();
  const languageName = useLanguageName();
  const uid = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const [mode, setMode] = useState<'inline' | 'side-by-side'>('inline');
  const newestFirst = [...versions].sort((a, b) => b.seqNo - a.seqNo);
  const versionId = chosen ?? defaultCompareVersion(versions, point.id, point.texts);
  const version = newestFirst.find((v) => v.id === versionId);
  const then = version?.points.find((x) => x.pointId === point.id);
  const order = orderLanguages({ ...point.texts, ...then?.texts }, overview.draftingLanguage, overview.languages);
  const changes = then ? compareTexts(then.texts, point.texts, order) : [];
  const unchanged = then !== undefined && changes.every((c) => c.change === 'unchanged');

  return (
    <section className="card pp-section" aria-labelledby={`${uid}-title`} data-testid="point-redline">
      <h2 id={`${uid}-title`}>{t('point:redline.title')}</h2>
      {!ready ? <p className="muted">{t('common:loading')}</p> : newestFirst.length === 0 ? <Empty>{t('point:noVersions')}</Empty> : (
        <>
          <div className="pp-controls">
            <label htmlFor={`${uid}-version`}>{t('point:redline.against')}</label>
            <select id={`${uid}-version`} value={versionId ?? ''} onChange={(e) => setChosen(e.target.value)} data-testid="redline-version">
              {newestFirst.map((v) => (
                <option key={v.id} value={v.id}>{t('point:redline.option', { label: v.label, date: formatDate(v.createdAt, i18n.language) })}</option>
              ))}
            </select>
            <fieldset className="pp-toggle">
              <legend className="visually-hidden">{t('point:redline.layout')}</legend>
              {(['inline', 'side-by-side'] as const).map((m) => (
                <label key={m} className={mode === m ? 'pp-toggle-option active' : 'pp-toggle-option'}>
                  <input type="radio" name={`${uid}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} />
                  {t(`point:redline.${m}`)}
                </label>
              ))}
            </fieldset>
          </div>
          {version && !then && <p className="pp-notice" data-testid="redline-absent">{t('point:redline.absent', { label: version.label })}</p>}
          {unchanged && <p className="pp-notice" data-testid="redline-unchanged">{t('point:redline.unchanged', { label: version!.label })}</p>}
          {then && !unchanged && (
            <div className="pp-redlines">
              <RedlineLegend />
              {mode === 'side-by-side' && (
                <p className="pp-redline-legend small muted" aria-hidden="true">
                  <span>{t('point:redline.thenLabel', { label: version!.label })}</span>
                  <span>{t('point:redline.nowLabel')}</span>
                </p>
              )}
              {changes.map(({ lang, change }) => (
                <div key={lang} className="pp-redline">
                  <h3>{languageName(lang)} <span className="small muted">· {t(`point:redline.change.${change}`)}</span></h3>
                  {change === 'unchanged' ? (
                    <p lang={lang} dir={dirOfLang(lang)} className="muted">{point.texts[lang]}</p>
                  ) : (
                    <Redline before={then.texts[lang] ?? ''} after={point.texts[lang] ?? ''} lang={lang} mode={mode} />
                  )}
                </div>
              ))}
            </div>
          )}
        </>
      )}
    </section>
  );
}
