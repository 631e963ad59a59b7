/**
 * Recording or changing a round (the mediator's office). The same form serves both; the
 * page decides what to send and how to handle a conflict.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { usePoints } from '../../negotiation/queries.ts';
import { ErrorMessage } from '../../ui/feedback.tsx';
import { LocalizedText } from '../../ui/LocalizedText.tsx';
import { languageChoices } from './format.ts';
import { LocalizedFields } from './LocalizedFields.tsx';
import { ROUND_FORMATS, roundBody, toggle, type DraftProblem, type RoundBody, type RoundDraft, type RoundVisibility } from './round-form.ts';

interface Props {
  draft: RoundDraft;
  onChange: (d: RoundDraft) => void;
  onSubmit: (body: RoundBody) => void;
  onCancel?: () => void;
  submitting: boolean;
  /** What the server said about the last attempt. */
  error: unknown;
  submitLabel: string;
  heading: string;
}

const VISIBILITIES: readonly RoundVisibility[] = ['parties', 'mediator', 'public'];

export function RoundForm({ draft, onChange, onSubmit, onCancel, submitting, error, submitLabel, heading }: Props) {
  const { t } = useTranslation();
  const { id, overview } = useNegotiation();
  const names = useNames(id);
  const points = usePoints(id);
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const languages = languageChoices(overview.languages);
  const set = <K extends keyof RoundDraft>(k: K, v: RoundDraft[K]) => onChange({ ...draft, [k]: v });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const submit = (e: React.SyntheticEvent) => {
    e.preventDefault();
    const r = roundBody(draft);
    if (!r.ok) {
      setProblem(r.problem);
      return;
    }
    setProblem(null);
    onSubmit(r.body);
  };

  const livePoints = (points.data ?? []).filter((p) => !p.removed || draft.pointIds.includes(p.id));
  return (
    <form className="form round-form card" onSubmit={submit} noValidate aria-labelledby="round-form-heading">
      <h2 id="round-form-heading">{heading}</h2>
      <LocalizedFields name="title" legend={t('rounds:form.title')} rows={draft.title} onChange={(v) => set('title', v)} languages={languages} hint={t('rounds:form.titleHint')} required />

      <fieldset>
        <legend>{t('rounds:form.when')}</legend>
        <p className="hint" id="round-zone-hint">{t('rounds:form.zoneHint', { zone })}</p>
        <div className="rd-form-grid">
          <div>
            <label htmlFor="round-start">{t('rounds:form.start')}<span aria-hidden="true"> *</span></label>
            <input id="round-start" data-testid="round-start" type="datetime-local" required aria-describedby="round-zone-hint" value={draft.startsAt} onChange={(e) => set('startsAt', e.target.value)} />
          </div>
          <div>
            <label htmlFor="round-end">{t('rounds:form.end')}</label>
            <input id="round-end" data-testid="round-end" type="datetime-local" aria-describedby="round-zone-hint" value={draft.endsAt} onChange={(e) => set('endsAt', e.target.value)} />
          </div>
          <div>
            <label htmlFor="round-duration">{t('rounds:form.duration')}</label>
            <input id="round-duration" data-testid="round-duration" type="number" min={1} inputMode="numeric" value={draft.durationMinutes} onChange={(e) => set('durationMinutes', e.target.value)} />
          </div>
        </div>
      </fieldset>

      <LocalizedFields name="place" legend={t('rounds:form.place')} rows={draft.place} onChange={(v) => set('place', v)} languages={languages} />

      <div className="rd-form-grid">
        <div>
          <label htmlFor="round-format">{t('rounds:form.format')}</label>
          <select id="round-format" data-testid="round-format" value={draft.format} onChange={(e) => set('format', e.target.value as RoundDraft['format'])}>
            {ROUND_FORMATS.map((f) => <option key={f} value={f}>{t(`rounds:format.${f}`)}</option>)}
          </select>
        </div>
      </div>

      <fieldset className="rd-check-grid" data-testid="round-parties">
        <legend>{t('rounds:form.parties')}</legend>
        {names.parties.map((p) => (
          <label key={p.id} className="rd-check">
            <input type="checkbox" checked={draft.partyIds.includes(p.id)} onChange={(e) => set('partyIds', toggle(draft.partyIds, p.id, e.target.checked))} />
            <bdi>{names.party(p.id)}</bdi>
          </label>
        ))}
      </fieldset>

      <fieldset className="rd-check-grid" data-testid="round-attendees">
        <legend>{t('rounds:form.attendees')}</legend>
        {names.persons.map((p) => (
          <label key={p.id} className="rd-check">
            <input type="checkbox" checked={draft.attendeeIds.includes(p.id)} onChange={(e) => set('attendeeIds', toggle(draft.attendeeIds, p.id, e.target.checked))} />
            <bdi>{names.person(p.id)}</bdi>
            {p.partyId && <span className="muted small"> · <bdi>{names.party(p.partyId)}</bdi></span>}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('rounds:form.confidentiality')}</legend>
        <label className="rd-check">
          <input type="checkbox" data-testid="round-nda" checked={draft.nonDisclosure} onChange={(e) => set('nonDisclosure', e.target.checked)} />
          {t('rounds:form.nonDisclosure')}
        </label>
        {draft.nonDisclosure && (
          <LocalizedFields name="terms" legend={t('rounds:form.terms')} rows={draft.terms} onChange={(v) => set('terms', v)} languages={languages} multiline hint={t('rounds:form.termsHint')} />
        )}
      </fieldset>

      <LocalizedFields name="readout" legend={t('rounds:form.publicReadout')} rows={draft.publicReadout} onChange={(v) => set('publicReadout', v)} languages={languages} multiline hint={t('rounds:form.publicReadoutHint')} />

      <fieldset className="rd-check-grid rd-points-grid" data-testid="round-points">
        <legend>{t('rounds:form.points')}</legend>
        {livePoints.map((p) => (
          <label key={p.id} className="rd-check">
            <input type="checkbox" data-testid={`round-point-${p.number}`} checked={draft.pointIds.includes(p.id)} onChange={(e) => set('pointIds', toggle(draft.pointIds, p.id, e.target.checked))} />
            <span className="rd-point-number">{p.number}</span>
            <LocalizedText texts={p.texts} drafting={overview.draftingLanguage} className="rd-point-snippet" />
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('rounds:form.visibility')}</legend>
        {VISIBILITIES.map((v) => (
          <label key={v} className="rd-check">
            <input type="radio" name="round-visibility" value={v} checked={draft.visibility === v} onChange={() => set('visibility', v)} />
            {t(`rounds:visibilityChoice.${v}`)}
          </label>
        ))}
      </fieldset>

      {problem && <div role="alert" className="error-message" data-testid="round-form-problem">{t(`rounds:problem.${problem}`)}</div>}
      <ErrorMessage error={error} />
      <div className="rd-form-actions">
        <button type="submit" className="button primary" disabled={submitting} data-testid="round-submit">{submitting ? t('rounds:form.saving') : submitLabel}</button>
        {onCancel && <button type="button" className="button" onClick={onCancel}>{t('common:cancel')}</button>}
      </div>
    </form>
  );
}
