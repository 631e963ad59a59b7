/**
 * The negotiation home: where agreement stands (summary and overall status), what changed
 * since my last visit, the agreement map (points × parties, filtered by tag, status, party
 * and text, the filters kept in the URL), and agreement over versions and rounds.
 * Everything shown is what the server lets this member see.
 */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PointOut } from '../../api/schemas.ts';
import { pickLanguage } from '../../i18n/text-direction.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { usePoints, useSections } from '../../negotiation/queries.ts';
import { STATUS_ICON, StatusBadge, type Level, type Status } from '../../ui/badges.tsx';
import { formatNumber } from '../../ui/dates.ts';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { LocalizedText } from '../../ui/LocalizedText.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { AgreementChart } from './AgreementChart.tsx';
import { MapTable, type RowLabels } from './MapTable.tsx';
import { useAgreement, useAgreementHistory } from './map-queries.ts';
import { filtersFromSearch, filtersToSearch, fold, groupRows, hasFilters, matchesPoint, STATUSES, tagOptions, type MapFilters, type SectionGroup } from './map-view.ts';
import { SinceLastVisit } from './SinceLastVisit.tsx';
import { DiscrepanciesPanel } from './DiscrepanciesPanel.tsx';
import './map.css';

const LEVELS: readonly Level[] = ['accept', 'discuss', 'wording', 'reject', 'redline'];
/** Up to this many parties the headers show full names; past it, short names with the full one on hover. */
const FULL_NAMES_UP_TO = 6;

export function MapPage() {
  const { t, i18n } = useTranslation();
  const { id, overview } = useNegotiation();
  useDocumentTitle(t('map:title'));
  const agreement = useAgreement(id);
  const points = usePoints(id);
  const sections = useSections(id);
  const names = useNames(id);
  const [search, setSearch] = useSearchParams();
  // Filters answer at once (local state) and are written to the URL, so a reload or a shared
  // link shows the same view; a URL changed from outside (back, a link) is read back in.
  const urlKey = search.toString();
  const [filters, setLocalFilters] = useState(() => filtersFromSearch(search));
  const [readKey, setReadKey] = useState(urlKey);
  if (urlKey !== readKey) { setReadKey(urlKey); setLocalFilters(filtersFromSearch(search)); }
  const setFilters = useCallback((f: MapFilters) => {
    setLocalFilters(f);
    setSearch(filtersToSearch(f), { replace: true });
  }, [setSearch]);
  // Typing in the search box stays responsive on a 500-point map: the table follows a beat later.
  const tableFilters = useDeferredValue(filters);
  const lang = i18n.language;

  const pointsById = useMemo(() => new Map((points.data ?? []).map((p) => [p.id, p])), [points.data]);
  const allParties = agreement.data?.parties;
  const partyIds = useMemo(() => {
    const all = allParties ?? [];
    return tableFilters.parties ? all.filter((p) => tableFilters.parties!.includes(p)) : all;
  }, [allParties, tableFilters.parties]);
  const partyList = names.parties;
  const partyName = useMemo(() => Object.fromEntries((allParties ?? []).map((p) => {
    const party = partyList.find((x) => x.id === p);
    const l = party ? pickLanguage(party.name, lang) : null;
    return [p, party ? (l ? party.name[l]! : party.shortName) : '…'];
  })), [allParties, partyList, lang]);

  const labels: RowLabels = useMemo(() => ({
    lang,
    drafting: overview.draftingLanguage,
    level: Object.fromEntries(LEVELS.map((l) => [l, t(`common:level.${l}`)])) as Record<Level, string>,
    status: Object.fromEntries(STATUSES.map((s) => [s, t(`common:status.${s}`)])) as Record<Status, string>,
    noPosition: t('map:table.noPosition'),
    noText: t('common:noText'),
    cell: (party, number, level) => t('map:table.cell', { party, number, level }),
    partyName,
  }), [t, lang, overview.draftingLanguage, partyName]);

  const groups = useMemo(() => {
    const folded = fold(tableFilters.q.trim());
    const rows = (agreement.data?.rows ?? []).filter((r) => matchesPoint(r, pointsById.get(r.pointId), tableFilters, folded));
    return groupRows(rows, pointsById, sections.data ?? []);
  }, [agreement.data, pointsById, sections.data, tableFilters]);
  const shownCount = groups.reduce((n, g) => n + g.rows.length, 0);

  const partyHeader = useCallback((p: string) => {
    const party = names.parties.find((x) => x.id === p);
    const full = partyName[p] ?? '';
    if ((allParties?.length ?? 0) <= FULL_NAMES_UP_TO || !party) return <bdi>{full}</bdi>;
    return <abbr title={full}><bdi>{party.shortName}</bdi></abbr>;
  }, [names.parties, partyName, allParties]);
  const sectionTitle = useCallback((g: SectionGroup) => (
    <>
      {g.section ? <LocalizedText texts={g.section.title} drafting={overview.draftingLanguage} /> : t('map:table.noSection')}
      <span className="section-count muted"> · {t('map:table.points', { count: g.rows.length, n: formatNumber(g.rows.length, lang) })}</span>
    </>
  ), [overview.draftingLanguage, t, lang]);

  if (agreement.isError) return <section className="page"><ErrorMessage error={agreement.error} /></section>;
  if (agreement.isPending || points.isPending || sections.isPending || !names.ready) return <Loading label={t('map:loading')} />;
  const a = agreement.data;

  return (
    <section className="page map-page" aria-labelledby="map-title">
      <header className="map-head">
        <h1 id="map-title">{t('map:title')}</h1>
        <Summary counts={a.overall.counts} total={a.overall.total} status={a.overall.status} />
      </header>

      <SinceLastVisit id={id} points={pointsById} />

      <Filters filters={filters} onChange={setFilters} points={points.data ?? []} parties={a.parties} partyName={partyName} />

      <p className="map-count small" aria-live="polite" data-testid="map-count">
        {hasFilters(tableFilters)
          ? t('map:filters.showing', { shown: formatNumber(shownCount, lang), total: formatNumber(a.rows.length, lang) })
          : t('map:filters.all', { count: a.rows.length, n: formatNumber(a.rows.length, lang) })}
        {' '}<span className="muted">{t('map:table.keys')}</span>
      </p>

      {a.rows.length === 0
        ? <Empty>{t('map:table.emptyText')}</Empty>
        : shownCount === 0
          ? <Empty>{t('map:table.noMatch')}</Empty>
          : <MapTable negotiationId={id} groups={groups} points={pointsById} partyIds={partyIds} partyHeader={partyHeader} labels={labels} sectionTitle={sectionTitle} />}

      <DiscrepanciesPanel id={id} />

      <History id={id} />
    </section>
  );
}

