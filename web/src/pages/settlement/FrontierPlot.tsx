/**
 * The Pareto frontier drawn by hand in SVG, as the agreement chart is (map/AgreementChart.tsx
 * says why no chart library): it must mirror in Urdu and Arabic, mark the suggestions by shape
 * and number as well as colour (WCAG 1.4.1), and carry a table for screen readers. Geometry is
 * in frontier-plot.ts. Only parties that show me their figures get an axis; the others are
 * named under the plot as withheld.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisOut } from '../../api/schemas.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { formatFigure } from './format.ts';
import {
  across, axisPositions, frontierLine, groupMarkers, labelYs, parallelLine, plotKind, pointsAttr, scatterDot, up, TICKS,
  type Box, type Dot, type Figures,
} from './frontier-plot.ts';
import { isolate, listOf } from './PackageParts.tsx';

const clip = (s: string, n = 22) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Margins: the start side holds the value labels, so it is wider; RTL swaps start and end. */
function boxOf(width: number, height: number, rtl: boolean, m: { start: number; end: number; top: number; bottom: number }): Box {
  return { left: rtl ? m.end : m.start, right: width - (rtl ? m.start : m.end), top: m.top, bottom: height - m.bottom };
}

export function FrontierPlot({ analysis }: { analysis: AnalysisOut }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  const uid = useId();
  const lang = i18n.language;
  const rtl = i18n.dir(lang) === 'rtl';
  const visible = analysis.axes.filter((a) => a.visible).map((a) => a.partyId);
  const withheld = analysis.axes.filter((a) => !a.visible).map((a) => a.partyId);
  const kind = plotKind(visible.length);
  const suggestions = analysis.suggestions;
  const markers = groupMarkers(suggestions, visible);
  const num = (v: number) => formatFigure(v, lang);
  const markerLabel = (indexes: readonly number[]) => indexes.map((i) => num(i + 1)).join(', ');
  const markerTitle = (indexes: readonly number[]) => indexes.map((i) => `${num(i + 1)}. ${t(`settlement:concept.${suggestions[i]!.concept}`)}`).join('; ');
  const partyName = (p: string) => names.party(p);

  const descKey = kind === 'scatter' ? 'settlement:plot.descScatter' : kind === 'parallel' ? 'settlement:plot.descParallel' : 'settlement:plot.descStrip';
  const desc = t(descKey, {
    count: analysis.frontier.length,
    x: visible[0] ? partyName(visible[0]) : '',
    y: visible[1] ? partyName(visible[1]) : '',
    parties: listOf(visible.map(partyName), lang),
  });

  return (
    <figure className="frontier-figure" data-testid="frontier-plot" data-kind={kind}>
      {kind === 'none' ? (
        <p className="empty">{t('settlement:plot.nothingVisible')}</p>
      ) : (
        <svg
          viewBox={kind === 'parallel' ? `0 0 ${String(parallelWidth(visible.length))} ${String(PARALLEL_H)}` : kind === 'scatter' ? `0 0 ${String(SCATTER_W)} ${String(SCATTER_H)}` : `0 0 ${String(SCATTER_W)} ${String(STRIP_H)}`}
          role="img" aria-labelledby={`${uid}-title ${uid}-desc`} className="frontier-svg" direction={rtl ? 'rtl' : 'ltr'}
        >
          <title id={`${uid}-title`}>{t('settlement:plot.title')}</title>
          <desc id={`${uid}-desc`}>{desc}</desc>
          {kind === 'scatter' && <Scatter rows={analysis.frontier} axes={[visible[0]!, visible[1]!]} markers={markers} rtl={rtl} num={num} names={partyName} markerLabel={markerLabel} markerTitle={markerTitle} />}
          {kind === 'parallel' && <Parallel rows={analysis.frontier} axes={visible} markers={markers} rtl={rtl} num={num} names={partyName} markerLabel={markerLabel} markerTitle={markerTitle} />}
          {kind === 'strip' && <Strip rows={analysis.frontier} axis={visible[0]!} markers={markers} rtl={rtl} num={num} names={partyName} markerLabel={markerLabel} markerTitle={markerTitle} />}
        </svg>
      )}
      <figcaption className="small">
        <span className="legend-item"><span className="legend-dot" aria-hidden="true" /> {t('settlement:plot.legendFrontier')}</span>
        <span className="legend-item"><span className="legend-marker" aria-hidden="true" /> {t('settlement:plot.legendSuggestion')}</span>
        {withheld.length > 0 && (
          <span className="withheld-axes" data-testid="withheld-axes">
            {t('settlement:plot.withheld', { parties: listOf(withheld.map((p) => isolate(partyName(p))), lang) })}
          </span>
        )}
        {analysis.frontierSize !== null && analysis.frontierSize > analysis.frontier.length && (
          <span>{t('settlement:plot.sampled', { shown: num(analysis.frontier.length), total: num(analysis.frontierSize) })}</span>
        )}
      </figcaption>
      <PlotTable analysis={analysis} visible={visible} />
    </figure>
  );
}

