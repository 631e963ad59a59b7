/**
 * Two versions side by side or as one redline, aligned by point id: each point shows its
 * number in both (so a renumbering is visible), what happened to it, and the word-level
 * changes in the chosen language; for a version imported from a document, where each point
 * came from (merged, split). Everything the reader chooses lives in the address, so a
 * comparison can be sent to a colleague as a link.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { compareVersions, comparisonWordStats, type AlignedPoint, type VersionComparison } from '../../../../src/domain/versions/compare-versions.ts';
import type { VersionOut, VersionSummaryOut } from '../../api/schemas.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { formatDate, formatNumber } from '../../ui/dates.ts';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { LocalizedText, Text } from '../../ui/LocalizedText.tsx';
import { Redline, RedlineLegend } from '../../ui/Redline.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useVersion, useVersions } from './queries.ts';
import { ChangeBadge, TextLanguageSelect, defaultTextLanguage, pointLabel, useLanguageName } from './version-ui.tsx';
import './versions.css';

type Mode = 'inline' | 'side-by-side';
type VersionPoint = VersionOut['points'][number];

export function ComparePage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('versions:compare.title'));
  const { id, overview } = useNegotiation();
  const [params, setParams] = useSearchParams();
  // The address holds the reader's choices; a local copy answers a click at once (the
  // router applies a new address as a transition, which may lag a controlled checkbox).
  const [choice, setChoice] = useState(() => new URLSearchParams(params));
  const [address, setAddress] = useState(params.toString());
  if (address !== params.toString()) {
    // The address changed from outside (a link, back): it wins.
    setAddress(params.toString());
    setChoice(new URLSearchParams(params));
  }
  const versions = useVersions(id);
  const list = versions.data ?? [];
  // Without a choice: the latest against the one before it.
  const aId = choice.get('a') ?? list[1]?.id ?? null;
  const bId = choice.get('b') ?? list[0]?.id ?? null;
  const mode: Mode = choice.get('mode') === 'side-by-side' ? 'side-by-side' : 'inline';
  const onlyChanges = choice.get('only') === 'changes';
  const wanted = choice.get('lang');
  const lang = wanted && overview.languages.includes(wanted)
    ? wanted
    : defaultTextLanguage(overview.languages, i18n.language, overview.draftingLanguage);
  const a = useVersion(id, aId);
  const b = useVersion(id, bId);

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(choice);
    if (aId && !next.has('a')) next.set('a', aId);
    if (bId && !next.has('b')) next.set('b', bId);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setChoice(next);
    setParams(next, { replace: true });
  };

  const comparison = useMemo(() => (a.data && b.data ? compareVersions(a.data.points, b.data.points) : null), [a.data, b.data]);

  if (versions.isPending) return <Loading />;
  if (versions.isError) return <section className="page"><ErrorMessage error={versions.error} /></section>;

  return (
    <section className="page compare-page">
      <p className="back-link"><Link to={`/n/${id}/versions`}>{t('versions:compare.back')}</Link></p>
      <h1>{t('versions:compare.title')}</h1>
      {list.length < 2 ? <Empty>{t('versions:compare.needTwo')}</Empty> : (
        <>
          <div className="compare-controls" role="group" aria-label={t('versions:compare.controls')}>
            <VersionSelect label={t('versions:compare.from')} list={list} value={aId} onChange={(v) => set({ a: v })} testId="compare-a" />
            <button type="button" className="button swap" onClick={() => set({ a: bId, b: aId })} data-testid="swap">
              <svg viewBox="0 0 16 16" width="1em" height="1em" className="icon flip-rtl" aria-hidden="true" focusable="false">
                <path d="M2 5h11l-3-3M14 11H3l3 3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
              {t('versions:compare.swap')}
            </button>
            <VersionSelect label={t('versions:compare.to')} list={list} value={bId} onChange={(v) => set({ b: v })} testId="compare-b" />
            <TextLanguageSelect languages={overview.languages} value={lang} onChange={(l) => set({ lang: l })} />
            <fieldset className="segmented">
              <legend>{t('versions:compare.display')}</legend>
              {(['inline', 'side-by-side'] as const).map((m) => (
                <label key={m} className={mode === m ? 'on' : ''}>
                  <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => set({ mode: m === 'inline' ? null : m })} data-testid={`mode-${m}`} />
                  {t(`versions:compare.mode.${m}`)}
                </label>
              ))}
            </fieldset>
            <label className="only-changes">
              <input type="checkbox" checked={onlyChanges} onChange={(e) => set({ only: e.target.checked ? 'changes' : null })} data-testid="only-changes" />
              {t('versions:compare.onlyChanges')}
            </label>
          </div>
          {aId && bId && (
            <p className="compare-downloads" role="group" aria-label={t('versions:compare.downloads')}>
              {(['docx', 'pdf', 'md'] as const).map((f) => (
                <a key={f} className="button small" download data-testid={`download-${f}`}
                  href={`/api/negotiations/${id}/versions/compare/export?a=${aId}&b=${bId}&format=${f}&lang=${encodeURIComponent(lang)}`}>
                  {t(`versions:compare.download.${f}`)}
                </a>
              ))}
            </p>
          )}
          {a.isError && <ErrorMessage error={a.error} />}
          {b.isError && <ErrorMessage error={b.error} />}
          {(a.isPending || b.isPending) && !a.isError && !b.isError && <Loading />}
          {a.data && b.data && comparison && (
            <Comparison a={a.data} b={b.data} comparison={comparison} lang={lang} mode={mode} onlyChanges={onlyChanges} />
          )}
        </>
      )}
    </section>
  );
}

function VersionSelect({ label, list, value, onChange, testId }: { label: string; list: VersionSummaryOut[]; value: string | null; onChange: (id: string) => void; testId: string }) {
  const id = `select-${testId}`;
  return (
    <span className="field-inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {list.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}
      </select>
    </span>
  );
}

interface ComparisonProps { a: VersionOut; b: VersionOut; comparison: VersionComparison<VersionPoint>; lang: string; mode: Mode; onlyChanges: boolean }

function Comparison({ a, b, comparison, lang, mode, onlyChanges }: ComparisonProps) {
  const { t } = useTranslation();
  const { overview } = useNegotiation();
  const rows = onlyChanges ? comparison.rows.filter((r) => r.status !== 'unchanged' || r.renumbered) : comparison.rows;
  const lineage = useMemo(() => (b.imported ? lineageOf(b.imported.links) : null), [b.imported]);
  // Sections as the newer version names them, the older one's for sections it alone has.
  const sections = new Map([...a.sections, ...b.sections].map((s) => [s.id, s]));
  const groups: { sectionId: string | null; rows: AlignedPoint<VersionPoint>[] }[] = [];
  for (const r of rows) {
    const last = groups.at(-1);
    if (last && last.sectionId === r.sectionId) last.rows.push(r);
    else groups.push({ sectionId: r.sectionId, rows: [r] });
  }
  return (
    <>
      <Summary comparison={comparison} lang={lang} a={a} b={b} />
      {b.imported && <ImportedNote imported={b.imported} />}
      {rows.some((r) => r.status === 'changed' || r.status === 'added' || r.status === 'removed') && <RedlineLegend />}
      {mode === 'side-by-side' && (
        <div className="compare-columns-head" aria-hidden="true">
          <span><bdi>{a.label}</bdi></span>
          <span><bdi>{b.label}</bdi></span>
        </div>
      )}
      {a.id === b.id && <p className="hint">{t('versions:compare.same')}</p>}
      {rows.length === 0 ? <Empty>{t('versions:compare.noChanges')}</Empty> : groups.map((g, i) => {
        const section = g.sectionId ? sections.get(g.sectionId) : undefined;
        return (
          <section key={`${g.sectionId ?? 'none'}-${i}`} className="compare-section">
            {section
              ? <LocalizedText as="h2" texts={section.title} drafting={overview.draftingLanguage} className="section-title" />
              : <h2 className="section-title">{t('versions:compare.noSection')}</h2>}
            {g.rows.map((r) => <ComparedPoint key={r.pointId} row={r} lang={lang} mode={mode} a={a} b={b} lineage={lineage} />)}
          </section>
        );
      })}
    </>
  );
}

function Summary({ comparison, lang, a, b }: { comparison: VersionComparison; lang: string; a: VersionOut; b: VersionOut }) {
  const { t, i18n } = useTranslation();
  const words = useMemo(() => comparisonWordStats(comparison.rows, lang), [comparison, lang]);
  const c = comparison.counts;
  const n = (x: number) => formatNumber(x, i18n.language);
  const parts = (['changed', 'added', 'removed', 'moved', 'renumbered'] as const)
    .filter((k) => c[k] > 0)
    .map((k) => t(`versions:summary.${k}`, { count: c[k], n: n(c[k]) }));
  const nothing = parts.length === 0;
  return (
    <section className="compare-summary card" aria-labelledby="compare-summary-title" data-testid="compare-summary">
      <h2 id="compare-summary-title" className="compare-summary-title">
        {t('versions:summary.title', { a: a.label, b: b.label })}
      </h2>
      <p className="compare-summary-line">
        {nothing ? t('versions:summary.nothing') : parts.join(t('versions:summary.separator'))}
        {!nothing && <>{t('versions:summary.wordsSeparator')}{t('versions:summary.inserted', { count: words.inserted, n: n(words.inserted) })}{t('versions:summary.separator')}{t('versions:summary.deleted', { count: words.deleted, n: n(words.deleted) })}{words.moved > 0 && <>{t('versions:summary.separator')}{t('versions:summary.movedWords', { count: words.moved, n: n(words.moved) })}</>}</>}
      </p>
      <ul className="compare-summary-chips" aria-hidden="true">
        {(['changed', 'added', 'removed', 'moved', 'renumbered'] as const).map((k) => (
          <li key={k} className={c[k] === 0 ? 'zero' : ''}><ChangeBadge change={k} /> <strong>{n(c[k])}</strong></li>
        ))}
      </ul>
    </section>
  );
}

type Imported = NonNullable<VersionOut['imported']>;
type LineageLink = Imported['links'][number];

/** Where an imported point came from, read off the import's links by point id (numbers as they were before the import). */
interface PointLineage { mergedFrom: string[]; mergedInto: string | null; splitFrom: string | null; splitInto: string[] }

