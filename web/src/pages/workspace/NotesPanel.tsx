/**
 * Private notes: my party's working notes, general or on a point. They are never shared
 * (the server and the database both keep them to my party), and the panel says so on
 * every note, so nobody writes here what they meant to send.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NoteOut } from '../../../../src/protocol/notes.schema.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { usePoints } from '../../negotiation/queries.ts';
import { ConflictDialog, currentRevision, isConflict } from '../../ui/ConflictDialog.tsx';
import { formatDate } from '../../ui/dates.ts';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { Text } from '../../ui/LocalizedText.tsx';
import { deleteNote, editNote, useNotes, writeNote } from './workspace-queries.ts';
import { useWorkspaceRights } from './WorkspacePage.tsx';

interface Props {
  pointFilter: string | null;
  onFilter: (pointId: string | null) => void;
}

export function NotesPanel({ pointFilter, onFilter }: Props) {
  const { t } = useTranslation();
  const { id } = useNegotiation();
  const notes = useNotes(id);
  const points = usePoints(id);
  const rights = useWorkspaceRights();
  const uid = useId();
  if (notes.isPending || points.isPending) return <Loading />;
  if (notes.isError) return <ErrorMessage error={notes.error} />;
  if (points.isError) return <ErrorMessage error={points.error} />;

  const numberOf = (pointId: string | null) => points.data.find((p) => p.id === pointId)?.number ?? '?';
  const shown = pointFilter ? notes.data.filter((n) => n.pointId === pointFilter) : notes.data;
  const general = shown.filter((n) => !n.pointId && !n.amendmentId && !n.roundId);
  const onPoints = new Map<string, NoteOut[]>();
  for (const n of shown) if (n.pointId) onPoints.set(n.pointId, [...(onPoints.get(n.pointId) ?? []), n]);
  const pointOrder = points.data.filter((p) => onPoints.has(p.id));
  const other = shown.filter((n) => !n.pointId && (n.amendmentId || n.roundId));

  return (
    <section aria-labelledby="ws-notes-title" className="workspace-panel">
      <div className="ws-panel-heading">
        <h2 id="ws-notes-title">{t('workspace:notes.title')}</h2>
        <p className="muted small">{t('workspace:notes.count', { count: notes.data.length })}</p>
      </div>
      <p className="ws-private-banner"><Icon name="lock" /> {t('workspace:notes.private')}</p>
      {rights.writeNote ? <NewNote pointFilter={pointFilter} /> : <p className="hint">{t('workspace:notes.readOnly')}</p>}

      <div className="ws-notes-filter">
        <label htmlFor={`${uid}-filter`}>{t('workspace:notes.filter')}</label>
        <select id={`${uid}-filter`} value={pointFilter ?? ''} onChange={(e) => onFilter(e.target.value || null)}>
          <option value="">{t('workspace:notes.allNotes')}</option>
          {points.data.filter((p) => !p.removed).map((p) => <option key={p.id} value={p.id}>{t('workspace:notes.onPoint', { number: p.number })}</option>)}
        </select>
      </div>

      {shown.length === 0 && <Empty>{pointFilter ? t('workspace:notes.emptyPoint', { number: numberOf(pointFilter) }) : t('workspace:notes.empty')}</Empty>}
      {!pointFilter && general.length > 0 && (
        <section aria-labelledby={`${uid}-general`} className="ws-note-group">
          <h3 id={`${uid}-general`}>{t('workspace:notes.general')}</h3>
          <NoteList notes={general} canWrite={rights.writeNote} />
        </section>
      )}
      {pointOrder.map((p) => (
        <section key={p.id} aria-labelledby={`${uid}-p-${p.id}`} className="ws-note-group">
          <h3 id={`${uid}-p-${p.id}`}>
            <Link to={`/n/${id}/points/${p.id}`}>{t('workspace:notes.onPoint', { number: p.number })}</Link>
          </h3>
          <NoteList notes={onPoints.get(p.id) ?? []} canWrite={rights.writeNote} />
        </section>
      ))}
      {!pointFilter && other.length > 0 && (
        <section aria-labelledby={`${uid}-other`} className="ws-note-group">
          <h3 id={`${uid}-other`}>{t('workspace:notes.other')}</h3>
          <NoteList notes={other} canWrite={rights.writeNote} />
        </section>
      )}
    </section>
  );
}

function NewNote({ pointFilter }: { pointFilter: string | null }) {
  const { t } = useTranslation();
  const { id } = useNegotiation();
  const points = usePoints(id);
  const qc = useQueryClient();
  const uid = useId();
  const [text, setText] = useState('');
  const [about, setAbout] = useState<string>(pointFilter ?? '');
  const [empty, setEmpty] = useState(false);
  const write = useMutation({
    mutationFn: () => writeNote(id, { text: text.trim(), pointId: about || null }),
    onSuccess: async () => { setText(''); await qc.invalidateQueries({ queryKey: ['n', id] }); },
  });
  return (
    <form className="ws-note-form card" noValidate onSubmit={(e) => { e.preventDefault(); if (!text.trim()) { setEmpty(true); return; } write.mutate(); }}>
      <h3>{t('workspace:notes.new')}</h3>
      <label htmlFor={`${uid}-about`} className="ws-field-label">{t('workspace:notes.about')}</label>
      <select id={`${uid}-about`} value={about} onChange={(e) => setAbout(e.target.value)}>
        <option value="">{t('workspace:notes.general')}</option>
        {(points.data ?? []).filter((p) => !p.removed).map((p) => <option key={p.id} value={p.id}>{t('workspace:notes.onPoint', { number: p.number })}</option>)}
      </select>
      <label htmlFor={`${uid}-text`} className="ws-field-label">{t('workspace:notes.text')}</label>
      <textarea id={`${uid}-text`} dir="auto" rows={3} value={text} onChange={(e) => { setText(e.target.value); setEmpty(false); }}
        aria-invalid={empty} aria-describedby={`${uid}-help`} />
      <p id={`${uid}-help`} className="hint"><Icon name="lock" /> {t('workspace:notes.onlyParty')}</p>
      {empty && <div role="alert" className="error-message"><Icon name="warning" /> {t('workspace:notes.emptyText')}</div>}
      <ErrorMessage error={write.error} />
      <div className="ws-form-actions">
        <button type="submit" className="button primary" disabled={write.isPending}>{write.isPending ? t('workspace:saving') : t('workspace:notes.save')}</button>
      </div>
    </form>
  );
}

function NoteList({ notes, canWrite }: { notes: NoteOut[]; canWrite: boolean }) {
  return <ul className="ws-note-list">{notes.map((n) => <NoteItem key={n.id} note={n} canWrite={canWrite} />)}</ul>;
}

function NoteItem({ note, canWrite }: { note: NoteOut; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  const qc = useQueryClient();
  const uid = useId();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [text, setText] = useState(note.text);
  const [basedOn, setBasedOn] = useState(note.revision);
  const [conflict, setConflict] = useState<{ text: string; revision: number } | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['n', id] });
  const save = useMutation({
    mutationFn: (rev: number) => editNote(id, note.id, { text: text.trim(), basedOn: rev }),
    onSuccess: async () => { setEditing(false); await refresh(); },
    onError: (e) => {
      if (!isConflict(e)) return;
      const current = e.extra.current as { text?: unknown } | undefined;
      setConflict({ text: typeof current?.text === 'string' ? current.text : '', revision: currentRevision(e) ?? basedOn });
    },
  });
  const remove = useMutation({ mutationFn: () => deleteNote(id, note.id, note.revision), onSuccess: refresh });
  const edited = note.editedAt ? t('workspace:notes.edited', { who: names.member(note.editedBy), date: formatDate(note.editedAt, i18n.language, true) }) : null;

  return (
    <li className="ws-note" data-testid="note">
      <div className="ws-note-meta small muted">
        <span className="badge visibility visibility-party"><Icon name="lock" /> {t('workspace:notes.onlyPartyShort')}</span>
        <span>{t('workspace:notes.written', { who: names.member(note.writtenBy) || t('common:someone'), date: formatDate(note.at, i18n.language, true) })}</span>
        {edited && <span>· {edited}</span>}
      </div>
      {editing ? (
        <form noValidate onSubmit={(e) => { e.preventDefault(); if (text.trim()) save.mutate(basedOn); }}>
          <label htmlFor={`${uid}-edit`} className="visually-hidden">{t('workspace:notes.text')}</label>
          <textarea id={`${uid}-edit`} dir="auto" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          <ErrorMessage error={save.error && !isConflict(save.error) ? save.error : null} />
          <div className="ws-form-actions">
            <button type="submit" className="button primary small" disabled={save.isPending || !text.trim()}>{t('common:save')}</button>
            <button type="button" className="button small" onClick={() => { setEditing(false); setText(note.text); save.reset(); }}>{t('common:cancel')}</button>
          </div>
        </form>
      ) : (
        <Text value={note.text} as="p" className="ws-note-text" />
      )}
      {canWrite && !editing && (
        <div className="ws-note-actions">
          {confirming ? (
            <>
              <span className="small" id={`${uid}-confirm`}>{t('workspace:notes.confirmDelete')}</span>
              <button type="button" className="button danger small" aria-describedby={`${uid}-confirm`} onClick={() => remove.mutate()} disabled={remove.isPending}>{t('workspace:notes.delete')}</button>
              <button type="button" className="button small" onClick={() => setConfirming(false)}>{t('workspace:notes.keep')}</button>
            </>
          ) : (
            <>
              <button type="button" className="button small" onClick={() => { setText(note.text); setBasedOn(note.revision); setEditing(true); }}>{t('common:edit')}</button>
              <button type="button" className="button small" onClick={() => setConfirming(true)}>{t('workspace:notes.delete')}</button>
            </>
          )}
        </div>
      )}
      <ErrorMessage error={remove.error} />
      {conflict && (
        <ConflictDialog
          open
          theirs={<Text value={conflict.text} as="p" />}
          mine={<Text value={text} as="p" />}
          onRetry={() => { const rev = conflict.revision; setConflict(null); setBasedOn(rev); save.mutate(rev); }}
          onKeepTheirs={() => { setConflict(null); setEditing(false); save.reset(); void refresh(); }}
        />
      )}
    </li>
  );
}
