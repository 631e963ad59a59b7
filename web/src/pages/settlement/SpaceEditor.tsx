/**
 * The mediator's issue space: the parties of the settlement, the issues with their options (or
 * divisible), the points each is about. Saved whole with the revision it was read at; a save
 * over someone else's change opens the conflict dialog with the space as it is now.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { SettlementOut } from '../../api/schemas.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { usePoints } from '../../negotiation/queries.ts';
import { ConflictDialog, currentRevision, isConflict } from '../../ui/ConflictDialog.tsx';
import { ErrorMessage } from '../../ui/feedback.tsx';
import { useSaveSpace } from './queries.ts';
import {
  draftFromSpace, emptyIssue, emptyOption, move, optionKeys, spaceBody, spaceProblems,
  type IssueDraft, type SpaceDraft, type SpaceProblem,
} from './space-draft.ts';
import { SpaceView } from './SpaceView.tsx';

type Space = NonNullable<SettlementOut['space']>;

/** The space as the mediator sees it: read, with an edit button, or the editor when there is none yet. */
export function SpaceSection({ s }: { s: SettlementOut }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <section className="card" aria-labelledby="space-heading" data-testid="space-section">
      <div className="section-head">
        <h2 id="space-heading">{t('settlement:space.heading')}</h2>
        {s.space && !editing && (
          <button type="button" className="button small" onClick={() => setEditing(true)} data-testid="edit-space">
            {t('settlement:space.edit')}
          </button>
        )}
      </div>
      {s.space && !editing ? (
        <SpaceView space={s.space} />
      ) : (
        <>
          {!s.space && <p className="hint">{t('settlement:space.first')}</p>}
          <SpaceEditor space={s.space} onDone={() => setEditing(false)} />
        </>
      )}
    </section>
  );
}

function problemText(p: SpaceProblem, d: SpaceDraft, t: (k: string, o?: Record<string, unknown>) => string): string {
  const issue = 'issue' in p ? (d.issues[p.issue]?.label.trim() || t('settlement:space.issueN', { n: p.issue + 1 })) : '';
  return t(`settlement:space.problem.${p.kind}`, { issue });
}

