/**
 * Agreement over versions and rounds as a stacked bar chart, drawn by hand in SVG.
 *
 * Why no chart library: the chart is a handful of rectangles, and what matters here is
 * what libraries make hard: it must mirror in Urdu and Arabic (time runs right to left),
 * tell statuses apart by pattern as well as colour (WCAG 1.4.1), carry its own data table
 * for screen readers, use the app's fonts and colours, and add nothing to the bundle that
 * a ministry's reviewer would have to vet. Twenty lines of arithmetic do all of that.
 */
import { useTranslation } from 'react-i18next';
import { pickLanguage } from '../../i18n/text-direction.ts';
import { formatDate, formatNumber } from '../../ui/dates.ts';
import type { Status } from '../../ui/badges.tsx';
import type { AgreementHistoryData } from './map-queries.ts';
import { STATUSES } from './map-view.ts';

type Checkpoint = AgreementHistoryData['checkpoints'][number];

/** Bottom to top: agreement at the base, so the bar's green part grows as talks progress. */
const STACK: readonly Status[] = ['agreed', 'close', 'contested', 'blocked'];
const FILL: Record<Status, string> = { agreed: 'url(#chart-agreed)', close: 'url(#chart-close)', contested: 'url(#chart-contested)', blocked: 'url(#chart-blocked)' };

const SLOT = 96;
const BAR = 44;
const PLOT = 170;
const TOP = 16;
const AXIS = 44;
const LABELS = 52;

export function checkpointLabel(c: Checkpoint, t: (k: string, o?: Record<string, unknown>) => string, lang: string): string {
  if (c.kind === 'now') return t('map:chart.now');
  if (c.kind === 'version') return t('map:chart.version', { label: c.label ?? '' });
  const l = c.title ? pickLanguage(c.title, lang) : null;
  return l ? c.title![l]! : t('map:chart.round');
}

const clip = (s: string, n = 14) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function AgreementChart({ history }: { history: AgreementHistoryData }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rtl = i18n.dir(lang) === 'rtl';
  const cps = history.checkpoints;
  const max = Math.max(1, ...cps.map((c) => c.total));
  const width = AXIS + cps.length * SLOT + 12;
  const height = TOP + PLOT + LABELS;
  const y = (v: number) => TOP + PLOT - (v / max) * PLOT;
  // Mirrored in right-to-left languages: the axis on the right, the oldest bar next to it.
  const x = (i: number) => (rtl ? width - AXIS - (i + 1) * SLOT + (SLOT - BAR) / 2 : AXIS + i * SLOT + (SLOT - BAR) / 2);
  const axisX = rtl ? width - AXIS + 6 : AXIS - 6;
  const ticks = [0, Math.round(max / 2), max].filter((v, i, a) => a.indexOf(v) === i);
  const label = (c: Checkpoint) => checkpointLabel(c, t, lang);
  const num = (n: number) => formatNumber(n, lang);

  return (
    <figure className="agreement-chart">
      <svg
        viewBox={`0 0 ${String(width)} ${String(height)}`} width={width} height={height} role="img"
        aria-labelledby="chart-title chart-desc" className="chart-svg"
      >
        <title id="chart-title">{t('map:chart.title')}</title>
        <desc id="chart-desc">{t('map:chart.desc')}</desc>
        <ChartPatterns />
        {ticks.map((v) => (
          <g key={v}>
            <line x1={AXIS - 2} x2={width - 10} y1={y(v)} y2={y(v)} className="chart-grid" transform={rtl ? `translate(${String(-AXIS + 12)} 0)` : undefined} />
            <text x={axisX} y={y(v) + 4} textAnchor="end" direction={rtl ? 'rtl' : 'ltr'} className="chart-tick">{num(v)}</text>
          </g>
        ))}
        {cps.map((c, i) => {
          let acc = 0;
          const cx = x(i) + BAR / 2;
          return (
            <g key={`${c.kind}-${c.id ?? 'now'}`} className={`chart-bar chart-${c.kind}`}>
              {STACK.map((s) => {
                const v = c.counts[s];
                const y1 = y(acc + v);
                const h = y(acc) - y1;
                acc += v;
                if (v === 0) return null;
                return (
                  <rect key={s} x={x(i)} y={y1} width={BAR} height={h} fill={FILL[s]} className={`seg seg-${s}`}>
                    <title>{`${label(c)}: ${t(`map:summary.${s}`, { n: num(v) })}`}</title>
                  </rect>
                );
              })}
              <text x={cx} y={TOP + PLOT + 18} textAnchor="middle" className="chart-label">{clip(label(c))}</text>
              <text x={cx} y={TOP + PLOT + 36} textAnchor="middle" className="chart-date">
                {c.kind === 'now' ? '' : formatDate(c.at, lang)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend" aria-label={t('map:chart.legend')}>
          {STATUSES.map((s) => (
            <li key={s}>
              <svg width="18" height="14" aria-hidden="true" focusable="false"><rect x="0.5" y="0.5" width="17" height="13" fill={FILL[s]} className={`seg seg-${s}`} /></svg>
              {t(`common:status.${s}`)}
            </li>
          ))}
        </ul>
      </figcaption>
      {/* A table's width follows its content, so the hidden wrapper (not the table) is clipped. */}
      <div className="visually-hidden">
      <table>
        <caption>{t('map:chart.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('map:chart.when')}</th>
            {STATUSES.map((s) => <th key={s} scope="col">{t(`common:status.${s}`)}</th>)}
            <th scope="col">{t('map:chart.total')}</th>
          </tr>
        </thead>
        <tbody>
          {cps.map((c) => (
            <tr key={`${c.kind}-${c.id ?? 'now'}`}>
              <th scope="row">{label(c)}{c.kind === 'now' ? '' : ` (${formatDate(c.at, lang)})`}</th>
              {STATUSES.map((s) => <td key={s}>{num(c.counts[s])}</td>)}
              <td>{num(c.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}

/** Each status has a pattern as well as a colour: solid, hatched, dotted, cross-hatched. */
function ChartPatterns() {
  return (
    <defs>
      <pattern id="chart-agreed" width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="pat-agreed-bg" />
      </pattern>
      <pattern id="chart-close" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" className="pat-close-bg" />
        <line x1="0" y1="0" x2="0" y2="6" className="pat-close-line" />
      </pattern>
      <pattern id="chart-contested" width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="pat-contested-bg" />
        <circle cx="3" cy="3" r="1.3" className="pat-contested-dot" />
      </pattern>
      <pattern id="chart-blocked" width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="pat-blocked-bg" />
        <path d="M0 0L6 6M6 0L0 6" className="pat-blocked-line" />
      </pattern>
    </defs>
  );
}
