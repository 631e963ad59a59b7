/**
 * Where a party's public words and its position (as I may see it) part ways. The server
 * computes them under my visibility, so what is shown here never hints at a position I may
 * not read; the position's own visibility badge says who else knows it.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { usePoints } from '../../negotiation/queries.ts';
import { LevelBadge, VisibilityBadge } from '../../ui/badges.tsx';
import { Icon } from '../../ui/icons.tsx';
import { Text } from '../../ui/LocalizedText.tsx';
import type { DiscrepancyOut } from './discrepancy-queries.ts';
import './statements.css';

export function DiscrepancyItem({ d, showQuote = true, as: Tag = 'div' }: { d: DiscrepancyOut; showQuote?: boolean; as?: 'div' | 'li' }) {
  const { t } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  const points = usePoints(id);
  const number = points.data?.find((p) => p.id === d.pointId)?.number ?? '…';
  const latest = d.statements[0]!;
  const feed = `/n/${id}/statements?party=${d.partyId}&point=${d.pointId}`;
  return (
    <Tag className={`discrepancy small discrepancy-${d.direction}`} data-testid="discrepancy" data-point={d.pointId} data-party={d.partyId}>
      <Icon name="scales" />
      <span className="discrepancy-text">
        <strong>{t(`statements:discrepancy.${d.direction}`, { party: names.party(d.partyId), point: number })}</strong>{' '}
        <span className="discrepancy-levels">
          <span>{t('statements:discrepancy.said')}</span> <LevelBadge level={latest.stance} />{' '}
          <span>{t('statements:discrepancy.position')}</span> <LevelBadge level={d.position.level} /> <VisibilityBadge visibility={d.position.visibility} />
        </span>
        {showQuote && <Text as="q" value={latest.quote} lang={latest.lang} className="discrepancy-quote" />}{' '}
        <Link to={feed}>{t('statements:discrepancy.statements', { count: d.statements.length })}</Link>
        {' · '}<Link to={`/n/${id}/points/${d.pointId}`}>{t('statements:discrepancy.point', { point: number })}</Link>
      </span>
    </Tag>
  );
}