function lineageOf(links: readonly LineageLink[]): Map<string, PointLineage> {
  const out = new Map<string, PointLineage>();
  const of = (pointId: string) => {
    let l = out.get(pointId);
    if (!l) out.set(pointId, (l = { mergedFrom: [], mergedInto: null, splitFrom: null, splitInto: [] }));
    return l;
  };
  for (const l of links) {
    if (l.kind === 'merged' && l.newPointId && l.oldNumber) {
      of(l.newPointId).mergedFrom.push(l.oldNumber);
      // The old points that did not keep their identity were merged away into the survivor.
      if (l.oldPointId && l.oldPointId !== l.newPointId) of(l.oldPointId).mergedInto = l.newNumber;
    }
    if (l.kind === 'split' && l.oldPointId && l.newNumber) {
      of(l.oldPointId).splitInto.push(l.newNumber);
      if (l.newPointId && l.newPointId !== l.oldPointId) of(l.newPointId).splitFrom = l.oldNumber;
    }
  }
  return out;
}

function ImportedNote({ imported }: { imported: Imported }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  return (
    <p className="imported-note" data-testid="imported-note">
      <svg viewBox="0 0 16 16" width="1em" height="1em" className="icon" aria-hidden="true" focusable="false">
        <path d="M8 2v8M4.5 6.5L8 10l3.5-3.5M2.5 12.5v1.5h11v-1.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span>
        {t('versions:compare.imported', {
          name: imported.source.name, format: t(`versions:import.format.${imported.source.format}`),
          // The record names the importing member by id.
          who: names.member(imported.importedBy) || t('common:someone'), date: formatDate(imported.at, i18n.language),
        })}
        {' '}<span className="muted">{t('versions:compare.importedNumbers')}</span>
      </span>
    </p>
  );
}

