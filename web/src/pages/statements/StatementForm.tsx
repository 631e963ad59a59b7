/**
 * Adding a public statement by hand: the quote exactly as spoken, in its own language and
 * direction, with translations, speaker, source and the points it concerns. The party is
 * the speaker's (the API takes it from the person), so it is shown, not chosen.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Written } from '../../api/schemas.ts';
import { dirOfLang } from '../../i18n/text-direction.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { nKey, usePoints } from '../../negotiation/queries.ts';
import { LevelBadge } from '../../ui/badges.tsx';
import { ErrorMessage } from '../../ui/feedback.tsx';
import { LocalizedText } from '../../ui/LocalizedText.tsx';
import { languageChoices, languageName } from '../rounds/format.ts';
import { LocalizedFields } from '../rounds/LocalizedFields.tsx';
import { toggle } from '../rounds/round-form.ts';
import { suggestStance } from '../../../../src/domain/statements/stance.ts';
import { emptyStatementDraft, statementBody, type StatementDraft, type StatementProblem } from './statements.ts';

const KINDS = ['speech', 'phrase', 'reported'] as const;
const STANCES = ['accept', 'discuss', 'wording', 'reject', 'redline'] as const;

export function StatementForm({ onDone }: { onDone: (created: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const { id, overview } = useNegotiation();
  const names = useNames(id);
  const points = usePoints(id);
  const qc = useQueryClient();
  const languages = languageChoices(overview.languages);
  const today = new Date().toISOString().slice(0, 10);
  const [d, setD] = useState<StatementDraft>(() => emptyStatementDraft(i18n.language, i18n.language === 'en' ? 'ur' : 'en', today));
  const [problem, setProblem] = useState<StatementProblem | null>(null);
  const set = <K extends keyof StatementDraft>(k: K, v: StatementDraft[K]) => setD({ ...d, [k]: v });
  const save = useMutation({
    mutationFn: (body: unknown) => api.post(`/api/negotiations/${id}/statements`, Written, body),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: nKey(id, 'statements') });
      onDone(true);
    },
  });
  const person = names.persons.find((p) => p.id === d.personId);
  // The same cue words as an import's review: a suggestion the writer may take or leave.
  const suggestion = useMemo(() => (d.quote.trim() ? suggestStance(d.quote, d.lang) : null), [d.quote, d.lang]);

  const submit = (e: React.SyntheticEvent) => {
    e.preventDefault();
    const r = statementBody(d);
    if (!r.ok) {
      setProblem(r.problem);
      return;
    }
    setProblem(null);
    save.mutate(r.body);
  };

  return (
    <form className="form round-form card statement-form" onSubmit={submit} noValidate aria-labelledby="statement-form-heading">
      <h2 id="statement-form-heading">{t('statements:form.heading')}</h2>
      <fieldset>
        <legend>{t('statements:form.speaker')}</legend>
        <div className="rd-form-grid">
          <div>
            <label htmlFor="st-person">{t('statements:form.person')}</label>
            <select id="st-person" data-testid="st-person" value={d.personId} onChange={(e) => set('personId', e.target.value)}>
              <option value="">{t('statements:form.noPerson')}</option>
              {names.persons.map((p) => <option key={p.id} value={p.id}>{names.person(p.id)}{p.partyId ? ` — ${names.party(p.partyId)}` : ''}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="st-asnamed">{t('statements:form.asNamed')}</label>
            <input id="st-asnamed" data-testid="st-asnamed" type="text" dir="auto" aria-describedby="st-asnamed-hint" value={d.speakerAsNamed} onChange={(e) => set('speakerAsNamed', e.target.value)} />
            <p className="hint" id="st-asnamed-hint">{t('statements:form.asNamedHint')}</p>
          </div>
          <div>
            <span className="rd-label-like">{t('statements:form.party')}</span>
            <p className="rd-party-derived" data-testid="st-party">{person?.partyId ? <bdi>{names.party(person.partyId)}</bdi> : <span className="muted">{t('statements:form.partyNone')}</span>}</p>
            <p className="hint">{t('statements:form.partyHint')}</p>
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('statements:form.words')}</legend>
        <div className="rd-form-grid">
          <div>
            <label htmlFor="st-lang">{t('statements:form.lang')}</label>
            <select id="st-lang" data-testid="st-lang" value={d.lang} onChange={(e) => set('lang', e.target.value)}>
              {languages.map((l) => <option key={l} value={l}>{languageName(l, i18n.language)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="st-kind">{t('statements:form.kind')}</label>
            <select id="st-kind" data-testid="st-kind" value={d.kind} onChange={(e) => set('kind', e.target.value as StatementDraft['kind'])}>
              {KINDS.map((k) => <option key={k} value={k}>{t(`statements:kind.${k}`)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="st-date">{t('statements:form.date')}</label>
            <input id="st-date" data-testid="st-date" type="date" value={d.date} onChange={(e) => set('date', e.target.value)} />
          </div>
        </div>
        <label htmlFor="st-quote">{t('statements:form.quote')}<span aria-hidden="true"> *</span></label>
        <textarea id="st-quote" data-testid="st-quote" lang={d.lang} dir={dirOfLang(d.lang)} aria-describedby="st-quote-hint" value={d.quote} onChange={(e) => set('quote', e.target.value)} />
        <p className="hint" id="st-quote-hint">{t('statements:form.quoteHint')}</p>
        <LocalizedFields name="st-translation" legend={t('statements:form.translations')} rows={d.translations} onChange={(v) => set('translations', v)} languages={languages.filter((l) => l !== d.lang)} multiline />
      </fieldset>

      <fieldset>
        <legend>{t('statements:form.source')}</legend>
        <div className="rd-form-grid">
          <div>
            <label htmlFor="st-source-title">{t('statements:form.sourceTitle')}</label>
            <input id="st-source-title" data-testid="st-source-title" type="text" dir="auto" value={d.sourceTitle} onChange={(e) => set('sourceTitle', e.target.value)} />
          </div>
          <div>
            <label htmlFor="st-publisher">{t('statements:form.publisher')}</label>
            <input id="st-publisher" type="text" dir="auto" value={d.publisher} onChange={(e) => set('publisher', e.target.value)} />
          </div>
          <div>
            <label htmlFor="st-url">{t('statements:form.url')}</label>
            <input id="st-url" type="url" dir="ltr" value={d.url} onChange={(e) => set('url', e.target.value)} />
          </div>
          <div>
            <label htmlFor="st-line">{t('statements:form.line')}</label>
            <input id="st-line" type="number" min={1} inputMode="numeric" value={d.line} onChange={(e) => set('line', e.target.value)} />
          </div>
        </div>
      </fieldset>

      <fieldset className="rd-check-grid rd-points-grid">
        <legend>{t('statements:form.points')}</legend>
        {(points.data ?? []).filter((p) => !p.removed).map((p) => (
          <label key={p.id} className="rd-check">
            <input type="checkbox" data-testid={`st-point-${p.number}`} checked={d.pointIds.includes(p.id)} onChange={(e) => set('pointIds', toggle(d.pointIds, p.id, e.target.checked))} />
            <span className="rd-point-number">{p.number}</span>
            <LocalizedText texts={p.texts} drafting={overview.draftingLanguage} className="rd-point-snippet" />
          </label>
        ))}
      </fieldset>

      <div className="rd-form-grid">
        <div>
          <label htmlFor="st-stance">{t('statements:form.stance')}</label>
          <select id="st-stance" data-testid="st-stance" aria-describedby="st-stance-hint" value={d.stance} onChange={(e) => set('stance', e.target.value as StatementDraft['stance'])}>
            <option value="">{t('statements:form.noStance')}</option>
            {STANCES.map((s) => <option key={s} value={s}>{t(`common:level.${s}`)}</option>)}
          </select>
          <p className="hint" id="st-stance-hint">{t('statements:form.stanceHint')}</p>
          {suggestion && (
            <p className="hint" data-testid="st-suggestion">
              {t('statements:import.suggested')} <LevelBadge level={suggestion.level} /> <q lang={d.lang} dir={dirOfLang(d.lang)}>{suggestion.cue}</q>{' '}
              {d.stance !== suggestion.level && (
                <button type="button" className="button small-button" data-testid="st-use-suggestion" onClick={() => set('stance', suggestion.level)}>{t('statements:form.useSuggestion')}</button>
              )}
            </p>
          )}
        </div>
      </div>

      {problem && <div role="alert" className="error-message" data-testid="statement-form-problem">{t(`statements:problem.${problem}`)}</div>}
      <ErrorMessage error={save.error} />
      <div className="rd-form-actions">
        <button type="submit" className="button primary" data-testid="statement-submit" disabled={save.isPending}>{save.isPending ? t('statements:form.saving') : t('statements:form.save')}</button>
        <button type="button" className="button" onClick={() => onDone(false)}>{t('common:cancel')}</button>
      </div>
    </form>
  );
}
