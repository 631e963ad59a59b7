/**
 * The mediator's tracing page: a leaked text pasted or loaded, traced against the copies
 * issued, and the report as the server gives it. An accusation is shown only as the server
 * concludes it (a score past the threshold for ε on the slots actually read); the page adds no
 * verdict of its own. Below, every copy issued, so the mediator sees who holds what.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { formatDate, formatNumber } from '../../ui/dates.ts';
import { ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useLanguageName } from '../versions/version-ui.tsx';
import { useCopies, useTrace, type IssuedCopy, type TraceReport } from './queries.ts';
import {
  accusedSuspects, confidencePercent, copiedDocuments, DEFAULT_EPSILON, EPSILONS, formatEpsilon, formatScore, formatShare,
} from './tracing-view.ts';
import './tracing.css';

export function TracingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('tracing:title'));
  const { isMediator } = useNegotiation();
  if (!isMediator) {
    return <section className="page"><p className="empty" data-testid="tracing-mediator-only">{t('tracing:mediatorOnly')}</p></section>;
  }
  return (
    <section className="page tracing-page" data-testid="tracing-page">
      <div className="page-heading">
        <h1>{t('tracing:title')}</h1>
        <p className="hint">{t('tracing:intro')}</p>
      </div>
      <TraceSection />
      <CopiesIssued />
    </section>
  );
}

/** The party a copy or suspect belongs to, in the UI language when it is one the negotiation knows (by id or by a name). */
function usePartyLabel() {
  const { id } = useNegotiation();
  const names = useNames(id);
  return (party: string | null) => {
    if (party === null) return '—';
    const known = names.parties.find((p) => p.id === party || p.shortName === party || Object.values(p.name).includes(party));
    return known ? names.party(known.id) : party;
  };
}

function TraceSection() {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const copies = useCopies(id);
  const trace = useTrace(id);
  const [text, setText] = useState('');
  const [doc, setDoc] = useState('');
  const [epsilon, setEpsilon] = useState<number>(DEFAULT_EPSILON);
  const [fileError, setFileError] = useState(false);
  const docs = useMemo(() => copiedDocuments(copies.data ?? []), [copies.data]);
  const textId = useId();
  const fileId = useId();
  const docId = useId();

  const load = (file: File | undefined) => {
    setFileError(false);
    if (!file) return;
    file.text().then((s) => setText(s.normalize('NFC')), () => setFileError(true));
  };
  const run = () => {
    const [kind, target] = doc.split(':');
    trace.mutate({
      text,
      epsilon,
      ...(kind === 'version' && target ? { versionId: target } : {}),
      ...(kind === 'readout' && target ? { readoutId: target } : {}),
    });
  };

  return (
    <>
      <section className="card" aria-labelledby="trace-heading">
        <h2 id="trace-heading">{t('tracing:form.heading')}</h2>
        <form className="form trace-form" onSubmit={(e) => { e.preventDefault(); if (text.trim()) run(); }}>
          <label htmlFor={textId}>{t('tracing:form.text')}</label>
          <p className="hint" id={`${textId}-hint`}>{t('tracing:form.textHint')}</p>
          <textarea
            id={textId} aria-describedby={`${textId}-hint`} rows={10} dir="auto" value={text}
            onChange={(e) => setText(e.target.value)} data-testid="leak-text" spellCheck={false}
          />
          <label htmlFor={fileId}>{t('tracing:form.file')}</label>
          <input id={fileId} type="file" accept=".txt,text/plain" onChange={(e) => load(e.target.files?.[0])} data-testid="leak-file" />
          {fileError && <p role="alert" className="error-message">{t('tracing:form.fileError')}</p>}

          <label htmlFor={docId}>{t('tracing:form.document')}</label>
          <select id={docId} value={doc} onChange={(e) => setDoc(e.target.value)} data-testid="trace-document">
            <option value="">{t('tracing:form.anyDocument')}</option>
            {docs.map((d) => (
              <option key={`${d.kind}:${d.id}`} value={`${d.kind}:${d.id}`}>
                {t('tracing:docLabel', { kind: t(`tracing:docKind.${d.kind}`), label: d.label })}
              </option>
            ))}
          </select>

          <fieldset className="epsilon-choice">
            <legend>{t('tracing:form.epsilon')}</legend>
            <p className="hint">{t('tracing:form.epsilonHint')}</p>
            {EPSILONS.map((e) => (
              <label key={e} className="check">
                <input type="radio" name="epsilon" value={e} checked={epsilon === e} onChange={() => setEpsilon(e)} data-testid={`epsilon-${e}`} />
                <span dir="ltr">{formatEpsilon(e, i18n.language)}</span>
                <span className="muted small">{t(`tracing:form.epsilonMeaning.${String(EPSILONS.indexOf(e))}`)}</span>
              </label>
            ))}
          </fieldset>

          <div className="form-actions">
            <button type="submit" className="button primary" disabled={!text.trim() || trace.isPending} data-testid="run-trace">
              {trace.isPending ? t('tracing:form.running') : t('tracing:form.run')}
            </button>
          </div>
          <ErrorMessage error={trace.error} />
        </form>
      </section>
      <div aria-live="polite" aria-atomic="false" className="trace-result-region">
        {trace.data && !trace.isPending && <Report report={trace.data} />}
      </div>
    </>
  );
}

