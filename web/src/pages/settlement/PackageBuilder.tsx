/**
 * A package built by hand: the mediator picks an option per issue (and shares of a divisible
 * issue, adding up to 100%) and records it; the server scores it for every party, and it joins
 * the history beside the engine's suggestions.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettlementOut } from '../../api/schemas.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { ErrorMessage } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { formatFigure } from './format.ts';
import { emptyPackageDraft, packageBody, packageProblems, sharesSum, type PackageDraft, type PackageProblem } from './package-draft.ts';
import { useRecordPackage } from './queries.ts';

type Space = NonNullable<SettlementOut['space']>;

export function PackageBuilder({ s }: { s: SettlementOut }) {
  const { t } = useTranslation();
  if (!s.space) return null;
  return (
    <section className="card" aria-labelledby="builder-heading" data-testid="package-builder">
      <h2 id="builder-heading">{t('settlement:builder.heading')}</h2>
      <p className="hint">{t('settlement:builder.hint')}</p>
      <BuilderForm key={s.space.revision} space={s.space} />
    </section>
  );
}

function BuilderForm({ space }: { space: Space }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  const uid = useId();
  const [draft, setDraft] = useState<PackageDraft>(() => emptyPackageDraft(space));
  const [tried, setTried] = useState(false);
  const record = useRecordPackage(id);
  const problems = packageProblems(draft, space);
  const label = (issueId: string) => space.issues.find((i) => i.id === issueId)?.label ?? issueId;
  const problemText = (p: PackageProblem) => (p.kind === 'sharesSum'
    ? t('settlement:builder.problem.sharesSum', { issue: label(p.issueId), sum: formatFigure(p.sum, i18n.language) })
    : t(`settlement:builder.problem.${p.kind}`, { issue: label(p.issueId) }));
  const submit = () => {
    setTried(true);
    if (problems.length > 0) return;
    record.mutate(packageBody(draft, space), { onSuccess: () => { setDraft(emptyPackageDraft(space)); setTried(false); } });
  };
  return (
    <form noValidate className="builder-form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <label htmlFor={`${uid}-label`}>{t('settlement:builder.label')}</label>
      <input id={`${uid}-label`} type="text" dir="auto" maxLength={200} value={draft.label} onChange={(e) => setDraft({ ...draft, label: e.target.value })} data-testid="package-label" />
      <div className="builder-issues">
        {space.issues.map((issue) => (issue.divisible ? (
          <fieldset key={issue.id} className="builder-shares">
            <legend dir="auto">{issue.label}</legend>
            {space.partyIds.map((p) => (
              <div key={p} className="share-row">
                <label htmlFor={`${uid}-${issue.id}-${p}`}><bdi>{names.party(p)}</bdi></label>
                <span className="with-unit">
                  <input
                    id={`${uid}-${issue.id}-${p}`} type="text" inputMode="decimal" className="score-input" value={draft.shares[issue.id]?.[p] ?? ''}
                    onChange={(e) => setDraft({ ...draft, shares: { ...draft.shares, [issue.id]: { ...draft.shares[issue.id], [p]: e.target.value } } })}
                    data-testid="share-input"
                  />
                  <span aria-hidden="true">%</span>
                </span>
              </div>
            ))}
            <SharesSum sum={sharesSum(draft, issue.id, space.partyIds)} />
          </fieldset>
        ) : (
          <div key={issue.id} className="builder-choice">
            <label htmlFor={`${uid}-${issue.id}`} dir="auto">{issue.label}</label>
            <select id={`${uid}-${issue.id}`} value={draft.choices[issue.id] ?? ''} onChange={(e) => setDraft({ ...draft, choices: { ...draft.choices, [issue.id]: e.target.value } })} data-testid="package-choice" data-issue={issue.label}>
              <option value="">{t('settlement:builder.choose')}</option>
              {issue.options.map((o) => <option key={o.key} value={o.key}>{o.label}</option>)}
            </select>
          </div>
        )))}
      </div>
      <label htmlFor={`${uid}-vis`}>{t('settlement:builder.visibility')}</label>
      <select id={`${uid}-vis`} value={draft.visibility} onChange={(e) => setDraft({ ...draft, visibility: e.target.value as PackageDraft['visibility'] })}>
        <option value="mediator">{t('settlement:visibility.mediator')}</option>
        <option value="parties">{t('settlement:visibility.parties')}</option>
      </select>
      {tried && problems.length > 0 && (
        <div role="alert" className="error-message" data-testid="package-problems">
          <ul>{problems.map((p) => <li key={`${p.kind}-${p.issueId}`}>{problemText(p)}</li>)}</ul>
        </div>
      )}
      <ErrorMessage error={record.error} />
      {record.isSuccess && !tried && <p className="success" role="status">{t('settlement:builder.recorded')}</p>}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={record.isPending} data-testid="record-package">{t('settlement:builder.record')}</button>
      </div>
    </form>
  );
}

function SharesSum({ sum }: { sum: number }) {
  const { t, i18n } = useTranslation();
  const ok = Math.abs(sum - 100) < 1e-6;
  return (
    <p className={`weight-sum ${ok ? 'complete' : 'incomplete'}`} aria-live="polite">
      <Icon name={ok ? 'check' : 'warning'} /> {t('settlement:builder.sum', { sum: formatFigure(sum, i18n.language) })}
    </p>
  );
}
