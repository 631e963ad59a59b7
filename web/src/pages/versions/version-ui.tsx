/** Small pieces the versions pages share: change marks, the content hash, a confirmation dialog, the text-language select. */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlignedPoint, PointChange } from '../../../../src/domain/versions/compare-versions.ts';
import { pickLanguage } from '../../i18n/text-direction.ts';

/** What a badge can say: a change between versions, or how an imported point descends from the text before. */
export type BadgeChange = PointChange | 'renumbered' | 'merged' | 'split';

const CHANGE_PATHS: Record<BadgeChange, React.ReactNode> = {
  unchanged: <path d="M3 6h10M3 10h10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />,
  changed: <path d="M3 13l1-3.5L11 2.5l2.5 2.5L6.5 12z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />,
  added: <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />,
  removed: <path d="M3 8h10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />,
  moved: <path d="M8 2v12M4.5 5.5L8 2l3.5 3.5M4.5 10.5L8 14l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />,
  renumbered: <path d="M6 2.5L4.5 13.5M11.5 2.5L10 13.5M2.5 6h11M2 10.5h11" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />,
  // Two strokes joining into one, and one parting into two.
  merged: <path d="M3 2.5l5 5.5v5.5M13 2.5L8 8" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />,
  split: <path d="M8 2.5V8l-5 5.5M8 8l5 5.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />,
};

/** A change as a badge: a shape and a word besides the colour. */
export function ChangeBadge({ change }: { change: BadgeChange }) {
  const { t } = useTranslation();
  return (
    <span className={`badge change change-${change}`}>
      <svg viewBox="0 0 16 16" width="1em" height="1em" className="icon symbol" aria-hidden="true" focusable="false">{CHANGE_PATHS[change]}</svg>
      <span>{t(`versions:change.${change}`)}</span>
    </span>
  );
}

/** A content hash, short and monospace, with the whole of it one click away on the clipboard. */
export function HashCode({ hash }: { hash: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(hash).then(() => setCopied('yes'), () => setCopied('no'));
  };
  return (
    <span className="version-hash">
      <code className="mono" title={hash} translate="no">{hash.slice(0, 12)}…</code>
      <button type="button" className="button small subtle" onClick={copy} aria-label={t('versions:hash.copyLabel', { hash: hash.slice(0, 12) })}>
        {t('versions:hash.copy')}
      </button>
      <span role="status" className="small muted">{copied === 'yes' ? t('versions:hash.copied') : copied === 'no' ? t('versions:hash.notCopied') : ''}</span>
    </span>
  );
}

interface ConfirmProps {
  open: boolean;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}

/** A modal question before a step that cannot be undone (a version, an initial). Escape cancels. */
export function ConfirmDialog({ open, title, children, confirmLabel, busy = false, onConfirm, onCancel, testId }: ConfirmProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onCancel={(e) => { e.preventDefault(); onCancel(); }} data-testid={testId}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>{t('common:cancel')}</button>
        <button type="button" className="button primary" onClick={onConfirm} disabled={busy}>{confirmLabel}</button>
      </div>
    </dialog>
  );
}

/** The language a page shows the text in by default: mine if the negotiation has it, else its drafting language. */
export function defaultTextLanguage(languages: readonly string[], uiLang: string, drafting: string): string {
  const byKey = Object.fromEntries(languages.map((l) => [l, l]));
  return pickLanguage(byKey, uiLang.split('-')[0] ?? uiLang, drafting) ?? drafting;
}

/** A language's name in the UI language ("Urdu", "اردو"…), by Intl. */
export function useLanguageName(): (lang: string) => string {
  const { i18n } = useTranslation();
  const names = new Intl.DisplayNames([i18n.language], { type: 'language' });
  return (lang) => names.of(lang) ?? lang;
}

interface LanguageSelectProps { languages: readonly string[]; value: string; onChange: (lang: string) => void; id?: string; label?: string }

export function TextLanguageSelect({ languages, value, onChange, id, label }: LanguageSelectProps) {
  const { t } = useTranslation();
  const fallbackId = useId();
  const name = useLanguageName();
  return (
    <span className="field-inline">
      <label htmlFor={id ?? fallbackId}>{label ?? t('versions:textLanguage')}</label>
      <select id={id ?? fallbackId} value={value} onChange={(e) => onChange(e.target.value)} data-testid="text-language">
        {languages.map((l) => <option key={l} value={l}>{name(l)}</option>)}
      </select>
    </span>
  );
}

/** "Point 5", "Point 5 → 4", "New point 3", "Point 7 (removed)". */
export function pointLabel(t: (k: string, o?: Record<string, unknown>) => string, row: AlignedPoint): string {
  if (!row.a) return t('versions:point.new', { number: row.b!.number });
  if (!row.b) return t('versions:point.removed', { number: row.a.number });
  if (row.a.number !== row.b.number) return t('versions:point.renumbered', { from: row.a.number, to: row.b.number });
  return t('versions:point.same', { number: row.b.number });
}

export type SharedWith = 'parties' | 'mediator' | 'public';

interface VersionFieldsProps {
  label: string; note: string; visibility: SharedWith;
  onLabel: (v: string) => void; onNote: (v: string) => void; onVisibility: (v: SharedWith) => void;
}

/** The name, note and audience of a version about to be made: the same three fields wherever one is made. */
export function VersionFields({ label, note, visibility, onLabel, onNote, onVisibility }: VersionFieldsProps) {
  const { t } = useTranslation();
  const ids = { label: useId(), note: useId(), visibility: useId() };
  return (
    <>
      <label htmlFor={ids.label}>{t('versions:form.label')}</label>
      <input id={ids.label} value={label} onChange={(e) => onLabel(e.target.value)} placeholder={t('versions:form.labelPlaceholder')} aria-describedby={`${ids.label}-hint`} />
      <p className="hint" id={`${ids.label}-hint`}>{t('versions:form.labelHint')}</p>
      <label htmlFor={ids.note}>{t('versions:form.note')}</label>
      <textarea id={ids.note} value={note} onChange={(e) => onNote(e.target.value)} rows={2} />
      <label htmlFor={ids.visibility}>{t('versions:form.visibility')}</label>
      <select id={ids.visibility} value={visibility} onChange={(e) => onVisibility(e.target.value as SharedWith)}>
        {(['parties', 'mediator', 'public'] as const).map((v) => <option key={v} value={v}>{t(`common:visibilityHelp.${v}`)}</option>)}
      </select>
    </>
  );
}
