/**
 * A redline of one text against another as readers of Word and LibreOffice know it:
 * insertions underlined, deletions struck through, and a moved passage shown as a move (double
 * strike where it left, double underline where it arrived, each end a link to the other) rather
 * than as a deletion and an unrelated insertion. Every mark is also an <ins>/<del> with a hidden
 * "inserted:", "deleted:", "moved from here:" or "moved here:", so nothing relies on colour.
 * Inline or side by side (see `redline-view.ts` for what each column holds).
 */
import { useId, useMemo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { redline } from '../../../src/domain/redline/index.ts';
import { dirOfLang } from '../i18n/text-direction.ts';
import { redlineView, type PieceKind, type RedlinePiece } from './redline-view.ts';
import '../styles/redline.css';

type Layout = 'inline' | 'old' | 'new';

const LABEL: Record<Exclude<PieceKind, 'equal'>, string> = {
  insert: 'common:redline.inserted',
  delete: 'common:redline.deleted',
  'move-from': 'common:redline.movedFrom',
  'move-to': 'common:redline.movedTo',
};

/** Anchors must be unique on a page that shows many redlines: each redline has its own scope. */
const anchor = (scope: string, moveId: string, end: 'from' | 'to') => `${scope}-${moveId}-${end}`;

/** Follows a move link without touching the address (the router owns it): scroll, then focus. */
function follow(e: MouseEvent<HTMLAnchorElement>, target: string) {
  const el = document.getElementById(target);
  if (!el) return;
  e.preventDefault();
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
}

function MoveMark({ p, scope, layout }: { p: RedlinePiece; scope: string; layout: Layout }) {
  const { t, i18n } = useTranslation();
  const from = p.kind === 'move-from';
  const later = p.partner === 'later';
  const target = anchor(scope, p.moveId!, from ? 'to' : 'from');
  const label = t(from ? (later ? 'common:redline.movedDown' : 'common:redline.movedUp') : (later ? 'common:redline.cameFromBelow' : 'common:redline.cameFromAbove'));
  // Inline the other end is above or below; in columns it is across, in the other column,
  // which sits on the inline-end side of the old one in the UI's direction (mirrored in RTL).
  const uiDir = i18n.dir(i18n.language);
  const towardEnd = from === (uiDir === 'ltr');
  const arrow = layout === 'inline' ? (later ? '↓' : '↑') : towardEnd ? '→' : '←';
  return (
    <a className="redline-move-mark" href={`#${target}`} lang={i18n.language} dir={uiDir} onClick={(e) => follow(e, target)} data-move-mark={from ? 'from' : 'to'}>
      <span aria-hidden="true">{arrow}</span> {label}
    </a>
  );
}

function Piece({ p, scope, layout }: { p: RedlinePiece; scope: string; layout: Layout }) {
  const { t } = useTranslation();
  if (p.kind === 'equal') return <>{p.text}</>;
  // A change of whitespace alone has nothing to read out.
  const label = p.text.trim() === '' ? null : <span className="visually-hidden">{t(LABEL[p.kind])} </span>;
  const body = p.inner ? p.inner.map((q, i) => <Piece key={i} p={q} scope={scope} layout={layout} />) : p.text;
  if (p.kind === 'insert') return <ins className="redline-insert">{label}{body}</ins>;
  if (p.kind === 'delete') return <del className="redline-delete">{label}{body}</del>;
  const from = p.kind === 'move-from';
  const Tag = from ? 'del' : 'ins';
  // Focusable only as a link's target, so that following a move lands a keyboard user there.
  const passage = (
    <Tag id={anchor(scope, p.moveId!, from ? 'from' : 'to')} tabIndex={-1} className={`redline-${p.kind}`} data-move={p.moveId}>
      {label}{body}
    </Tag>
  );
  const mark = <MoveMark p={p} scope={scope} layout={layout} />;
  return from ? <>{passage}{mark}</> : <>{mark}{passage}</>;
}

function Pieces({ pieces, scope, layout }: { pieces: RedlinePiece[]; scope: string; layout: Layout }) {
  return <>{pieces.map((p, i) => <Piece key={i} p={p} scope={scope} layout={layout} />)}</>;
}

interface Props { before: string; after: string; lang: string; mode?: 'inline' | 'side-by-side' }

export function Redline({ before, after, lang, mode = 'inline' }: Props) {
  const { t } = useTranslation();
  const view = useMemo(() => redlineView(redline(before, after, { lang })), [before, after, lang]);
  const scope = `rl-${useId().replace(/[^\w-]/g, '')}`;
  const dir = dirOfLang(lang);
  if (mode === 'inline') {
    return (
      <div className="redline" lang={lang} dir={dir} data-moves={view.moves}>
        <Pieces pieces={view.inline} scope={scope} layout="inline" />
      </div>
    );
  }
  return (
    <div className="redline-columns" data-moves={view.moves}>
      <div className="redline redline-old" role="group" lang={lang} dir={dir} aria-label={t('common:redline.before')}>
        <Pieces pieces={view.old} scope={scope} layout="old" />
      </div>
      <div className="redline redline-new" role="group" lang={lang} dir={dir} aria-label={t('common:redline.after')}>
        <Pieces pieces={view.new} scope={scope} layout="new" />
      </div>
    </div>
  );
}

/** What the marks mean, once per area that shows redlines. */
export function RedlineLegend() {
  const { t } = useTranslation();
  return (
    <p className="redline-legend small" data-testid="redline-legend">
      <span>{t('common:redline.legend.title')}</span>
      <span className="redline-sample redline-insert">{t('common:redline.legend.insert')}</span>
      <span className="redline-sample redline-delete">{t('common:redline.legend.delete')}</span>
      <span className="redline-sample redline-move-from">{t('common:redline.legend.moveFrom')}</span>
      <span className="redline-sample redline-move-to">{t('common:redline.legend.moveTo')}</span>
      <span className="muted">{t('common:redline.legend.moveHint')}</span>
    </p>
  );
}
