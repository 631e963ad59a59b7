/**
 * The negotiation home's compact view of where public words and positions part ways: one
 * line per party and point, computed by the server as I may see the positions.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { DiscrepancyItem } from '../statements/Discrepancies.tsx';
import { useDiscrepancies } from '../statements/discrepancy-queries.ts';

export function DiscrepanciesPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useDiscrepancies(id);
  return (
    <section className="card map-discrepancies" aria-labelledby="map-discrepancies-title" data-testid="map-discrepancies">
      <div className="map-discrepancies-head">
        <h2 id="map-discrepancies-title">{t('map:discrepancies.title')}</h2>
        <Link to={`/n/${id}/statements`} className="small">{t('map:discrepancies.all')}</Link>
      </div>
      <p className="small muted">{t('map:discrepancies.lede')}</p>
      {q.isPending ? <Loading /> : q.isError ? <ErrorMessage error={q.error} /> : q.data.length === 0 ? (
        <Empty>{t('map:discrepancies.none')}</Empty>
      ) : (
        <ul className="plain-list map-discrepancy-list">
          {q.data.map((d) => <DiscrepancyItem key={`${d.partyId}:${d.pointId}`} d={d} as="li" showQuote={false} />)}
        </ul>
      )}
    </section>
  );
}
