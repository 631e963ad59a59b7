/**
 * Correcting a statement after the fact: who said it, the points it concerns, its stance and
 * a translation. The quote itself never changes. A save based on a stale revision opens the
 * conflict dialog with the statement as it is now.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { Written, type StatementOut } from '../../api/schemas.ts';
import { dirOfLang } from '../../i18n/text-direction.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { nKey, usePoints } from '../../negotiation/queries.ts';
import { LevelBadge } from '../../ui/badges.tsx';
import { ConflictDialog } from '../../ui/ConflictDialog.tsx';
import { ErrorMessage } from '../../ui/feedback.tsx';
import { languageChoices, languageName } from '../rounds/format.ts';
import { toggle } from '../rounds/round-form.ts';
import { STANCES } from './stance-choices.ts';
import type { Stance } from './statements.ts';

interface Draft { personId: string; speakerAsNamed: string; pointIds: string[]; stance: Stance | ''; translations: Record<string, string>; translationLang: string }

function draftOf(s: StatementOut, uiLang: string): Draft {
  const lang = uiLang !== s.lang ? uiLang : s.lang === 'en' ? 'ur' : 'en';
  return { personId: s.personId ?? '', speakerAsNamed: s.speakerAsNamed, pointIds: s.pointIds, stance: s.stance ?? '', translations: { ...s.translations }, translationLang: lang };
}

export function StatementEdit({ statement: s, onDone }: { statement: StatementOut; onDone: (saved: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const { id, overview } = useNegotiation();
  const names = useNames(id);
  const points = usePoints(id);
  const qc = useQueryClient();
  const uid = useId();
  const [d, setD] = useState<Draft>(() => draftOf(s, i18n.language));
  const [basedOn, setBasedOn] = useState(s.revision);
  const [theirs, setTheirs] = useState<StatementOut | null>(null);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD({ ...d, [k]: v });
  const body = (rev: number) => ({
    basedOn: rev, personId: d.personId || null, speakerAsNamed: d.speakerAsNamed.trim(), pointIds: d.pointIds, stance: d.stance === '' ? null : d.stance,
    translations: Object.fromEntries(Object.entries(d.translations).filter(([l, v]) => l !== s.lang && v.trim() !== '').map(([l, v]) => [l, v.trim()])),
  });
  const save = useMutation({
    mutationFn: (rev: number) => api.put(`/api/negotiations/${id}/statements/${s.id}`, Written, body(rev)),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: nKey(id, 'statements') });
      onDone(true);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        const current = e.extra.current as StatementOut | undefined;
        const revision = e.extra.revision;
        if (current && typeof revision === 'number') {
          setTheirs({ ...s, ...current, revision });
        }
      }
    },
  });
  const languages = languageChoices(overview.languages).filter((l) => l !== s.lang);
  const conflict = save.error instanceof ApiError && save.error.code === 'version_conflict' && theirs !== null;

  return (
    <form className="form card statement-edit" aria-labelledby={`${uid}-h`} data-testid="statement-edit" onSubmit={(e) => { e.preventDefault(); save.mutate(basedOn); }}>
      <h3 id={`${uid}-h`}>{t('statements:edit.heading')}</h3>
      <div className="rd-form-grid">
        <div>
          <label htmlFor={`${uid}-person`}>{t('statements:form.person')}</label>
          <select id={`${uid}-person`} data-testid="edit-person" value={d.personId} onChange={(e) => set('personId', e.target.value)}>
            <option value="">{t('statements:form.noPerson')}</option>
            {names.persons.map((p) => <option key={p.id} value={p.id}>{names.person(p.id)}{p.partyId ? ` — ${names.party(p.partyId)}` : ''}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={`${uid}-named`}>{t('statements:form.asNamed')}</label>
          <input id={`${uid}-named`} type="text" dir="auto" value={d.speakerAsNamed} onChange={(e) => set('speakerAsNamed', e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${uid}-stance`}>{t('statements:form.stance')}</label>
          <select id={`${uid}-stance`} data-testid="edit-stance" value={d.stance} onChange={(e) => set('stance', e.target.value as Draft['stance'])}>
            <option value="">{t('statements:form.noStance')}</option>
            {STANCES.map((x) => <option key={x} value={x}>{t(`common:level.${x}`)}</option>)}
          </select>
        </div>
      </div>
      <fieldset className="rd-check-grid">
        <legend>{t('statements:form.points')}</legend>
        {(points.data ?? []).filter((p) => !p.removed).map((p) => (
          <label key={p.id} className="rd-check">
            <input type="checkbox" checked={d.pointIds.includes(p.id)} onChange={(e) => set('pointIds', toggle(d.pointIds, p.id, e.target.checked))} />
            <span className="rd-point-number">{p.number}</span>
          </label>
        ))}
      </fieldset>
      <div className="rd-form-grid">
        <div>
          <label htmlFor={`${uid}-tlang`}>{t('statements:edit.translationLang')}</label>
          <select id={`${uid}-tlang`} value={d.translationLang} onChange={(e) => set('translationLang', e.target.value)}>
            {languages.map((l) => <option key={l} value={l}>{languageName(l, i18n.language)}</option>)}
          </select>
        </div>
      </div>
      <label htmlFor={`${uid}-tr`}>{t('statements:edit.translation', { language: languageName(d.translationLang, i18n.language) })}</label>
      <textarea id={`${uid}-tr`} data-testid="edit-translation" lang={d.translationLang} dir={dirOfLang(d.translationLang)} rows={2}
        value={d.translations[d.translationLang] ?? ''} onChange={(e) => set('translations', { ...d.translations, [d.translationLang]: e.target.value })} />
      {!conflict && <ErrorMessage error={save.error} />}
      <div className="rd-form-actions">
        <button type="submit" className="button primary" data-testid="edit-save" disabled={save.isPending}>{save.isPending ? t('statements:form.saving') : t('statements:edit.save')}</button>
        <button type="button" className="button" onClick={() => onDone(false)}>{t('common:cancel')}</button>
      </div>
      <ConflictDialog
        open={conflict}
        theirs={theirs ? <Summary s={theirs} /> : null}
        mine={<Summary s={{ ...s, ...body(basedOn), personId: d.personId || null, stance: d.stance === '' ? null : d.stance }} />}
        onRetry={() => { if (theirs) { setBasedOn(theirs.revision); save.mutate(theirs.revision); } }}
        onKeepTheirs={() => { save.reset(); onDone(true); void qc.invalidateQueries({ queryKey: nKey(id, 'statements') }); }}
      />
    </form>
  );
}

function Summary({ s }: { s: Pick<StatementOut, 'personId' | 'speakerAsNamed' | 'stance' | 'pointIds' | 'translations'> }) {
  const { t } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  const points = usePoints(id);
  return (
    <dl className="statement-summary small">
      <dt>{t('statements:form.person')}</dt><dd><bdi>{names.person(s.personId) || s.speakerAsNamed || '—'}</bdi></dd>
      <dt>{t('statements:form.stance')}</dt><dd>{s.stance ? <LevelBadge level={s.stance} /> : '—'}</dd>
      <dt>{t('statements:form.points')}</dt><dd>{s.pointIds.map((p) => points.data?.find((x) => x.id === p)?.number ?? '…').join(', ') || '—'}</dd>
      <dt>{t('statements:form.translations')}</dt><dd>{Object.entries(s.translations).map(([l, v]) => <p key={l} lang={l} dir={dirOfLang(l)}>{v}</p>)}</dd>
    </dl>
  );
}
