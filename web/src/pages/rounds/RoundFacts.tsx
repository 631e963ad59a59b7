/** The pieces of a round both the timeline and the round page show. */
import { useTranslation } from 'react-i18next';
import type { RoundOut } from '../../api/schemas.ts';
import { Icon } from '../../ui/icons.tsx';
import { LocalizedText } from '../../ui/LocalizedText.tsx';
import { formatDuration } from './format.ts';
import { minutesOf } from './round-form.ts';

/** "Held under non-disclosure" with the terms agreed: shape, words and colour together. */
export function NonDisclosure({ round, drafting }: { round: RoundOut; drafting: string }) {
  const { t } = useTranslation();
  if (!round.confidentiality.nonDisclosure) return null;
  const hasTerms = Object.values(round.confidentiality.terms).some((v) => v.trim());
  return (
    <div className="nda" data-testid="round-nda-marker">
      <Icon name="lock" className="nda-icon" />
      <div>
        <strong>{t('rounds:nda.marker')}</strong>
        {hasTerms
          ? <> <span className="muted">{t('rounds:nda.terms')}</span> <q className="nda-terms"><LocalizedText texts={round.confidentiality.terms} drafting={drafting} /></q></>
          : <> <span className="muted">{t('rounds:nda.noTerms')}</span></>}
      </div>
    </div>
  );
}

export function DurationText({ round }: { round: Pick<RoundOut, 'startsAt' | 'endsAt' | 'durationMinutes'> }) {
  const { t, i18n } = useTranslation();
  const m = minutesOf(round);
  return m === null ? <span className="muted">{t('rounds:durationUnknown')}</span> : <span>{formatDuration(m, i18n.language)}</span>;
}

export function FormatBadge({ format }: { format: RoundOut['format'] }) {
  const { t } = useTranslation();
  return <span className="badge round-format"><Icon name="people" className="symbol" /><span>{t(`rounds:format.${format}`)}</span></span>;
}
