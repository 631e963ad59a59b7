/**
 * The point's text, one column per language (drafting language first), each column in its
 * own language and direction whatever the UI language. The mediator edits the working
 * text here; a save made on a stale view is refused by the server and shown side by side.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api, type ApiError } from '../../api/client.ts';
import { Written, type PointOut } from '../../api/schemas.ts';
import { dirOfLang } from '../../i18n/text-direction.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { nKey } from '../../negotiation/queries.ts';
import { ConflictDialog, currentRevision, isConflict } from '../../ui/ConflictDialog.tsx';
import { ErrorMessage } from '../../ui/feedback.tsx';
import { Redline, RedlineLegend } from '../../ui/Redline.tsx';
import { TextFlags, textFlagsId } from '../../ui/TextFlags.tsx';
import { TranslationStatus } from '../../ui/TranslationStatus.tsx';
import { cleanTexts, orderLanguages } from './point-view.ts';

/** Intl's name of a language in the UI language ("Urdu", "اردو"), the code if Intl has none. */
export function useLanguageName(): (code: string) => string {
  const { i18n } = useTranslation();
  let names: Intl.DisplayNames | null = null;
  try { names = new Intl.DisplayNames([i18n.language], { type: 'language' }); } catch { names = null; }
  return (code) => names?.of(code) ?? code;
}

export function PointTextSection({ point }: { point: PointOut }) {
  const { t } = useTranslation();
  const { id, overview, isMediator } = useNegotiation();
  const languageName = useLanguageName();
  const [editing, setEditing] = useState(false);
  const langs = orderLanguages(point.texts, overview.draftingLanguage, overview.languages);
  return (
    <section className="card pp-section" aria-labelledby="point-text-title">
      <div className="pp-section-head">
        <h2 id="point-text-title">{t('point:text.title')}</h2>
        {isMediator && !editing && !point.removed && (
          <button type="button" className="button" onClick={() => setEditing(true)} data-testid="edit-point">{t('point:edit.open')}</button>
        )}
      </div>
      {editing ? (
        <EditPointForm point={point} onDone={() => setEditing(false)} />
      ) : langs.length === 0 ? (
        <p className="empty">{t('common:noText')}</p>
      ) : (
        <div className="pp-columns" data-testid="point-texts">
          {langs.map((l) => (
            <section key={l} className="pp-column" aria-labelledby={`text-${l}`}>
              <h3 id={`text-${l}`} className="pp-column-head">
                {languageName(l)}
                {l === overview.draftingLanguage && <span className="badge pp-drafting">{t('point:text.drafting')}</span>}
              </h3>
              <TranslationStatus
                negotiationId={id} pointId={point.id} lang={l} languageName={languageName(l)} status={point.translationStatus[l]}
                revision={point.revision} mayConfirm={isMediator && !point.removed}
              />
              <p
                lang={l} dir={dirOfLang(l)} className="pp-text" data-lang={l}
                aria-describedby={point.flags[l]?.length ? textFlagsId(point.id, l) : undefined}
              >{point.texts[l]}</p>
              <TextFlags text={point.texts[l] ?? ''} flags={point.flags[l]} lang={l} scope={point.id} />
            </section>
          ))}
        </div>
      )}
    </section>
  );
}

const CurrentPoint = z.object({ texts: z.record(z.string(), z.string()) });

function EditPointForm({ point, onDone }: { point: PointOut; onDone: () => void }) {
  const { t } = useTranslation();
  const { id, overview } = useNegotiation();
  const qc = useQueryClient();
  const languageName = useLanguageName();
  const formId = useId();
  const langs = orderLanguages(Object.fromEntries(overview.languages.map((l) => [l, 'x'])), overview.draftingLanguage, overview.languages);
  // The revision I started from: saving against it is what lets the server catch a stale edit.
  const [basedOn, setBasedOn] = useState(point.revision);
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(langs.map((l) => [l, point.texts[l] ?? ''])));
  const [conflict, setConflict] = useState<{ theirs: Record<string, string>; revision: number | null } | null>(null);

  const save = useMutation({
    mutationFn: (rev: number) => {
      // Tags are sent as they are: the edit route resets omitted tags to none.
      return api.patch(`/api/negotiations/${id}/points/${point.id}`, Written, { texts: cleanTexts(draft), tags: point.tags, basedOn: rev });
    },
    onSuccess: () => {
      setConflict(null);
      void qc.invalidateQueries({ queryKey: nKey(id) });
      onDone();
    },
    onError: (e: ApiError) => {
      if (!isConflict(e)) return;
      const current = CurrentPoint.safeParse(e.extra.current);
      setConflict({ theirs: current.success ? current.data.texts : point.texts, revision: currentRevision(e) });
    },
  });
  const changedMeanwhile = point.revision !== basedOn;

  return (
    <form
      className="form pp-edit" aria-labelledby={`${formId}-title`} data-testid="edit-point-form"
      onSubmit={(e) => { e.preventDefault(); save.mutate(basedOn); }}
    >
      <h3 id={`${formId}-title`}>{t('point:edit.title', { number: point.number })}</h3>
      <p className="hint">{t('point:edit.hint')}</p>
      {changedMeanwhile && <p className="pp-notice" role="status">{t('point:edit.changedMeanwhile')}</p>}
      <div className="pp-columns">
        {langs.map((l) => (
          <div key={l} className="pp-column">
            <label htmlFor={`${formId}-${l}`}>{languageName(l)}</label>
            <textarea
              id={`${formId}-${l}`} lang={l} dir={dirOfLang(l)} rows={5} value={draft[l] ?? ''} data-lang={l}
              onChange={(e) => setDraft((d) => ({ ...d, [l]: e.target.value }))}
            />
          </div>
        ))}
      </div>
      {save.isError && !isConflict(save.error) && <ErrorMessage error={save.error} />}
      <div className="pp-form-actions">
        <button type="submit" className="button primary" disabled={save.isPending}>{t('point:edit.save')}</button>
        <button type="button" className="button" onClick={onDone}>{t('common:cancel')}</button>
      </div>
      <ConflictDialog
        open={conflict !== null}
        theirs={conflict && <TextsList texts={conflict.theirs} langs={langs} />}
        mine={conflict && (
          <div className="pp-conflict-mine">
            <RedlineLegend />
            {langs.filter((l) => (conflict.theirs[l] ?? '') !== (draft[l] ?? '').trim()).map((l) => (
              <div key={l}>
                <h4>{languageName(l)}</h4>
                <Redline before={conflict.theirs[l] ?? ''} after={(draft[l] ?? '').trim()} lang={l} />
              </div>
            ))}
            <p className="hint">{t('point:edit.mineHint')}</p>
          </div>
        )}
        onRetry={() => {
          const rev = conflict?.revision ?? null;
          if (rev === null) return;
          setBasedOn(rev);
          save.mutate(rev);
        }}
        onKeepTheirs={() => {
          setConflict(null);
          void qc.invalidateQueries({ queryKey: nKey(id) });
          onDone();
        }}
      />
    </form>
  );
}

function TextsList({ texts, langs }: { texts: Record<string, string>; langs: string[] }) {
  const languageName = useLanguageName();
  return (
    <div data-testid="conflict-theirs">
      {langs.filter((l) => texts[l]).map((l) => (
        <div key={l}>
          <h4>{languageName(l)}</h4>
          <p lang={l} dir={dirOfLang(l)}>{texts[l]}</p>
        </div>
      ))}
    </div>
  );
}