function Summary({ counts, total, status }: { counts: Record<string, number>; total: number; status: Status }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className="map-summary">
      <p className="summary-line" data-testid="map-summary">
        {STATUSES.map((s, i) => (
          <span key={s} className={`summary-item summary-${s}`} data-status={s} data-count={counts[s] ?? 0}>
            {i > 0 && <span className="summary-sep" aria-hidden="true">·</span>}
            <Icon name={STATUS_ICON[s]} className="symbol" />
            {t(`map:summary.${s}`, { n: formatNumber(counts[s] ?? 0, lang) })}
          </span>
        ))}
      </p>
      <p className="summary-overall">
        <span>{t('map:summary.overall', { n: formatNumber(total, lang), count: total })}</span> <StatusBadge status={status} />
      </p>
    </div>
  );
}

interface FiltersProps {
  filters: MapFilters;
  onChange: (f: MapFilters) => void;
  points: PointOut[];
  parties: string[];
  partyName: Record<string, string>;
}

function Filters({ filters, onChange, points, parties, partyName }: FiltersProps) {
  const { t } = useTranslation();
  const tags = useMemo(() => tagOptions(points), [points]);
  const shown = filters.parties ?? parties;
  const toggleParty = (p: string, on: boolean) => {
    const next = on ? parties.filter((x) => x === p || shown.includes(x)) : shown.filter((x) => x !== p);
    onChange({ ...filters, parties: next.length === parties.length ? null : next });
  };
  return (
    <form className="map-filters" role="search" aria-label={t('map:filters.label')} onSubmit={(e) => { e.preventDefault(); }}>
      <div className="filter">
        <label htmlFor="map-q">{t('map:filters.search')}</label>
        <input id="map-q" type="search" value={filters.q} placeholder={t('map:filters.searchHint')} onChange={(e) => { onChange({ ...filters, q: e.target.value }); }} />
      </div>
      <div className="filter">
        <label htmlFor="map-status">{t('map:filters.status')}</label>
        <select id="map-status" value={filters.status ?? ''} onChange={(e) => { onChange({ ...filters, status: (e.target.value || null) as Status | null }); }}>
          <option value="">{t('map:filters.anyStatus')}</option>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`common:status.${s}`)}</option>)}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="map-tag">{t('map:filters.tag')}</label>
        <select id="map-tag" value={filters.tag ?? ''} onChange={(e) => { onChange({ ...filters, tag: e.target.value || null }); }}>
          <option value="">{t('map:filters.anyTag')}</option>
          {tags.map((o) => <option key={o.tag} value={o.tag}>{o.label}</option>)}
        </select>
      </div>
      <fieldset className="filter party-filter">
        <legend>{t('map:filters.parties')}</legend>
        {parties.map((p) => (
          <label key={p} className="party-toggle">
            <input type="checkbox" checked={shown.includes(p)} onChange={(e) => { toggleParty(p, e.target.checked); }} />
            <bdi>{partyName[p]}</bdi>
          </label>
        ))}
      </fieldset>
      {hasFilters(filters) && (
        <button type="button" className="button small clear-filters" onClick={() => { onChange({ q: '', status: null, tag: null, parties: null }); }}>
          {t('map:filters.clear')}
        </button>
      )}
    </form>
  );
}

function History({ id }: { id: string }) {
  const { t } = useTranslation();
  const history = useAgreementHistory(id);
  return (
    <section className="map-history" aria-labelledby="history-title">
      <h2 id="history-title">{t('map:chart.heading')}</h2>
      <p className="hint">{t('map:chart.intro')}</p>
      {history.isError && <ErrorMessage error={history.error} />}
      {history.isPending && <Loading />}
      {history.data && <AgreementChart history={history.data} />}
    </section>
  );
}

