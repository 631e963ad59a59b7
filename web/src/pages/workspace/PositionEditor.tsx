/**
 * The editor of my party's position on one point: the five levels, who may see it, and the
 * reason the scale demands for wording, reject and red line. It sends the id of the
 * position it was opened on; if a colleague set a newer one meanwhile, the server answers
 * 409 and the conflict dialog shows theirs beside mine, to keep theirs or save mine on top.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointOut, PositionOut } from '../../api/schemas.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { LevelBadge, VISIBILITY_ICON, VisibilityBadge } from '../../ui/badges.tsx';
import { ConflictDialog, isConflict } from '../../ui/ConflictDialog.tsx';
import { formatDate } from '../../ui/dates.ts';
import { ErrorMessage } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { Text } from '../../ui/LocalizedText.tsx';
import { setPosition, wsKey } from './workspace-queries.ts';
import { LEVELS, LEVELS_NEEDING_REASON, VISIBILITIES, defaultVisibility, positionProblem, type Level, type PositionDraft, type Visibility } from './workspace-view.ts';

interface Props {
  point: PointOut;
  current: PositionOut | null;
  readOnly: boolean;
  onDone: () => void;
}

export function PositionEditor({ point, current, readOnly, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const { id, me } = useNegotiation();
  const names = useNames(id);
  const qc = useQueryClient();
  const uid = useId();
  const [draft, setDraft] = useState<PositionDraft>({ level: current?.level ?? null, visibility: defaultVisibility(current), reason: current?.reason ?? '' });
  /** The position my edit is based on; moves forward only when I choose to save on top of theirs. */
  const [basedOn, setBasedOn] = useState<string | null>(current?.id ?? null);
  const [problem, setProblem] = useState<ReturnType<typeof positionProblem>>(null);
  const [conflict, setConflict] = useState<PositionOut | null | undefined>(undefined);
  const firstField = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => { firstField.current?.focus(); }, []);

  const save = useMutation({
    mutationFn: (on: string | null) => setPosition(id, {
      partyId: me.partyId, pointId: point.id, level: draft.level, visibility: draft.visibility, reason: draft.reason.trim(), basedOnPositionId: on,
    }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['n', id] });
      onDone();
    },
    onError: (e) => {
      if (isConflict(e)) setConflict((e.extra.current ?? null) as PositionOut | null);
    },
  });

  const submit = (e: React.SyntheticEvent) => {
    e.preventDefault();
    const p = positionProblem(draft, current && current.id === basedOn ? current : null);
    setProblem(p);
    if (p === 'reason_required') reasonRef.current?.focus();
    if (p === 'level_missing') firstField.current?.focus();
    if (p) return;
    save.mutate(basedOn);
  };
  const needsReason = draft.level !== null && LEVELS_NEEDING_REASON.has(draft.level);
  const set = (patch: Partial<PositionDraft>) => { setDraft((d) => ({ ...d, ...patch })); setProblem(null); };
  const serverError = save.error && !isConflict(save.error) ? save.error : null;

  return (
    <form className="ws-position-editor" onSubmit={submit} noValidate aria-labelledby={`${uid}-title`}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); onDone(); } }}>
      <h3 id={`${uid}-title`}>{t('workspace:editor.title', { number: point.number })}</h3>
      {current && (
        <p className="small muted">
          {t('workspace:editor.since', { who: names.member(current.setBy) || t('common:someone'), date: formatDate(current.at, i18n.language, true) })}
        </p>
      )}
      <div className="ws-editor-grid">
        <fieldset disabled={readOnly}>
          <legend>{t('workspace:editor.level')}</legend>
          <div className="ws-choice-list">
            {LEVELS.map((level: Level, i) => (
              <label key={level} className={`ws-choice level-choice${draft.level === level ? ' ws-chosen' : ''}`}>
                <input
                  ref={i === 0 ? firstField : undefined} type="radio" name={`${uid}-level`} value={level}
                  checked={draft.level === level} onChange={() => set({ level })}
                  aria-describedby={LEVELS_NEEDING_REASON.has(level) ? `${uid}-needs` : undefined}
                />
                <LevelBadge level={level} />
                <span className="ws-choice-help small muted">{t(`workspace:levelHelp.${level}`)}</span>
              </label>
            ))}
          </div>
          <p id={`${uid}-needs`} className="hint">{t('workspace:editor.reasonRule')}</p>
        </fieldset>
        <fieldset disabled={readOnly}>
          <legend>{t('workspace:editor.visibility')}</legend>
          <div className="ws-choice-list">
            {VISIBILITIES.map((v: Visibility) => (
              <label key={v} className={`ws-choice${draft.visibility === v ? ' ws-chosen' : ''}`}>
                <input type="radio" name={`${uid}-visibility`} value={v} checked={draft.visibility === v} onChange={() => set({ visibility: v })} />
                <span className="ws-choice-label"><Icon name={VISIBILITY_ICON[v]} /> {t(`common:visibility.${v}`)}</span>
                <span className="ws-choice-help small muted">{t(`workspace:visibilityExplain.${v}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <label htmlFor={`${uid}-reason`} className="ws-field-label">
        {t('workspace:editor.reason')} {needsReason ? <span className="ws-required">{t('workspace:editor.required')}</span> : <span className="muted small">{t('workspace:editor.optional')}</span>}
      </label>
      <textarea
        id={`${uid}-reason`} ref={reasonRef} dir="auto" value={draft.reason} readOnly={readOnly} rows={3}
        onChange={(e) => set({ reason: e.target.value })}
        aria-invalid={problem === 'reason_required'} aria-describedby={problem === 'reason_required' ? `${uid}-problem` : `${uid}-reason-help`}
        required={needsReason}
      />
      <p id={`${uid}-reason-help`} className="hint">{t('workspace:editor.reasonHelp')}</p>
      {problem && (
        <div id={`${uid}-problem`} role="alert" className="error-message" data-testid="position-problem">
          <Icon name="warning" /> {t(`workspace:editor.problem.${problem}`, { level: draft.level ? t(`common:level.${draft.level}`) : '' })}
        </div>
      )}
      <ErrorMessage error={serverError} />
      <div className="ws-form-actions">
        {!readOnly && (
          <button type="submit" className="button primary" disabled={save.isPending}>
            {save.isPending ? t('workspace:saving') : t('workspace:editor.save')}
          </button>
        )}
        <button type="button" className="button" onClick={onDone}>{readOnly ? t('common:close') : t('common:cancel')}</button>
      </div>
      {conflict !== undefined && (
        <ConflictDialog
          open
          theirs={conflict ? <PositionSummary position={conflict} who={names.member(conflict.setBy)} /> : <p className="muted">{t('workspace:editor.noneNow')}</p>}
          mine={<DraftSummary draft={draft} />}
          onRetry={() => { const on = conflict?.id ?? null; setBasedOn(on); setConflict(undefined); save.mutate(on); }}
          onKeepTheirs={() => { setConflict(undefined); save.reset(); void qc.invalidateQueries({ queryKey: wsKey(id) }); onDone(); }}
        />
      )}
    </form>
  );
}

function PositionSummary({ position, who }: { position: PositionOut; who: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="ws-position-summary" data-testid="conflict-theirs">
      <p><LevelBadge level={position.level} /> <VisibilityBadge visibility={position.visibility} /></p>
      {position.reason ? <Text value={position.reason} as="p" /> : <p className="muted">{t('workspace:editor.noReason')}</p>}
      <p className="small muted">{t('workspace:editor.setBy', { who: who || t('common:someone'), date: formatDate(position.at, i18n.language, true) })}</p>
    </div>
  );
}

function DraftSummary({ draft }: { draft: PositionDraft }) {
  const { t } = useTranslation();
  return (
    <div className="ws-position-summary" data-testid="conflict-mine">
      <p>{draft.level && <LevelBadge level={draft.level} />} <VisibilityBadge visibility={draft.visibility} /></p>
      {draft.reason.trim() ? <Text value={draft.reason.trim()} as="p" /> : <p className="muted">{t('workspace:editor.noReason')}</p>}
    </div>
  );
}
