/**
 * Who has submitted scores: each party of the settlement, when, by whom, whom it lets see its
 * satisfaction, and whether its scores predate the current issue space. Never a score: the
 * answer this reads carries none for anyone but the viewer's own party.
 */
import { useTranslation } from 'react-i18next';
import type { SettlementOut } from '../../api/schemas.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { formatDate } from '../../ui/dates.ts';
import { Icon } from '../../ui/icons.tsx';
import { isolate } from './PackageParts.tsx';

export function Submissions({ s }: { s: SettlementOut }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  if (!s.space) return null;
  return (
    <section className="card" aria-labelledby="submissions-heading" data-testid="submissions">
      <h2 id="submissions-heading">{t('settlement:submissions.heading')}</h2>
      <p className="hint">{t('settlement:submissions.hint')}</p>
      <div className="table-scroll">
        <table className="settlement-table">
          <thead>
            <tr>
              <th scope="col">{t('settlement:submissions.party')}</th>
              <th scope="col">{t('settlement:submissions.status')}</th>
              <th scope="col">{t('settlement:submissions.sharing')}</th>
            </tr>
          </thead>
          <tbody>
            {s.space.partyIds.map((p) => {
              const sub = s.submissions.find((x) => x.partyId === p);
              return (
                <tr key={p} data-testid="submission" data-party={p}>
                  <th scope="row"><bdi>{names.party(p)}</bdi></th>
                  <td>
                    {sub ? (
                      <span className="submitted">
                        <Icon name="check" />{' '}
                        {t('settlement:submissions.submitted', { date: formatDate(sub.at, i18n.language, true), who: isolate(names.member(sub.submittedBy) || t('common:someone')) })}
                        {sub.stale && <> <span className="badge stale-badge" data-testid="stale">{t('settlement:submissions.stale')}</span></>}
                      </span>
                    ) : (
                      <span className="muted"><Icon name="circle-empty" /> {t('settlement:submissions.waiting')}</span>
                    )}
                  </td>
                  <td>{sub ? t(`settlement:share.${sub.share}`) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {s.submissions.some((x) => x.stale && s.space?.partyIds.includes(x.partyId)) && <p className="hint">{t('settlement:submissions.staleHint')}</p>}
    </section>
  );
}