function Report({ report }: { report: TraceReport }) {
  const { t, i18n } = useTranslation();
  const languageName = useLanguageName();
  const lang = i18n.language;
  const partyLabel = usePartyLabel();
  const accused = accusedSuspects(report);
  const suspects = [...report.suspects].sort((a, b) => b.score - a.score);
  const list = new Intl.ListFormat(lang, { type: 'conjunction' });

  return (
    <section className="card trace-report" aria-labelledby="report-heading" data-testid="trace-report">
      <h2 id="report-heading">{t('tracing:report.heading')}</h2>
      <div className={`conclusion conclusion-${report.conclusion}`} data-testid="conclusion" data-conclusion={report.conclusion}>
        <Icon name={report.conclusion === 'accused' ? 'warning' : report.conclusion === 'no_match' ? 'circle-empty' : 'check'} />
        <p>
          {report.conclusion === 'accused'
            ? t('tracing:conclusion.accused', { count: accused.length, names: list.format(accused.map((s) => `\u2068${s.recipientName}\u2069`)) })
            : report.conclusion === 'no_match' ? t('tracing:conclusion.noMatch') : t('tracing:conclusion.noAccusation')}
        </p>
      </div>
      <p className="hint">{t(`tracing:conclusionHint.${report.conclusion}`)}</p>

      <dl className="facts trace-facts">
        <dt>{t('tracing:report.document')}</dt>
        <dd data-testid="report-document">
          {report.document
            ? t('tracing:report.documentValue', { kind: t(`tracing:docKind.${report.document.kind}`), label: `\u2068${report.document.label}\u2069`, language: languageName(report.document.lang) })
            : <span className="muted">{t('tracing:report.noDocument')}</span>}
        </dd>
        <dt>{t('tracing:report.coverage')}</dt>
        <dd>{t('tracing:report.coverageValue', { share: formatShare(report.coverage, lang) })}</dd>
        <dt>{t('tracing:report.slotsRead')}</dt>
        <dd data-testid="slots-read">
          {t('tracing:report.slotsReadValue', {
            total: formatNumber(report.slotsRead, lang), wording: formatNumber(report.wordingSlotsRead, lang), format: formatNumber(report.formatSlotsRead, lang),
          })}
        </dd>
        <dt>{t('tracing:report.epsilon')}</dt>
        <dd>
          <span dir="ltr">{formatEpsilon(report.epsilon, lang)}</span>
          {report.candidates > 1 && <> · {t('tracing:report.candidates', { count: report.candidates, n: formatNumber(report.candidates, lang) })}</>}
        </dd>
      </dl>

      {suspects.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="suspects-caption" tabIndex={0}>
          <table className="tracing-table" data-testid="suspects">
            <caption id="suspects-caption">{t('tracing:suspects.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tracing:suspects.recipient')}</th>
                <th scope="col">{t('tracing:suspects.party')}</th>
                <th scope="col" className="num">{t('tracing:suspects.score')}</th>
                <th scope="col" className="num">{t('tracing:suspects.threshold')}</th>
                <th scope="col" className="num">{t('tracing:suspects.confidence')}</th>
                <th scope="col" className="num">{t('tracing:suspects.slots')}</th>
                <th scope="col">{t('tracing:suspects.verdict')}</th>
              </tr>
            </thead>
            <tbody>
              {suspects.map((s) => {
                const c = confidencePercent(s.confidence, lang);
                return (
                  <tr key={s.accountId} data-testid="suspect" data-accused={String(s.accused)} data-recipient={s.recipient} className={s.accused ? 'is-accused' : undefined}>
                    <th scope="row"><bdi>{s.recipientName}</bdi></th>
                    <td><bdi>{partyLabel(s.party)}</bdi></td>
                    <td className="num">{formatScore(s.score, lang)}</td>
                    <td className="num">{s.threshold !== null && Number.isFinite(s.threshold) ? formatScore(s.threshold, lang) : <span title={t('tracing:suspects.noThreshold')}>—<span className="visually-hidden">{t('tracing:suspects.noThreshold')}</span></span>}</td>
                    <td className="num">{c.above ? t('tracing:suspects.above', { value: c.text }) : c.text}</td>
                    <td className="num">{t('tracing:suspects.slotsValue', { matched: formatNumber(s.slotsMatched, lang), compared: formatNumber(s.slotsCompared, lang) })}</td>
                    <td>
                      {s.accused
                        ? <span className="badge accused-badge" data-testid="accused-badge"><Icon name="warning" className="symbol" /> {t('tracing:suspects.accused')}</span>
                        : <span className="muted">{t('tracing:suspects.notAccused')}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {report.readings.length > 0 && (
        <details className="readings" data-testid="readings">
          <summary>{t('tracing:readings.summary', { count: report.readings.length, n: formatNumber(report.readings.length, lang) })}</summary>
          <div className="table-scroll">
            <table className="tracing-table">
              <thead>
                <tr>
                  <th scope="col">{t('tracing:readings.point')}</th>
                  <th scope="col">{t('tracing:readings.kind')}</th>
                  <th scope="col">{t('tracing:readings.form')}</th>
                  <th scope="col" className="num">{t('tracing:readings.bit')}</th>
                </tr>
              </thead>
              <tbody>
                {report.readings.map((r) => (
                  <tr key={r.slotId}>
                    <th scope="row">{r.pointNumber}</th>
                    <td>{t(`tracing:slotKind.${r.kind}`)}</td>
                    <td><code className="form-shown" dir="auto" lang={report.document?.lang}>{r.form}</code></td>
                    <td className="num">{r.bit}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}

function CopiesIssued() {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const copies = useCopies(id);
  const languageName = useLanguageName();
  const partyLabel = usePartyLabel();
  const lang = i18n.language;
  const rows = useMemo(() => [...(copies.data ?? [])].sort((a: IssuedCopy, b: IssuedCopy) => b.at.localeCompare(a.at)), [copies.data]);
  return (
    <section className="card" aria-labelledby="copies-heading" data-testid="copies-issued">
      <h2 id="copies-heading">{t('tracing:copies.heading')}</h2>
      <p className="hint">{t('tracing:copies.hint')}</p>
      {copies.isPending && <Loading />}
      <ErrorMessage error={copies.error} />
      {copies.data?.length === 0 && <p className="empty">{t('tracing:copies.none')}</p>}
      {rows.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="copies-heading" tabIndex={0}>
          <table className="tracing-table">
            <thead>
              <tr>
                <th scope="col">{t('tracing:copies.recipient')}</th>
                <th scope="col">{t('tracing:copies.party')}</th>
                <th scope="col">{t('tracing:copies.document')}</th>
                <th scope="col">{t('tracing:copies.language')}</th>
                <th scope="col">{t('tracing:copies.format')}</th>
                <th scope="col" className="num">{t('tracing:copies.slots')}</th>
                <th scope="col">{t('tracing:copies.at')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} data-testid="issued-copy">
                  <th scope="row"><bdi>{c.recipientName}</bdi></th>
                  <td><bdi>{partyLabel(c.party)}</bdi></td>
                  <td>{t('tracing:docLabel', { kind: t(`tracing:docKind.${c.docKind}`), label: `\u2068${c.docLabel}\u2069` })}</td>
                  <td>{languageName(c.lang)}</td>
                  <td>{t(`tracing:format.${c.format}`, { defaultValue: c.format })}</td>
                  <td className="num">{formatNumber(c.slots, lang)}</td>
                  <td>{formatDate(c.at, lang, true)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
