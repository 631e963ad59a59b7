/**
 * Draft and propose amendments. A draft is my party's alone; proposing it shows it to the
 * mediator only (proximity talks) or to every party. The list shows each of my party's
 * amendments with its status, its audience and what can still be done with it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AmendmentOut, PointOut } from '../../api/schemas.ts';
import { dirOfLang } from '../../i18n/text-direction.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { usePoints } from '../../negotiation/queries.ts';
import { VisibilityBadge } from '../../ui/badges.tsx';
import { formatDate } from '../../ui/dates.ts';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { LocalizedText, Text } from '../../ui/LocalizedText.tsx';
import { draftAmendment, proposeAmendment, useAmendments, withdrawAmendment } from './workspace-queries.ts';
import { amendmentBody, amendmentProblem, type AmendmentDraft, type AmendmentKind } from './workspace-view.ts';
import { useWorkspaceRights } from './WorkspacePage.tsx';

const KINDS: readonly AmendmentKind[] = ['replace', 'insert', 'delete'];
const emptyDraft = (): AmendmentDraft => ({ kind: 'replace', pointId: null, afterPointId: null, texts: {}, justification: '' });

export function AmendmentsPanel() {
  const { t } = useTranslation();
  const { id, me } = useNegotiation();
  const amendments = useAmendments(id);
  const points = usePoints(id);
  const rights = useWorkspaceRights();
  if (amendments.isPending || points.isPending) return <Loading />;
  if (amendments.isError) return <ErrorMessage error={amendments.error} />;
  if (points.isError) return <ErrorMessage error={points.error} />;
  const mine = amendments.data.filter((a) => a.partyId === me.partyId).reverse();

  return (
    <section aria-labelledby="ws-amendments-title" className="workspace-panel">
      <div className="ws-panel-heading">
        <h2 id="ws-amendments-title">{t('workspace:amendments.title')}</h2>
        <p className="muted small">{t('workspace:amendments.count', { count: mine.length })}</p>
      </div>
      <p className="hint">{t('workspace:amendments.intro')}</p>
      {rights.draft ? <AmendmentForm points={points.data.filter((p) => !p.removed)} canPropose={rights.propose} /> : <p className="hint">{t('workspace:amendments.readOnly')}</p>}
      <h3>{t('workspace:amendments.list')}</h3>
      {mine.length === 0 ? <Empty>{t('workspace:amendments.empty')}</Empty> : (
        <ul className="ws-amendment-list">
          {mine.map((a) => <AmendmentItem key={a.id} amendment={a} points={points.data} canPropose={rights.propose} />)}
        </ul>
      )}
    </section>
  );
}

function AmendmentForm({ points, canPropose }: { points: PointOut[]; canPropose: boolean }) {
  const { t, i18n } = useTranslation();
  const { id, me, overview } = useNegotiation();
  const qc = useQueryClient();
  const uid = useId();
  const [draft, setDraft] = useState<AmendmentDraft>(emptyDraft);
  const [audience, setAudience] = useState<'mediator' | 'parties'>('mediator');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (proposeTo: 'mediator' | 'parties' | null) => draftAmendment(id, amendmentBody(me.partyId ?? '', draft, proposeTo)),
    onSuccess: async (_w, proposeTo) => {
      setDraft(emptyDraft());
      setDone(proposeTo ? t(`workspace:amendments.proposedTo.${proposeTo}`) : t('workspace:amendments.savedDraft'));
      await qc.invalidateQueries({ queryKey: ['n', id] });
    },
  });
  const set = (patch: Partial<AmendmentDraft>) => { setDraft((d) => ({ ...d, ...patch })); setProblem(null); setDone(null); };
  const choosePoint = (pointId: string) => {
    const p = points.find((x) => x.id === pointId);
    // A replacement starts from the point's current wording, so the change is an edit, not a retyping.
    set({ pointId: pointId || null, ...(draft.kind === 'replace' && p && !Object.values(draft.texts).some((x) => x.trim()) ? { texts: { ...p.texts } } : {}) });
  };
  const submit = (proposeTo: 'mediator' | 'parties' | null) => {
    const p = amendmentProblem(draft);
    if (p) { setProblem(p); return; }
    send.mutate(proposeTo);
  };

  return (
    <form className="ws-amendment-form card" noValidate onSubmit={(e) => { e.preventDefault(); submit(null); }} aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>{t('workspace:amendments.new')}</h3>
      <fieldset>
        <legend>{t('workspace:amendments.kind')}</legend>
        <div className="ws-choice-row">
          {KINDS.map((k) => (
            <label key={k} className={`ws-choice${draft.kind === k ? ' ws-chosen' : ''}`}>
              <input type="radio" name={`${uid}-kind`} value={k} checked={draft.kind === k} onChange={() => set({ kind: k })} />
              <span className="ws-choice-label">{t(`workspace:amendments.kinds.${k}`)}</span>
              <span className="ws-choice-help small muted">{t(`workspace:amendments.kindHelp.${k}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {draft.kind === 'insert' ? (
        <>
          <label htmlFor={`${uid}-after`} className="ws-field-label">{t('workspace:amendments.after')}</label>
          <select id={`${uid}-after`} value={draft.afterPointId ?? ''} onChange={(e) => set({ afterPointId: e.target.value || null })}>
            <option value="">{t('workspace:amendments.atStart')}</option>
            {points.map((p) => <option key={p.id} value={p.id}>{t('workspace:amendments.afterPoint', { number: p.number })}</option>)}
          </select>
        </>
      ) : (
        <>
          <label htmlFor={`${uid}-point`} className="ws-field-label">{t('workspace:amendments.point')}</label>
          <select id={`${uid}-point`} value={draft.pointId ?? ''} onChange={(e) => choosePoint(e.target.value)} aria-invalid={problem === 'point_missing'}>
            <option value="">{t('workspace:amendments.choosePoint')}</option>
            {points.map((p) => <option key={p.id} value={p.id}>{t('workspace:amendments.pointN', { number: p.number })}</option>)}
          </select>
        </>
      )}
      {draft.kind !== 'delete' && (
        <fieldset>
          <legend>{t('workspace:amendments.texts')}</legend>
          <p className="hint">{t('workspace:amendments.textsHelp')}</p>
          <div className="ws-language-fields">
            {overview.languages.map((lang) => (
              <div key={lang} className="ws-language-field">
                <label htmlFor={`${uid}-text-${lang}`}>{t('workspace:amendments.textIn', { language: languageName(lang, i18n.language) })}</label>
                <textarea
                  id={`${uid}-text-${lang}`} lang={lang} dir={dirOfLang(lang)} rows={4} value={draft.texts[lang] ?? ''}
                  onChange={(e) => set({ texts: { ...draft.texts, [lang]: e.target.value } })}
                  aria-invalid={problem === 'text_missing'}
                />
              </div>
            ))}
          </div>
        </fieldset>
      )}
      <label htmlFor={`${uid}-why`} className="ws-field-label">{t('workspace:amendments.justification')}</label>
      <textarea id={`${uid}-why`} dir="auto" rows={2} value={draft.justification} onChange={(e) => set({ justification: e.target.value })} />
      {problem && <div role="alert" className="error-message"><Icon name="warning" /> {t(`workspace:amendments.problem.${problem}`)}</div>}
      <ErrorMessage error={send.error} />
      {done && <p role="status" className="success">{done}</p>}
      <div className="ws-form-actions wrap">
        <button type="submit" className="button" disabled={send.isPending}>{t('workspace:amendments.saveDraft')}</button>
        {canPropose && (
          <span className="ws-propose-group">
            <label htmlFor={`${uid}-audience`} className="visually-hidden">{t('workspace:amendments.audience')}</label>
            <select id={`${uid}-audience`} value={audience} onChange={(e) => setAudience(e.target.value as 'mediator' | 'parties')}>
              <option value="mediator">{t('workspace:amendments.toMediator')}</option>
              <option value="parties">{t('workspace:amendments.toParties')}</option>
            </select>
            <button type="button" className="button primary" disabled={send.isPending} onClick={() => submit(audience)}>{t('workspace:amendments.propose')}</button>
          </span>
        )}
      </div>
      <p className="hint"><Icon name="lock" /> {t('workspace:amendments.draftPrivate')}</p>
    </form>
  );
}

/** A language's name in the UI language (Intl), falling back to its code. */
function languageName(lang: string, uiLang: string): string {
  try {
    return new Intl.DisplayNames([uiLang], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

function AmendmentItem({ amendment: a, points, canPropose }: { amendment: AmendmentOut; points: PointOut[]; canPropose: boolean }) {
  const { t, i18n } = useTranslation();
  const { id, overview } = useNegotiation();
  const qc = useQueryClient();
  const uid = useId();
  const [audience, setAudience] = useState<'mediator' | 'parties'>('mediator');
  const refresh = () => qc.invalidateQueries({ queryKey: ['n', id] });
  const propose = useMutation({ mutationFn: () => proposeAmendment(id, a.id, audience), onSuccess: refresh });
  const withdraw = useMutation({ mutationFn: () => withdrawAmendment(id, a.id), onSuccess: refresh });
  const point = points.find((p) => p.id === a.pointId);
  const after = points.find((p) => p.id === a.afterPointId);
  const target = a.kind === 'insert'
    ? (after ? t('workspace:amendments.afterPoint', { number: after.number }) : t('workspace:amendments.atStart'))
    : point ? t('workspace:amendments.pointN', { number: point.number }) : '';

  return (
    <li className="ws-amendment" data-testid="ws-amendment">
      <div className="ws-amendment-head">
        <span className={`badge ws-amendment-status status-${a.status}`}>{t(`workspace:amendments.status.${a.status}`)}</span>
        <VisibilityBadge visibility={a.visibility} />
        <strong>{t(`workspace:amendments.kinds.${a.kind}`)}</strong>
        {point ? <Link to={`/n/${id}/points/${point.id}`}>{target}</Link> : <span>{target}</span>}
        <span className="small muted">{formatDate(a.createdAt, i18n.language, true)}</span>
      </div>
      {Object.keys(a.texts).length > 0 && <LocalizedText texts={a.texts} drafting={overview.draftingLanguage} as="p" className="ws-amendment-text" />}
      {a.justification && <p className="small"><span className="muted">{t('workspace:amendments.why')} </span><Text value={a.justification} /></p>}
      {a.rejectionReason && <p className="small"><span className="muted">{t('workspace:amendments.rejectedBecause')} </span><Text value={a.rejectionReason} /></p>}
      {canPropose && (a.status === 'draft' || a.status === 'proposed') && (
        <div className="ws-amendment-actions">
          {a.status === 'draft' && (
            <>
              <label htmlFor={`${uid}-to`} className="visually-hidden">{t('workspace:amendments.audience')}</label>
              <select id={`${uid}-to`} value={audience} onChange={(e) => setAudience(e.target.value as 'mediator' | 'parties')}>
                <option value="mediator">{t('workspace:amendments.toMediator')}</option>
                <option value="parties">{t('workspace:amendments.toParties')}</option>
              </select>
              <button type="button" className="button primary small" onClick={() => propose.mutate()} disabled={propose.isPending}>{t('workspace:amendments.propose')}</button>
            </>
          )}
          <button type="button" className="button small" onClick={() => withdraw.mutate()} disabled={withdraw.isPending}>{t('workspace:amendments.withdraw')}</button>
        </div>
      )}
      <ErrorMessage error={propose.error ?? withdraw.error} />
    </li>
  );
}
