/**
 * A stale write (409 version_conflict): someone changed the thing since this page read it.
 * The dialog shows what is there now beside what I tried to save, and lets me save mine on
 * top (resending with the new revision) or keep theirs. Nothing is lost either way.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

export function isConflict(e: unknown): e is ApiError {
  return e instanceof ApiError && e.code === 'version_conflict';
}

/** The revision the server now holds, from the conflict problem document. */
export function currentRevision(e: ApiError): number | null {
  const r = e.extra.revision;
  return typeof r === 'number' ? r : null;
}

interface Props {
  open: boolean;
  /** What is there now, as the page renders it. */
  theirs: React.ReactNode;
  mine: React.ReactNode;
  onRetry: () => void;
  onKeepTheirs: () => void;
}

export function ConflictDialog({ open, theirs, mine, onRetry, onKeepTheirs }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby="conflict-title" onCancel={onKeepTheirs} data-testid="conflict-dialog">
      <h2 id="conflict-title">{t('common:conflict.title')}</h2>
      <p>{t('common:conflict.body')}</p>
      <div className="compare-columns">
        <section aria-labelledby="conflict-theirs">
          <h3 id="conflict-theirs">{t('common:conflict.theirs')}</h3>
          {theirs}
        </section>
        <section aria-labelledby="conflict-mine">
          <h3 id="conflict-mine">{t('common:conflict.mine')}</h3>
          {mine}
        </section>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onKeepTheirs}>{t('common:conflict.keepTheirs')}</button>
        <button type="button" className="button primary" onClick={onRetry}>{t('common:conflict.retry')}</button>
      </div>
    </dialog>
  );
}
