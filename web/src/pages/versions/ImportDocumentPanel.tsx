/**
 * The mediator imports a document (a revised plan come back as a Word file, say) as the next
 * version. The server matches its points to the working text by content; the preview shows,
 * in the document's order, how each point descends from the text before (kept, renumbered,
 * changed, merged, split, added, removed), with redlines, before anything is recorded. The
 * import quotes the preview's head seq, so a working text changed in between is refused
 * rather than silently overwritten; the mediator then previews again.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { ImportPreviewOut } from '../../api/schemas.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { formatNumber } from '../../ui/dates.ts';
import { Empty, ErrorMessage } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { Text } from '../../ui/LocalizedText.tsx';
import { Redline, RedlineLegend } from '../../ui/Redline.tsx';
import { useImportVersion, usePreviewImport } from './queries.ts';
import { ChangeBadge, ConfirmDialog, TextLanguageSelect, VersionFields, useLanguageName, type SharedWith } from './version-ui.tsx';

/** The server's limit; a larger file is refused here before it is read and sent. */
const MAX_BYTES = 20 * 1024 * 1024;
const KINDS = ['changed', 'renumbered', 'merged', 'split', 'added', 'removed', 'unchanged'] as const;

type Link = ImportPreviewOut['links'][number];
interface ChosenFile { name: string; content: string }