const SCATTER_W = 560;
const SCATTER_H = 380;
const STRIP_H = 140;
const PARALLEL_H = 360;
const parallelWidth = (axes: number) => Math.max(480, 150 * axes + 60);

interface PartProps {
  markers: { at: Figures; indexes: number[] }[];
  rtl: boolean;
  num: (v: number) => string;
  names: (p: string) => string;
  markerLabel: (indexes: readonly number[]) => string;
  markerTitle: (indexes: readonly number[]) => string;
}

/**
 * The suggestions: each a diamond, with its number(s) beside it on the end side (away from the
 * value axis) and the concept names as a tooltip. Numbers of markers close together are spread
 * apart so none hides another; digits stay left-to-right ("2, 5") in any language.
 */
function Markers({ items, rtl }: { items: { at: Dot; label: string; title: string }[]; rtl: boolean }) {
  const r = 7;
  const ys = labelYs(items.map((m) => m.at), 15, 40);
  return (
    <g>
      {items.map((m, k) => (
        <g key={m.label} className="suggestion-marker" data-testid="suggestion-marker">
          <title>{m.title}</title>
          <polygon points={`${String(m.at.x)},${String(m.at.y - r)} ${String(m.at.x + r)},${String(m.at.y)} ${String(m.at.x)},${String(m.at.y + r)} ${String(m.at.x - r)},${String(m.at.y)}`} />
          <text x={m.at.x + (rtl ? -(r + 4) : r + 4)} y={ys[k]! + 4.5} textAnchor={rtl ? 'end' : 'start'} direction="ltr" className="marker-label">{m.label}</text>
        </g>
      ))}
    </g>
  );
}

function Scatter({ rows, axes, rtl, num, names, markers, markerLabel, markerTitle }: PartProps & { rows: readonly Figures[]; axes: [string, string] }) {
  const box = boxOf(SCATTER_W, SCATTER_H, rtl, { start: 48, end: 24, top: 36, bottom: 52 });
  const axisX = rtl ? box.right : box.left;
  const outward = rtl ? 8 : -8;
  const line = frontierLine(rows, axes, box, rtl);
  return (
    <g>
      {TICKS.map((v) => (
        <g key={v} className="plot-grid">
          <line x1={box.left} x2={box.right} y1={up(v, box)} y2={up(v, box)} />
          <line x1={across(v, box, rtl)} x2={across(v, box, rtl)} y1={box.top} y2={box.bottom} />
          <text x={axisX + outward} y={up(v, box) + 4} textAnchor="end" className="plot-tick">{num(v)}</text>
          <text x={across(v, box, rtl)} y={box.bottom + 18} textAnchor="middle" className="plot-tick">{num(v)}</text>
        </g>
      ))}
      <line className="plot-axis" x1={axisX} x2={axisX} y1={box.top} y2={box.bottom} />
      <line className="plot-axis" x1={box.left} x2={box.right} y1={box.bottom} y2={box.bottom} />
      <text x={(box.left + box.right) / 2} y={SCATTER_H - 10} textAnchor="middle" className="plot-axis-title">{clip(names(axes[0]), 40)} {rtl ? '←' : '→'}</text>
      <text x={axisX} y={box.top - 14} textAnchor="middle" className="plot-axis-title">↑ {clip(names(axes[1]), 30)}</text>
      <polyline className="frontier-line" points={pointsAttr(line)} />
      {line.map((d) => <circle key={`${String(d.x)}-${String(d.y)}`} className="frontier-dot" cx={d.x} cy={d.y} r={3.5} />)}
      <Markers rtl={rtl} items={markers.flatMap((m) => {
        const at = scatterDot(m.at, axes, box, rtl);
        return at ? [{ at, label: markerLabel(m.indexes), title: markerTitle(m.indexes) }] : [];
      })} />
    </g>
  );
}

