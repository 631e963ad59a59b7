/**
 * Pieces every view of a package shares: what it gives on each issue, each party's
 * satisfaction (or "withheld"), how it was found, and the explanation a delegate can follow.
 * Figures arrive already filtered by the server: a null is a party that does not show it to me.
 */
import { useTranslation } from 'react-i18next';
import type { Explanation, SettlementOut, Suggestion } from '../../api/schemas.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { Icon } from '../../ui/icons.tsx';
import { formatFigure, formatGain, formatShare, packageLines, type PackageById } from './format.ts';

type Space = NonNullable<SettlementOut['space']>;
type Figures = Readonly<Record<string, number | null>>;

export function ConceptName({ source }: { source: string }) {
  const { t } = useTranslation();
  return <>{t(`settlement:concept.${source}`)}</>;
}

export function PackageContents({ pkg, space }: { pkg: PackageById; space: Space | null }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  return (
    <dl className="package-contents" data-testid="package-contents">
      {packageLines(pkg, space).map((line) => (
        <div key={line.issueId} className="fact-pair">
          {line.issue ? <dt dir="auto">{line.issue}</dt> : <dt className="muted">{t('settlement:package.removedIssue')}</dt>}
          <dd>
            {line.kind === 'option' ? (
              <>
                <span dir="auto">{line.option}</span>
                {!line.known && line.issue && <span className="small muted"> {t('settlement:package.unknownOption')}</span>}
              </>
            ) : (
              <span className="shares">
                {line.shares.map((x, n) => (
                  <span key={x.partyId}>{n > 0 && ' · '}<bdi>{names.party(x.partyId)}</bdi> {formatShare(x.share, i18n.language)}</span>
                ))}
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Each party's satisfaction, in the settlement's party order; `only` narrows it to one party (my own view). */
export function SatisfactionList({ figures, partyIds, only }: { figures: Figures; partyIds: readonly string[]; only?: string | null }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  const shown = only ? partyIds.filter((p) => p === only) : partyIds;
  return (
    <ul className="satisfaction-list" data-testid="satisfaction">
      {shown.map((p) => {
        const v = figures[p];
        return (
          <li key={p} data-party={p}>
            <bdi className="party-name">{names.party(p)}</bdi>{' '}
            {v === null || v === undefined ? (
              <span className="withheld"><Icon name="lock" /> {t('settlement:withheld')}</span>
            ) : (
              <span className="figure"><SatisfactionBar value={v} /> <strong>{formatFigure(v, i18n.language)}</strong></span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** A bar for a 0–100 figure; the number beside it carries the value, the bar only helps the eye. */
function SatisfactionBar({ value }: { value: number }) {
  return (
    <span className="sat-bar" aria-hidden="true">
      <span className="sat-fill" style={{ inlineSize: `${String(Math.max(0, Math.min(100, value)))}%` }} />
    </span>
  );
}

export function MethodNote({ method }: { method: Suggestion['method'] }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="method-note small">
      {method.exact ? t('settlement:method.exact', { method: t(`settlement:method.${method.method}`) }) : t('settlement:method.bounded', {
        method: t(`settlement:method.${method.method}`),
        gap: method.gap === undefined ? '—' : new Intl.NumberFormat(i18n.language, { maximumSignificantDigits: 3 }).format(method.gap),
      })}
    </span>
  );
}

/**
 * Why a package: each party's gain over no deal and over the baseline, on each issue who got
 * its best and who gave ground, and the trades that made it work. `mine` puts my party first.
 */
export function ExplanationView({ explanation: e, space, mine }: { explanation: Explanation; space: Space | null; mine?: string | null }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  const lang = i18n.language;
  const issue = (issueId: string) => space?.issues.find((i) => i.id === issueId)?.label ?? issueId;
  const partyIds = orderFirst(space?.partyIds ?? Object.keys(e.gainOverBatna), mine ?? null);
  // "You" heads my row of the table; sentences keep the party's name, which reads right in every grammar.
  const party = (p: string) => names.party(p);
  const rowName = (p: string) => (p === mine ? t('settlement:explain.you') : names.party(p));
  const gain = (v: number | null | undefined) => (v === null || v === undefined ? t('settlement:withheld') : formatGain(v, lang));
  return (
    <div className="explanation" data-testid="explanation">
      <table className="settlement-table gains">
        <caption className="visually-hidden">{t('settlement:explain.gainsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('settlement:explain.party')}</th>
            <th scope="col">{t('settlement:explain.overBatna')}</th>
            {e.gainOverBaseline && <th scope="col">{t('settlement:explain.overBaseline')}</th>}
          </tr>
        </thead>
        <tbody>
          {partyIds.filter((p) => p in e.gainOverBatna).map((p) => (
            <tr key={p}>
              <th scope="row"><bdi>{rowName(p)}</bdi></th>
              <td>{gain(e.gainOverBatna[p])}</td>
              {e.gainOverBaseline && <td>{gain(e.gainOverBaseline[p])}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {e.issues.length > 0 && (
        <ul className="verdicts">
          {e.issues.map((v) => (
            <li key={v.issueId}>
              <bdi className="issue-label">{issue(v.issueId)}</bdi>:{' '}
              {v.best.length > 0 && t('settlement:explain.best', { parties: listOf(v.best.map((x) => isolate(party(x))), lang) })}
              {v.best.length > 0 && v.conceded.length > 0 && t('settlement:explain.separator')}
              {v.conceded.length > 0 && t('settlement:explain.conceded', { parties: listOf(v.conceded.map((x) => isolate(party(x))), lang) })}
              {v.best.length === 0 && v.conceded.length === 0 && t('settlement:explain.nobodyMinds')}
            </li>
          ))}
        </ul>
      )}
      {e.trades.length > 0 && (
        <>
          <p className="small strong">{t('settlement:explain.tradesHeading')}</p>
          <ul className="trades">
            {e.trades.map((tr) => (
              <li key={`${tr.a}-${tr.aGivesOn}-${tr.b}-${tr.bGivesOn}`}>
                {t('settlement:explain.trade', { a: isolate(party(tr.a)), x: isolate(issue(tr.aGivesOn)), b: isolate(party(tr.b)), y: isolate(issue(tr.bGivesOn)) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function orderFirst(ids: readonly string[], first: string | null): string[] {
  return first && ids.includes(first) ? [first, ...ids.filter((p) => p !== first)] : [...ids];
}

/**
 * A name or label inside a translated sentence, wrapped in Unicode first-strong isolates
 * (U+2068 … U+2069): an English issue label in an Urdu sentence keeps its own direction and
 * does not drag the punctuation around it (UAX #9, explicit isolates).
 */
export const isolate = (s: string): string => `\u2068${s}\u2069`;

/** "A, B and C" in the UI language. */
export function listOf(items: readonly string[], lang: string): string {
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);
}