/** The file's bytes in base64 (a .docx is binary; text files go the same way, so the server decodes every one alike). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      // A data: URL ("data:…;base64,XXXX"); the bytes are what follows the comma.
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

const primary = (lang: string) => lang.split('-')[0]!.toLowerCase();

export function ImportDocumentPanel({ onDone }: { onDone: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const { id, overview } = useNegotiation();
  const languageName = useLanguageName();
  const preview = usePreviewImport(id);
  const importing = useImportVersion(id);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  // A new input after an import, so the chosen file's name does not linger.
  const [inputKey, setInputKey] = useState(0);
  const [lang, setLang] = useState(overview.draftingLanguage);
  const [label, setLabel] = useState('');
  const [note, setNote] = useState('');
  const [visibility, setVisibility] = useState<SharedWith>('parties');
  const [confirming, setConfirming] = useState(false);
  const ids = { file: useId(), lang: useId() };

  const choose = async (f: File | undefined) => {
    preview.reset();
    setFile(null);
    setFileProblem(null);
    if (!f) return;
    if (f.size > MAX_BYTES) {
      setFileProblem(t('versions:import.tooLarge', { name: f.name }));
      return;
    }
    try {
      setFile({ name: f.name, content: await readBase64(f) });
    } catch {
      setFileProblem(t('versions:import.unreadable', { name: f.name }));
    }
  };
  const runPreview = () => {
    if (file) preview.mutate({ name: file.name, lang, content: file.content, encoding: 'base64' });
  };
  const submit = () => {
    if (!file || !preview.data) return;
    importing.mutate(
      {
        name: file.name, lang, content: file.content, encoding: 'base64', basedOn: preview.data.basedOn,
        note: note.trim(), visibility, ...(label.trim() ? { label: label.trim() } : {}),
      },
      {
        onSuccess: () => {
          setConfirming(false);
          setFile(null);
          setInputKey((k) => k + 1);
          setLabel('');
          setNote('');
          preview.reset();
          void onDone();
        },
      },
    );
  };
  const conflict = importing.error instanceof ApiError && importing.error.status === 409;
  const previewAgain = () => {
    setConfirming(false);
    importing.reset();
    runPreview();
  };

  return (
    <div className="card import-document" data-testid="import-document">
      <h3>{t('versions:import.title')}</h3>
      <p className="hint">{t('versions:import.intro')}</p>
      <div className="form version-form">
        <label htmlFor={ids.file}>{t('versions:import.file')}</label>
        <input
          key={inputKey} id={ids.file} type="file" accept=".txt,.md,.markdown,.docx,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-describedby={`${ids.file}-hint`} onChange={(e) => void choose(e.target.files?.[0])} data-testid="import-file"
        />
        <p className="hint" id={`${ids.file}-hint`}>{t('versions:import.fileHint')}</p>
        {fileProblem && <div role="alert" className="error-message"><Icon name="warning" /> {fileProblem}</div>}
        <TextLanguageSelect id={ids.lang} label={t('versions:import.language')} languages={overview.languages} value={lang} onChange={(l) => { preview.reset(); setLang(l); }} />
        <button type="button" className="button" disabled={!file || preview.isPending} onClick={runPreview} data-testid="import-preview">
          {preview.isPending ? t('versions:import.previewing') : t('versions:import.preview')}
        </button>
        <ErrorMessage error={preview.error} />
      </div>

      {preview.data && file && (
        <ImportPreview preview={preview.data} fileName={file.name} lang={lang} languageName={languageName} uiLang={i18n.language} />
      )}

      {preview.data && (
        <div className="form version-form">
          <VersionFields label={label} note={note} visibility={visibility} onLabel={setLabel} onNote={setNote} onVisibility={setVisibility} />
          <button type="button" className="button primary" onClick={() => { importing.reset(); setConfirming(true); }} data-testid="import-submit">
            {t('versions:import.submit')}
          </button>
        </div>
      )}

      <ConfirmDialog
        open={confirming} title={t('versions:import.confirmTitle')} confirmLabel={t('versions:import.confirm')}
        busy={importing.isPending || conflict} onConfirm={submit} onCancel={() => setConfirming(false)} testId="import-dialog"
      >
        <p>{t('versions:import.confirmBody', { count: preview.data?.points ?? 0, n: formatNumber(preview.data?.points ?? 0, i18n.language), name: file?.name ?? '' })}</p>
        <ErrorMessage error={importing.error} />
        {conflict && (
          <p>
            <button type="button" className="button" onClick={previewAgain} data-testid="import-preview-again">{t('versions:import.previewAgain')}</button>
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}

interface PreviewProps { preview: ImportPreviewOut; fileName: string; lang: string; languageName: (l: string) => string; uiLang: string }

function ImportPreview({ preview, fileName, lang, languageName, uiLang }: PreviewProps) {
  const { t } = useTranslation();
  const [onlyChanges, setOnlyChanges] = useState(true);
  const n = (x: number) => formatNumber(x, uiLang);
  const parts = KINDS.filter((k) => (preview.counts[k] ?? 0) > 0)
    .map((k) => t(`versions:import.count.${k}`, { count: preview.counts[k], n: n(preview.counts[k] ?? 0) }));
  const links = onlyChanges ? preview.links.filter((l) => l.kind !== 'unchanged') : preview.links;
  // Which old points went into each merged point, and which new points came out of each split one.
  const lineage = useMemo(() => {
    const mergedInto = new Map<string, string[]>();
    const splitFrom = new Map<string, string[]>();
    for (const l of preview.links) {
      if (l.kind === 'merged' && l.newNumber !== null && l.oldNumber !== null) mergedInto.set(l.newNumber, [...(mergedInto.get(l.newNumber) ?? []), l.oldNumber]);
      if (l.kind === 'split' && l.oldNumber !== null && l.newNumber !== null) splitFrom.set(l.oldNumber, [...(splitFrom.get(l.oldNumber) ?? []), l.newNumber]);
    }
    return { mergedInto, splitFrom };
  }, [preview.links]);
  const list = new Intl.ListFormat(uiLang, { type: 'conjunction' });
  const percent = new Intl.NumberFormat(uiLang, { style: 'percent', maximumFractionDigits: 0 });
  const titleId = useId();
  const detectedOther = preview.detected !== 'und' && primary(preview.detected) !== primary(lang);

  return (
    <section className="preview import-preview" aria-labelledby={titleId} data-testid="import-result">
      <div className="preview-head">
        <h4 id={titleId}>{t('versions:import.previewTitle')}</h4>
        <label className="only-changes">
          <input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)} data-testid="import-only-changes" />
          {t('versions:import.onlyChanges')}
        </label>
      </div>
      <div className="import-summary" data-testid="import-summary">
        <p className="import-read">
          {t('versions:import.read', { count: preview.points, n: n(preview.points), name: fileName, format: t(`versions:import.format.${preview.format}`), lang: languageName(lang) })}
        </p>
        <p className="compare-summary-line" data-testid="import-counts">{parts.join(t('versions:summary.separator'))}</p>
        <ul className="compare-summary-chips" aria-hidden="true">
          {KINDS.map((k) => (
            <li key={k} className={(preview.counts[k] ?? 0) === 0 ? 'zero' : ''}><ChangeBadge change={k} /> <strong>{n(preview.counts[k] ?? 0)}</strong></li>
          ))}
        </ul>
      </div>
      {(preview.detected === 'und' || detectedOther) && (
        <p className="import-warning" role="status" data-testid="import-language-warning">
          <Icon name="warning" />{' '}
          {preview.detected === 'und'
            ? t('versions:import.undetected', { lang: languageName(lang) })
            : t('versions:import.detectedOther', { detected: languageName(preview.detected), lang: languageName(lang) })}
        </p>
      )}
      {preview.newSections.length > 0 && (
        <div className="import-sections" data-testid="import-new-sections">
          <h5>{t('versions:import.newSections', { count: preview.newSections.length })}</h5>
          <ul>{preview.newSections.map((s) => <li key={s}><Text value={s} lang={lang} /></li>)}</ul>
        </div>
      )}
      {links.some((l) => l.kind === 'changed' || l.kind === 'merged' || l.kind === 'split') && <RedlineLegend />}
      {links.length === 0 ? <Empty>{t('versions:import.noChanges')}</Empty> : (
        <ol className="preview-list import-links">
          {links.map((l, i) => (
            <ImportLink key={`${l.oldNumber ?? '-'}:${l.newNumber ?? '-'}:${i}`} link={l} lang={lang} percent={percent}
              group={l.kind === 'merged' ? list.format(lineage.mergedInto.get(l.newNumber!) ?? []) : l.kind === 'split' ? list.format(lineage.splitFrom.get(l.oldNumber!) ?? []) : ''} />
          ))}
        </ol>
      )}
    </section>
  );
}

function ImportLink({ link: l, lang, percent, group }: { link: Link; lang: string; percent: Intl.NumberFormat; group: string }) {
  const { t } = useTranslation();
  const heading = l.oldNumber === null ? t('versions:point.new', { number: l.newNumber })
    : l.newNumber === null ? t('versions:point.removed', { number: l.oldNumber })
      : l.oldNumber === l.newNumber ? t('versions:point.same', { number: l.newNumber })
        : t('versions:point.renumbered', { from: l.oldNumber, to: l.newNumber });
  let body: React.ReactNode;
  if (l.kind === 'changed' || l.kind === 'merged' || l.kind === 'split') body = <Redline before={l.oldText ?? ''} after={l.newText ?? ''} lang={lang} />;
  else if (l.kind === 'removed') body = <Text value={l.oldText ?? ''} lang={lang} as="p" className="vp-text removed-text" />;
  else body = <Text value={l.newText ?? ''} lang={lang} as="p" className={`vp-text${l.kind === 'added' ? '' : ' muted'}`} />;
  return (
    <li className={`preview-row import-link kind-${l.kind}`} data-testid="import-link" data-kind={l.kind}>
      <p className="preview-row-head">
        <span>{heading}</span>
        <ChangeBadge change={l.kind} />
        {l.kind !== 'added' && l.kind !== 'removed' && (
          <span className="small muted similarity">{t('versions:import.similarity', { pct: percent.format(l.similarity) })}</span>
        )}
      </p>
      {l.kind === 'merged' && <p className="hint">{t('versions:import.mergedGroup', { list: group, number: l.newNumber })}</p>}
      {l.kind === 'split' && <p className="hint">{t('versions:import.splitGroup', { list: group, number: l.oldNumber })}</p>}
      {body}
    </li>
  );
}