function Parallel({ rows, axes, rtl, num, names, markers, markerLabel, markerTitle }: PartProps & { rows: readonly Figures[]; axes: readonly string[] }) {
  const width = parallelWidth(axes.length);
  const box = boxOf(width, PARALLEL_H, rtl, { start: 70, end: 70, top: 20, bottom: 56 });
  const xs = axisPositions(axes.length, box, rtl);
  const firstX = xs[0]!;
  const outward = rtl ? 10 : -10;
  return (
    <g>
      {TICKS.map((v) => (
        <g key={v} className="plot-grid">
          <line x1={box.left} x2={box.right} y1={up(v, box)} y2={up(v, box)} />
          <text x={firstX + outward} y={up(v, box) + 4} textAnchor="end" className="plot-tick">{num(v)}</text>
        </g>
      ))}
      {rows.map((r, n) => <polyline key={n} className="frontier-path" points={pointsAttr(parallelLine(r, axes, box, rtl))} />)}
      {xs.map((x, i) => (
        <g key={axes[i]}>
          <line className="plot-axis" x1={x} x2={x} y1={box.top} y2={box.bottom} />
          <text x={x} y={box.bottom + 20} textAnchor="middle" className="plot-axis-title">{clip(names(axes[i]!))}</text>
        </g>
      ))}
      {markers.map((m) => <polyline key={m.indexes.join('-')} className="suggestion-path" points={pointsAttr(parallelLine(m.at, axes, box, rtl))} />)}
      <Markers rtl={rtl} items={markers.flatMap((m) => {
        const last = parallelLine(m.at, axes, box, rtl).at(-1);
        return last ? [{ at: last, label: markerLabel(m.indexes), title: markerTitle(m.indexes) }] : [];
      })} />
    </g>
  );
}

function Strip({ rows, axis, rtl, num, names, markers, markerLabel, markerTitle }: PartProps & { rows: readonly Figures[]; axis: string }) {
  const box = boxOf(SCATTER_W, STRIP_H, rtl, { start: 24, end: 24, top: 30, bottom: 60 });
  const y = (box.top + box.bottom) / 2 + 10;
  return (
    <g>
      <line className="plot-axis" x1={box.left} x2={box.right} y1={y} y2={y} />
      {TICKS.map((v) => <text key={v} x={across(v, box, rtl)} y={y + 22} textAnchor="middle" className="plot-tick">{num(v)}</text>)}
      <text x={(box.left + box.right) / 2} y={STRIP_H - 12} textAnchor="middle" className="plot-axis-title">{clip(names(axis), 40)} {rtl ? '←' : '→'}</text>
      {rows.map((r, n) => {
        const v = r[axis];
        return v === null || v === undefined ? null : <circle key={n} className="frontier-dot" cx={across(v, box, rtl)} cy={y} r={3.5} />;
      })}
      <Markers rtl={rtl} items={markers.flatMap((m) => {
        const v = m.at[axis];
        return v === null || v === undefined ? [] : [{ at: { x: across(v, box, rtl), y: y - 14 }, label: markerLabel(m.indexes), title: markerTitle(m.indexes) }];
      })} />
    </g>
  );
}

/** The plot's data as a table: the suggestions first (numbered as on the plot), then the frontier. */
function PlotTable({ analysis, visible }: { analysis: AnalysisOut; visible: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  const num = (v: number | null | undefined) => (v === null || v === undefined ? t('settlement:withheld') : formatFigure(v, i18n.language));
  const axes = analysis.axes.map((a) => a.partyId);
  return (
    <details className="plot-table">
      <summary>{t('settlement:plot.asTable')}</summary>
      <div className="table-scroll">
        <table className="settlement-table" data-testid="plot-table">
          <caption className="visually-hidden">{t('settlement:plot.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('settlement:plot.package')}</th>
              {axes.map((p) => <th key={p} scope="col"><bdi>{names.party(p)}</bdi>{!visible.includes(p) && <span className="small muted"> ({t('settlement:withheld')})</span>}</th>)}
            </tr>
          </thead>
          <tbody>
            {analysis.suggestions.map((s, n) => (
              <tr key={`s-${s.packageId}-${s.concept}`} className="suggested-row">
                <th scope="row">{formatFigure(n + 1, i18n.language)}. {t(`settlement:concept.${s.concept}`)}</th>
                {axes.map((p) => <td key={p}>{num(s.satisfaction[p])}</td>)}
              </tr>
            ))}
            {analysis.frontier.map((row, n) => (
              <tr key={`f-${String(n)}`}>
                <th scope="row">{t('settlement:plot.frontierRow', { n: formatFigure(n + 1, i18n.language) })}</th>
                {axes.map((p) => <td key={p}>{num(row[p])}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
