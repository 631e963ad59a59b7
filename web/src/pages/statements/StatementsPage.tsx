/**
 * Public statements, newest first: the quote in its own language and direction, who said
 * it, where it was reported (back to the report's line when it was imported) and which
 * points it concerns. Where it departs from the party's position as I may see it, the
 * server's discrepancy says so (only to those who may see that position). Each statement
 * can be corrected in place.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { getAll } from '../../api/client.ts';
import { StatementOut, page } from '../../api/schemas.ts';
import { dirOfLang } from '../../i18n/text-direction.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { nKey, usePoints } from '../../negotiation/queries.ts';
import { LevelBadge, VisibilityBadge } from '../../ui/badges.tsx';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { Text } from '../../ui/LocalizedText.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { formatDay, languageName } from '../rounds/format.ts';
import { DiscrepancyItem } from './Discrepancies.tsx';
import { useDiscrepancies, type DiscrepancyOut } from './discrepancy-queries.ts';
import { useReports } from './report-queries.ts';
import { StatementEdit } from './StatementEdit.tsx';
import { StatementForm } from './StatementForm.tsx';
import { NO_FILTERS, filtersFrom, filtersTo, safeHref, serverQuery, type StatementFilters } from './statements.ts';
import './statements.css';

export function StatementsPage() {
  const { t } = useTranslation();
  const { id } = useNegotiation();
  useDocumentTitle(t('statements:title'));
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const query = serverQuery(filters);
  const statements = useQuery({
    queryKey: nKey(id, 'statements', query),
    queryFn: () => getAll(`/api/negotiations/${id}/statements${query}`, page(StatementOut)),
  });
  const discrepancies = useDiscrepancies(id);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);
  const shown = statements.data ?? [];
  const setFilters = (f: StatementFilters) => setParams(filtersTo(f), { replace: true });
  const differsFor = (statementId: string) => (discrepancies.data ?? []).filter((d) => d.statements.some((x) => x.id === statementId));

  return (
    <section className="page statements-page" aria-labelledby="statements-heading">
      <div className="rd-page-head">
        <div>
          <h1 id="statements-heading">{t('statements:title')}</h1>
          <p className="muted rd-page-lede">{t('statements:lede')}</p>
        </div>
        <div className="statements-actions">
          <Link to={`/n/${id}/statements/import`} className="button primary" data-testid="import-report">{t('statements:import.open')}</Link>
          {!adding && <button type="button" className="button" data-testid="add-statement" onClick={() => { setAdding(true); setAdded(false); }}>{t('statements:add')}</button>}
        </div>
      </div>
      {added && <p className="success" role="status">{t('statements:added')}</p>}
      {params.get('imported') && <p className="success" role="status" data-testid="imported-notice">{t('statements:import.done', { count: Number(params.get('imported')) || 0 })}</p>}
      {adding && <StatementForm onDone={(created) => { setAdding(false); setAdded(created); }} />}

      <Filters filters={filters} onChange={setFilters} />

      {statements.isPending && <Loading />}
      <ErrorMessage error={statements.error} />
      {statements.data && (
        <p className="feed-count muted" role="status" data-testid="statements-count">{t('statements:count', { count: shown.length })}</p>
      )}
      {statements.data && shown.length === 0 && <Empty>{statements.data.length === 0 && !query ? t('statements:empty') : t('statements:emptyFiltered')}</Empty>}
      <ol className="statement-feed" data-testid="statement-feed">
        {shown.map((s) => <li key={s.id}><StatementCard statement={s} differs={differsFor(s.id)} /></li>)}
      </ol>
    </section>
  );
}

function Filters({ filters, onChange }: { filters: StatementFilters; onChange: (f: StatementFilters) => void }) {
  const { t } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  const points = usePoints(id);
  const reports = useReports(id);
  const set = (k: keyof StatementFilters, v: string) => onChange({ ...filters, [k]: v });
  const active = Object.values(filters).some(Boolean);
  return (
    <form role="search" aria-label={t('statements:filters.label')} className="statement-filters card" onSubmit={(e) => e.preventDefault()}>
      <div>
        <label htmlFor="f-person">{t('statements:filters.person')}</label>
        <select id="f-person" data-testid="filter-person" value={filters.personId} onChange={(e) => set('personId', e.target.value)}>
          <option value="">{t('statements:filters.any')}</option>
          {names.persons.map((p) => <option key={p.id} value={p.id}>{names.person(p.id)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="f-party">{t('statements:filters.party')}</label>
        <select id="f-party" data-testid="filter-party" value={filters.partyId} onChange={(e) => set('partyId', e.target.value)}>
          <option value="">{t('statements:filters.any')}</option>
          {names.parties.map((p) => <option key={p.id} value={p.id}>{names.party(p.id)}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="f-point">{t('statements:filters.point')}</label>
        <select id="f-point" data-testid="filter-point" value={filters.pointId} onChange={(e) => set('pointId', e.target.value)}>
          <option value="">{t('statements:filters.any')}</option>
          {(points.data ?? []).filter((p) => !p.removed).map((p) => <option key={p.id} value={p.id}>{p.number}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="f-report">{t('statements:filters.report')}</label>
        <select id="f-report" data-testid="filter-report" value={filters.reportId} onChange={(e) => set('reportId', e.target.value)}>
          <option value="">{t('statements:filters.any')}</option>
          {(reports.data ?? []).map((r) => <option key={r.id} value={r.id}>{r.title || r.publisher || r.date}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="f-from">{t('statements:filters.from')}</label>
        <input id="f-from" data-testid="filter-from" type="date" value={filters.from} onChange={(e) => set('from', e.target.value)} />
      </div>
      <div>
        <label htmlFor="f-to">{t('statements:filters.to')}</label>
        <input id="f-to" data-testid="filter-to" type="date" value={filters.to} onChange={(e) => set('to', e.target.value)} />
      </div>
      <div className="filters-clear">
        <button type="button" className="button" disabled={!active} onClick={() => onChange(NO_FILTERS)} data-testid="filter-clear">{t('statements:filters.clear')}</button>
      </div>
    </form>
  );
}

function StatementCard({ statement: s, differs }: { statement: StatementOut; differs: DiscrepancyOut[] }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const { id } = useNegotiation();
  const names = useNames(id);
  const points = usePoints(id);
  const numberOf = (pid: string) => points.data?.find((p) => p.id === pid)?.number ?? '…';
  const speaker = names.person(s.personId);
  const href = safeHref(s.source.url);
  const translations = Object.entries(s.translations).filter(([l, v]) => l !== s.lang && v.trim());
  return (
    <article className="statement card" data-testid="statement" aria-label={t('statements:by', { who: speaker || s.speakerAsNamed || t('statements:unknownSpeaker') })}>
      <header className="statement-head">
        <p className="speaker">
          <strong>{speaker ? <bdi>{speaker}</bdi> : s.speakerAsNamed ? <bdi lang={s.lang} dir={dirOfLang(s.lang)}>{s.speakerAsNamed}</bdi> : t('statements:unknownSpeaker')}</strong>
          {speaker && s.speakerAsNamed && (
            <span className="muted small"> {t('statements:namedAs')} <bdi lang={s.lang} dir={dirOfLang(s.lang)}>{s.speakerAsNamed}</bdi></span>
          )}
          {s.partyId && <span className="muted"> · <bdi>{names.party(s.partyId)}</bdi></span>}
        </p>
        <p className="statement-tags">
          <span className="badge statement-kind">{t(`statements:kind.${s.kind}`)}</span>
          <time dateTime={s.date} className="small">{formatDay(s.date, i18n.language)}</time>
        </p>
      </header>

      <Text as="blockquote" value={s.quote} lang={s.lang} className={`rd-quote quote-${s.kind}`} />
      <p className="rd-quote-lang small muted">{t('statements:inLanguage', { language: languageName(s.lang, i18n.language) })}</p>

      {translations.length > 0 && (
        <div className="rd-translations">
          {translations.map(([l, v]) => (
            <div key={l} className="rd-translation">
              <span className="small muted">{t('statements:translation', { language: languageName(l, i18n.language) })}</span>{' '}
              <Text value={v} lang={l} />
            </div>
          ))}
        </div>
      )}

      <footer className="statement-foot">
        {s.pointIds.length > 0 && (
          <p className="statement-points">
            <span className="muted small">{t('statements:points')}</span>{' '}
            {s.pointIds.map((pid) => <Link key={pid} to={`/n/${id}/points/${pid}`} className="point-chip">{numberOf(pid)}</Link>)}
          </p>
        )}
        {s.stance && <p className="statement-stance"><span className="muted small">{t('statements:stance')}</span> <LevelBadge level={s.stance} /></p>}
        <p className="statement-source small">
          <span className="muted">{t('statements:source')}</span>{' '}
          {href ? <a href={href} rel="noreferrer noopener" target="_blank"><bdi>{s.source.title || href}</bdi></a> : <bdi>{s.source.title || t('statements:noSource')}</bdi>}
          {s.source.publisher && <> · <bdi>{s.source.publisher}</bdi></>}
          {s.source.line !== null && (s.reportId
            ? <> · <Link to={`/n/${id}/statements/reports/${s.reportId}#line-${s.source.line}`} data-testid="report-line">{t('statements:line', { line: s.source.line })}</Link></>
            : <> · {t('statements:line', { line: s.source.line })}</>)}
        </p>
        {s.visibility !== 'public' && <VisibilityBadge visibility={s.visibility} />}
        {!editing && <button type="button" className="button small-button" data-testid="edit-statement" onClick={() => setEditing(true)}>{t('statements:edit.open')}</button>}
      </footer>

      {differs.map((d) => <DiscrepancyItem key={`${d.partyId}:${d.pointId}`} d={d} showQuote={false} />)}
      {editing && <StatementEdit statement={s} onDone={() => setEditing(false)} />}
    </article>
  );
}
