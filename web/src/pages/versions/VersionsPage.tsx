/**
 * The versions of the text, newest first: who made each, from which amendments, who saw
 * it, and which parties' principals initialed it (against which hash). Any two can be
 * compared; each can be downloaded. The mediator prepares the next version here.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { AmendmentOut, VersionSummaryOut } from '../../api/schemas.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { VisibilityBadge } from '../../ui/badges.tsx';
import { formatDate } from '../../ui/dates.ts';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { NextVersionPanel } from './NextVersionPanel.tsx';
import { exportHref, useAmendments, useInitialVersion, useVersions } from './queries.ts';
import { ConfirmDialog, HashCode, defaultTextLanguage } from './version-ui.tsx';
import './versions.css';

export const compareHref = (id: string, a: string, b: string) => `/n/${id}/versions/compare?a=${a}&b=${b}`;

export function VersionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('versions:title'));
  const { id, isMediator } = useNegotiation();
  const versions = useVersions(id);
  const amendments = useAmendments(id);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [selected, setSelected] = useState<string[]>([]);

  if (versions.isPending) return <Loading />;
  if (versions.isError) return <section className="page"><ErrorMessage error={versions.error} /></section>;
  const list = versions.data;
  const created = params.get('created');
  const byId = new Map(list.map((v) => [v.id, v]));
  const previousOf = (v: VersionSummaryOut) => list.find((x) => x.seqNo < v.seqNo) ?? null;

  const toggle = (versionId: string) => {
    setSelected((s) => (s.includes(versionId) ? s.filter((x) => x !== versionId) : [...s, versionId].slice(-2)));
  };
  const compareSelected = () => {
    const [x, y] = selected.map((s) => byId.get(s)!).sort((p, q) => p.seqNo - q.seqNo);
    if (x && y) void navigate(compareHref(id, x.id, y.id));
  };

  return (
    <section className="page versions-page">
      <div className="page-heading">
        <h1>{t('versions:title')}</h1>
        <p className="hint">{t('versions:intro')}</p>
      </div>
      {created && byId.has(created) && (
        <CreatedNotice version={byId.get(created)!} previous={previousOf(byId.get(created)!)} onDismiss={() => setParams({}, { replace: true })} />
      )}
      {list.length === 0 ? (
        <Empty>{isMediator ? t('versions:emptyMediator') : t('versions:empty')}</Empty>
      ) : (
        <>
          <div className="compare-bar" role="group" aria-label={t('versions:compareBar.label')}>
            <p className="small" aria-live="polite">
              {t('versions:compareBar.selected', { count: selected.length })}
            </p>
            <button type="button" className="button primary" disabled={selected.length !== 2} onClick={compareSelected} data-testid="compare-selected">
              {t('versions:compareBar.compare')}
            </button>
          </div>
          <ol className="version-timeline" data-testid="version-list">
            {list.map((v) => (
              <VersionCard
                key={v.id} version={v} previous={previousOf(v)} latest={v === list[0]} highlighted={v.id === created}
                selected={selected.includes(v.id)} onToggle={() => toggle(v.id)}
                accepted={(amendments.data ?? []).filter((a) => a.resultVersionId === v.id)}
              />
            ))}
          </ol>
        </>
      )}
      {isMediator && <NextVersionPanel onCreated={(versionId) => setParams({ created: versionId })} />}
    </section>
  );
}

function CreatedNotice({ version, previous, onDismiss }: { version: VersionSummaryOut; previous: VersionSummaryOut | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  const { id } = useNegotiation();
  const ref = useRef<HTMLDivElement>(null);
  // Land on the new version: focus moves to the notice, which names it and offers the comparison.
  useEffect(() => { ref.current?.focus(); }, [version.id]);
  return (
    <div className="created-notice" role="status" tabIndex={-1} ref={ref} data-testid="created-notice">
      <Icon name="check" />
      <p>{t('versions:created.body', { label: version.label })}</p>
      {previous && <Link className="button small" to={compareHref(id, previous.id, version.id)}>{t('versions:created.compare', { previous: previous.label })}</Link>}
      <button type="button" className="button small subtle" onClick={onDismiss}>{t('common:close')}</button>
    </div>
  );
}

interface CardProps {
  version: VersionSummaryOut;
  previous: VersionSummaryOut | null;
  latest: boolean;
  highlighted: boolean;
  selected: boolean;
  onToggle: () => void;
  accepted: AmendmentOut[];
}

function VersionCard({ version: v, previous, latest, highlighted, selected, onToggle, accepted }: CardProps) {
  const { t, i18n } = useTranslation();
  const { id, overview } = useNegotiation();
  const names = useNames(id);
  const headingId = `version-${v.id}`;
  const lang = defaultTextLanguage(overview.languages, i18n.language, overview.draftingLanguage);
  return (
    <li className={`version-card card${highlighted ? ' highlighted' : ''}`} aria-labelledby={headingId} data-testid="version" data-seq={v.seqNo}>
      <div className="version-head">
        <span className="version-seq" aria-hidden="true">{v.seqNo}</span>
        <div className="version-title">
          <h2 id={headingId}>
            <bdi>{v.label}</bdi>
            {latest && <span className="badge latest">{t('versions:latest')}</span>}
          </h2>
          {v.note && <p className="version-note"><bdi>{v.note}</bdi></p>}
        </div>
        <VisibilityBadge visibility={v.visibility} />
      </div>
      <dl className="facts version-facts">
        <dt>{t('versions:facts.created')}</dt>
        <dd>{t('versions:facts.createdBy', { date: formatDate(v.createdAt, i18n.language, true), who: names.member(v.createdBy) || t('common:someone') })}</dd>
        <dt>{t('versions:facts.points')}</dt>
        <dd>{t('versions:facts.pointCount', { count: v.pointCount })}</dd>
        <dt>{t('versions:facts.hash')}</dt>
        <dd><HashCode hash={v.contentHash} /></dd>
        <dt>{t('versions:facts.amendments')}</dt>
        <dd><AcceptedAmendments accepted={accepted} /></dd>
        <dt>{t('versions:facts.initials')}</dt>
        <dd><Initials version={v} /></dd>
      </dl>
      <div className="version-actions">
        <label className="select-version">
          <input type="checkbox" checked={selected} onChange={onToggle} />
          {t('versions:select', { label: v.label })}
        </label>
        <Link className="button small" to={`/n/${id}/versions/${v.id}`} data-testid="version-texts">
          {t('versions:languagesSideBySide')}
        </Link>
        {previous && (
          <Link className="button small" to={compareHref(id, previous.id, v.id)}>
            {t('versions:compareWithPrevious', { previous: previous.label })}
          </Link>
        )}
        <span className="version-downloads" role="group" aria-label={t('versions:downloads', { label: v.label })}>
          <a className="button small" href={exportHref(id, v.id, lang)} download>
            {t('versions:download')}
          </a>
          <a className="button small" href={fileHref(id, v.id, lang, 'docx')} download>
            {t('versions:downloadDocx')}
          </a>
          <a className="button small" href={fileHref(id, v.id, lang, 'pdf')} download>
            {t('versions:downloadPdf')}
          </a>
        </span>
        <InitialButton version={v} />
      </div>
    </li>
  );
}

/** A version's download in another format: the export route answers md, docx and pdf alike. */
function fileHref(id: string, versionId: string, lang: string, format: 'docx' | 'pdf'): string {
  return `/api/negotiations/${id}/versions/${versionId}/export?format=${format}&lang=${encodeURIComponent(lang)}`;
}

