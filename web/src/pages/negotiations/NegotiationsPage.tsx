/** The negotiations I am a member of, with my seat in each. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getAll } from '../../api/client.ts';
import { NegotiationSummary, page } from '../../api/schemas.ts';
import { ErrorMessage, Empty, Loading } from '../../ui/feedback.tsx';
import { LocalizedText } from '../../ui/LocalizedText.tsx';
import { formatDate } from '../../ui/dates.ts';
import { useDocumentTitle } from '../../ui/use-document-title.ts';

export function NegotiationsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('common:negotiations.title'));
  const list = useQuery({ queryKey: ['negotiations'], queryFn: () => getAll('/api/negotiations', page(NegotiationSummary)) });
  return (
    <section className="page">
      <h1>{t('common:negotiations.title')}</h1>
      {list.isPending && <Loading />}
      <ErrorMessage error={list.error} />
      {list.data?.length === 0 && <Empty>{t('common:negotiations.none')}</Empty>}
      <ul className="negotiation-list">
        {list.data?.map((n) => (
          <li key={n.id} className="card">
            <h2><Link to={`/n/${n.id}`}><LocalizedText texts={n.title} /></Link></h2>
            <p className="muted">
              {t(`common:role.${n.membership.role}`)} · {t('common:negotiations.since', { date: formatDate(n.createdAt, i18n.language) })} · {n.languages.join(', ')}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
