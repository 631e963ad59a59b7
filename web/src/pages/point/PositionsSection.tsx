/**
 * Each party's latest position on the point as this viewer may see it, then the history
 * per party, oldest first. A party whose position is not shared with me reads as such:
 * the page never guesses what it cannot see.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { LevelBadge, VisibilityBadge } from '../../ui/badges.tsx';
import { formatDate } from '../../ui/dates.ts';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { FreeText } from './FreeText.tsx';
import { usePositionHistory, usePositions } from './point-queries.ts';
import { historyByParty, latestByParty } from './point-view.ts';

export function PositionsSection({ pointId }: { pointId: string }) {
  const { t, i18n } = useTranslation();
  const { id, me } = useNegotiation();
  const names = useNames(id);
  const positions = usePositions(id);
  const history = usePositionHistory(id, pointId);
  const uid = useId();
  const partyIds = names.parties.map((p) => p.id);

  let body: React.ReactNode;
  if (positions.isPending || !names.ready) body = <Loading />;
  else if (positions.isError) body = <ErrorMessage error={positions.error} />;
  else {
    const latest = latestByParty(positions.data, pointId, partyIds);
    body = (
      <div className="pp-table-scroll">
        <table className="pp-table" data-testid="positions-table">
          <caption className="visually-hidden">{t('point:positions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('point:positions.party')}</th>
              <th scope="col">{t('point:positions.level')}</th>
              <th scope="col">{t('point:positions.sharedWith')}</th>
              <th scope="col">{t('point:positions.reason')}</th>
              <th scope="col">{t('point:positions.setBy')}</th>
            </tr>
          </thead>
          <tbody>
            {partyIds.map((partyId) => {
              const p = latest.get(partyId) ?? null;
              return (
                <tr key={partyId} data-party={partyId} className={p?.level === 'redline' ? 'pp-is-redline' : undefined}>
                  <th scope="row">
                    <bdi>{names.party(partyId)}</bdi>
                    {me.partyId === partyId && <span className="small muted"> {t('point:positions.mine')}</span>}
                  </th>
                  {p ? (
                    <>
                      <td><LevelBadge level={p.level} /></td>
                      <td><VisibilityBadge visibility={p.visibility} /></td>
                      <td>{p.reason ? <FreeText value={p.reason} className="pp-reason" /> : <span className="muted">{t('point:positions.noReason')}</span>}</td>
                      <td className="small">
                        <bdi><FreeText value={names.member(p.setBy) || t('common:someone')} /></bdi>
                        <br />
                        <time dateTime={p.at}>{formatDate(p.at, i18n.language, true)}</time>
                      </td>
                    </>
                  ) : (
                    <td colSpan={4} className="muted">{t('point:positions.none')}</td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <section className="card pp-section" aria-labelledby={`${uid}-title`} data-testid="point-positions">
      <h2 id={`${uid}-title`}>{t('point:positions.title')}</h2>
      {body}
      <h3>{t('point:history.title')}</h3>
      {history.isPending ? <Loading /> : history.isError ? <ErrorMessage error={history.error} /> : (
        <History entries={historyByParty(history.data)} partyIds={partyIds} />
      )}
    </section>
  );
}

function History({ entries, partyIds }: { entries: ReturnType<typeof historyByParty>; partyIds: string[] }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  const parties = partyIds.filter((p) => entries.has(p));
  if (parties.length === 0) return <Empty>{t('point:history.none')}</Empty>;
  return (
    <div className="pp-history" data-testid="position-history">
      {parties.map((partyId) => {
        const list = entries.get(partyId)!;
        const last = list.at(-1)!.position;
        return (
          <details key={partyId} data-party={partyId}>
            <summary>
              <bdi className="pp-history-party">{names.party(partyId)}</bdi>
              <span className="small muted">{t('point:history.count', { count: list.length })}</span>
              <LevelBadge level={last.level} compact />
            </summary>
            <ol className="pp-timeline">
              {list.map(({ position: p, previousLevel, levelChanged }) => (
                <li key={p.id}>
                  <time dateTime={p.at} className="small muted">{formatDate(p.at, i18n.language, true)}</time>
                  <div className="pp-timeline-body">
                    <LevelBadge level={p.level} />
                    {levelChanged && previousLevel && (
                      <span className="small">{t('point:history.changedFrom', { level: t(`common:level.${previousLevel}`) })}</span>
                    )}
                    <VisibilityBadge visibility={p.visibility} />
                    <span className="small muted">{t('point:history.by')} <bdi><FreeText value={names.member(p.setBy) || t('common:someone')} /></bdi></span>
                  </div>
                  {p.reason && <FreeText value={p.reason} as="p" className="pp-reason" />}
                </li>
              ))}
            </ol>
          </details>
        );
      })}
    </div>
  );
}
