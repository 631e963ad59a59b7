/**
 * The agreement map: points × parties, grouped by section. Built for 500 points × 12
 * parties: rows are memoized and draw their badges without hooks, and hovering or focusing
 * a cell never re-renders the table. One shared popover (its own state) shows the cell's
 * level, reason, visibility and date; events are delegated from the table, and keyboard
 * focus moves between cells with the arrow keys (one cell in the tab order at a time).
 */
import { forwardRef, memo, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PointOut } from '../../api/schemas.ts';
import { dirOfLang, pickLanguage } from '../../i18n/text-direction.ts';
import { LevelBadge, STATUS_ICON, VisibilityBadge, type Level, type Status } from '../../ui/badges.tsx';
import { formatDate } from '../../ui/dates.ts';
import { Icon } from '../../ui/icons.tsx';
import { Text } from '../../ui/LocalizedText.tsx';
import type { Row, SectionGroup } from './map-view.ts';

/** Strings a row needs, computed once per language so 500 rows do not each subscribe to i18next. */
export interface RowLabels {
  lang: string;
  drafting: string;
  level: Record<Level, string>;
  status: Record<Status, string>;
  noPosition: string;
  noText: string;
  /** "Russia on point 7: Red line" */
  cell: (party: string, number: string, level: string) => string;
  partyName: Record<string, string>;
}

interface Props {
  negotiationId: string;
  groups: SectionGroup[];
  points: ReadonlyMap<string, PointOut>;
  /** The party columns shown, in order. */
  partyIds: string[];
  /** Header text per party (full name, or short name with the full one as a tooltip). */
  partyHeader: (partyId: string) => React.ReactNode;
  labels: RowLabels;
  sectionTitle: (group: SectionGroup) => React.ReactNode;
}

const TIP_ID = 'map-cell-tip';
/** Column widths in rem (map.css narrows the point column on a tablet). */
const POINT_REM = 22;
const STATUS_REM = 8.5;
const PARTY_REM = 8;

