/**
 * "What changed since my last visit": the server keeps, per account, the last seq I saw.
 * The panel freezes that mark when the page opens, lists what happened after it (only the
 * events the server lets me see), and then moves the mark forward, so the next visit starts
 * from here. A first visit gets a short welcome instead.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeEvent } from '../../app/describe-event.ts';
import type { PointOut } from '../../api/schemas.ts';
import { pickLanguage } from '../../i18n/text-direction.ts';
import { useNames } from '../../negotiation/names.ts';
import { formatDate, formatNumber } from '../../ui/dates.ts';
import { ErrorMessage } from '../../ui/feedback.tsx';
import { SINCE_LIMIT, useEventsAfter, useMarkVisit, useVisit, type VisitState } from './map-queries.ts';
import { digest, type Change } from './map-view.ts';

/** Lines shown before "and N more". */
const SHOWN = 8;

export function SinceLastVisit({ id, points }: { id: string; points: ReadonlyMap<string, PointOut> }) {
  const { t, i18n } = useTranslation();
  const visit = useVisit(id);
  const [opened, setOpened] = useState<VisitState | null>(null);
  // The mark as it was when the page opened; later refetches (live events) must not move it.
  if (visit.data && !opened) setOpened(visit.data);
  const after = opened?.visit ? opened.visit.seenSeq : null;
  const events = useEventsAfter(id, after);
  const mark = useMarkVisit(id);
  const marked = useRef(false);
  const [expanded, setExpanded] = useState(false);

  useEffect(() => {
    if (!opened || marked.current) return;
    const seen = opened.visit === null ? opened.headSeq : events.data?.headSeq;
    if (seen === undefined) return;
    marked.current = true;
    mark.mutate(seen);
  }, [opened, events.data, mark]);

  const changes = useMemo(() => digest(events.data?.items ?? []), [events.data]);
  if (visit.isError) return null;
  if (!opened) return null;
  const lang = i18n.language;

  if (!opened.visit) {
    return (
      <section className="since-panel first-visit" aria-labelledby="since-title">
        <h2 id="since-title">{t('map:since.welcomeTitle')}</h2>
        <p>{t('map:since.welcome')}</p>
      </section>
    );
  }

  const shown = expanded ? changes : changes.slice(0, SHOWN);
  const more = events.data?.nextAfter !== null && events.data !== undefined;
  return (
    <section className="since-panel" aria-labelledby="since-title" data-testid="since-panel">
      <h2 id="since-title">{t('map:since.title', { date: formatDate(opened.visit.seenAt, lang, true) })}</h2>
      {events.isError && <ErrorMessage error={events.error} />}
      {events.data && changes.length === 0 && <p className="muted">{t('map:since.nothing')}</p>}
      {shown.length > 0 && (
        <ul className="since-list">
          {shown.map((c, i) => <li key={i}><ChangeLine change={c} id={id} points={points} /></li>)}
        </ul>
      )}
      {(changes.length > SHOWN || more) && (
        <p className="since-more">
          {changes.length > SHOWN && (
            <button type="button" className="button small" aria-expanded={expanded} onClick={() => setExpanded((x) => !x)}>
              {expanded ? t('map:since.fewer') : t('map:since.more', { n: formatNumber(changes.length - SHOWN, lang) })}
            </button>
          )}
          {more && <> <Link to={`/n/${id}/record`}>{t('map:since.record', { n: formatNumber(SINCE_LIMIT, lang) })}</Link></>}
        </p>
      )}
    </section>
  );
}

function ChangeLine({ change: c, id, points }: { change: Change; id: string; points: ReadonlyMap<string, PointOut> }) {
  const { t, i18n } = useTranslation();
  const names = useNames(id);
  const pointLink = (pointId: string | null) => {
    const p = pointId ? points.get(pointId) : undefined;
    return p ? <Link to={`/n/${id}/points/${p.id}`}>{t('map:since.pointN', { number: p.number })}</Link> : null;
  };
  switch (c.kind) {
    case 'positions': {
      const links = c.pointIds.map((p) => ({ p, link: pointLink(p) })).filter((x) => x.link);
      return (
        <>
          <bdi>{names.party(c.partyId)}</bdi>{' '}
          {links.length > 0 ? t('map:since.positions', { count: c.count, n: formatNumber(c.count, i18n.language) }) : t('map:since.positionsAmendment', { count: c.count, n: formatNumber(c.count, i18n.language) })}
          {links.length > 0 && <>{' '}{links.map((x, i) => <span key={x.p}>{i > 0 && t('map:since.sep')}{x.link}</span>)}</>}
        </>
      );
    }
    case 'version':
      return <>{t('map:since.version', { label: c.label })} <Link to={`/n/${id}/versions`}>{t('map:since.seeVersions')}</Link></>;
    case 'initialed':
      return <><bdi>{names.party(c.partyId)}</bdi> {t('map:since.initialed')} <Link to={`/n/${id}/versions`}>{t('map:since.seeVersions')}</Link></>;
    case 'point':
      return <>{t(`map:since.point_${c.action}`)} {pointLink(c.pointId)}</>;
    case 'amendment':
      return <>{t(`map:since.amendment_${c.action}`)} {pointLink(c.pointId)}</>;
    case 'round': {
      const l = pickLanguage(c.title, i18n.language);
      return <>{t(`map:since.round_${c.action}`)} <Link to={`/n/${id}/rounds/${c.roundId}`}>{l ? c.title[l] : t('map:since.theRound')}</Link></>;
    }
    case 'readout':
      return <>{t('map:since.readout')} <Link to={`/n/${id}/rounds/${c.roundId}`}>{t('map:since.theRound')}</Link></>;
    case 'statement':
      return <>{t('map:since.statement')} <Link to={`/n/${id}/statements`}>{t('map:since.seeStatements')}</Link></>;
    case 'other':
      return <>{describeEvent({ type: c.type, actor: c.actor } as Parameters<typeof describeEvent>[0], t, names)}</>;
  }
}
