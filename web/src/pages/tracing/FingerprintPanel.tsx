/**
 * The mediator's fingerprint of one confidential version: how many slots each language has
 * against the code length needed for (n, c, ε), the wording variants the app suggests (never
 * applied until the mediator approves them), a custom variant, and the approved ones, each
 * revocable. Every phrase is shown in place: a few words before, original → alternative, after.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionOut } from '../../api/schemas.ts';
import { dirOfLang } from '../../i18n/text-direction.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { formatNumber } from '../../ui/dates.ts';
import { ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useLanguageName } from '../versions/version-ui.tsx';
import {
  useApproveVariants, useFingerprint, useRevokeVariant, type ApprovedVariantView, type FingerprintOverview, type VariantSuggestionView,
} from './queries.ts';
import { contextAround, findOccurrences, formatEpsilon, groupByPoint, suggestionKey } from './tracing-view.ts';
import './tracing.css';

/** Shown only to the mediator, and only on a confidential version (a public one's copies are plain). */
export function FingerprintPanel({ version }: { version: VersionOut }) {
  const { isMediator } = useNegotiation();
  if (!isMediator || version.visibility === 'public') return null;
  return <Fingerprint version={version} />;
}

function versionLanguages(version: VersionOut, negotiationLanguages: readonly string[]): string[] {
  const present = new Set(version.points.flatMap((p) => Object.keys(p.texts).filter((l) => p.texts[l]?.trim())));
  return negotiationLanguages.filter((l) => present.has(l));
}

function Fingerprint({ version }: { version: VersionOut }) {
  const { t } = useTranslation();
  const { id, overview } = useNegotiation();
  const languageName = useLanguageName();
  const languages = versionLanguages(version, overview.languages);
  const [lang, setLang] = useState(() => (languages.includes(overview.draftingLanguage) ? overview.draftingLanguage : languages[0] ?? overview.draftingLanguage));
  const fp = useFingerprint(id, version.id, lang);
  const langId = useId();

  return (
    <section className="card fingerprint-panel" aria-labelledby="fingerprint-heading" data-testid="fingerprint-panel">
      <h2 id="fingerprint-heading"><Icon name="lock" /> {t('tracing:fingerprint.heading')}</h2>
      <p className="hint">{t('tracing:fingerprint.intro')}</p>
      <p className="field-inline">
        <label htmlFor={langId}>{t('tracing:fingerprint.language')}</label>{' '}
        <select id={langId} value={lang} onChange={(e) => setLang(e.target.value)} data-testid="fingerprint-language">
          {languages.map((l) => <option key={l} value={l}>{languageName(l)}</option>)}
        </select>
      </p>
      {fp.isPending && <Loading />}
      <ErrorMessage error={fp.error} />
      {fp.data && (
        <>
          {!fp.data.fingerprinted && <p className="empty">{t('tracing:fingerprint.plain')}</p>}
          <SlotCounts fp={fp.data} />
          <Suggestions key={`${version.id}:${lang}`} fp={fp.data} version={version} />
          <CustomVariant key={`custom:${lang}`} version={version} lang={lang} />
          <Approved fp={fp.data} version={version} lang={lang} />
        </>
      )}
    </section>
  );
}