export function MapTable({ negotiationId, groups, points, partyIds, partyHeader, labels, sectionTitle }: Props) {
  const { t } = useTranslation();
  const tip = useRef<TipHandle>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const rowsById = useMemo(() => new Map(groups.flatMap((g) => g.rows.map((r) => [r.pointId, r] as const))), [groups]);
  // The table is interactive once it is in the DOM: the benchmark and tests wait for this.
  useEffect(() => { wrap.current?.setAttribute('data-map-ready', 'true'); }, []);

  const cellOf = (target: EventTarget | null): HTMLButtonElement | null =>
    target instanceof Element ? target.closest<HTMLButtonElement>('button.map-cell') : null;
  const show = (button: HTMLButtonElement, pinned: boolean) => {
    const row = rowsById.get(button.dataset.point ?? '');
    const partyId = button.dataset.party ?? '';
    const cell = row?.cells[partyId];
    if (!row || !cell) return;
    tip.current?.show({ row, partyId, cell, anchor: button, pinned });
  };

  const onFocus = (e: React.FocusEvent) => {
    const b = cellOf(e.target);
    if (!b) return;
    // Roving tab stop: the cell last focused is the one Tab comes back to.
    wrap.current?.querySelectorAll<HTMLButtonElement>('button.map-cell[tabindex="0"]').forEach((x) => { if (x !== b) x.tabIndex = -1; });
    b.tabIndex = 0;
    show(b, false);
  };
  const onBlur = (e: React.FocusEvent) => {
    if (!cellOf(e.relatedTarget)) tip.current?.hide(false);
  };
  const onMouseOver = (e: React.MouseEvent) => { const b = cellOf(e.target); if (b) show(b, false); };
  const onMouseLeave = () => { tip.current?.hide(false); };
  const onClick = (e: React.MouseEvent) => { const b = cellOf(e.target); if (b) show(b, true); };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') { tip.current?.hide(true); return; }
    const b = cellOf(e.target);
    if (!b) return;
    const td = b.closest('td');
    const tr = td?.parentElement;
    if (!td || !tr) return;
    const rtl = document.documentElement.dir === 'rtl';
    const col = [...tr.children].indexOf(td);
    const rows = [...(wrap.current?.querySelectorAll<HTMLTableRowElement>('tr.map-row') ?? [])];
    const r = rows.indexOf(tr as HTMLTableRowElement);
    const inRow = (row: Element | undefined, from: number, step: number): HTMLButtonElement | null => {
      if (!row) return null;
      for (let c = from; c >= 0 && c < row.children.length; c += step) {
        const found = row.children[c]?.querySelector<HTMLButtonElement>('button.map-cell');
        if (found) return found;
      }
      return null;
    };
    const vertical = (step: number) => {
      for (let i = r + step; i >= 0 && i < rows.length; i += step) {
        const found = rows[i]?.children[col]?.querySelector<HTMLButtonElement>('button.map-cell');
        if (found) return found;
      }
      return null;
    };
    let next: HTMLButtonElement | null = null;
    if (e.key === 'ArrowDown') next = vertical(1);
    else if (e.key === 'ArrowUp') next = vertical(-1);
    else if (e.key === 'ArrowRight') next = inRow(tr, col + (rtl ? -1 : 1), rtl ? -1 : 1);
    else if (e.key === 'ArrowLeft') next = inRow(tr, col + (rtl ? 1 : -1), rtl ? 1 : -1);
    else if (e.key === 'Home') next = inRow(tr, 0, 1);
    else if (e.key === 'End') next = inRow(tr, tr.children.length - 1, -1);
    else return;
    e.preventDefault();
    next?.focus();
  };

  const firstCell = firstFocusable(groups, partyIds);
  const columns = 2 + partyIds.length;
  return (
    <div
      ref={wrap} className="map-scroll" onScroll={() => tip.current?.hide(false)}
      role="region" aria-labelledby="map-table-caption"
    >
      <table className="map-table" style={{ minInlineSize: `${String(POINT_REM + STATUS_REM + partyIds.length * PARTY_REM)}rem` }} onFocus={onFocus} onBlur={onBlur} onMouseOver={onMouseOver} onMouseLeave={onMouseLeave} onClick={onClick} onKeyDown={onKeyDown}>
        <caption id="map-table-caption" className="visually-hidden">{t('map:table.caption')}</caption>
        {/* Fixed layout: column widths come from here, so the browser never measures 6,000 cells to size them. */}
        <colgroup>
          <col className="col-point" />
          <col className="col-status" />
          {partyIds.map((p) => <col key={p} className="col-party" />)}
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="col-point">{t('map:table.point')}</th>
            <th scope="col" className="col-status">{t('map:table.status')}</th>
            {partyIds.map((p) => <th key={p} scope="col" className="col-party" data-party-column={p}>{partyHeader(p)}</th>)}
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.section?.id ?? 'loose'}>
            <tr className="section-row">
              <th scope="rowgroup" colSpan={columns}>{sectionTitle(g)}</th>
            </tr>
            {g.rows.map((r) => (
              <MapRow
                key={r.pointId} row={r} point={points.get(r.pointId)} partyIds={partyIds} labels={labels}
                href={`/n/${negotiationId}/points/${r.pointId}`} tabStop={firstCell === r.pointId}
              />
            ))}
          </tbody>
        ))}
      </table>
      {/* In a portal: showing the popover then leaves the table's layout untouched. */}
      {createPortal(<CellTip ref={tip} labels={labels} />, document.body)}
    </div>
  );
}

function firstFocusable(groups: SectionGroup[], partyIds: string[]): string | null {
  for (const g of groups) for (const r of g.rows) if (partyIds.some((p) => r.cells[p])) return r.pointId;
  return null;
}

interface RowProps { row: Row; point: PointOut | undefined; partyIds: string[]; labels: RowLabels; href: string; tabStop: boolean }

