import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../ui/use-document-title.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('common:notFound.title'));
  return (
    <section className="page narrow">
      <h1>{t('common:notFound.title')}</h1>
      <p>{t('common:notFound.body')}</p>
      <p><Link to="/">{t('common:notFound.back')}</Link></p>
    </section>
  );
}
