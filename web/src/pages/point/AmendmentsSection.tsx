/**
 * The amendments on this point and their lifecycle as this seat may act on it: a party
 * drafts new wording, proposes it to the mediator or the table, withdraws it; the mediator
 * rejects it with a reason or accepts it, which freezes the next version. Buttons appear
 * only for what the seat may do; the server decides anyway and its refusal is shown.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { Written, type AmendmentOut, type PointOut } from '../../api/schemas.ts';
import { dirOfLang } from '../../i18n/text-direction.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { nKey } from '../../negotiation/queries.ts';
import { LevelBadge, VisibilityBadge } from '../../ui/badges.tsx';
import { formatDate } from '../../ui/dates.ts';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { Redline, RedlineLegend } from '../../ui/Redline.tsx';
import { TextFlags } from '../../ui/TextFlags.tsx';
import { fetchAmendment, useAmendments, usePositions, useVersionList } from './point-queries.ts';
import { amendmentActions, amendmentsOfPoint, cleanTexts, mayDraftAmendment, orderLanguages } from './point-view.ts';
import { FreeText } from './FreeText.tsx';
import { useLanguageName } from './PointTextSection.tsx';

export function AmendmentsSection({ point }: { point: PointOut }) {
  const { t } = useTranslation();
  const { id, me } = useNegotiation();
  const amendments = useAmendments(id);
  const uid = useId();
  const [drafting, setDrafting] = useState(false);
  const mine = amendments.data ? amendmentsOfPoint(amendments.data, point.id) : [];
  return (
    <section className="card pp-section" aria-labelledby={`${uid}-title`} data-testid="point-amendments">
      <div className="pp-section-head">
        <h2 id={`${uid}-title`}>{t('point:amendments.title')}</h2>
        {mayDraftAmendment(me) && !drafting && !point.removed && (
          <button type="button" className="button" onClick={() => setDrafting(true)} data-testid="draft-amendment">{t('point:amendments.draft')}</button>
        )}
      </div>
      {drafting && <DraftForm point={point} onDone={() => setDrafting(false)} />}
      {amendments.isPending ? <Loading /> : amendments.isError ? <ErrorMessage error={amendments.error} /> : mine.length === 0 ? (
        <Empty>{t('point:amendments.none')}</Empty>
      ) : (
        <>
          {mine.some((a) => a.kind === 'replace' && a.baseTexts) && <RedlineLegend />}
          <ul className="pp-amendment-list">
            {mine.map((a) => <AmendmentItem key={a.id} a={a} point={point} />)}
          </ul>
        </>
      )}
    </section>
  );
}

function AmendmentItem({ a, point }: { a: AmendmentOut; point: PointOut }) {
  const { t, i18n } = useTranslation();
  const { id, me, overview } = useNegotiation();
  const names = useNames(id);
  const positions = usePositions(id);
  const versions = useVersionList(id);
  const languageName = useLanguageName();
  const onIt = (positions.data ?? []).filter((p) => p.amendmentId === a.id);
  const langs = orderLanguages({ ...a.texts, ...a.baseTexts }, overview.draftingLanguage, overview.languages).filter((l) => a.texts[l]?.trim());
  const resultVersion = versions.data?.find((v) => v.id === a.resultVersionId);
  return (
    <li className={`pp-amendment pp-amendment-${a.status}`} data-testid="amendment" data-amendment={a.id} data-status={a.status}>
      <div className="pp-amendment-head">
        <strong>{t(`point:amendments.kind.${a.kind}`)}</strong>
        <span className={`badge pp-amendment-status pp-status-${a.status}`}>{t(`point:amendments.status.${a.status}`)}</span>
        <VisibilityBadge visibility={a.visibility} />
        <span className="small muted">
          {t('point:amendments.from', { party: names.party(a.partyId), date: formatDate(a.createdAt, i18n.language) })}
        </span>
      </div>
      {a.justification && (
        <p className="pp-amendment-justification"><span className="muted">{t('point:amendments.justification')} </span><FreeText value={a.justification} /></p>
      )}
      {a.kind === 'replace' && langs.map((l) => (
        <div key={l} className="pp-amendment-text">
          <h4>{languageName(l)}</h4>
          {a.baseTexts ? <Redline before={a.baseTexts[l] ?? ''} after={a.texts[l] ?? ''} lang={l} /> : <p lang={l} dir={dirOfLang(l)}>{a.texts[l]}</p>}
          <TextFlags text={a.texts[l] ?? ''} flags={a.flags[l]} lang={l} scope={a.id} />
        </div>
      ))}
      {a.kind === 'insert' && langs.map((l) => (
        <div key={l} className="pp-amendment-text">
          <h4>{languageName(l)}</h4><p lang={l} dir={dirOfLang(l)}>{a.texts[l]}</p>
          <TextFlags text={a.texts[l] ?? ''} flags={a.flags[l]} lang={l} scope={a.id} />
        </div>
      ))}
      {a.kind === 'delete' && <p>{t('point:amendments.deletes', { number: point.number })}</p>}
      {a.kind === 'move' && <p>{t('point:amendments.moves')}</p>}
      {a.kind === 'replace' && a.baseTexts && a.status === 'proposed' && JSON.stringify(sorted(a.baseTexts)) !== JSON.stringify(sorted(point.texts)) && (
        <p className="pp-notice small">{t('point:amendments.stale')}</p>
      )}
      {a.status === 'rejected' && a.rejectionReason && (
        <p><span className="muted">{t('point:amendments.rejectedBecause')} </span><FreeText value={a.rejectionReason} /></p>
      )}
      {a.status === 'accepted' && a.resultVersionId && (
        <p className="small">
          <Link to={`/n/${id}/versions`}>{t('point:amendments.inVersion', { label: resultVersion?.label ?? '…' })}</Link>
        </p>
      )}
      {onIt.length > 0 && (
        <ul className="pp-amendment-positions small" aria-label={t('point:amendments.positionsOnIt')}>
          {onIt.map((p) => (
            <li key={p.id}>
              <bdi>{names.party(p.partyId)}</bdi> <LevelBadge level={p.level} />
              {p.reason && <> <FreeText value={p.reason} className="muted" /></>}
            </li>
          ))}
        </ul>
      )}
      <AmendmentActions a={a} actions={amendmentActions(a, me)} />
    </li>
  );
}

const sorted = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort(([x], [y]) => x.localeCompare(y)));

type Pending = 'reject' | 'accept' | null;

function AmendmentActions({ a, actions }: { a: AmendmentOut; actions: ReturnType<typeof amendmentActions> }) {
  const { t } = useTranslation();
  const { id } = useNegotiation();
  const qc = useQueryClient();
  const uid = useId();
  const [visibility, setVisibility] = useState<'mediator' | 'parties'>('parties');
  const [open, setOpen] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  const [label, setLabel] = useState('');
  const [newVersion, setNewVersion] = useState<{ id: string } | null>(null);
  const base = `/api/negotiations/${id}/amendments`;
  const act = useMutation({
    mutationFn: async (what: 'propose' | 'withdraw' | 'reject' | 'accept') => {
      switch (what) {
        case 'propose': return api.post(`${base}/${a.id}/propose`, Written, { visibility });
        case 'withdraw': return api.post(`${base}/${a.id}/withdraw`, Written, {});
        case 'reject': return api.post(`${base}/${a.id}/reject`, Written, { reason: reason.trim() });
        case 'accept': {
          const w = await api.post(`${base}/accept`, Written, { amendmentIds: [a.id], ...(label.trim() ? { versionLabel: label.trim() } : {}) });
          // The write answers with the first thing it changed; the amendment names the version it went into.
          const after = await fetchAmendment(id, a.id);
          if (after.resultVersionId) setNewVersion({ id: after.resultVersionId });
          return w;
        }
      }
    },
    onSuccess: () => {
      setOpen(null);
      void qc.invalidateQueries({ queryKey: nKey(id) });
    },
  });
  if (newVersion) {
    return (
      <p className="success" role="status" data-testid="accepted-notice">
        {t('point:amendments.acceptedNotice')} <Link to={`/n/${id}/versions`} data-version={newVersion.id}>{t('point:amendments.seeVersion')}</Link>
      </p>
    );
  }
  if (actions.length === 0) return null;
  return (
    <div className="pp-amendment-actions">
      {actions.includes('propose') && (
        <div className="pp-inline-form">
          <label htmlFor={`${uid}-vis`}>{t('point:amendments.proposeTo')}</label>
          <select id={`${uid}-vis`} value={visibility} onChange={(e) => setVisibility(e.target.value === 'mediator' ? 'mediator' : 'parties')}>
            <option value="parties">{t('point:amendments.toParties')}</option>
            <option value="mediator">{t('point:amendments.toMediator')}</option>
          </select>
          <button type="button" className="button primary small" disabled={act.isPending} onClick={() => act.mutate('propose')}>{t('point:amendments.propose')}</button>
        </div>
      )}
      {actions.includes('withdraw') && (
        <button type="button" className="button small" disabled={act.isPending} onClick={() => act.mutate('withdraw')}>{t('point:amendments.withdraw')}</button>
      )}
      {actions.includes('accept') && open === null && (
        <button type="button" className="button primary small" onClick={() => setOpen('accept')}>{t('point:amendments.accept')}</button>
      )}
      {actions.includes('reject') && open === null && (
        <button type="button" className="button danger small" onClick={() => setOpen('reject')}>{t('point:amendments.reject')}</button>
      )}
      {open === 'accept' && (
        <form className="pp-confirm-panel" onSubmit={(e) => { e.preventDefault(); act.mutate('accept'); }} aria-labelledby={`${uid}-acc`}>
          <p id={`${uid}-acc`}><strong>{t('point:amendments.confirmAccept')}</strong></p>
          <label htmlFor={`${uid}-label`}>{t('point:amendments.versionLabel')}</label>
          <input id={`${uid}-label`} value={label} onChange={(e) => setLabel(e.target.value)} placeholder={t('point:amendments.versionLabelHint')} />
          <div className="pp-form-actions">
            <button type="submit" className="button primary small" disabled={act.isPending}>{t('point:amendments.confirmAcceptButton')}</button>
            <button type="button" className="button small" onClick={() => setOpen(null)}>{t('common:cancel')}</button>
          </div>
        </form>
      )}
      {open === 'reject' && (
        <form className="pp-confirm-panel" onSubmit={(e) => { e.preventDefault(); act.mutate('reject'); }}>
          <label htmlFor={`${uid}-reason`}>{t('point:amendments.rejectReason')}</label>
          <textarea id={`${uid}-reason`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required dir="auto" />
          <div className="pp-form-actions">
            <button type="submit" className="button danger small" disabled={act.isPending || !reason.trim()}>{t('point:amendments.confirmReject')}</button>
            <button type="button" className="button small" onClick={() => setOpen(null)}>{t('common:cancel')}</button>
          </div>
        </form>
      )}
      {act.isError && <ErrorMessage error={act.error} />}
    </div>
  );
}

/** New wording for this point (or its deletion), saved as a draft or proposed at once. */
function DraftForm({ point, onDone }: { point: PointOut; onDone: () => void }) {
  const { t } = useTranslation();
  const { id, me, overview } = useNegotiation();
  const qc = useQueryClient();
  const uid = useId();
  const languageName = useLanguageName();
  const mayPropose = me.role === 'principal' || me.role === 'negotiator';
  const langs = orderLanguages(Object.fromEntries(overview.languages.map((l) => [l, 'x'])), overview.draftingLanguage, overview.languages);
  const [kind, setKind] = useState<'replace' | 'delete'>('replace');
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(langs.map((l) => [l, point.texts[l] ?? ''])));
  const [justification, setJustification] = useState('');
  const [to, setTo] = useState<'draft' | 'mediator' | 'parties'>(mayPropose ? 'parties' : 'draft');
  const create = useMutation({
    mutationFn: () => {
      return api.post(`/api/negotiations/${id}/amendments`, Written, {
        partyId: me.partyId, kind, pointId: point.id, texts: kind === 'replace' ? cleanTexts(texts) : {}, justification: justification.trim(),
        ...(to === 'draft' ? {} : { proposeTo: to }),
      });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: nKey(id) });
      onDone();
    },
  });
  return (
    <form className="form pp-amendment-draft-form" onSubmit={(e) => { e.preventDefault(); create.mutate(); }} aria-labelledby={`${uid}-title`} data-testid="amendment-form">
      <h3 id={`${uid}-title`}>{t('point:draft.title', { number: point.number })}</h3>
      <fieldset>
        <legend>{t('point:draft.kind')}</legend>
        <label className="pp-choice"><input type="radio" name={`${uid}-kind`} checked={kind === 'replace'} onChange={() => setKind('replace')} /> {t('point:draft.replace')}</label>
        <label className="pp-choice"><input type="radio" name={`${uid}-kind`} checked={kind === 'delete'} onChange={() => setKind('delete')} /> {t('point:draft.delete')}</label>
      </fieldset>
      {kind === 'replace' && (
        <div className="pp-columns">
          {langs.map((l) => (
            <div key={l} className="pp-column">
              <label htmlFor={`${uid}-${l}`}>{languageName(l)}</label>
              <textarea id={`${uid}-${l}`} lang={l} dir={dirOfLang(l)} rows={4} value={texts[l] ?? ''} data-lang={l} onChange={(e) => setTexts((x) => ({ ...x, [l]: e.target.value }))} />
            </div>
          ))}
        </div>
      )}
      <label htmlFor={`${uid}-why`}>{t('point:draft.justification')}</label>
      <textarea id={`${uid}-why`} rows={2} dir="auto" value={justification} onChange={(e) => setJustification(e.target.value)} data-testid="amendment-justification" />
      <label htmlFor={`${uid}-to`}>{t('point:draft.to')}</label>
      <select id={`${uid}-to`} value={to} onChange={(e) => setTo(e.target.value as typeof to)} data-testid="amendment-to">
        <option value="draft">{t('point:draft.toDraft')}</option>
        {mayPropose && <option value="mediator">{t('point:amendments.toMediator')}</option>}
        {mayPropose && <option value="parties">{t('point:amendments.toParties')}</option>}
      </select>
      <p className="hint">{t('point:draft.hint')}</p>
      {create.isError && <ErrorMessage error={create.error} />}
      <div className="pp-form-actions">
        <button type="submit" className="button primary" disabled={create.isPending}>{to === 'draft' ? t('point:draft.saveDraft') : t('point:draft.submit')}</button>
        <button type="button" className="button" onClick={onDone}>{t('common:cancel')}</button>
      </div>
    </form>
  );
}
