/**
 * Every package the mediator has seen, newest first, with each party's satisfaction (or
 * "withheld"), whether it crosses a red line (never whose), who can see it, and which one is the
 * baseline: suggestions stay comparable after the analysis that found them is gone.
 */
import { useTranslation } from 'react-i18next';
import { packageFits } from '../../../../src/domain/settlement/commands/save-space.ts';
import type { PackageView, SettlementOut } from '../../api/schemas.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { formatDate } from '../../ui/dates.ts';
import { Empty } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { formatFigure } from './format.ts';
import { BaselineBadge, PackageActions } from './PackageActions.tsx';
import { ConceptName, ExplanationView, PackageContents } from './PackageParts.tsx';

export function packageTitle(p: PackageView, t: (k: string) => string): string {
  return p.label.trim() || t(`settlement:concept.${p.source}`);
}

export function PackageHistory({ s }: { s: SettlementOut }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  const partyIds = s.space?.partyIds ?? [];
  const list = [...s.packages].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section className="card" aria-labelledby="history-heading" data-testid="package-history">
      <h2 id="history-heading">{t('settlement:history.heading')}</h2>
      {list.length === 0 ? <Empty>{t('settlement:history.empty')}</Empty> : (
        <div className="table-scroll">
          <table className="settlement-table history-table">
            <caption className="visually-hidden">{t('settlement:history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settlement:history.package')}</th>
                <th scope="col">{t('settlement:history.when')}</th>
                {partyIds.map((p) => <th key={p} scope="col"><bdi>{names.party(p)}</bdi></th>)}
                <th scope="col">{t('settlement:history.redLine')}</th>
                <th scope="col">{t('settlement:history.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => {
                // A package made for an earlier issue space cannot be scored against this one.
                const fits = s.space !== null && packageFits(s.space, p.package);
                return (
                <tr key={p.id} data-testid="history-row" data-source={p.source} className={p.isBaseline ? 'is-baseline' : undefined}>
                  <th scope="row">
                    <span dir="auto">{packageTitle(p, t)}</span>
                    {p.label.trim() && p.source !== 'manual' && <span className="small muted"> · <ConceptName source={p.source} /></span>}
                    {p.isBaseline && <> <BaselineBadge /></>}
                    {!fits && <span className="small muted earlier" data-testid="earlier-space"> {t('settlement:history.earlier')}</span>}
                    <details className="history-details">
                      <summary className="small">{t('settlement:history.details')}</summary>
                      <PackageContents pkg={p.package} space={s.space} />
                      {p.explanation && <ExplanationView explanation={p.explanation} space={s.space} />}
                    </details>
                  </th>
                  <td className="nowrap">{formatDate(p.at, i18n.language, true)}</td>
                  {partyIds.map((party) => {
                    const v = p.satisfaction[party];
                    if (!fits) return <td key={party} className="figure-cell">—</td>;
                    return <td key={party} className="figure-cell">{v === null || v === undefined ? <span className="withheld small"><Icon name="lock" /> {t('settlement:withheld')}</span> : formatFigure(v, i18n.language)}</td>;
                  })}
                  <td data-testid="red-line-flag">
                    {p.crossesARedLine === true ? <span className="badge level-redline"><Icon name="stop" /> {t('settlement:history.crosses')}</span>
                      : p.crossesARedLine === false ? <span className="small">{t('settlement:history.clear')}</span> : '—'}
                  </td>
                  <td><PackageActions s={s} pkg={p} compact fits={fits} /></td>
                </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
