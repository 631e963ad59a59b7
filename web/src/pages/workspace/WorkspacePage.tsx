/**
 * My party's workspace: where a delegation sets its positions, keeps private notes, drafts
 * and proposes amendments, and sees at a glance what it has shared with whom. Only members
 * of a party reach it (the mediator's office has no tab for it); what each may do comes
 * from the domain's own permission table.
 */
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Role } from '../../../../src/domain/model.ts';
import { may, type Action } from '../../../../src/domain/policy/permissions.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { Icon } from '../../ui/icons.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { AmendmentsPanel } from './AmendmentsPanel.tsx';
import { NotesPanel } from './NotesPanel.tsx';
import { PositionsPanel } from './PositionsPanel.tsx';
import { SharedPanel } from './SharedPanel.tsx';
import './workspace.css';

const VIEWS = ['positions', 'notes', 'amendments', 'shared'] as const;
export type WorkspaceView = (typeof VIEWS)[number];

/** What my seat may do here, straight from the policy table the server applies. */
export function useWorkspaceRights() {
  const { me } = useNegotiation();
  // An unknown role string reads as the narrowest one: the server would refuse the rest anyway.
  const actor = { kind: 'member' as const, memberId: me.memberId, partyId: me.partyId, role: Role.catch('observer').parse(me.role) };
  const can = (action: Action) => may(actor, action, me.partyId);
  return { setPosition: can('set_position'), writeNote: can('write_note'), draft: can('draft_amendment'), propose: can('propose_amendment') };
}

export function WorkspacePage() {
  const { t } = useTranslation();
  const { id, me } = useNegotiation();
  const names = useNames(id);
  const [params, setParams] = useSearchParams();
  const raw = params.get('view');
  const view: WorkspaceView = (VIEWS as readonly string[]).includes(raw ?? '') ? (raw as WorkspaceView) : 'positions';
  useDocumentTitle(t(`workspace:view.${view}`) + ' · ' + t('workspace:title'));
  const rights = useWorkspaceRights();

  if (!me.partyId) {
    return (
      <section className="page narrow">
        <h1>{t('workspace:title')}</h1>
        <p>{t('workspace:noParty')}</p>
        <p><Link to={`/n/${id}`}>{t('common:nav.map')}</Link></p>
      </section>
    );
  }
  const open = (v: WorkspaceView, extra: Record<string, string> = {}) => setParams({ view: v, ...extra });

  return (
    <div className="page workspace-page">
      <header className="workspace-header">
        <h1>
          {t('workspace:title')}
          <span className="workspace-party"> · <bdi>{names.party(me.partyId)}</bdi></span>
        </h1>
        <p className="workspace-model">
          <Icon name="lock" /> {t('workspace:model')}
        </p>
        {!rights.setPosition && (
          <p className="workspace-readonly" role="note">{t(`workspace:readOnly.${me.role === 'advisor' ? 'advisor' : 'observer'}`)}</p>
        )}
      </header>
      <nav aria-label={t('workspace:viewsLabel')} className="workspace-views">
        {VIEWS.map((v) => (
          <Link key={v} to={`?view=${v}`} className={v === view ? 'workspace-view active' : 'workspace-view'} aria-current={v === view ? 'page' : undefined}>
            {t(`workspace:view.${v}`)}
          </Link>
        ))}
      </nav>
      {view === 'positions' && <PositionsPanel onNotes={(pointId) => open('notes', { point: pointId })} />}
      {view === 'notes' && <NotesPanel pointFilter={params.get('point')} onFilter={(p) => open('notes', p ? { point: p } : {})} />}
      {view === 'amendments' && <AmendmentsPanel />}
      {view === 'shared' && <SharedPanel />}
    </div>
  );
}
