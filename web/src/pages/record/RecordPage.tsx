/**
 * The record: the hash-chained event log as far as I may see it, the access log (all of
 * it for the mediator's office, my own entries for anyone else), and, for the mediator,
 * the verdict of recomputing the whole chain.
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import type { EventType } from '../../../../src/domain/record/events.ts';
import { api } from '../../api/client.ts';
import { AccessLogEntry, EventOut, page } from '../../api/schemas.ts';
import { describeEvent } from '../../app/describe-event.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { nKey, usePoints } from '../../negotiation/queries.ts';
import { LevelBadge, VisibilityBadge } from '../../ui/badges.tsx';
import { formatDate, formatNumber } from '../../ui/dates.ts';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { LocalizedText, Text } from '../../ui/LocalizedText.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { accessLabel, eventDetail, shortHash, type EventDetail } from './event-detail.ts';
import './record.css';

const EVENTS_PAGE = 50;
const ACCESS_PAGE = 20;
const EventPage = z.object({ items: z.array(EventOut), nextAfter: z.number().int().nullable(), headSeq: z.number().int() });
const Verdict = z.object({ ok: z.boolean(), events: z.number().int(), broken: z.object({ seq: z.number().int(), reason: z.string() }).nullable() });

export function RecordPage() {
  const { t } = useTranslation();
  const { isMediator } = useNegotiation();
  useDocumentTitle(t('record:title'));
  return (
    <section className="page record-page" aria-labelledby="record-heading">
      <h1 id="record-heading">{t('record:title')}</h1>
      <p className="muted rd-page-lede">{t('record:lede')}</p>
      {isMediator ? <Verification /> : <p className="card verify-note" data-testid="verify-note"><Icon name="lock" /> {t('record:verify.onlyMediator')}</p>}
      <AccessLog />
      <EventLog />
    </section>
  );
}

function Verification() {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const verdict = useQuery({ queryKey: nKey(id, 'record', 'verify'), queryFn: () => api.get(`/api/negotiations/${id}/verify`, Verdict) });
  // The head's own hash, when the head event is one I may read (the mediator reads all but
  // a party's private events).
  const head = useQuery({
    queryKey: nKey(id, 'record', 'head'),
    queryFn: async () => {
      const first = await api.get(`/api/negotiations/${id}/events?after=0&limit=1`, EventPage);
      if (first.headSeq === 0) return { seq: 0, hash: null };
      const last = await api.get(`/api/negotiations/${id}/events?after=${first.headSeq - 1}&limit=1`, EventPage);
      const e = last.items[0];
      return { seq: first.headSeq, hash: e && e.seq === first.headSeq ? e.hash : null };
    },
  });
  const v = verdict.data;
  return (
    <section className={`card verify ${v ? (v.ok ? 'verify-ok' : 'verify-bad') : ''}`} aria-labelledby="verify-heading" data-testid="verify">
      <div className="verify-head">
        <h2 id="verify-heading">{t('record:verify.title')}</h2>
        <button type="button" className="button" data-testid="verify-now" onClick={() => void verdict.refetch()} disabled={verdict.isFetching}>
          {verdict.isFetching ? t('record:verify.running') : t('record:verify.now')}
        </button>
      </div>
      {verdict.isPending && <Loading label={t('record:verify.running')} />}
      <ErrorMessage error={verdict.error} />
      <div aria-live="polite">
        {v?.ok && (
          <p className="verify-verdict" data-testid="verify-ok">
            <Icon name="check" className="verify-icon" />
            <span>
              <strong>{t('record:verify.ok', { count: v.events, events: formatNumber(v.events, i18n.language) })}</strong>
              {head.data && <> {t('record:verify.head', { seq: formatNumber(head.data.seq, i18n.language) })} {head.data.hash && <code className="rd-hash" title={head.data.hash}>{shortHash(head.data.hash)}…</code>}</>}
            </span>
          </p>
        )}
        {v && !v.ok && (
          <div className="verify-verdict" role="alert" data-testid="verify-bad">
            <Icon name="warning" className="verify-icon" />
            <div>
              <strong>{t('record:verify.bad', { seq: v.broken?.seq ?? '?' })}</strong>
              {v.broken && <p className="mono small">{v.broken.reason}</p>}
              <p className="small">{t('record:verify.badAdvice')}</p>
            </div>
          </div>
        )}
        {v && <p className="small muted">{t('record:verify.checkedAt', { time: formatDate(new Date(verdict.dataUpdatedAt).toISOString(), i18n.language, true) })}</p>}
      </div>
      <p className="hint">{t('record:verify.explain')}</p>
    </section>
  );
}

/** Event types arrive as strings; describeEvent gives a generic line for one it does not know. */
function EventLog() {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  const events = useInfiniteQuery({
    queryKey: nKey(id, 'record', 'events'),
    queryFn: ({ pageParam }) => api.get(`/api/negotiations/${id}/events?after=${pageParam}&limit=${EVENTS_PAGE}`, EventPage),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextAfter ?? undefined,
  });
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  const headSeq = events.data?.pages.at(-1)?.headSeq ?? 0;
  return (
    <section className="card" aria-labelledby="events-heading">
      <h2 id="events-heading">{t('record:events.title')}</h2>
      <p className="hint">{t('record:events.explain')}</p>
      {events.isPending && <Loading />}
      <ErrorMessage error={events.error} />
      {events.data && items.length === 0 && <Empty>{t('record:events.none')}</Empty>}
      {items.length > 0 && (
        <div className="rd-table-scroll">
          <table className="record-table" data-testid="event-log">
            <caption className="visually-hidden">{t('record:events.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('record:events.seq')}</th>
                <th scope="col">{t('record:events.time')}</th>
                <th scope="col">{t('record:events.what')}</th>
                <th scope="col">{t('record:events.visibility')}</th>
                <th scope="col">{t('record:events.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.seq} data-testid="event-row">
                  <th scope="row" className="rd-num">{e.seq}</th>
                  <td className="rd-nowrap small"><time dateTime={e.at}>{formatDate(e.at, i18n.language, true)}</time></td>
                  <td>
                    <span className="event-line">{describeEvent({ actor: e.actor, type: e.type as EventType }, t, names)}</span>{' '}
                    <code className="event-type small">{e.type}</code>
                    <Detail detail={eventDetail(e)} />
                  </td>
                  <td>
                    <VisibilityBadge visibility={e.visibility} />
                    {e.partyId && <span className="small muted"> <bdi>{names.party(e.partyId)}</bdi></span>}
                  </td>
                  <td><code className="rd-hash" title={e.hash}>{shortHash(e.hash)}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {events.data && (
        <p className="small muted" data-testid="events-shown">{t('record:events.shown', { shown: formatNumber(items.length, i18n.language), head: formatNumber(headSeq, i18n.language) })}</p>
      )}
      {events.hasNextPage && (
        <button type="button" className="button" data-testid="events-more" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
          {events.isFetchingNextPage ? t('common:loading') : t('record:loadMore')}
        </button>
      )}
    </section>
  );
}

function Detail({ detail }: { detail: EventDetail | null }) {
  const { t } = useTranslation();
  const { id, overview } = useNegotiation();
  const names = useNames(id);
  const points = usePoints(id);
  if (!detail) return null;
  const numberOf = (pid: string | null) => (pid ? points.data?.find((p) => p.id === pid)?.number ?? null : null);
  switch (detail.kind) {
    case 'texts': return <div className="event-detail small"><LocalizedText texts={detail.texts} drafting={overview.draftingLanguage} /></div>;
    case 'text': return <div className="event-detail small"><Text value={detail.value} lang={detail.lang} /></div>;
    case 'party': return <div className="event-detail small"><bdi>{names.party(detail.partyId)}</bdi></div>;
    case 'point': {
      const n = detail.number ?? numberOf(detail.pointId);
      return <div className="event-detail small">{n ? <Link to={`/n/${id}/points/${detail.pointId}`}>{t('record:events.point', { number: n })}</Link> : null}</div>;
    }
    case 'position': {
      const n = numberOf(detail.pointId);
      return (
        <div className="event-detail small">
          <bdi>{names.party(detail.partyId)}</bdi>
          {' · '}
          {detail.pointId ? (n ? <Link to={`/n/${id}/points/${detail.pointId}`}>{t('record:events.point', { number: n })}</Link> : t('record:events.aPoint')) : t('record:events.anAmendment')}
          {' '}<LevelBadge level={detail.level} />
          {detail.reason && <> <Text value={detail.reason} className="event-reason" /></>}
        </div>
      );
    }
  }
}

function AccessLog() {
  const { t, i18n } = useTranslation();
  const { id, isMediator } = useNegotiation();
  const names = useNames(id);
  const log = useInfiniteQuery({
    queryKey: nKey(id, 'record', 'access'),
    queryFn: ({ pageParam }) => api.get(`/api/negotiations/${id}/access-log?limit=${ACCESS_PAGE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`, page(AccessLogEntry)),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card" aria-labelledby="access-heading">
      <h2 id="access-heading">{t('record:access.title')}</h2>
      <p className="hint">{isMediator ? t('record:access.explainMediator') : t('record:access.explainOwn')}</p>
      {log.isPending && <Loading />}
      <ErrorMessage error={log.error} />
      {log.data && items.length === 0 && <Empty>{t('record:access.none')}</Empty>}
      {items.length > 0 && (
        <div className="rd-table-scroll">
          <table className="record-table" data-testid="access-log">
            <caption className="visually-hidden">{t('record:access.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('record:access.time')}</th>
                <th scope="col">{t('record:access.who')}</th>
                <th scope="col">{t('record:access.action')}</th>
                <th scope="col">{t('record:access.target')}</th>
                <th scope="col">{t('record:access.ip')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} data-testid="access-row">
                  <td className="rd-nowrap small"><time dateTime={a.at}>{formatDate(a.at, i18n.language, true)}</time></td>
                  <td>{names.member(a.memberId) ? <bdi>{names.member(a.memberId)}</bdi> : <span className="muted">{t('record:access.account')}</span>}</td>
                  <td>{t(`record:action.${a.action.replaceAll('.', '_')}`, { defaultValue: a.action })}</td>
                  <td>{accessLabel(a.detail) ? <bdi>{accessLabel(a.detail)}</bdi> : a.target ? <code className="small" title={a.target}>{shortHash(a.target)}</code> : <span className="muted">—</span>}</td>
                  <td>{a.ip ? <code className="small">{a.ip}</code> : <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.hasNextPage && (
        <button type="button" className="button" data-testid="access-more" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
          {log.isFetchingNextPage ? t('common:loading') : t('record:loadMore')}
        </button>
      )}
    </section>
  );
}