function AcceptedAmendments({ accepted }: { accepted: AmendmentOut[] }) {
  const { t } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  if (accepted.length === 0) return <span className="muted">{t('versions:noAmendments')}</span>;
  return (
    <details className="accepted-amendments">
      <summary>{t('versions:acceptedCount', { count: accepted.length })}</summary>
      <ul>
        {accepted.map((a) => (
          <li key={a.id}>
            <strong>{t(`versions:kind.${a.kind}`)}</strong> · <bdi>{names.party(a.partyId)}</bdi>
            {a.justification && <> — <bdi className="muted">{a.justification}</bdi></>}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Each party's initial on a version: by whom and when, and whether it quotes the version's own hash. */
function Initials({ version }: { version: VersionSummaryOut }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  return (
    <ul className="initials" data-testid="initials">
      {names.parties.map((p) => {
        const initial = version.initials.find((x) => x.partyId === p.id);
        const matches = initial?.contentHash === version.contentHash;
        return (
          <li key={p.id} className={initial ? (matches ? 'initialed' : 'initialed mismatch') : 'not-initialed'} data-party={p.shortName}>
            <Icon name={initial ? (matches ? 'check' : 'warning') : 'circle-empty'} />
            <span>
              <bdi className="party-name">{names.party(p.id)}</bdi>{' '}
              {initial ? (
                <span className="small">
                  {t('versions:initials.by', { who: names.member(initial.memberId), date: formatDate(initial.at, i18n.language) })}
                  {' · '}
                  {matches ? t('versions:initials.hashMatches') : <strong>{t('versions:initials.hashDiffers')}</strong>}
                </span>
              ) : (
                <span className="small muted">{t('versions:initials.none')}</span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Only a party's principal initials, once per party; everyone else sees no button (the server refuses them anyway). */
function InitialButton({ version }: { version: VersionSummaryOut }) {
  const { t } = useTranslation();
  const { id, me } = useNegotiation();
  const names = useNames(id);
  const [open, setOpen] = useState(false);
  const initial = useInitialVersion(id);
  if (me.role !== 'principal' || !me.partyId) return null;
  if (version.initials.some((i) => i.partyId === me.partyId)) return null;
  const party = names.party(me.partyId);
  const confirm = () => {
    initial.mutate({ versionId: version.id, contentHash: version.contentHash }, { onSuccess: () => setOpen(false) });
  };
  return (
    <>
      <button type="button" className="button small primary" onClick={() => { initial.reset(); setOpen(true); }} data-testid="initial-button">
        {t('versions:initial.button', { party })}
      </button>
      {open && <ConfirmDialog
        open title={t('versions:initial.title', { label: version.label })} confirmLabel={t('versions:initial.confirm', { party })}
        busy={initial.isPending} onConfirm={confirm} onCancel={() => setOpen(false)} testId="initial-dialog"
      >
        <p>{t('versions:initial.explain', { party })}</p>
        <p>{t('versions:initial.hashExplain')}</p>
        <code className="mono secret" translate="no" data-testid="initial-hash">{version.contentHash}</code>
        <p className="hint">{t('versions:initial.final')}</p>
        <ErrorMessage error={initial.error} />
      </ConfirmDialog>}
    </>
  );
}
