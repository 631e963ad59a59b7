import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { Icon } from './icons.tsx';

/** An error as a person can act on it: the server's own sentence, announced to screen readers. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const text = error instanceof ApiError || error instanceof Error ? error.message : t('common:error.unknown');
  return (
    <div role="alert" className="error-message">
      <Icon name="warning" /> {text}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      {label ?? t('common:loading')}
    </div>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="empty">{children}</p>;
}
