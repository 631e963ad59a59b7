/**
 * The issue space as everyone reads it: the parties whose preferences count, each issue with
 * its options (or "divisible") and the points of the text it is about, linked by number.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SettlementOut } from '../../api/schemas.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { usePoints } from '../../negotiation/queries.ts';
import { formatDate } from '../../ui/dates.ts';
import { isolate } from './PackageParts.tsx';

type Space = NonNullable<SettlementOut['space']>;

export function SpaceView({ space, compact = false }: { space: Space; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  return (
    <div className="space-view" data-testid="space-view">
      <p className="space-parties">
        <strong>{t('settlement:space.partiesOf')}</strong>{' '}
        {space.partyIds.map((p, n) => <span key={p}>{n > 0 && ', '}<bdi>{names.party(p)}</bdi></span>)}
      </p>
      <ol className="space-issues">
        {space.issues.map((issue) => (
          <li key={issue.id} className="space-issue" data-testid="space-issue">
            <span className="issue-label" dir="auto">{issue.label}</span>
            {issue.divisible ? (
              <span className="badge divisible-badge">{t('settlement:space.divisible')}</span>
            ) : (
              <ul className="option-chips" aria-label={t('settlement:space.optionsOf', { issue: issue.label })}>
                {issue.options.map((o) => <li key={o.key} className="option-chip" dir="auto">{o.label}</li>)}
              </ul>
            )}
            {!compact && issue.pointIds.length > 0 && <PointLinks pointIds={issue.pointIds} />}
          </li>
        ))}
      </ol>
      {!compact && (
        <p className="small muted">
          {t('settlement:space.savedBy', { who: isolate(names.member(space.savedBy) || t('common:mediator')), date: formatDate(space.savedAt, i18n.language, true) })}
        </p>
      )}
    </div>
  );
}

function PointLinks({ pointIds }: { pointIds: readonly string[] }) {
  const { t } = useTranslation();
  const { id } = useNegotiation();
  const points = usePoints(id);
  return (
    <span className="issue-points small">
      {t('settlement:space.points')}{' '}
      {pointIds.map((p) => {
        const point = points.data?.find((x) => x.id === p);
        return (
          <Link key={p} className="sp-point" to={`/n/${id}/points/${p}`} aria-label={t('settlement:space.pointLink', { number: point?.number ?? '…' })}>
            {point?.number ?? '…'}
          </Link>
        );
      })}
    </span>
  );
}
