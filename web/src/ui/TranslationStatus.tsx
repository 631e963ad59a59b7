/**
 * "Translation pending" beside a language's text: another language changed after this one was
 * last edited or confirmed. The mediator may confirm it still says the same; the server
 * decides (a party member's click would be refused), so the button is shown to the mediator only.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { Written } from '../api/schemas.ts';
import { nKey } from '../negotiation/queries.ts';
import { ErrorMessage } from './feedback.tsx';
import { Icon } from './icons.tsx';
import './text-flags.css';

interface Props {
  negotiationId: string;
  pointId: string;
  lang: string;
  languageName: string;
  status: 'current' | 'pending' | undefined;
  revision: number;
  mayConfirm: boolean;
}

export function TranslationStatus({ negotiationId, pointId, lang, languageName, status, revision, mayConfirm }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const confirm = useMutation({
    mutationFn: () => api.post(`/api/negotiations/${negotiationId}/points/${pointId}/translations/confirm`, Written, { lang, basedOn: revision }),
    onSuccess: () => qc.invalidateQueries({ queryKey: nKey(negotiationId) }),
  });
  if (status !== 'pending') return null;
  return (
    <span className="translation-status" data-testid="translation-status" data-lang={lang}>
      <span className="badge translation-pending" title={t('common:translation.pendingHelp')}>
        <Icon name="dots" className="symbol" />
        <span>{t('common:translation.pending')}</span>
      </span>
      {mayConfirm && (
        <button type="button" className="button" disabled={confirm.isPending} onClick={() => confirm.mutate()} data-testid="confirm-translation">
          {t('common:translation.confirm')}<span className="visually-hidden"> ({languageName})</span>
        </button>
      )}
      {confirm.isError && <ErrorMessage error={confirm.error} />}
    </span>
  );
}
