/**
 * What the mediator can do with a package seen: show it to the delegations, and make it (or
 * stop it being) the agreed baseline improvements start from. The server requires a baseline to
 * be shared first (a baseline the parties cannot read would be agreed by nobody), so the button
 * says so instead of failing.
 */
import { useTranslation } from 'react-i18next';
import type { PackageView, SettlementOut } from '../../api/schemas.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { VisibilityBadge } from '../../ui/badges.tsx';
import { ErrorMessage } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useSetBaseline, useSharePackage } from './queries.ts';

/**
 * `compact` (the history table) leaves out the baseline button until the package is shared;
 * a package that does not `fit` the current issue space cannot become the baseline at all.
 */
export function PackageActions({ s, pkg, compact = false, fits = true }: { s: SettlementOut; pkg: PackageView; compact?: boolean; fits?: boolean }) {
  const { t } = useTranslation();
  const { id } = useNegotiation();
  const share = useSharePackage(id);
  const baseline = useSetBaseline(id);
  if (!s.canManage) return null;
  const shared = pkg.visibility === 'parties';
  return (
    <div className="package-actions" data-testid="package-actions">
      <VisibilityBadge visibility={pkg.visibility} />
      {pkg.isBaseline && !compact && <BaselineBadge />}
      {!shared && (
        <button type="button" className="button small" disabled={share.isPending} onClick={() => share.mutate(pkg.id)} data-testid="share-package">
          <Icon name="people" /> {t('settlement:package.share')}
        </button>
      )}
      {pkg.isBaseline ? (
        <button type="button" className="button small" disabled={baseline.isPending} onClick={() => baseline.mutate(null)} data-testid="clear-baseline">
          {t('settlement:package.clearBaseline')}
        </button>
      ) : fits && (shared || !compact) && (
        <button
          type="button" className="button small" disabled={!shared || baseline.isPending} onClick={() => baseline.mutate(pkg.id)}
          aria-describedby={shared ? undefined : `baseline-needs-share-${pkg.id}`} data-testid="make-baseline"
        >
          {t('settlement:package.makeBaseline')}
        </button>
      )}
      {!shared && !pkg.isBaseline && !compact && <span className="small muted" id={`baseline-needs-share-${pkg.id}`}>{t('settlement:package.shareFirst')}</span>}
      <ErrorMessage error={share.error ?? baseline.error} />
    </div>
  );
}

export function BaselineBadge() {
  const { t } = useTranslation();
  return <span className="badge baseline-badge" data-testid="baseline-badge"><Icon name="scales" /> {t('settlement:package.baseline')}</span>;
}
