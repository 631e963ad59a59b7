/**
 * The packages the mediator has shared with the delegations, as my party sees them: what each
 * gives, my own satisfaction with it, whether it crosses one of my red lines, and the
 * explanation from my side. Other parties' figures appear only where they chose to show them.
 */
import { useTranslation } from 'react-i18next';
import { packageFits } from '../../../../src/domain/settlement/commands/save-space.ts';
import type { SettlementOut } from '../../api/schemas.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { formatDate } from '../../ui/dates.ts';
import { Empty } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { formatFigure } from './format.ts';
import { BaselineBadge } from './PackageActions.tsx';
import { packageTitle } from './PackageHistory.tsx';
import { ExplanationView, PackageContents, SatisfactionList, isolate } from './PackageParts.tsx';

export function SharedPackages({ s }: { s: SettlementOut }) {
  const { t, i18n } = useTranslation();
  const { id, me } = useNegotiation();
  const names = useNames(id);
  const mine = me.partyId;
  const shared = s.packages.filter((p) => p.visibility === 'parties').sort((a, b) => b.at.localeCompare(a.at));
  // Packages made for an earlier issue space cannot be scored now; they stay readable, folded away.
  const list = shared.filter((p) => s.space !== null && packageFits(s.space, p.package));
  const earlier = shared.filter((p) => !list.includes(p));
  const others = (s.space?.partyIds ?? []).filter((p) => p !== mine);
  return (
    <section className="card" aria-labelledby="shared-heading" data-testid="shared-packages">
      <h2 id="shared-heading">{t('settlement:shared.heading')}</h2>
      {list.length === 0 ? <Empty>{t('settlement:shared.empty')}</Empty> : (
        <ol className="shared-list">
          {list.map((p) => {
            const my = mine ? p.satisfaction[mine] : null;
            const othersShown = others.filter((o) => p.satisfaction[o] !== null && p.satisfaction[o] !== undefined);
            return (
              <li key={p.id} className="shared-package" aria-labelledby={`shared-${p.id}`} data-testid="shared-package">
                <div className="suggestion-head">
                  <h3 id={`shared-${p.id}`} dir="auto">{packageTitle(p, t)}</h3>
                  {p.isBaseline && <BaselineBadge />}
                  <span className="small muted">{formatDate(p.at, i18n.language, true)}</span>
                </div>
                <div className="suggestion-body">
                  <div>
                    <p className="label-like">{t('settlement:package.contents')}</p>
                    <PackageContents pkg={p.package} space={s.space} />
                  </div>
                  <div>
                    <p className="my-satisfaction" data-testid="my-satisfaction">
                      {t('settlement:shared.mine', { party: isolate(names.party(mine)) })}{' '}
                      <strong>{my !== null && my !== undefined ? formatFigure(my, i18n.language) : t('settlement:shared.notScored')}</strong>
                    </p>
                    {p.crossesMyRedLine === true && (
                      <p className="badge level-redline" data-testid="crosses-my-red-line"><Icon name="stop" /> {t('settlement:shared.crossesMine')}</p>
                    )}
                    {p.crossesMyRedLine === false && <p className="small"><Icon name="check" /> {t('settlement:shared.clearOfMine')}</p>}
                    {othersShown.length > 0 && (
                      <>
                        <p className="label-like small">{t('settlement:shared.othersShown')}</p>
                        <SatisfactionList figures={p.satisfaction} partyIds={othersShown} />
                      </>
                    )}
                  </div>
                </div>
                {p.explanation && (
                  <details className="explanation-details">
                    <summary>{t('settlement:explain.heading')}</summary>
                    <ExplanationView explanation={p.explanation} space={s.space} mine={mine} />
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {earlier.length > 0 && (
        <details className="earlier-packages" data-testid="earlier-packages">
          <summary>{t('settlement:shared.earlier', { count: earlier.length })}</summary>
          <ul className="plain-list">
            {earlier.map((p) => (
              <li key={p.id}>
                <span dir="auto">{packageTitle(p, t)}</span> <span className="small muted">{formatDate(p.at, i18n.language, true)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