function SlotCounts({ fp }: { fp: FingerprintOverview }) {
  const { t, i18n } = useTranslation();
  const languageName = useLanguageName();
  const lang = i18n.language;
  const n = (x: number) => formatNumber(x, lang);
  const need = fp.code.length;
  return (
    <div className="table-scroll" role="region" aria-labelledby="slots-caption" tabIndex={0}>
      <table className="tracing-table" data-testid="slot-counts">
        <caption id="slots-caption">
          {t('tracing:fingerprint.slotsCaption', { length: n(need), n: n(fp.code.n), c: n(fp.code.c), epsilon: formatEpsilon(fp.code.epsilon, lang) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('tracing:fingerprint.languageColumn')}</th>
            <th scope="col" className="num">{t('tracing:fingerprint.wordingSlots')}</th>
            <th scope="col" className="num">{t('tracing:fingerprint.formatSlots')}</th>
            <th scope="col" className="num">{t('tracing:fingerprint.totalSlots')}</th>
            <th scope="col" className="num">{t('tracing:fingerprint.copies')}</th>
            <th scope="col">{t('tracing:fingerprint.enough')}</th>
          </tr>
        </thead>
        <tbody>
          {fp.languages.map((l) => {
            const total = l.wordingSlots + l.formatSlots;
            return (
              <tr key={l.lang} data-testid="slot-count" data-lang={l.lang}>
                <th scope="row">{languageName(l.lang)}</th>
                <td className="num" data-testid="wording-slots">{n(l.wordingSlots)}</td>
                <td className="num">{n(l.formatSlots)}</td>
                <td className="num">{n(total)}</td>
                <td className="num">{n(l.copies)}</td>
                <td>
                  {total >= need
                    ? <span className="badge enough-badge"><Icon name="check" className="symbol" /> {t('tracing:fingerprint.isEnough')}</span>
                    : <span className="badge short-badge"><Icon name="warning" className="symbol" /> {t('tracing:fingerprint.short', { missing: n(need - total) })}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

type Located = { pointId: string; lang: string; start: number; end: number; original: string; before: string; after: string };

/** Whole words around a phrase from the version's own text; the server's context when the text does not hold the phrase there. */
function inPlace(version: VersionOut, v: Located): { before: string; after: string } {
  const text = version.points.find((p) => p.pointId === v.pointId)?.texts[v.lang];
  if (text === undefined || text.slice(v.start, v.end) !== v.original) return { before: v.before, after: v.after };
  return contextAround(text, v.start, v.end, v.lang);
}

/** A phrase in place, in its own language and direction: before, original → alternative, after. */
function Phrase({ lang, before, original, alternative, after }: { lang: string; before: string; original: string; alternative: string; after: string }) {
  const { t, i18n } = useTranslation();
  const dir = dirOfLang(lang);
  return (
    <span className="phrase" lang={lang} dir={dir}>
      <span className="context">{before}</span>
      <mark className="original">{original}</mark>
      <span aria-hidden="true" className="arrow">{dir === 'rtl' ? ' ← ' : ' → '}</span>
      <span className="visually-hidden" lang={i18n.language}>{t('tracing:variant.becomes')}</span>
      <mark className="alternative">{alternative}</mark>
      <span className="context">{after}</span>
    </span>
  );
}

function Suggestions({ fp, version }: { fp: FingerprintOverview; version: VersionOut }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const approve = useApproveVariants(id, version.id);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [done, setDone] = useState(0);
  const groups = useMemo(() => groupByPoint(fp.suggestions), [fp.suggestions]);
  const byKey = useMemo(() => new Map(fp.suggestions.map((s) => [suggestionKey(s), s])), [fp.suggestions]);
  const selected = [...chosen].map((k) => byKey.get(k)).filter((s): s is VariantSuggestionView => s !== undefined);

  const toggle = (key: string) => {
    const next = new Set(chosen);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setChosen(next);
  };
  const submit = () => {
    if (selected.length === 0) return;
    approve.mutate(
      { variants: selected.map((s) => ({ pointId: s.pointId, lang: s.lang, start: s.start, end: s.end, original: s.original, alternative: s.alternative, kind: s.kind })) },
      { onSuccess: () => { setDone(selected.length); setChosen(new Set()); } },
    );
  };

  return (
    <section className="fp-section" aria-labelledby="suggestions-heading" data-testid="suggestions-section" data-lang={fp.lang}>
      <h3 id="suggestions-heading">{t('tracing:suggestions.heading', { count: fp.suggestions.length, n: formatNumber(fp.suggestions.length, i18n.language) })}</h3>
      <p className="hint">{t('tracing:suggestions.hint')}</p>
      {groups.length === 0 && <p className="empty">{t('tracing:suggestions.none')}</p>}
      {groups.length > 0 && (
        <form onSubmit={(e) => { e.preventDefault(); submit(); }} data-testid="suggestions">
          <div className="suggestion-groups">
            {groups.map((g) => (
              <fieldset key={g.pointId} className="suggestion-group" data-point={g.pointNumber}>
                <legend>{t('tracing:pointNumber', { number: g.pointNumber })}</legend>
                <ul>
                  {g.items.map((s) => {
                    const key = suggestionKey(s);
                    return (
                      <li key={key}>
                        <label className="suggestion" data-testid="suggestion" data-kind={s.kind}>
                          <input type="checkbox" checked={chosen.has(key)} onChange={() => toggle(key)} />
                          <span className="suggestion-body">
                            <Phrase lang={s.lang} {...inPlace(version, s)} original={s.original} alternative={s.alternative} />
                            <span className="suggestion-meta small">
                              <span className="badge kind-badge">{t(`tracing:kind.${s.kind}`)}</span>
                              {s.note && <span className="muted" dir="auto">{s.note}</span>}
                            </span>
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </fieldset>
            ))}
          </div>
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={selected.length === 0 || approve.isPending} data-testid="approve-selected">
              {t('tracing:suggestions.approve', { count: selected.length, n: formatNumber(selected.length, i18n.language) })}
            </button>
            <button type="button" className="button" disabled={chosen.size === 0} onClick={() => setChosen(new Set())}>{t('tracing:suggestions.clear')}</button>
          </div>
          <ErrorMessage error={approve.error} />
        </form>
      )}
      {done > 0 && <p className="success" role="status" data-testid="approved-status">{t('tracing:suggestions.approved', { count: done, n: formatNumber(done, i18n.language) })}</p>}
    </section>
  );
}

function CustomVariant({ version, lang }: { version: VersionOut; lang: string }) {
  const { t } = useTranslation();
  const { id } = useNegotiation();
  const languageName = useLanguageName();
  const approve = useApproveVariants(id, version.id);
  const points = version.points.filter((p) => p.texts[lang]?.trim());
  const [pointId, setPointId] = useState(points[0]?.pointId ?? '');
  const [original, setOriginal] = useState('');
  const [alternative, setAlternative] = useState('');
  const [which, setWhich] = useState(0);
  const [saved, setSaved] = useState(false);
  const ids = { point: useId(), original: useId(), alternative: useId(), which: useId() };
  const point = points.find((p) => p.pointId === pointId);
  const text = point?.texts[lang] ?? '';
  const found = findOccurrences(text, original, lang);
  const at = found[Math.min(which, found.length - 1)];
  const alt = alternative.normalize('NFC');
  const problem = !original ? null
    : found.length === 0 ? 'notFound'
    : original.length > 200 || alt.length > 200 ? 'tooLong'
    : alt && alt === original.normalize('NFC') ? 'same'
    : null;
  const ready = Boolean(point && at && alt && !problem);

  const submit = () => {
    if (!ready || !point || !at) return;
    approve.mutate(
      { variants: [{ pointId: point.pointId, lang, start: at.start, end: at.end, original: text.slice(at.start, at.end), alternative: alt, kind: 'custom' }] },
      { onSuccess: () => { setSaved(true); setOriginal(''); setAlternative(''); setWhich(0); } },
    );
  };
  const dir = dirOfLang(lang);

  return (
    <section className="fp-section" aria-labelledby="custom-heading">
      <h3 id="custom-heading">{t('tracing:custom.heading', { language: languageName(lang) })}</h3>
      <p className="hint">{t('tracing:custom.hint')}</p>
      <form className="form custom-variant" onSubmit={(e) => { e.preventDefault(); setSaved(false); submit(); }} data-testid="custom-variant">
        <label htmlFor={ids.point}>{t('tracing:custom.point')}</label>
        <select id={ids.point} value={pointId} onChange={(e) => { setPointId(e.target.value); setWhich(0); }}>
          {points.map((p) => <option key={p.pointId} value={p.pointId}>{t('tracing:pointNumber', { number: p.number })}</option>)}
        </select>
        {point && <p className="point-preview" lang={lang} dir={dir}>{text}</p>}
        <label htmlFor={ids.original}>{t('tracing:custom.original')}</label>
        <input
          id={ids.original} value={original} lang={lang} dir={dir} onChange={(e) => { setOriginal(e.target.value); setWhich(0); }}
          aria-describedby={`${ids.original}-state`} data-testid="custom-original"
        />
        <p id={`${ids.original}-state`} className="small" aria-live="polite">
          {problem === 'notFound' ? <span className="field-problem">{t('tracing:custom.notFound')}</span>
            : found.length === 1 ? <span className="muted">{t('tracing:custom.foundOnce')}</span>
            : found.length > 1 ? <span className="muted">{t('tracing:custom.foundMany', { n: formatNumber(found.length, lang) })}</span>
            : null}
        </p>
        {found.length > 1 && (
          <fieldset className="occurrences">
            <legend>{t('tracing:custom.which')}</legend>
            {found.map((o, i) => (
              <label key={o.start} className="check">
                <input type="radio" name={ids.which} checked={i === which} onChange={() => setWhich(i)} />
                <span lang={lang} dir={dir}>
                  <span className="context">{o.before}</span><mark className="original">{text.slice(o.start, o.end)}</mark><span className="context">{o.after}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <label htmlFor={ids.alternative}>{t('tracing:custom.alternative')}</label>
        <input id={ids.alternative} value={alternative} lang={lang} dir={dir} onChange={(e) => setAlternative(e.target.value)} data-testid="custom-alternative" />
        {problem === 'same' && <p className="small field-problem">{t('tracing:custom.same')}</p>}
        {problem === 'tooLong' && <p className="small field-problem">{t('tracing:custom.tooLong')}</p>}
        {at && alt && !problem && (
          <p className="small">{t('tracing:custom.preview')} <Phrase lang={lang} before={at.before} original={text.slice(at.start, at.end)} alternative={alt} after={at.after} /></p>
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={!ready || approve.isPending} data-testid="custom-approve">{t('tracing:custom.approve')}</button>
        </div>
        <ErrorMessage error={approve.error} />
        {saved && <p className="success" role="status">{t('tracing:custom.saved')}</p>}
      </form>
    </section>
  );
}

/** The approved variants in the language chosen (the slot counts above give every language's). */
function Approved({ fp, version, lang }: { fp: FingerprintOverview; version: VersionOut; lang: string }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const languageName = useLanguageName();
  const revoke = useRevokeVariant(id);
  const shown = fp.variants.filter((v) => v.lang === lang);
  const groups = groupByPoint<ApprovedVariantView>(shown);
  return (
    <section className="fp-section" aria-labelledby="approved-heading">
      <h3 id="approved-heading">{t('tracing:approved.heading', { count: shown.length, n: formatNumber(shown.length, i18n.language), language: languageName(lang) })}</h3>
      {shown.length === 0 && <p className="empty">{t('tracing:approved.none')}</p>}
      <ul className="approved-list" data-testid="approved-variants">
        {groups.flatMap((g) => g.items.map((v) => (
          <li key={v.id} data-testid="approved-variant" data-kind={v.kind} data-lang={v.lang} className="approved-variant">
            <span className="approved-where small">
              {t('tracing:pointNumber', { number: v.pointNumber })} · {t(`tracing:kind.${v.kind}`)}
            </span>
            <Phrase lang={v.lang} {...inPlace(version, v)} original={v.original} alternative={v.alternative} />
            <button
              type="button" className="button small danger" disabled={revoke.isPending} onClick={() => revoke.mutate(v.id)}
              aria-label={t('tracing:approved.revokeLabel', { number: v.pointNumber, original: v.original, alternative: v.alternative })} data-testid="revoke"
            >
              {t('tracing:approved.revoke')}
            </button>
          </li>
        )))}
      </ul>
      <ErrorMessage error={revoke.error} />
    </section>
  );
}