function LineageNote({ lineage }: { lineage: PointLineage }) {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const lines: string[] = [];
  // A merge that kept this point's id lists the point itself among its sources.
  if (lineage.mergedFrom.length > 1) lines.push(t('versions:compare.lineage.mergedFrom', { list: list.format(lineage.mergedFrom) }));
  if (lineage.mergedInto) lines.push(t('versions:compare.lineage.mergedInto', { number: lineage.mergedInto }));
  if (lineage.splitInto.length > 1) lines.push(t('versions:compare.lineage.splitInto', { list: list.format(lineage.splitInto) }));
  else if (lineage.splitFrom) lines.push(t('versions:compare.lineage.splitFrom', { number: lineage.splitFrom }));
  if (lines.length === 0) return null;
  return <p className="lineage small" data-testid="lineage">{lines.join(t('versions:summary.wordsSeparator'))}</p>;
}

function ComparedPoint({ row, lang, mode, a, b, lineage }: { row: AlignedPoint<VersionPoint>; lang: string; mode: Mode; a: VersionOut; b: VersionOut; lineage: Map<string, PointLineage> | null }) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const aLabel = a.label;
  const bLabel = b.label;
  const headingId = `point-${row.pointId}`;
  const before = row.a?.texts[lang];
  const after = row.b?.texts[lang];
  const missing = <p className="muted small">{t('versions:compare.noTextInLanguage')}</p>;
  const plain = (text: string | undefined) => (text === undefined ? missing : <Text value={text} lang={lang} as="p" className="vp-text" />);
  const showRedline = row.status === 'changed' || row.status === 'added' || row.status === 'removed';
  let body: React.ReactNode;
  if (mode === 'inline') {
    body = showRedline && (before !== undefined || after !== undefined) ? <Redline before={before ?? ''} after={after ?? ''} lang={lang} /> : plain(after ?? before);
  } else {
    const side = (v: string | undefined, present: boolean, which: string) => (
      <div className="side" role="group" aria-label={which}>
        {present ? plain(v) : <p className="muted small absent">{t('versions:compare.notInVersion', { label: which })}</p>}
      </div>
    );
    body = row.status === 'changed' && before !== undefined && after !== undefined
      ? <div className="side-by-side-redline" role="group" aria-label={t('versions:compare.sideBySideLabel', { a: aLabel, b: bLabel })}><Redline before={before} after={after} lang={lang} mode="side-by-side" /></div>
      : <div className="redline-columns">
          {row.status === 'removed' ? <div className="side"><Redline before={before ?? ''} after="" lang={lang} /></div> : side(before, row.a !== null, aLabel)}
          {row.status === 'added' ? <div className="side"><Redline before="" after={after ?? ''} lang={lang} /></div> : side(after, row.b !== null, bLabel)}
        </div>;
  }
  return (
    <article className={`compared-point status-${row.status}`} aria-labelledby={headingId} data-testid="compared-point" data-status={row.status} data-point={row.pointId}>
      <header className="compared-head">
        <h3 id={headingId}>{pointLabel(t, row)}</h3>
        <span className="numbers small muted">
          {t('versions:compare.numbers', { a: t('versions:short', { n: a.seqNo }), an: row.a?.number ?? '—', b: t('versions:short', { n: b.seqNo }), bn: row.b?.number ?? '—' })}
        </span>
        <span className="marks">
          {(row.status !== 'unchanged' || !row.renumbered) && <ChangeBadge change={row.status} />}
          {row.moved && row.status !== 'moved' && <ChangeBadge change="moved" />}
          {row.renumbered && <ChangeBadge change="renumbered" />}
        </span>
      </header>
      {lineage?.get(row.pointId) && <LineageNote lineage={lineage.get(row.pointId)!} />}
      {body}
      {row.textChanged && !row.changedLanguages.includes(lang) && (
        <p className="hint">{t('versions:compare.changedElsewhere', { languages: row.changedLanguages.map(languageName).join(t('versions:summary.separator')) })}</p>
      )}
    </article>
  );
}
