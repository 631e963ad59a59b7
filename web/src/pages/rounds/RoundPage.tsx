/**
 * One round: its facts, confidentiality, public readout, the points discussed and the
 * private readouts the viewer may see; my side writes its own readout here, and the
 * mediator's office corrects the round (a stale edit shows what changed, never overwrites).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { RoundOut, Written, type ReadoutOut } from '../../api/schemas.ts';
import { dirOfLang } from '../../i18n/text-direction.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { nKey, usePoints } from '../../negotiation/queries.ts';
import { VisibilityBadge } from '../../ui/badges.tsx';
import { ConflictDialog, currentRevision, isConflict } from '../../ui/ConflictDialog.tsx';
import { formatDate } from '../../ui/dates.ts';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { LocalizedText } from '../../ui/LocalizedText.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { formatTime, languageChoices, languageName } from './format.ts';
import { ReadoutCopyLinks } from '../tracing/CopyLinks.tsx';
import { LocalizedFields } from './LocalizedFields.tsx';
import { roundsPath, useReadouts, useRound } from './queries.ts';
import { draftFromRound, roundBody, toLocalized, type LangRow, type RoundBody, type RoundDraft } from './round-form.ts';
import { RoundForm } from './RoundForm.tsx';
import { DurationText, FormatBadge, NonDisclosure } from './RoundFacts.tsx';
import './rounds.css';

/** What the server holds now, from the conflict itself (or null: the page refetches). */
const TheirRound = RoundOut.omit({ revision: true });
type RoundShape = Omit<RoundOut, 'id' | 'revision'>;

export function RoundPage() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const { id, isMediator, overview } = useNegotiation();
  const round = useRound(id, roundId);
  const title = round.data ? Object.values(round.data.title)[0] : undefined;
  useDocumentTitle(title ? `${title} · ${t('rounds:title')}` : t('rounds:title'));

  if (round.isPending) return <Loading />;
  if (round.isError) {
    return (
      <section className="page">
        <p><Link to={`/n/${id}/rounds`}>{t('rounds:back')}</Link></p>
        <ErrorMessage error={round.error} />
      </section>
    );
  }
  const r = round.data;
  return (
    <section className="page round-page">
      <p className="rd-breadcrumb"><Link to={`/n/${id}/rounds`}>{t('rounds:back')}</Link></p>
      <header className="round-page-head">
        <LocalizedText as="h1" texts={r.title} drafting={overview.draftingLanguage} className="round-title" />
        <div className="round-badges"><FormatBadge format={r.format} /><VisibilityBadge visibility={r.visibility} /></div>
      </header>
      <OtherTitles texts={r.title} />
      {isMediator && <EditRound round={r} />}

      <div className="round-layout">
        <div className="round-main">
          <NonDisclosure round={r} drafting={overview.draftingLanguage} />
          <section className="card" aria-labelledby="public-readout-heading">
            <h2 id="public-readout-heading">{t('rounds:publicReadout')}</h2>
            <AllLanguages texts={r.publicReadout} empty={t('rounds:noPublicReadout')} testId="public-readout" />
          </section>
          <PointsDiscussed pointIds={r.pointIds} />
          <Readouts roundId={r.id} />
        </div>
        <aside className="round-side card" aria-labelledby="round-facts-heading">
          <h2 id="round-facts-heading">{t('rounds:facts')}</h2>
          <RoundFactList round={r} />
          <p className="small muted">{t('rounds:revision', { revision: r.revision })}</p>
        </aside>
      </div>

      <p className="small muted">{t('rounds:timesNote', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}</p>
    </section>
  );
}