export function SpaceEditor({ space, onDone }: { space: Space | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  const uid = useId();
  const [draft, setDraft] = useState<SpaceDraft>(() => draftFromSpace(space, names.parties));
  const [basedOn, setBasedOn] = useState(space?.revision ?? 0);
  const [tried, setTried] = useState(false);
  const [theirs, setTheirs] = useState<{ space: Space | null; revision: number } | null>(null);
  const save = useSaveSpace(id);
  // The parties list may arrive after the editor opens: a new space then starts with the non-brokers.
  const [seeded, setSeeded] = useState(names.ready || space !== null);
  if (!seeded && names.ready) {
    setSeeded(true);
    setDraft(draftFromSpace(null, names.parties));
  }

  const problems = spaceProblems(draft);
  const setIssue = (n: number, patch: Partial<IssueDraft>) =>
    setDraft({ ...draft, issues: draft.issues.map((i, k) => (k === n ? { ...i, ...patch } : i)) });
  const send = (rev: number) => {
    save.mutate(spaceBody(draft, rev), {
      onSuccess: () => { setTheirs(null); onDone(); },
      onError: (e) => {
        if (!isConflict(e)) return;
        const current = (e.extra.current ?? null) as Space | null;
        const revision = currentRevision(e) ?? rev;
        setTheirs({ space: current ? { ...current, revision } : null, revision });
      },
    });
  };
  const submit = () => {
    setTried(true);
    if (problems.length === 0) send(basedOn);
  };
  const conflict = theirs !== null && save.error instanceof ApiError && isConflict(save.error);

  return (
    <form className="space-editor" noValidate aria-labelledby="space-heading" onSubmit={(e) => { e.preventDefault(); submit(); }} data-testid="space-editor">
      <fieldset className="party-choice">
        <legend>{t('settlement:space.parties')}</legend>
        <p className="hint">{t('settlement:space.partiesHint')}</p>
        {names.parties.map((p) => (
          <label key={p.id} className="check">
            <input
              type="checkbox" checked={draft.partyIds.includes(p.id)}
              onChange={(e) => setDraft({ ...draft, partyIds: e.target.checked ? names.parties.map((x) => x.id).filter((x) => x === p.id || draft.partyIds.includes(x)) : draft.partyIds.filter((x) => x !== p.id) })}
            />
            <bdi>{names.party(p.id)}</bdi>
            {p.broker && <span className="small muted">{t('settlement:space.broker')}</span>}
          </label>
        ))}
      </fieldset>

      <ol className="issue-editor-list">
        {draft.issues.map((issue, n) => (
          <IssueEditor
            key={issue.uid} issue={issue} index={n} count={draft.issues.length} formId={uid}
            onChange={(patch) => setIssue(n, patch)}
            onMove={(by) => setDraft({ ...draft, issues: move(draft.issues, n, by) })}
            onRemove={() => setDraft({ ...draft, issues: draft.issues.filter((_, k) => k !== n) })}
          />
        ))}
      </ol>
      <button type="button" className="button" onClick={() => setDraft({ ...draft, issues: [...draft.issues, emptyIssue()] })} data-testid="add-issue">
        {t('settlement:space.addIssue')}
      </button>

      {tried && problems.length > 0 && (
        <div role="alert" className="error-message" data-testid="space-problems">
          <p>{t('settlement:space.problemsIntro')}</p>
          <ul>{problems.map((p) => <li key={`${p.kind}-${'issue' in p ? String(p.issue) : ''}`}>{problemText(p, draft, t)}</li>)}</ul>
        </div>
      )}
      {!conflict && <ErrorMessage error={save.error} />}
      {space && <p className="hint">{t('settlement:space.staleWarning')}</p>}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={save.isPending} data-testid="save-space">
          {save.isPending ? t('settlement:saving') : t('settlement:space.save')}
        </button>
        {space && <button type="button" className="button" onClick={onDone}>{t('common:cancel')}</button>}
      </div>
      {conflict && <ConflictDialog
        open
        theirs={theirs?.space ? <SpaceView space={theirs.space} compact /> : <p>{t('settlement:space.noneNow')}</p>}
        mine={<SpaceView space={{ ...spaceBodyAsSpace(draft), savedAt: new Date().toISOString(), savedBy: null, revision: basedOn }} compact />}
        onRetry={() => { if (theirs) { setBasedOn(theirs.revision); send(theirs.revision); } }}
        onKeepTheirs={() => { setTheirs(null); save.reset(); onDone(); }}
      />}
    </form>
  );
}

/** The draft shaped like a saved space, for showing it beside the one saved meanwhile. */
function spaceBodyAsSpace(d: SpaceDraft): Pick<Space, 'partyIds' | 'issues'> {
  return {
    partyIds: d.partyIds,
    issues: d.issues.map((i) => {
      const keys = optionKeys(i.options);
      return { id: i.id ?? i.uid, label: i.label, divisible: i.divisible, options: i.options.map((o, k) => ({ key: keys[k]!, label: o.label })), pointIds: i.pointIds };
    }),
  };
}

interface IssueProps {
  issue: IssueDraft;
  index: number;
  count: number;
  formId: string;
  onChange: (patch: Partial<IssueDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

function IssueEditor({ issue, index, count, formId, onChange, onMove, onRemove }: IssueProps) {
  const { t } = useTranslation();
  const base = `${formId}-${issue.uid}`;
  const name = issue.label.trim() || t('settlement:space.issueN', { n: index + 1 });
  const keys = optionKeys(issue.options);
  const setOption = (k: number, label: string) => onChange({ options: issue.options.map((o, j) => (j === k ? { ...o, label } : o)) });
  return (
    <li className="issue-editor" data-testid="issue-editor">
      <fieldset>
        <legend>{t('settlement:space.issueN', { n: index + 1 })}</legend>
        <div className="row-tools">
          <button type="button" className="button small" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('settlement:space.moveUp', { name })}>↑</button>
          <button type="button" className="button small" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('settlement:space.moveDown', { name })}>↓</button>
          <button type="button" className="button small danger" onClick={onRemove} aria-label={t('settlement:space.removeIssue', { name })}>{t('settlement:space.remove')}</button>
        </div>
        <label htmlFor={`${base}-label`}>{t('settlement:space.issueLabel')}</label>
        <input id={`${base}-label`} type="text" dir="auto" value={issue.label} maxLength={200} onChange={(e) => onChange({ label: e.target.value })} data-testid="issue-label" />
        <label className="check">
          <input type="checkbox" checked={issue.divisible} onChange={(e) => onChange({ divisible: e.target.checked, options: e.target.checked ? [] : [emptyOption(), emptyOption()] })} data-testid="issue-divisible" />
          {t('settlement:space.divisibleChoice')}
        </label>
        {issue.divisible ? (
          <p className="hint">{t('settlement:space.divisibleHint')}</p>
        ) : (
          <div className="option-editor" role="group" aria-label={t('settlement:space.optionsOf', { issue: name })}>
            <ol>
              {issue.options.map((o, k) => {
                const optionName = o.label.trim() || t('settlement:space.optionN', { n: k + 1 });
                return (
                  <li key={o.uid} className="option-row" data-testid="option-row">
                    <label htmlFor={`${base}-o-${o.uid}`} className="visually-hidden">{t('settlement:space.optionLabel', { n: k + 1, issue: name })}</label>
                    <input id={`${base}-o-${o.uid}`} type="text" dir="auto" value={o.label} maxLength={200} placeholder={t('settlement:space.optionN', { n: k + 1 })} onChange={(e) => setOption(k, e.target.value)} data-testid="option-label" />
                    <span className="option-key small muted">
                      {t('settlement:space.key')} <code translate="no">{keys[k]}</code>
                    </span>
                    <span className="row-tools">
                      <button type="button" className="button small" disabled={k === 0} onClick={() => onChange({ options: move(issue.options, k, -1) })} aria-label={t('settlement:space.moveUp', { name: optionName })}>↑</button>
                      <button type="button" className="button small" disabled={k === issue.options.length - 1} onClick={() => onChange({ options: move(issue.options, k, 1) })} aria-label={t('settlement:space.moveDown', { name: optionName })}>↓</button>
                      <button type="button" className="button small" onClick={() => onChange({ options: issue.options.filter((_, j) => j !== k) })} aria-label={t('settlement:space.removeOption', { name: optionName })}>✕</button>
                    </span>
                  </li>
                );
              })}
            </ol>
            <button type="button" className="button small" onClick={() => onChange({ options: [...issue.options, emptyOption()] })} data-testid="add-option">
              {t('settlement:space.addOption')}
            </button>
          </div>
        )}
        <PointPicker selected={issue.pointIds} name={name} onChange={(pointIds) => onChange({ pointIds })} />
      </fieldset>
    </li>
  );
}

/** The points of the text an issue is about, picked by number. */
function PointPicker({ selected, name, onChange }: { selected: string[]; name: string; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const { id } = useNegotiation();
  const points = usePoints(id);
  const live = (points.data ?? []).filter((p) => !p.removed);
  const numbers = selected.map((p) => live.find((x) => x.id === p)?.number).filter(Boolean).join(', ');
  return (
    <details className="point-picker">
      <summary>{t('settlement:space.linkPoints', { count: selected.length })}{numbers && <span className="muted">: {numbers}</span>}</summary>
      <fieldset className="point-grid">
        <legend className="visually-hidden">{t('settlement:space.pointsOf', { issue: name })}</legend>
        {live.map((p) => (
          <label key={p.id} className="check point-check">
            <input
              type="checkbox" checked={selected.includes(p.id)}
              onChange={(e) => onChange(e.target.checked ? live.map((x) => x.id).filter((x) => x === p.id || selected.includes(x)) : selected.filter((x) => x !== p.id))}
            />
            <span className="sp-point">{p.number}</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}
