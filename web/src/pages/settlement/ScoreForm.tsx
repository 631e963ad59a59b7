/**
 * A delegation's sealed scores: weights across issues (100 points), ratings 0–100 or a ranking
 * per issue (the app derives the ratings and shows them), red lines, the no-deal value, and
 * whom it lets see its satisfaction figures. Nobody else reads these scores, the mediator
 * included; the form says so where the delegate types them.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettlementOut } from '../../api/schemas.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { ConflictDialog, currentRevision, isConflict } from '../../ui/ConflictDialog.tsx';
import { formatDate } from '../../ui/dates.ts';
import { ErrorMessage } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { formatFigure } from './format.ts';
import { isolate } from './PackageParts.tsx';
import { useSubmitScores } from './queries.ts';
import {
  derivedRatings, draftFromScores, parseScore, placesFromRatings, redLineKey, scoreProblems, scoresBody, weightSum, weightsComplete,
  type IssueScoreDraft, type ScoreDraft, type ScoreProblem,
} from './score-draft.ts';

type Space = NonNullable<SettlementOut['space']>;
type SpaceIssue = Space['issues'][number];
type MyScores = NonNullable<SettlementOut['myScores']>;

const SHARES = ['none', 'mediator', 'parties'] as const;

export function ScoreForm({ s, space }: { s: SettlementOut; space: Space }) {
  const { t, i18n } = useTranslation();
  const { id, me } = useNegotiation();
  const names = useNames(id);
  const uid = useId();
  const lang = i18n.language;
  const [draft, setDraft] = useState<ScoreDraft>(() => draftFromScores(space, s.myScores));
  const [basedOn, setBasedOn] = useState(s.myScores?.revision ?? 0);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const [theirs, setTheirs] = useState<{ scores: MyScores['scores'] | null; revision: number } | null>(null);
  const submit = useSubmitScores(id);

  const sum = weightSum(draft, space);
  const problems = scoreProblems(draft, space);
  const label = (issueId: string) => space.issues.find((i) => i.id === issueId)?.label ?? issueId;
  const problemText = (p: ScoreProblem) => (p.kind === 'weightsSum'
    ? t('settlement:scores.problem.weightsSum', { sum: formatFigure(p.sum, lang) })
    : p.kind === 'batna' ? t('settlement:scores.problem.batna') : t(`settlement:scores.problem.${p.kind}`, { issue: label(p.issueId) }));
  const setIssue = (issueId: string, patch: Partial<IssueScoreDraft>) =>
    setDraft({ ...draft, issues: { ...draft.issues, [issueId]: { ...draft.issues[issueId]!, ...patch } } });
  const send = (rev: number) => {
    setSaved(false);
    submit.mutate(scoresBody(draft, space, rev), {
      // My scores' revision is the seq of the event that sealed them; the next resubmission is based on it.
      onSuccess: (written) => {
        setTheirs(null);
        setSaved(true);
        setBasedOn(written.events.find((e) => e.type === 'settlement.scores.sealed')?.seq ?? written.seq);
      },
      onError: (e) => {
        if (!isConflict(e)) return;
        const current = e.extra.current as { scores?: MyScores['scores'] } | null | undefined;
        setTheirs({ scores: current?.scores ?? null, revision: currentRevision(e) ?? rev });
      },
    });
  };
  const conflict = theirs !== null && isConflict(submit.error);

  return (
    <section className="card score-form" aria-labelledby="scores-heading" data-testid="score-form">
      <h2 id="scores-heading">{t('settlement:scores.heading', { party: isolate(names.party(me.partyId)) })}</h2>
      <p className="sealed-note" data-testid="sealed-note">
        <Icon name="lock" /> {t('settlement:scores.sealed')}
      </p>
      {s.myScores && (
        <p className="small" data-testid="my-submission">
          {t('settlement:scores.lastSubmitted', { date: formatDate(s.myScores.at, lang, true) })}
          {s.myScores.stale && <> <span className="badge stale-badge">{t('settlement:submissions.stale')}</span> {t('settlement:scores.staleMine')}</>}
        </p>
      )}
      <form noValidate onSubmit={(e) => { e.preventDefault(); setTried(true); if (problems.length === 0) send(basedOn); }}>
        <fieldset className="weights">
          <legend>{t('settlement:scores.weights')}</legend>
          <p className="hint">{t('settlement:scores.weightsHint')}</p>
          <div className="weight-grid">
            {space.issues.map((issue) => (
              <div key={issue.id} className="weight-row">
                <label htmlFor={`${uid}-w-${issue.id}`} dir="auto">{issue.label}</label>
                <input
                  id={`${uid}-w-${issue.id}`} type="text" inputMode="decimal" className="score-input" value={draft.weights[issue.id] ?? ''}
                  onChange={(e) => setDraft({ ...draft, weights: { ...draft.weights, [issue.id]: e.target.value } })} data-testid="weight" data-issue={issue.label}
                  aria-invalid={(draft.weights[issue.id] ?? '').trim() !== '' && parseScore(draft.weights[issue.id] ?? '') === null}
                />
              </div>
            ))}
          </div>
          <p className={`weight-sum ${weightsComplete(sum) ? 'complete' : 'incomplete'}`} aria-live="polite" data-testid="weight-sum">
            <Icon name={weightsComplete(sum) ? 'check' : 'warning'} /> {t('settlement:scores.sum', { sum: formatFigure(sum, lang) })}
          </p>
        </fieldset>

        {space.issues.map((issue) => (issue.divisible
          ? <p key={issue.id} className="hint divisible-note"><bdi>{issue.label}</bdi>: {t('settlement:scores.divisibleNote')}</p>
          : draft.issues[issue.id] && <IssueScores key={issue.id} issue={issue} draft={draft.issues[issue.id]!} formId={uid} unacceptable={draft.unacceptable}
              onChange={(patch) => setIssue(issue.id, patch)}
              onRedLine={(key, on) => setDraft({ ...draft, unacceptable: on ? [...draft.unacceptable, key] : draft.unacceptable.filter((u) => u !== key) })}
            />))}

        <div className="batna-row">
          <label htmlFor={`${uid}-batna`}>{t('settlement:scores.batna')}</label>
          <input id={`${uid}-batna`} type="text" inputMode="decimal" className="score-input" value={draft.batna} onChange={(e) => setDraft({ ...draft, batna: e.target.value })} aria-describedby={`${uid}-batna-hint`} data-testid="batna" />
          <p className="hint" id={`${uid}-batna-hint`}>{t('settlement:scores.batnaHint')}</p>
        </div>

        <fieldset className="share-choice">
          <legend>{t('settlement:scores.shareLegend')}</legend>
          {SHARES.map((v) => (
            <label key={v} className="check">
              <input type="radio" name={`${uid}-share`} value={v} checked={draft.share === v} onChange={() => setDraft({ ...draft, share: v })} data-testid={`share-${v}`} />
              {t(`settlement:share.${v}`)}
            </label>
          ))}
          <p className="hint">{t('settlement:scores.shareHint')}</p>
        </fieldset>

        {tried && problems.length > 0 && (
          <div role="alert" className="error-message" data-testid="score-problems">
            <p>{t('settlement:scores.problemsIntro')}</p>
            <ul>{problems.map((p) => <li key={`${p.kind}-${'issueId' in p ? p.issueId : ''}`}>{problemText(p)}</li>)}</ul>
          </div>
        )}
        {!conflict && <ErrorMessage error={submit.error} />}
        {saved && !submit.isPending && <p className="success" role="status" data-testid="scores-saved">{t('settlement:scores.saved')}</p>}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={submit.isPending} data-testid="submit-scores">
            {submit.isPending ? t('settlement:saving') : s.myScores ? t('settlement:scores.resubmit') : t('settlement:scores.submit')}
          </button>
        </div>
      </form>
      {conflict && <ConflictDialog
        open
        theirs={theirs?.scores ? <ScoresSummary space={space} weights={theirs.scores.weights} batna={theirs.scores.batna} /> : <p>—</p>}
        mine={<ScoresSummary space={space} weights={scoresBody(draft, space, null).scores.weights} batna={parseScore(draft.batna) ?? 0} />}
        onRetry={() => { if (theirs) { setBasedOn(theirs.revision); send(theirs.revision); } }}
        onKeepTheirs={() => { setTheirs(null); submit.reset(); }}
      />}
    </section>
  );
}

interface IssueProps {
  issue: SpaceIssue;
  draft: IssueScoreDraft;
  formId: string;
  unacceptable: readonly string[];
  onChange: (patch: Partial<IssueScoreDraft>) => void;
  onRedLine: (key: string, on: boolean) => void;
}

function IssueScores({ issue, draft, formId, unacceptable, onChange, onRedLine }: IssueProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const base = `${formId}-${issue.id}`;
  const keys = issue.options.map((o) => o.key);
  const derived = draft.mode === 'ranking' ? derivedRatings(draft, keys) : null;
  const places = Array.from({ length: keys.length }, (_, n) => n + 1);
  const setMode = (mode: 'ratings' | 'ranking') =>
    onChange(mode === 'ranking' && draft.mode === 'ratings' ? { mode, places: placesFromRatings(draft.ratings, keys) } : { mode });
  return (
    <fieldset className="issue-scores" data-testid="issue-scores" data-issue={issue.label}>
      <legend dir="auto">{issue.label}</legend>
      <div className="mode-choice" role="radiogroup" aria-label={t('settlement:scores.modeLabel', { issue: issue.label })}>
        <label className="check">
          <input type="radio" name={`${base}-mode`} checked={draft.mode === 'ratings'} onChange={() => setMode('ratings')} data-testid="mode-ratings" />
          {t('settlement:scores.modeRatings')}
        </label>
        <label className="check">
          <input type="radio" name={`${base}-mode`} checked={draft.mode === 'ranking'} onChange={() => setMode('ranking')} data-testid="mode-ranking" />
          {t('settlement:scores.modeRanking')}
        </label>
      </div>
      {draft.mode === 'ranking' && <p className="hint">{t('settlement:scores.rankingHint')}</p>}
      <div className="table-scroll">
        <table className="settlement-table option-scores">
          <thead>
            <tr>
              <th scope="col">{t('settlement:scores.option')}</th>
              <th scope="col">{draft.mode === 'ratings' ? t('settlement:scores.rating') : t('settlement:scores.place')}</th>
              {draft.mode === 'ranking' && <th scope="col">{t('settlement:scores.derived')}</th>}
              <th scope="col">{t('settlement:scores.redLine')}</th>
            </tr>
          </thead>
          <tbody>
            {issue.options.map((o) => {
              const red = redLineKey(issue.id, o.key);
              const inputId = `${base}-${o.key}`;
              const value = derived?.get(o.key);
              return (
                <tr key={o.key} data-testid="option-score" data-option={o.label}>
                  <th scope="row"><label htmlFor={inputId} dir="auto">{o.label}</label></th>
                  <td>
                    {draft.mode === 'ratings' ? (
                      <input
                        id={inputId} type="text" inputMode="decimal" className="score-input" value={draft.ratings[o.key] ?? ''}
                        onChange={(e) => onChange({ ratings: { ...draft.ratings, [o.key]: e.target.value } })} data-testid="rating"
                        aria-invalid={(draft.ratings[o.key] ?? '').trim() !== '' && parseScore(draft.ratings[o.key] ?? '') === null}
                      />
                    ) : (
                      <select id={inputId} value={draft.places[o.key] ?? ''} onChange={(e) => onChange({ places: { ...draft.places, [o.key]: e.target.value } })} data-testid="place">
                        <option value="">—</option>
                        {places.map((n) => <option key={n} value={String(n)}>{formatFigure(n, lang)}</option>)}
                      </select>
                    )}
                  </td>
                  {draft.mode === 'ranking' && <td className="derived" data-testid="derived">{value === undefined ? '—' : formatFigure(value, lang)}</td>}
                  <td>
                    <label className="check red-line">
                      <input type="checkbox" checked={unacceptable.includes(red)} onChange={(e) => onRedLine(red, e.target.checked)} data-testid="red-line" />
                      <span className="visually-hidden">{t('settlement:scores.redLineFor', { option: o.label })}</span>
                      <span aria-hidden="true">{t('settlement:scores.unacceptable')}</span>
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}

function ScoresSummary({ space, weights, batna }: { space: Space; weights: Readonly<Record<string, number>>; batna: number }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="facts small">
      {space.issues.map((i) => (
        <div key={i.id} className="fact-pair">
          <dt dir="auto">{i.label}</dt>
          <dd>{formatFigure(weights[i.id] ?? 0, i18n.language)}</dd>
        </div>
      ))}
      <div className="fact-pair">
        <dt>{t('settlement:scores.batna')}</dt>
        <dd>{formatFigure(batna, i18n.language)}</dd>
      </div>
    </dl>
  );
}
