/**
 * What is shared with whom: everything my party has on record, grouped by the widest
 * audience of each item, with counts and links. It answers the question a delegation asks
 * before every round: "what does the mediator, or the other side, already know from us?"
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNegotiation } from '../../negotiation/context.tsx';
import { usePoints } from '../../negotiation/queries.ts';
import { LevelBadge, VISIBILITY_ICON } from '../../ui/badges.tsx';
import { ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { LocalizedText, Text } from '../../ui/LocalizedText.tsx';
import { useAmendments, useNotes, usePositions, useReadouts, useRounds } from './workspace-queries.ts';
import { VISIBILITIES, countOf, groupByAudience, type SharedGroups, type Visibility } from './workspace-view.ts';

export function SharedPanel() {
  const { t } = useTranslation();
  const { id, me } = useNegotiation();
  const positions = usePositions(id);
  const amendments = useAmendments(id);
  const notes = useNotes(id);
  const rounds = useRounds(id);
  const readouts = useReadouts(id, (rounds.data ?? []).map((r) => r.id));
  const pending = [positions, amendments, notes, rounds].find((q) => q.isPending) ?? readouts.find((q) => q.isPending);
  const failed = [positions, amendments, notes, rounds, ...readouts].find((q) => q.isError);
  if (failed) return <ErrorMessage error={failed.error} />;
  if (pending) return <Loading />;

  const groups = groupByAudience(me.partyId ?? '', {
    positions: positions.data ?? [], amendments: amendments.data ?? [], notes: notes.data ?? [],
    readouts: readouts.flatMap((q) => q.data ?? []),
  });

  return (
    <section aria-labelledby="ws-shared-title" className="workspace-panel">
      <div className="ws-panel-heading">
        <h2 id="ws-shared-title">{t('workspace:shared.title')}</h2>
      </div>
      <p className="ws-shared-model">{t('workspace:shared.model')}</p>
      <ul className="ws-shared-summary" aria-label={t('workspace:shared.summaryLabel')}>
        {VISIBILITIES.map((v) => (
          <li key={v} className={`ws-shared-count ws-audience-${v}`}>
            <a href={`#shared-${v}`}>
              <Icon name={VISIBILITY_ICON[v]} />
              <span className="ws-shared-count-number">{countOf(groups[v])}</span>
              <span>{t(`workspace:shared.audience.${v}`)}</span>
            </a>
          </li>
        ))}
      </ul>
      <div className="ws-shared-groups">
        {VISIBILITIES.map((v) => (
          <AudienceGroup
            key={v} visibility={v} group={groups[v]}
            roundTitle={(rid) => rounds.data?.find((r) => r.id === rid)?.title ?? {}}
            amendmentPoint={(aid) => amendments.data?.find((a) => a.id === aid)?.pointId ?? null}
          />
        ))}
      </div>
    </section>
  );
}

interface GroupProps {
  visibility: Visibility;
  group: SharedGroups;
  roundTitle: (roundId: string) => Record<string, string>;
  /** The point an amendment is about, to say where a position on it belongs. */
  amendmentPoint: (amendmentId: string) => string | null;
}

function AudienceGroup({ visibility, group, roundTitle, amendmentPoint }: GroupProps) {
  const { t } = useTranslation();
  const { id, overview } = useNegotiation();
  const points = usePoints(id);
  const uid = useId();
  const number = (pointId: string | null) => points.data?.find((p) => p.id === pointId)?.number ?? '';
  const total = countOf(group);
  return (
    <section id={`shared-${visibility}`} aria-labelledby={`${uid}-h`} className={`card ws-audience ws-audience-${visibility}`} data-testid={`shared-${visibility}`}>
      <h3 id={`${uid}-h`}>
        <Icon name={VISIBILITY_ICON[visibility]} /> {t(`workspace:shared.audience.${visibility}`)}
        <span className="muted small"> · {t('workspace:shared.items', { count: total })}</span>
      </h3>
      <p className="small muted">{t(`workspace:shared.who.${visibility}`)}</p>
      {total === 0 ? <p className="empty">{t('workspace:shared.nothing')}</p> : (
        <>
          {group.positions.length > 0 && (
            <details>
              <summary>{t('workspace:shared.positions', { count: group.positions.length })}</summary>
              <ul className="ws-shared-list">
                {group.positions.map((p) => (
                  <li key={p.id}>
                    {p.pointId
                      ? <Link to={`/n/${id}/points/${p.pointId}`}>{t('workspace:shared.point', { number: number(p.pointId) })}</Link>
                      : <AmendmentTarget pointId={p.amendmentId ? amendmentPoint(p.amendmentId) : null} number={number} />}
                    {' '}<LevelBadge level={p.level} compact />
                    {p.reason && <Text value={p.reason} className="small muted ws-shared-reason" />}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {group.amendments.length > 0 && (
            <details>
              <summary>{t('workspace:shared.amendments', { count: group.amendments.length })}</summary>
              <ul className="ws-shared-list">
                {group.amendments.map((a) => (
                  <li key={a.id}>
                    <Link to="?view=amendments">{t(`workspace:amendments.kinds.${a.kind}`)}{a.pointId ? ` · ${t('workspace:shared.point', { number: number(a.pointId) })}` : ''}</Link>
                    {' '}<span className="small muted">{t(`workspace:amendments.status.${a.status}`)}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {group.readouts.length > 0 && (
            <details>
              <summary>{t('workspace:shared.readouts', { count: group.readouts.length })}</summary>
              <ul className="ws-shared-list">
                {group.readouts.map((r) => (
                  <li key={r.id}><Link to={`/n/${id}/rounds/${r.roundId}`}><LocalizedText texts={roundTitle(r.roundId)} drafting={overview.draftingLanguage} /></Link></li>
                ))}
              </ul>
            </details>
          )}
          {group.notes.length > 0 && (
            <details>
              <summary>{t('workspace:shared.notes', { count: group.notes.length })}</summary>
              <p className="small"><Link to="?view=notes">{t('workspace:shared.openNotes')}</Link></p>
            </details>
          )}
        </>
      )}
    </section>
  );
}

function AmendmentTarget({ pointId, number }: { pointId: string | null; number: (pointId: string | null) => string }) {
  const { t } = useTranslation();
  const { id } = useNegotiation();
  if (!pointId) return <span>{t('workspace:shared.onAmendment')}</span>;
  return <Link to={`/n/${id}/points/${pointId}`}>{t('workspace:shared.onAmendmentTo', { number: number(pointId) })}</Link>;
}
