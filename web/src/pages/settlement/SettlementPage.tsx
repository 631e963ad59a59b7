/**
 * The settlement: one page that adapts to the seat. The mediator defines the issue space,
 * sees who has submitted (never what), runs the analysis and keeps every package seen. A
 * delegation enters its sealed scores and sees its own satisfaction with what is shared.
 * Observers and advisors read the space and the results but do not score.
 */
import { useTranslation } from 'react-i18next';
import type { SettlementOut } from '../../api/schemas.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { AnalysisPanel } from './AnalysisPanel.tsx';
import { PackageBuilder } from './PackageBuilder.tsx';
import { PackageHistory } from './PackageHistory.tsx';
import { useSettlement } from './queries.ts';
import { ScoreForm } from './ScoreForm.tsx';
import { SharedPackages } from './SharedPackages.tsx';
import { SpaceSection } from './SpaceEditor.tsx';
import { SpaceView } from './SpaceView.tsx';
import { Submissions } from './Submissions.tsx';
import './settlement.css';

export function SettlementPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('settlement:title'));
  const { id } = useNegotiation();
  const settlement = useSettlement(id);
  if (settlement.isPending) return <Loading />;
  if (settlement.isError) return <section className="page"><ErrorMessage error={settlement.error} /></section>;
  const s = settlement.data;
  return (
    <section className="page settlement-page" data-testid="settlement-page">
      <div className="page-heading">
        <h1>{t('settlement:title')}</h1>
        <p className="hint">{s.canManage ? t('settlement:introMediator') : t('settlement:introParty')}</p>
      </div>
      {s.canManage ? <MediatorView s={s} /> : <PartyView s={s} />}
    </section>
  );
}

function MediatorView({ s }: { s: SettlementOut }) {
  return (
    <>
      <SpaceSection s={s} />
      {s.space && (
        <>
          <Submissions s={s} />
          <AnalysisPanel s={s} />
          <PackageBuilder s={s} />
          <PackageHistory s={s} />
        </>
      )}
    </>
  );
}

function PartyView({ s }: { s: SettlementOut }) {
  const { t } = useTranslation();
  const { me } = useNegotiation();
  if (!s.space) return <p className="empty">{t('settlement:noSpaceYet')}</p>;
  const inSettlement = me.partyId !== null && s.space.partyIds.includes(me.partyId);
  return (
    <>
      <section className="card" aria-labelledby="space-heading">
        <h2 id="space-heading">{t('settlement:space.heading')}</h2>
        <SpaceView space={s.space} />
      </section>
      {s.canSubmit ? (
        // A new issue space means a new form: the issues it scores may have changed.
        <ScoreForm key={s.space.revision} s={s} space={s.space} />
      ) : (
        <p className="settlement-note" data-testid="cannot-submit">
          <Icon name="lock" /> {inSettlement ? t('settlement:scores.cannotSubmit', { role: t(`common:role.${me.role}`) }) : t('settlement:scores.notInSettlement')}
        </p>
      )}
      <Submissions s={s} />
      <SharedPackages s={s} />
    </>
  );
}
