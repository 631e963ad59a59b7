/**
 * The mediator makes the next version: by accepting proposed amendments (previewed as
 * redlines against the working text first), by freezing the working text as it stands after
 * direct edits, or by importing a document (ImportDocumentPanel). Each asks for
 * confirmation: a version is part of the record for good.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmendmentOut, VersionSummaryOut } from '../../api/schemas.ts';
import { compareVersions, type AlignedPoint } from '../../../../src/domain/versions/compare-versions.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { nKey, usePoints } from '../../negotiation/queries.ts';
import { VisibilityBadge } from '../../ui/badges.tsx';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { Text } from '../../ui/LocalizedText.tsx';
import { Redline, RedlineLegend } from '../../ui/Redline.tsx';
import { ImportDocumentPanel } from './ImportDocumentPanel.tsx';
import { previewAmendments } from './preview-amendments.ts';
import { useAcceptAmendments, useAmendments, useCreateVersion } from './queries.ts';
import { ChangeBadge, ConfirmDialog, TextLanguageSelect, VersionFields, defaultTextLanguage, pointLabel, type SharedWith } from './version-ui.tsx';

export function NextVersionPanel({ onCreated }: { onCreated: (versionId: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { id } = useNegotiation();
  // After a write the list is fetched afresh and the highest number is the version just made.
  const landOnNewest = async () => {
    await client.refetchQueries({ queryKey: nKey(id, 'versions'), exact: true });
    const newest = client.getQueryData<VersionSummaryOut[]>(nKey(id, 'versions'))?.[0];
    if (newest) onCreated(newest.id);
    window.scrollTo({ top: 0 });
  };
  return (
    <section className="next-version" aria-labelledby="next-version-title">
      <h2 id="next-version-title">{t('versions:next.title')}</h2>
      <p className="hint">{t('versions:next.intro')}</p>
      <AcceptAmendments onDone={landOnNewest} />
      <FreezeWorkingText onDone={landOnNewest} />
      <ImportDocumentPanel onDone={landOnNewest} />
    </section>
  );
}

function AcceptAmendments({ onDone }: { onDone: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const { id, overview } = useNegotiation();
  const names = useNames(id);
  const amendments = useAmendments(id);
  const points = usePoints(id);
  const accept = useAcceptAmendments(id);
  const [chosen, setChosen] = useState<string[]>([]);
  const [label, setLabel] = useState('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [lang, setLang] = useState(() => defaultTextLanguage(overview.languages, i18n.language, overview.draftingLanguage));
  const ids = { label: useId(), note: useId() };

  const proposed = useMemo(() => (amendments.data ?? []).filter((a) => a.status === 'proposed'), [amendments.data]);
  const working = useMemo(() => (points.data ?? []).map((p) => ({ pointId: p.id, number: p.number, sectionId: p.sectionId, texts: p.texts })), [points.data]);
  // Accepted in the order they were proposed, as the list shows them.
  const selected = useMemo(() => proposed.filter((a) => chosen.includes(a.id)), [proposed, chosen]);
  const preview = useMemo(() => previewAmendments(working, selected), [working, selected]);
  const alone = useMemo(() => new Map(proposed.map((a) => [a.id, previewAmendments(working, [a]).problems.get(a.id) ?? null])), [working, proposed]);
  const changes = useMemo(() => compareVersions(working, preview.points).rows.filter((r) => r.status !== 'unchanged' || r.renumbered), [working, preview]);
  const numberOf = (pointId: string | null) => working.find((p) => p.pointId === pointId)?.number ?? null;

  if (amendments.isPending || points.isPending) return <Loading />;
  if (amendments.isError) return <ErrorMessage error={amendments.error} />;

  const submit = () => {
    accept.mutate(
      { amendmentIds: selected.map((a) => a.id), versionNote: note.trim(), ...(label.trim() ? { versionLabel: label.trim() } : {}) },
      {
        onSuccess: () => {
          setConfirming(false);
          setChosen([]);
          setLabel('');
          setNote('');
          void onDone();
        },
      },
    );
  };

  return (
    <div className="card" data-testid="accept-amendments">
      <h3>{t('versions:accept.title')}</h3>
      {proposed.length === 0 ? (
        <Empty>{t('versions:accept.none')}</Empty>
      ) : (
        <>
          <fieldset className="amendment-choices">
            <legend>{t('versions:accept.choose')}</legend>
            {proposed.map((a) => (
              <AmendmentChoice
                key={a.id} amendment={a} checked={chosen.includes(a.id)} problem={alone.get(a.id) ?? null}
                pointNumber={numberOf(a.pointId)} afterNumber={numberOf(a.afterPointId)} party={names.party(a.partyId)}
                onChange={() => setChosen((c) => (c.includes(a.id) ? c.filter((x) => x !== a.id) : [...c, a.id]))}
              />
            ))}
          </fieldset>
          {selected.length > 0 && (
            <section className="preview" aria-labelledby="preview-title" data-testid="accept-preview">
              <div className="preview-head">
                <h4 id="preview-title">{t('versions:accept.preview')}</h4>
                <TextLanguageSelect languages={overview.languages} value={lang} onChange={setLang} />
              </div>
              {preview.problems.size > 0 && (
                <div className="error-message" role="alert">
                  <Icon name="warning" /> {t('versions:accept.problems', { count: preview.problems.size })}
                </div>
              )}
              {changes.length === 0 ? <Empty>{t('versions:accept.noChange')}</Empty> : (
                <>
                  <RedlineLegend />
                  <ul className="preview-list">
                    {changes.map((r) => <PreviewRow key={r.pointId} row={r} lang={lang} />)}
                  </ul>
                </>
              )}
            </section>
          )}
          <div className="form version-form">
            <label htmlFor={ids.label}>{t('versions:form.label')}</label>
            <input id={ids.label} value={label} onChange={(e) => setLabel(e.target.value)} placeholder={t('versions:form.labelPlaceholder')} aria-describedby={`${ids.label}-hint`} />
            <p className="hint" id={`${ids.label}-hint`}>{t('versions:form.labelHint')}</p>
            <label htmlFor={ids.note}>{t('versions:form.note')}</label>
            <textarea id={ids.note} value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
            <button type="button" className="button primary" disabled={selected.length === 0 || preview.problems.size > 0} onClick={() => { accept.reset(); setConfirming(true); }} data-testid="accept-selected">
              {selected.length === 0 ? t('versions:accept.submitNone') : t('versions:accept.submit', { count: selected.length })}
            </button>
          </div>
        </>
      )}
      <ConfirmDialog
        open={confirming} title={t('versions:accept.confirmTitle')} confirmLabel={t('versions:accept.confirm')}
        busy={accept.isPending} onConfirm={submit} onCancel={() => setConfirming(false)} testId="accept-dialog"
      >
        <p>{t('versions:accept.confirmBody', { count: selected.length })}</p>
        <ErrorMessage error={accept.error} />
      </ConfirmDialog>
    </div>
  );
}

interface ChoiceProps {
  amendment: AmendmentOut;
  checked: boolean;
  problem: 'stale' | 'missing' | null;
  pointNumber: string | null;
  afterNumber: string | null;
  party: string;
  onChange: () => void;
}

function AmendmentChoice({ amendment: a, checked, problem, pointNumber, afterNumber, party, onChange }: ChoiceProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const what = a.kind === 'insert'
    ? (afterNumber ? t('versions:accept.insertAfter', { number: afterNumber }) : t('versions:accept.insertFirst'))
    : t(`versions:accept.${a.kind}Point`, { number: pointNumber ?? '?' });
  return (
    <div className={`amendment-choice${checked ? ' checked' : ''}`} data-testid="amendment-choice">
      <input type="checkbox" id={inputId} checked={checked} onChange={onChange} aria-describedby={`${inputId}-why`} />
      <div>
        <label htmlFor={inputId}>
          <strong><bdi>{party}</bdi></strong>: {what}
        </label>
        {' '}<VisibilityBadge visibility={a.visibility} />
        <p className="small muted" id={`${inputId}-why`}>
          {a.justification ? <bdi>{a.justification}</bdi> : t('versions:accept.noJustification')}
          {problem && <> <strong className="problem"><Icon name="warning" /> {t(`versions:accept.problem.${problem}`)}</strong></>}
        </p>
      </div>
    </div>
  );
}

function PreviewRow({ row, lang }: { row: AlignedPoint; lang: string }) {
  const { t } = useTranslation();
  const before = row.a?.texts[lang] ?? '';
  const after = row.b?.texts[lang] ?? '';
  return (
    <li className="preview-row">
      <p className="preview-row-head">
        <span>{pointLabel(t, row)}</span>
        <ChangeBadge change={row.status === 'unchanged' ? 'renumbered' : row.status} />
      </p>
      {row.status === 'unchanged' || row.status === 'moved'
        ? <Text value={after} lang={lang} as="p" className="vp-text" />
        : <Redline before={before} after={after} lang={lang} />}
    </li>
  );
}

function FreezeWorkingText({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const { id } = useNegotiation();
  const create = useCreateVersion(id);
  const [label, setLabel] = useState('');
  const [note, setNote] = useState('');
  const [visibility, setVisibility] = useState<SharedWith>('parties');
  const [confirming, setConfirming] = useState(false);
  const submit = () => {
    create.mutate(
      { note: note.trim(), visibility, ...(label.trim() ? { label: label.trim() } : {}) },
      {
        onSuccess: () => {
          setConfirming(false);
          setLabel('');
          setNote('');
          void onDone();
        },
      },
    );
  };
  return (
    <div className="card" data-testid="freeze-working-text">
      <h3>{t('versions:freeze.title')}</h3>
      <p className="hint">{t('versions:freeze.intro')}</p>
      <div className="form version-form">
        <VersionFields label={label} note={note} visibility={visibility} onLabel={setLabel} onNote={setNote} onVisibility={setVisibility} />
        <button type="button" className="button" onClick={() => { create.reset(); setConfirming(true); }} data-testid="freeze">
          {t('versions:freeze.submit')}
        </button>
        {!confirming && <ErrorMessage error={create.error} />}
      </div>
      <ConfirmDialog
        open={confirming} title={t('versions:freeze.confirmTitle')} confirmLabel={t('versions:freeze.confirm')}
        busy={create.isPending} onConfirm={submit} onCancel={() => setConfirming(false)} testId="freeze-dialog"
      >
        <p>{t('versions:freeze.confirmBody')}</p>
        <ErrorMessage error={create.error} />
      </ConfirmDialog>
    </div>
  );
}
