/**
 * The rounds of talks as a timeline, newest day first: when, where, in what format, who
 * was there and under what confidentiality. The mediator's office records new rounds here.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { Written, type RoundOut } from '../../api/schemas.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { nKey } from '../../negotiation/queries.ts';
import { VisibilityBadge } from '../../ui/badges.tsx';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { LocalizedText } from '../../ui/LocalizedText.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { formatDay, formatTime } from './format.ts';
import { roundsPath, useRounds } from './queries.ts';
import { emptyRoundDraft, groupByDay, type RoundBody } from './round-form.ts';
import { RoundForm } from './RoundForm.tsx';
import { DurationText, FormatBadge, NonDisclosure } from './RoundFacts.tsx';
import './rounds.css';

export function RoundsPage() {
  const { t, i18n } = useTranslation();
  const { id, isMediator, overview } = useNegotiation();
  useDocumentTitle(t('rounds:title'));
  const rounds = useRounds(id);
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [draft, setDraft] = useState(() => emptyRoundDraft(overview.draftingLanguage));
  const [created, setCreated] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (body: RoundBody) => api.post(roundsPath(id), Written, body),
    onSuccess: async (w) => {
      setCreated(w.id);
      setCreating(false);
      setDraft(emptyRoundDraft(overview.draftingLanguage));
      await qc.invalidateQueries({ queryKey: nKey(id, 'rounds') });
    },
  });

  return (
    <section className="page rounds-page" aria-labelledby="rounds-heading">
      <div className="rd-page-head">
        <div>
          <h1 id="rounds-heading">{t('rounds:title')}</h1>
          <p className="muted rd-page-lede">{t('rounds:lede')}</p>
        </div>
        {isMediator && !creating && (
          <button type="button" className="button primary" data-testid="record-round" onClick={() => { setCreating(true); setCreated(null); create.reset(); }}>
            {t('rounds:record')}
          </button>
        )}
      </div>

      {created && (
        <p className="success" role="status">
          {t('rounds:created')} <Link to={`/n/${id}/rounds/${created}`}>{t('rounds:openCreated')}</Link>
        </p>
      )}

      {creating && (
        <RoundForm
          heading={t('rounds:form.createHeading')} submitLabel={t('rounds:form.create')}
          draft={draft} onChange={setDraft} onSubmit={(b) => create.mutate(b)} onCancel={() => setCreating(false)}
          submitting={create.isPending} error={create.error}
        />
      )}

      {rounds.isPending && <Loading />}
      <ErrorMessage error={rounds.error} />
      {rounds.data?.length === 0 && <Empty>{isMediator ? t('rounds:emptyMediator') : t('rounds:empty')}</Empty>}
      {rounds.data && rounds.data.length > 0 && (
        <ol className="rd-timeline" data-testid="rounds-timeline">
          {groupByDay(rounds.data).map((g) => (
            <li key={g.day} className="rd-timeline-day">
              <h2 className="rd-timeline-date"><time dateTime={g.day}>{formatDay(g.day, i18n.language, 'long')}</time></h2>
              <ol className="rd-timeline-rounds">
                {g.rounds.map((r) => <li key={r.id}><RoundCard round={r} /></li>)}
              </ol>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function RoundCard({ round }: { round: RoundOut }) {
  const { t, i18n } = useTranslation();
  const { id, overview } = useNegotiation();
  const names = useNames(id);
  return (
    <article className="round-card card" data-testid="round-card" aria-labelledby={`round-${round.id}`}>
      <header className="round-card-head">
        <h3 id={`round-${round.id}`}>
          <Link to={`/n/${id}/rounds/${round.id}`}><LocalizedText texts={round.title} drafting={overview.draftingLanguage} /></Link>
        </h3>
        <div className="round-badges">
          <FormatBadge format={round.format} />
          <VisibilityBadge visibility={round.visibility} />
        </div>
      </header>
      <dl className="round-meta">
        <div><dt>{t('rounds:when')}</dt><dd><bdi><time dateTime={round.startsAt}>{formatTime(round.startsAt, i18n.language)}</time></bdi> · <bdi><DurationText round={round} /></bdi></dd></div>
        <div><dt>{t('rounds:where')}</dt><dd>{Object.keys(round.place).length ? <LocalizedText texts={round.place} drafting={overview.draftingLanguage} /> : <span className="muted">{t('rounds:placeUnknown')}</span>}</dd></div>
        <div>
          <dt>{t('rounds:parties')}</dt>
          <dd>{round.partyIds.length ? <ul className="rd-inline-list">{round.partyIds.map((p) => <li key={p}><bdi>{names.party(p)}</bdi></li>)}</ul> : <span className="muted">{t('rounds:none')}</span>}</dd>
        </div>
        <div>
          <dt>{t('rounds:attendees')}</dt>
          <dd>{round.attendeeIds.length ? <ul className="rd-inline-list">{round.attendeeIds.map((p) => <li key={p}><bdi>{names.person(p)}</bdi></li>)}</ul> : <span className="muted">{t('rounds:none')}</span>}</dd>
        </div>
      </dl>
      <NonDisclosure round={round} drafting={overview.draftingLanguage} />
      <p className="round-card-foot small muted">
        <Icon name="dots" /> {t('rounds:pointsCount', { count: round.pointIds.length })}
        {Object.keys(round.publicReadout).length > 0 && <> · {t('rounds:hasPublicReadout')}</>}
      </p>
    </article>
  );
}
