/**
 * Set positions: every point of the working text with my party's current position. A row
 * opens the editor in place; focus moves into it and returns to the row when it closes.
 */
import { Fragment, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNegotiation } from '../../negotiation/context.tsx';
import { usePoints } from '../../negotiation/queries.ts';
import { LevelBadge, VisibilityBadge } from '../../ui/badges.tsx';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { LocalizedText, Text } from '../../ui/LocalizedText.tsx';
import { PositionEditor } from './PositionEditor.tsx';
import { useNotes, usePositions } from './workspace-queries.ts';
import { myPositionsByPoint } from './workspace-view.ts';
import { useWorkspaceRights } from './WorkspacePage.tsx';

export function PositionsPanel({ onNotes }: { onNotes: (pointId: string) => void }) {
  const { t } = useTranslation();
  const { id, me, overview } = useNegotiation();
  const points = usePoints(id);
  const positions = usePositions(id);
  const notes = useNotes(id);
  const rights = useWorkspaceRights();
  const [openPoint, setOpenPoint] = useState<string | null>(null);
  const rowButtons = useRef(new Map<string, HTMLButtonElement>());

  if (points.isPending || positions.isPending) return <Loading />;
  if (points.isError) return <ErrorMessage error={points.error} />;
  if (positions.isError) return <ErrorMessage error={positions.error} />;
  const mine = myPositionsByPoint(positions.data, me.partyId ?? '');
  const noteCount = (pointId: string) => (notes.data ?? []).filter((n) => n.pointId === pointId).length;
  const close = (pointId: string) => {
    setOpenPoint(null);
    requestAnimationFrame(() => rowButtons.current.get(pointId)?.focus());
  };
  const list = points.data.filter((p) => !p.removed);
  const taken = list.filter((p) => mine.has(p.id)).length;

  return (
    <section aria-labelledby="ws-positions-title" className="workspace-panel">
      <div className="ws-panel-heading">
        <h2 id="ws-positions-title">{t('workspace:positions.title')}</h2>
        <p className="muted small">{t('workspace:positions.summary', { taken, total: list.length })}</p>
      </div>
      <p className="hint">{rights.setPosition ? t('workspace:positions.intro') : t('workspace:positions.introReadOnly')}</p>
      {list.length === 0 ? <Empty>{t('workspace:positions.noPoints')}</Empty> : (
        <table className="ws-table">
          <caption className="visually-hidden">{t('workspace:positions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="ws-col-number">{t('workspace:positions.number')}</th>
              <th scope="col">{t('workspace:positions.text')}</th>
              <th scope="col">{t('workspace:positions.mine')}</th>
              <th scope="col"><span className="visually-hidden">{t('workspace:positions.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => {
              const current = mine.get(p.id) ?? null;
              const isOpen = openPoint === p.id;
              const count = noteCount(p.id);
              return (
                <Fragment key={p.id}>
                  <tr className={isOpen ? 'ws-row open' : 'ws-row'} data-testid={`ws-row-${p.number}`}>
                    <th scope="row" className="ws-col-number"><Link to={`/n/${id}/points/${p.id}`}>{p.number}</Link></th>
                    <td className="ws-point-text"><LocalizedText texts={p.texts} drafting={overview.draftingLanguage} className="ws-clamp" /></td>
                    <td className="ws-current">
                      {current ? (
                        <div className="ws-current-inner">
                          <span className="ws-badges"><LevelBadge level={current.level} /> <VisibilityBadge visibility={current.visibility} /></span>
                          {current.reason && <Text value={current.reason} className="ws-reason small" />}
                        </div>
                      ) : <span className="muted small">{t('workspace:positions.none')}</span>}
                    </td>
                    <td className="ws-actions">
                      <button
                        type="button" className="button small"
                        ref={(el) => { if (el) rowButtons.current.set(p.id, el); else rowButtons.current.delete(p.id); }}
                        aria-expanded={isOpen} aria-controls={`ws-editor-${p.id}`}
                        onClick={() => setOpenPoint(isOpen ? null : p.id)}
                      >
                        {rights.setPosition ? t('workspace:positions.set', { number: p.number }) : t('workspace:positions.view', { number: p.number })}
                      </button>
                      {count > 0 && (
                        <button type="button" className="ws-link-button small" onClick={() => onNotes(p.id)}>
                          {t('workspace:positions.notes', { count })}
                        </button>
                      )}
                    </td>
                  </tr>
                  {isOpen && (
                    <tr className="ws-editor-row">
                      <td colSpan={4} id={`ws-editor-${p.id}`}>
                        <PositionEditor point={p} current={current} readOnly={!rights.setPosition} onDone={() => close(p.id)} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