function OtherTitles({ texts }: { texts: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const entries = Object.entries(texts).filter(([, v]) => v.trim());
  if (entries.length < 2) return null;
  return (
    <ul className="rd-other-titles small" aria-label={t('rounds:titleInLanguages')}>
      {entries.map(([l, v]) => (
        <li key={l}><span className="muted">{languageName(l, i18n.language)}:</span> <span lang={l} dir={dirOfLang(l)} data-testid={`round-title-${l}`}>{v}</span></li>
      ))}
    </ul>
  );
}

/** Every language a text is given in, each block carrying its own lang and dir. */
function AllLanguages({ texts, empty, testId }: { texts: Record<string, string>; empty: string; testId?: string }) {
  const { i18n } = useTranslation();
  const entries = Object.entries(texts).filter(([, v]) => v.trim());
  if (entries.length === 0) return <Empty>{empty}</Empty>;
  return (
    <div className="rd-all-languages" data-testid={testId}>
      {entries.map(([l, v]) => (
        <div key={l} className="rd-language-block">
          {entries.length > 1 && <p className="rd-language-label small muted">{languageName(l, i18n.language)}</p>}
          <p lang={l} dir={dirOfLang(l)}>{v}</p>
        </div>
      ))}
    </div>
  );
}

function RoundFactList({ round, compact = false }: { round: RoundShape; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const { id, overview } = useNegotiation();
  const names = useNames(id);
  const drafting = overview.draftingLanguage;
  return (
    <dl className="facts round-facts">
      <dt>{t('rounds:starts')}</dt>
      <dd><time dateTime={round.startsAt}><bdi>{formatDate(round.startsAt, i18n.language)}</bdi> <bdi>{formatTime(round.startsAt, i18n.language)}</bdi></time></dd>
      {round.endsAt && <><dt>{t('rounds:ends')}</dt><dd><time dateTime={round.endsAt}><bdi>{formatDate(round.endsAt, i18n.language)}</bdi> <bdi>{formatTime(round.endsAt, i18n.language)}</bdi></time></dd></>}
      <dt>{t('rounds:duration')}</dt><dd><DurationText round={round} /></dd>
      <dt>{t('rounds:where')}</dt>
      <dd>{Object.keys(round.place).length ? <LocalizedText texts={round.place} drafting={drafting} /> : <span className="muted">{t('rounds:placeUnknown')}</span>}</dd>
      {compact && <><dt>{t('rounds:form.title')}</dt><dd><LocalizedText texts={round.title} drafting={drafting} /></dd></>}
      <dt>{t('rounds:formatLabel')}</dt><dd>{t(`rounds:format.${round.format}`)}</dd>
      <dt>{t('rounds:parties')}</dt>
      <dd>{round.partyIds.length ? <ul className="rd-plain-list">{round.partyIds.map((p) => <li key={p}><bdi>{names.party(p)}</bdi></li>)}</ul> : <span className="muted">{t('rounds:none')}</span>}</dd>
      <dt>{t('rounds:attendees')}</dt>
      <dd>{round.attendeeIds.length ? <ul className="rd-plain-list">{round.attendeeIds.map((p) => <li key={p}><bdi>{names.person(p)}</bdi></li>)}</ul> : <span className="muted">{t('rounds:none')}</span>}</dd>
      <dt>{t('rounds:visibilityLabel')}</dt><dd><VisibilityBadge visibility={round.visibility} /></dd>
      {compact && <>
        <dt>{t('rounds:form.nonDisclosure')}</dt><dd>{round.confidentiality.nonDisclosure ? t('rounds:yes') : t('rounds:no')}</dd>
        <dt>{t('rounds:publicReadout')}</dt><dd>{Object.keys(round.publicReadout).length ? <LocalizedText texts={round.publicReadout} drafting={drafting} /> : <span className="muted">{t('rounds:none')}</span>}</dd>
        <dt>{t('rounds:form.points')}</dt><dd>{round.pointIds.length}</dd>
      </>}
    </dl>
  );
}

function PointsDiscussed({ pointIds }: { pointIds: string[] }) {
  const { t } = useTranslation();
  const { id, overview } = useNegotiation();
  const points = usePoints(id);
  const list = pointIds.map((pid) => points.data?.find((p) => p.id === pid)).filter((p) => p !== undefined);
  return (
    <section className="card" aria-labelledby="points-discussed-heading">
      <h2 id="points-discussed-heading">{t('rounds:pointsDiscussed')}</h2>
      {pointIds.length === 0 && <Empty>{t('rounds:noPoints')}</Empty>}
      <ul className="rd-points-discussed" data-testid="points-discussed">
        {list.map((p) => (
          <li key={p.id}>
            <Link to={`/n/${id}/points/${p.id}`} className="rd-point-link">
              <span className="rd-point-number">{p.number}</span>
              <LocalizedText texts={p.texts} drafting={overview.draftingLanguage} className="rd-point-snippet" />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

type ReadoutVisibility = 'party' | 'mediator' | 'parties';

function Readouts({ roundId }: { roundId: string }) {
  const { t, i18n } = useTranslation();
  const { id, me, isMediator, overview } = useNegotiation();
  const names = useNames(id);
  const readouts = useReadouts(id, roundId);
  const qc = useQueryClient();
  const choices: ReadoutVisibility[] = isMediator ? ['mediator', 'parties'] : ['party', 'mediator', 'parties'];
  const [rows, setRows] = useState<LangRow[]>([{ lang: i18n.language, text: '' }]);
  const [visibility, setVisibility] = useState<ReadoutVisibility>(choices[0]!);
  const [saved, setSaved] = useState(false);
  const write = useMutation({
    mutationFn: () => api.post(`${roundsPath(id)}/${roundId}/readouts`, Written, { text: toLocalized(rows), visibility }),
    onSuccess: async () => {
      setRows([{ lang: i18n.language, text: '' }]);
      setSaved(true);
      await qc.invalidateQueries({ queryKey: nKey(id, 'rounds', roundId, 'readouts') });
    },
  });
  const mayWrite = me.role !== 'observer';
  const empty = Object.keys(toLocalized(rows)).length === 0;
  const mine = isMediator ? t('rounds:readouts.mediatorSide') : names.party(me.partyId);
  return (
    <section className="card" aria-labelledby="readouts-heading">
      <h2 id="readouts-heading">{t('rounds:readouts.title')}</h2>
      <p className="hint">{t('rounds:readouts.explain')}</p>
      {readouts.isPending && <Loading />}
      <ErrorMessage error={readouts.error} />
      {readouts.data?.length === 0 && <Empty>{t('rounds:readouts.none')}</Empty>}
      <ul className="rd-readouts" data-testid="readouts">
        {readouts.data?.map((r: ReadoutOut) => (
          <li key={r.id} className="rd-readout">
            <div className="rd-readout-head">
              <strong><bdi>{names.party(r.partyId)}</bdi></strong>
              <VisibilityBadge visibility={r.visibility} />
              <span className="small muted">{t('rounds:readouts.by', { who: names.member(r.writtenBy) || t('common:someone'), when: formatDate(r.at, i18n.language, true) })}</span>
            </div>
            <AllLanguages texts={r.text} empty={t('common:noText')} />
            <ReadoutCopyLinks readout={r} />
          </li>
        ))}
      </ul>

      {mayWrite && (
        <form className="form rd-readout-form" aria-labelledby="write-readout-heading" onSubmit={(e) => { e.preventDefault(); setSaved(false); if (!empty) write.mutate(); }}>
          <h3 id="write-readout-heading">{t('rounds:readouts.write', { side: mine })}</h3>
          <LocalizedFields name="myreadout" legend={t('rounds:readouts.text')} rows={rows} onChange={setRows} languages={languageChoices(overview.languages)} multiline />
          <label htmlFor="readout-visibility">{t('rounds:readouts.visibility')}</label>
          <select id="readout-visibility" data-testid="readout-visibility" value={visibility} onChange={(e) => setVisibility(e.target.value as ReadoutVisibility)}>
            {choices.map((v) => <option key={v} value={v}>{isMediator && v === 'mediator' ? t('rounds:readoutVisibility.mediatorOnly') : t(`rounds:readoutVisibility.${v}`)}</option>)}
          </select>
          <ErrorMessage error={write.error} />
          {saved && <p className="success" role="status">{t('rounds:readouts.saved')}</p>}
          <button type="submit" className="button primary" disabled={empty || write.isPending} data-testid="readout-submit">{t('rounds:readouts.save')}</button>
        </form>
      )}
    </section>
  );
}

interface Conflict { theirs: RoundShape | null; revision: number | null }

function EditRound({ round }: { round: RoundOut }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const qc = useQueryClient();
  // The revision this edit started from: the live channel refreshes `round` meanwhile, and
  // sending the fresh revision would silently write over whatever arrived.
  const [editing, setEditing] = useState<{ draft: RoundDraft; basedOn: number } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [done, setDone] = useState(false);

  const save = useMutation({
    mutationFn: ({ body, basedOn }: { body: RoundBody; basedOn: number }) => api.put(`${roundsPath(id)}/${round.id}`, Written, { ...body, basedOn }),
    onSuccess: async () => {
      setEditing(null);
      setConflict(null);
      setDone(true);
      await qc.invalidateQueries({ queryKey: nKey(id, 'rounds') });
    },
    onError: async (e) => {
      if (!isConflict(e)) return;
      const parsed = TheirRound.safeParse(e.extra.current);
      if (parsed.success) {
        setConflict({ theirs: parsed.data, revision: currentRevision(e) });
        return;
      }
      const fresh = await api.get(`${roundsPath(id)}/${round.id}`, RoundOut).catch(() => null);
      setConflict({ theirs: fresh, revision: fresh?.revision ?? currentRevision(e) });
    },
  });

  if (!editing) {
    return (
      <div className="rd-edit-round">
        {done && <p className="success" role="status">{t('rounds:edit.saved')}</p>}
        <button type="button" className="button" data-testid="edit-round" onClick={() => { setDone(false); save.reset(); setEditing({ draft: draftFromRound(round, i18n.language), basedOn: round.revision }); }}>
          {t('rounds:edit.open')}
        </button>
      </div>
    );
  }
  const mine = roundBody(editing.draft);
  return (
    <>
      <RoundForm
        heading={t('rounds:edit.heading')} submitLabel={t('rounds:edit.save')}
        draft={editing.draft} onChange={(d) => setEditing({ ...editing, draft: d })}
        onSubmit={(body) => save.mutate({ body, basedOn: editing.basedOn })} onCancel={() => setEditing(null)}
        submitting={save.isPending} error={save.error && !isConflict(save.error) ? save.error : null}
      />
      <ConflictDialog
        open={conflict !== null}
        theirs={conflict?.theirs ? <RoundFactList round={conflict.theirs} compact /> : <p>{t('rounds:edit.theirsUnknown')}</p>}
        mine={mine.ok ? <RoundFactList round={mine.body} compact /> : <p>{t(`rounds:problem.${mine.problem}`)}</p>}
        onRetry={() => {
          if (!mine.ok || !conflict) return;
          const basedOn = conflict.revision ?? round.revision;
          setEditing({ ...editing, basedOn });
          setConflict(null);
          save.mutate({ body: mine.body, basedOn });
        }}
        onKeepTheirs={() => {
          setConflict(null);
          setEditing(null);
          void qc.invalidateQueries({ queryKey: nKey(id, 'rounds') });
        }}
      />
    </>
  );
}
