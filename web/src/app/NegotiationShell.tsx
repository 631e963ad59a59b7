/**
 * The frame of a negotiation: its title, my seat, the sections as tabs, the live channel
 * and what just changed. A non-member gets the server's "not found", as for any id.
 */
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useParams } from 'react-router';
import { LiveProvider, useLive } from '../live/live.tsx';
import { NegotiationContext } from '../negotiation/context.tsx';
import { useNames } from '../negotiation/names.ts';
import { useOverview } from '../negotiation/queries.ts';
import { ErrorMessage, Loading } from '../ui/feedback.tsx';
import { LocalizedText } from '../ui/LocalizedText.tsx';
import { describeEvent } from './describe-event.ts';

export function NegotiationShell() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const overview = useOverview(id);
  if (overview.isPending) return <Loading />;
  if (overview.isError) {
    return (
      <section className="page narrow">
        <ErrorMessage error={overview.error} />
        <p><Link to="/">{t('common:notFound.back')}</Link></p>
      </section>
    );
  }
  const o = overview.data;
  const value = { id, overview: o, me: o.membership, isMediator: o.membership.role === 'mediator' };
  return (
    <NegotiationContext.Provider value={value}>
      <LiveProvider negotiationId={id} startAfter={o.headSeq}>
        <NegotiationHeader />
        <Outlet />
      </LiveProvider>
    </NegotiationContext.Provider>
  );
}

function NegotiationHeader() {
  const { t } = useTranslation();
  const { id } = useParams();
  const overview = useOverview(id!);
  const names = useNames(id!);
  const o = overview.data!;
  const tabs = [
    { to: '', label: t('common:nav.map'), end: true },
    ...(o.membership.partyId ? [{ to: 'workspace', label: t('common:nav.workspace'), end: false }] : []),
    { to: 'versions', label: t('common:nav.versions'), end: false },
    { to: 'rounds', label: t('common:nav.rounds'), end: false },
    { to: 'statements', label: t('common:nav.statements'), end: false },
    { to: 'settlement', label: t('settlement:nav'), end: false },
    ...(o.membership.role === 'mediator' ? [{ to: 'tracing', label: t('tracing:nav'), end: false }] : []),
    { to: 'record', label: t('common:nav.record'), end: false },
  ];
  return (
    <div className="negotiation-header">
      <div className="negotiation-title">
        <LocalizedText texts={o.title} drafting={o.draftingLanguage} as="p" className="negotiation-name" />
        <p className="seat muted">
          {t(`common:role.${o.membership.role}`)}
          {o.membership.partyId && <> · <bdi>{names.party(o.membership.partyId)}</bdi></>}
        </p>
        <LiveStatus />
      </div>
      <nav aria-label={t('common:nav.label')} className="tabs">
        {tabs.map((tab) => (
          <NavLink key={tab.to} to={tab.to === '' ? `/n/${id}` : `/n/${id}/${tab.to}`} end={tab.end} className={({ isActive }) => (isActive ? 'tab active' : 'tab')}>
            {tab.label}
          </NavLink>
        ))}
      </nav>
    </div>
  );
}

function LiveStatus() {
  const { t } = useTranslation();
  const live = useLive();
  const { id } = useParams();
  const names = useNames(id!);
  const last = live.recent[0];
  return (
    <div className="live-status">
      <span className={`live-dot live-${live.status}`} aria-hidden="true" />
      <span className="small">{t(`common:live.${live.status}`)}</span>
      {/* Announced politely to screen readers; shown to everyone as the latest change. */}
      <span className="live-latest small" aria-live="polite" data-testid="live-latest">
        {last ? describeEvent(last, t, names) : ''}
      </span>
    </div>
  );
}
