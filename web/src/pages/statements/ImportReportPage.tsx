/**
 * Importing a news report: paste it or choose a .txt/.html file, let the server find the
 * quotations with this negotiation's people, review each one (accept it, fix the speaker,
 * link points, set the stance, add a translation), then record the accepted ones and the
 * report together. The source link is stored with the report and never opened by Parley.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { Written } from '../../api/schemas.ts';
import { dirOfLang } from '../../i18n/text-direction.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { nKey, usePoints } from '../../negotiation/queries.ts';
import { LevelBadge } from '../../ui/badges.tsx';
import { ErrorMessage } from '../../ui/feedback.tsx';
import { Text } from '../../ui/LocalizedText.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { languageChoices, languageName } from '../rounds/format.ts';
import { toggle } from '../rounds/round-form.ts';
import { ReportPreviewOut } from '../../../../src/protocol/statements.schema.ts';
import { importBody, initialRows, type ReportMeta, type ReviewProblem, type ReviewRow } from './report-review.ts';
import { STANCES } from './stance-choices.ts';
import './statements.css';

/** Larger files are refused before they are read; the server's own limit is in characters. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

export function ImportReportPage() {
  const { t, i18n } = useTranslation();
  const { id, overview } = useNegotiation();
  useDocumentTitle(t('statements:import.title'));
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [meta, setMeta] = useState<ReportMeta>({ title: '', publisher: '', url: '', date: new Date().toISOString().slice(0, 10), lang: '', visibility: 'public' });
  const [rows, setRows] = useState<ReviewRow[] | null>(null);
  const [problem, setProblem] = useState<ReviewProblem | null>(null);
  const languages = languageChoices(overview.languages);
  const setM = <K extends keyof ReportMeta>(k: K, v: ReportMeta[K]) => setMeta({ ...meta, [k]: v });

  const preview = useMutation({
    mutationFn: () => api.post(`/api/negotiations/${id}/reports/preview`, ReportPreviewOut, {
      text, ...(meta.lang ? { lang: meta.lang } : {}), ...(fileName ? { name: fileName } : {}),
    }),
    onSuccess: (p) => { setRows(initialRows(p, i18n.language)); setProblem(null); },
  });
  const record = useMutation({
    mutationFn: (body: unknown) => api.post(`/api/negotiations/${id}/reports`, Written, body),
    onSuccess: async (w, body) => {
      await qc.invalidateQueries({ queryKey: nKey(id, 'statements') });
      const count = (body as { statements: unknown[] }).statements.length;
      await navigate(`/n/${id}/statements?report=${w.id ?? ''}&imported=${count}`);
    },
  });

  const readFile = async (file: File | undefined) => {
    setFileProblem(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) { setFileProblem(t('statements:import.fileTooLarge')); return; }
    setFileName(file.name);
    setText(await file.text());
    setRows(null);
  };

  const submit = () => {
    if (!rows || !preview.data) return;
    const r = importBody(meta, preview.data, text, rows);
    if (!r.ok) { setProblem(r.problem); return; }
    setProblem(null);
    record.mutate(r.body);
  };

  const accepted = rows?.filter((r) => r.accepted).length ?? 0;
  return (
    <section className="page import-report-page" aria-labelledby="import-heading">
      <p className="small"><Link to={`/n/${id}/statements`}>{t('statements:import.back')}</Link></p>
      <h1 id="import-heading">{t('statements:import.title')}</h1>
      <p className="muted rd-page-lede">{t('statements:import.lede')}</p>

      <form className="form card import-source" aria-labelledby="import-source-heading" onSubmit={(e) => { e.preventDefault(); preview.mutate(); }}>
        <h2 id="import-source-heading">{t('statements:import.source')}</h2>
        <div className="rd-form-grid">
          <div>
            <label htmlFor="ir-file">{t('statements:import.file')}</label>
            <input id="ir-file" data-testid="ir-file" type="file" accept=".txt,.html,.htm,text/plain,text/html" aria-describedby="ir-file-hint" onChange={(e) => void readFile(e.target.files?.[0])} />
            <p className="hint" id="ir-file-hint">{t('statements:import.fileHint')}</p>
            {fileProblem && <div role="alert" className="error-message">{fileProblem}</div>}
          </div>
          <div>
            <label htmlFor="ir-lang">{t('statements:import.lang')}</label>
            <select id="ir-lang" data-testid="ir-lang" value={meta.lang} onChange={(e) => setM('lang', e.target.value)}>
              <option value="">{t('statements:import.detect')}</option>
              {languages.map((l) => <option key={l} value={l}>{languageName(l, i18n.language)}</option>)}
            </select>
          </div>
        </div>
        <label htmlFor="ir-text">{t('statements:import.text')}</label>
        <textarea id="ir-text" data-testid="ir-text" dir="auto" rows={8} lang={meta.lang || undefined} value={text}
          onChange={(e) => { setText(e.target.value); setFileName(''); setRows(null); }} />
        <div className="rd-form-grid">
          <div>
            <label htmlFor="ir-title">{t('statements:form.sourceTitle')}</label>
            <input id="ir-title" data-testid="ir-title" type="text" dir="auto" value={meta.title} onChange={(e) => setM('title', e.target.value)} />
          </div>
          <div>
            <label htmlFor="ir-publisher">{t('statements:form.publisher')}</label>
            <input id="ir-publisher" data-testid="ir-publisher" type="text" dir="auto" value={meta.publisher} onChange={(e) => setM('publisher', e.target.value)} />
          </div>
          <div>
            <label htmlFor="ir-url">{t('statements:form.url')}</label>
            <input id="ir-url" data-testid="ir-url" type="url" dir="ltr" aria-describedby="ir-url-hint" value={meta.url} onChange={(e) => setM('url', e.target.value)} />
            <p className="hint" id="ir-url-hint">{t('statements:import.urlHint')}</p>
          </div>
          <div>
            <label htmlFor="ir-date">{t('statements:form.date')}</label>
            <input id="ir-date" data-testid="ir-date" type="date" value={meta.date} onChange={(e) => setM('date', e.target.value)} />
          </div>
          <div>
            <label htmlFor="ir-visibility">{t('statements:import.visibility')}</label>
            <select id="ir-visibility" data-testid="ir-visibility" value={meta.visibility} onChange={(e) => setM('visibility', e.target.value as ReportMeta['visibility'])}>
              <option value="public">{t('common:visibility.public')}</option>
              <option value="parties">{t('common:visibility.parties')}</option>
            </select>
          </div>
        </div>
        <ErrorMessage error={preview.error} />
        <div className="rd-form-actions">
          <button type="submit" className="button primary" data-testid="ir-preview" disabled={preview.isPending || text.trim() === ''}>
            {preview.isPending ? t('statements:import.finding') : t('statements:import.find')}
          </button>
        </div>
      </form>

      {rows && preview.data && (
        <section className="import-review" aria-labelledby="import-review-heading">
          <h2 id="import-review-heading">{t('statements:import.review')}</h2>
          <p role="status" data-testid="ir-found">
            {t('statements:import.found', { count: rows.length, language: languageName(preview.data.lang, i18n.language) })}
          </p>
          {preview.data.alreadyImported && <p className="warning-message" data-testid="ir-already">{t('statements:import.already')}</p>}
          <ol className="candidate-list">
            {rows.map((r, i) => (
              <li key={`${r.candidate.line}:${r.candidate.start}:${i}`}>
                <CandidateCard index={i} row={r} onChange={(next) => setRows(rows.map((x, j) => (j === i ? next : x)))} />
              </li>
            ))}
          </ol>
          {problem && <div role="alert" className="error-message" data-testid="ir-problem">{t(`statements:import.problem.${problem}`)}</div>}
          <ErrorMessage error={record.error} />
          <div className="rd-form-actions import-actions">
            <button type="button" className="button primary" data-testid="ir-record" disabled={record.isPending} onClick={submit}>
              {record.isPending ? t('statements:form.saving') : t('statements:import.record', { count: accepted })}
            </button>
            <button type="button" className="button" onClick={() => setRows(rows.map((r) => ({ ...r, accepted: !r.candidate.duplicateOf })))}>{t('statements:import.acceptAll')}</button>
            <button type="button" className="button" onClick={() => setRows(rows.map((r) => ({ ...r, accepted: false })))}>{t('statements:import.acceptNone')}</button>
          </div>
        </section>
      )}
    </section>
  );
}

function CandidateCard({ index, row: r, onChange }: { index: number; row: ReviewRow; onChange: (r: ReviewRow) => void }) {
  const { t, i18n } = useTranslation();
  const { id, overview } = useNegotiation();
  const names = useNames(id);
  const points = usePoints(id);
  const c = r.candidate;
  const uid = `cand-${index}`;
  const set = <K extends keyof ReviewRow>(k: K, v: ReviewRow[K]) => onChange({ ...r, [k]: v });
  const person = names.persons.find((p) => p.id === r.personId);
  const translationLangs = languageChoices(overview.languages).filter((l) => l !== c.lang);
  return (
    <article className={`candidate card${r.accepted ? ' accepted' : ''}`} data-testid="candidate" aria-labelledby={`${uid}-h`}>
      <header className="candidate-head">
        <h3 id={`${uid}-h`} className="candidate-title">{t('statements:import.quotation', { n: index + 1, line: c.line })}</h3>
        <label className="candidate-accept">
          <input type="checkbox" data-testid="candidate-accept" checked={r.accepted} onChange={(e) => set('accepted', e.target.checked)} />
          {t('statements:import.accept')}
        </label>
      </header>
      <Text as="blockquote" value={c.quote} lang={c.lang} className={`rd-quote quote-${c.kind}`} />
      <p className="small muted candidate-meta">
        {t(`statements:kind.${c.kind}`)} · {languageName(c.lang, i18n.language)}
        {c.cue && <> · {t('statements:import.cue')} <bdi lang={c.lang} dir={dirOfLang(c.lang)}>{c.cue}</bdi></>}
        {' · '}{t(`statements:import.via.${c.via}`, { defaultValue: c.via })}
      </p>
      {c.duplicateOf && <p className="warning-message small" data-testid="candidate-duplicate">{t('statements:import.duplicate')}</p>}
      <div className="rd-form-grid">
        <div>
          <label htmlFor={`${uid}-person`}>{t('statements:form.person')}</label>
          <select id={`${uid}-person`} data-testid="candidate-person" value={r.personId} onChange={(e) => set('personId', e.target.value)}>
            <option value="">{t('statements:form.noPerson')}</option>
            {names.persons.map((p) => <option key={p.id} value={p.id}>{names.person(p.id)}{p.partyId ? ` — ${names.party(p.partyId)}` : ''}</option>)}
          </select>
          <p className="hint">{person?.partyId ? <bdi>{names.party(person.partyId)}</bdi> : t('statements:form.partyNone')}</p>
        </div>
        <div>
          <label htmlFor={`${uid}-named`}>{t('statements:form.asNamed')}</label>
          <input id={`${uid}-named`} type="text" dir={dirOfLang(c.lang)} lang={c.lang} value={r.speakerAsNamed} onChange={(e) => set('speakerAsNamed', e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${uid}-stance`}>{t('statements:form.stance')}</label>
          <select id={`${uid}-stance`} data-testid="candidate-stance" aria-describedby={`${uid}-stance-hint`} value={r.stance} onChange={(e) => set('stance', e.target.value as ReviewRow['stance'])}>
            <option value="">{t('statements:form.noStance')}</option>
            {STANCES.map((x) => <option key={x} value={x}>{t(`common:level.${x}`)}</option>)}
          </select>
          <p className="hint" id={`${uid}-stance-hint`} data-testid="candidate-suggestion">
            {c.stance ? <>{t('statements:import.suggested')} <LevelBadge level={c.stance.level} /> <q lang={c.lang} dir={dirOfLang(c.lang)}>{c.stance.cue}</q></> : t('statements:import.noSuggestion')}
          </p>
        </div>
      </div>
      <fieldset className="candidate-points">
        <legend>{t('statements:form.points')}</legend>
        {(points.data ?? []).filter((p) => !p.removed).map((p) => (
          <label key={p.id} className="point-check" title={p.texts.en ?? ''}>
            <input type="checkbox" data-testid={`candidate-point-${p.number}`} checked={r.pointIds.includes(p.id)} onChange={(e) => set('pointIds', toggle(r.pointIds, p.id, e.target.checked))} />
            <span>{p.number}</span>
          </label>
        ))}
      </fieldset>
      <details className="candidate-translation">
        <summary>{t('statements:import.addTranslation')}</summary>
        <div className="rd-form-grid">
          <div>
            <label htmlFor={`${uid}-tlang`}>{t('statements:edit.translationLang')}</label>
            <select id={`${uid}-tlang`} value={r.translationLang} onChange={(e) => set('translationLang', e.target.value)}>
              <option value="">—</option>
              {translationLangs.map((l) => <option key={l} value={l}>{languageName(l, i18n.language)}</option>)}
            </select>
          </div>
        </div>
        <label htmlFor={`${uid}-tr`}>{t('statements:edit.translation', { language: r.translationLang ? languageName(r.translationLang, i18n.language) : '—' })}</label>
        <textarea id={`${uid}-tr`} rows={2} lang={r.translationLang || undefined} dir={r.translationLang ? dirOfLang(r.translationLang) : 'auto'} value={r.translation} onChange={(e) => set('translation', e.target.value)} />
      </details>
    </article>
  );
}
