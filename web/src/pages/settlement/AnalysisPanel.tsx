/**
 * The mediator runs the engine on the sealed scores (which the mediator never reads): the
 * frontier as a plot, and each solution concept's package as a card with its explanation,
 * ready to share with the parties or to make the baseline. The packages are recorded by the
 * run, so they stay in the history after this page is left; the plot lasts until then.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisOut, SettlementOut, Suggestion } from '../../api/schemas.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { ErrorMessage } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { formatFigure, formatShare, withLabels } from './format.ts';
import { FrontierPlot } from './FrontierPlot.tsx';
import { PackageActions } from './PackageActions.tsx';
import { ConceptName, ExplanationView, MethodNote, PackageContents, SatisfactionList, isolate, listOf } from './PackageParts.tsx';
import { useAnalyse } from './queries.ts';

export function AnalysisPanel({ s }: { s: SettlementOut }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  const uid = useId();
  const [visibility, setVisibility] = useState<'mediator' | 'parties'>('mediator');
  const analyse = useAnalyse(id);
  const result = analyse.data;
  return (
    <section className="card" aria-labelledby="analysis-heading" data-testid="analysis">
      <h2 id="analysis-heading">{t('settlement:analysis.heading')}</h2>
      <p className="hint">{t('settlement:analysis.hint')}</p>
      {s.waitingFor.length > 0 && (
        <p className="settlement-note" data-testid="waiting-for">
          <Icon name="warning" /> {t('settlement:analysis.waitingFor', { parties: listOf(s.waitingFor.map((p) => isolate(names.party(p))), i18n.language) })}
        </p>
      )}
      <div className="analysis-controls">
        <label htmlFor={`${uid}-vis`}>{t('settlement:analysis.visibility')}</label>
        <select id={`${uid}-vis`} value={visibility} onChange={(e) => setVisibility(e.target.value as 'mediator' | 'parties')}>
          <option value="mediator">{t('settlement:visibility.mediator')}</option>
          <option value="parties">{t('settlement:visibility.parties')}</option>
        </select>
        <button type="button" className="button primary" disabled={analyse.isPending} onClick={() => analyse.mutate({ visibility })} data-testid="analyse">
          {analyse.isPending ? t('settlement:analysis.running') : t('settlement:analysis.run')}
        </button>
      </div>
      <ErrorMessage error={analyse.error} />
      {result && <AnalysisResult s={s} result={result} />}
    </section>
  );
}

function AnalysisResult({ s, result }: { s: SettlementOut; result: AnalysisOut }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  const labels = new Map([
    ...(s.space?.issues ?? []).map((i) => [i.id, i.label] as const),
    ...names.parties.map((p) => [p.id, names.party(p.id)] as const),
  ]);
  const named = (text: string) => withLabels(text, labels);
  // A concept with no answer is listed once, with its reason, even when the notes repeat it.
  const notes = result.notes.map(named).filter((n) => !result.unavailable.some((u) => n.includes(named(u.reason))));
  return (
    <div className="analysis-result" data-testid="analysis-result">
      <p aria-live="polite">
        {result.frontierSize === null
          ? t('settlement:analysis.frontierUnknown')
          : t('settlement:analysis.frontierSize', { count: result.frontierSize, n: formatFigure(result.frontierSize, i18n.language) })}
      </p>
      <FrontierPlot analysis={result} />
      {notes.length > 0 && <ul className="analysis-notes small">{notes.map((n) => <li key={n}>{n}</li>)}</ul>}
      {result.unavailable.length > 0 && (
        <ul className="analysis-notes small" data-testid="unavailable">
          {result.unavailable.map((u) => (
            <li key={u.concept}>
              <strong><ConceptName source={u.concept} /></strong>: {u.code === 'other' ? named(u.reason) : t(`settlement:unavailable.${u.code}`, { count: s.space?.partyIds.length ?? 0 })}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('settlement:analysis.suggestions')}</h3>
      <ol className="suggestion-list">
        {result.suggestions.map((sg, n) => <SuggestionCard key={`${sg.concept}-${sg.packageId}`} s={s} suggestion={sg} index={n} result={result} />)}
      </ol>
    </div>
  );
}

function SuggestionCard({ s, suggestion: sg, index, result }: { s: SettlementOut; suggestion: Suggestion; index: number; result: AnalysisOut }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  const headingId = `suggestion-${String(index)}`;
  const seen = s.packages.find((p) => p.id === sg.packageId) ?? null;
  const split = sg.concept === 'adjustedWinner' ? result.adjustedWinner?.split ?? null : null;
  const splitIssue = split ? s.space?.issues.find((i) => i.id === split.issueId)?.label ?? split.issueId : '';
  return (
    <li className="suggestion card" aria-labelledby={headingId} data-testid="suggestion" data-concept={sg.concept}>
      <div className="suggestion-head">
        <span className="suggestion-number" aria-hidden="true">{formatFigure(index + 1, i18n.language)}</span>
        <h4 id={headingId}><span className="visually-hidden">{formatFigure(index + 1, i18n.language)}. </span><ConceptName source={sg.concept} /></h4>
        <MethodNote method={sg.method} />
      </div>
      <div className="suggestion-body">
        <div>
          <p className="label-like">{t('settlement:package.contents')}</p>
          <PackageContents pkg={sg.package} space={s.space} />
          {split && (
            <p className="small" data-testid="aw-split">
              {t('settlement:analysis.awSplit', {
                issue: isolate(splitIssue),
                shares: listOf(Object.entries(split.shares).map(([p, v]) => `${isolate(names.party(p))} ${formatShare(v, i18n.language)}`), i18n.language),
              })}
            </p>
          )}
        </div>
        <div>
          <p className="label-like">{t('settlement:package.satisfaction')}</p>
          <SatisfactionList figures={sg.satisfaction} partyIds={s.space?.partyIds ?? Object.keys(sg.satisfaction)} />
        </div>
      </div>
      <details className="explanation-details" open={index === 0}>
        <summary>{t('settlement:explain.heading')}</summary>
        <ExplanationView explanation={sg.explanation} space={s.space} />
      </details>
      {seen && <PackageActions s={s} pkg={seen} />}
    </li>
  );
}