const MapRow = memo(function MapRow({ row, point, partyIds, labels, href, tabStop }: RowProps) {
  const textLang = point ? pickLanguage(point.texts, labels.lang, labels.drafting) : null;
  const blocked = row.status === 'blocked';
  // The map's one tab stop: the first position of the first row that has one.
  const stopParty = tabStop ? partyIds.find((p) => row.cells[p]) : undefined;
  return (
    <tr className={`map-row row-${row.status}`}>
      <th scope="row" className="col-point">
        <div className="point-head">
          {blocked && <Icon name="stop" className="row-marker" />}
          <Link to={href} className="point-number">{row.number}</Link>
          {textLang
            ? <span className="point-text" lang={textLang} dir={dirOfLang(textLang)}>{point!.texts[textLang]}</span>
            : <span className="point-text muted">{labels.noText}</span>}
        </div>
      </th>
      <td className="col-status">
        <span className={`badge status status-${row.status}`}>
          <Icon name={STATUS_ICON[row.status]} className="symbol" />
          <span>{labels.status[row.status]}</span>
        </span>
      </td>
      {partyIds.map((p) => {
        const cell = row.cells[p];
        if (!cell) {
          return (
            <td key={p} className="col-party cell-none">
              <span aria-hidden="true" className="none-mark">–</span>
              <span className="visually-hidden">{labels.noPosition}</span>
            </td>
          );
        }
        const levelLabel = labels.level[cell.level];
        return (
          <td key={p} className={`col-party cell-${cell.level}`}>
            {/* The level's shape is drawn by CSS (map.css, the same shapes as LevelBadge's icons): 6,000 inline SVGs cost more than the rest of the cell. */}
            <button
              type="button" className={`map-cell level-${cell.level}`} data-point={row.pointId} data-party={p} tabIndex={p === stopParty ? 0 : -1}
              aria-label={labels.cell(labels.partyName[p] ?? '', row.number, levelLabel)}
            >
              <span className="cell-label" aria-hidden="true">{levelLabel}</span>
            </button>
          </td>
        );
      })}
    </tr>
  );
});

interface TipState {
  row: Row;
  partyId: string;
  cell: NonNullable<Row['cells'][string]>;
  anchor: HTMLElement;
  pinned: boolean;
}
interface TipHandle { show(s: TipState): void; hide(force: boolean): void }

/** The one popover for every cell: its state lives here, so showing it re-renders nothing else. */
const CellTip = forwardRef<TipHandle, { labels: RowLabels }>(function CellTip({ labels }, ref) {
  const { t } = useTranslation();
  const [state, setState] = useState<TipState | null>(null);
  const [place, setPlace] = useState<{ block: number; inline: number } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  // Read by show/hide between renders; written only there, beside setState.
  const stateRef = useRef<TipState | null>(null);

  useImperativeHandle(ref, () => ({
    show(s) {
      const cur = stateRef.current;
      // A pinned popover stays on its cell while the pointer wanders; focus moves it.
      if (cur?.pinned && !s.pinned && cur.anchor !== s.anchor && document.activeElement !== s.anchor) return;
      cur?.anchor.removeAttribute('aria-describedby');
      s.anchor.setAttribute('aria-describedby', TIP_ID);
      stateRef.current = s;
      setState(s);
    },
    hide(force) {
      const cur = stateRef.current;
      if (!cur) return;
      if (!force && (cur.pinned || document.activeElement === cur.anchor)) return;
      cur.anchor.removeAttribute('aria-describedby');
      stateRef.current = null;
      setState(null);
    },
  }), []);

  useLayoutEffect(() => {
    if (!state || !box.current) { setPlace(null); return; }
    const a = state.anchor.getBoundingClientRect();
    const b = box.current.getBoundingClientRect();
    const rtl = document.documentElement.dir === 'rtl';
    const vw = document.documentElement.clientWidth;
    // Below the cell, or above it when there is no room; aligned with its start edge, kept on screen.
    const below = a.bottom + 6;
    const block = below + b.height > window.innerHeight && a.top - b.height - 6 > 0 ? a.top - b.height - 6 : below;
    const startEdge = rtl ? vw - a.right : a.left;
    setPlace({ block, inline: Math.max(8, Math.min(startEdge, vw - b.width - 8)) });
  }, [state]);

  if (!state) return <div id={TIP_ID} role="tooltip" hidden />;
  const { row, partyId, cell } = state;
  return (
    <div
      id={TIP_ID} role="tooltip" ref={box} className="map-tip" data-testid="map-tip"
      style={{ insetBlockStart: place?.block ?? -9999, insetInlineStart: place?.inline ?? 0, visibility: place ? 'visible' : 'hidden' }}
    >
      <p className="tip-head">
        <bdi className="tip-party">{labels.partyName[partyId]}</bdi>
        <span className="muted"> · {t('map:tip.point', { number: row.number })}</span>
      </p>
      <p className="tip-badges"><LevelBadge level={cell.level} /> <VisibilityBadge visibility={cell.visibility} /></p>
      {cell.reason ? <Text value={cell.reason} as="p" className="tip-reason" /> : <p className="tip-reason muted">{t('map:tip.noReason')}</p>}
      <p className="tip-date small muted">{t('map:tip.since', { date: formatDate(cell.at, labels.lang, true) })}</p>
      {state.pinned && <p className="small muted tip-hint">{t('map:tip.escape')}</p>}
    </div>
  );
});
