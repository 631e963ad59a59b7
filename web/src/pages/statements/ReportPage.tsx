/**
 * An imported report as it was recorded: its source (the link shown, never fetched), its
 * text line by line in its own language and direction, and the statements taken from it,
 * each at its line. A statement's "line N" link lands here.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { getAll } from '../../api/client.ts';
import { StatementOut, page } from '../../api/schemas.ts';
import { dirOfLang } from '../../i18n/text-direction.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { nKey } from '../../negotiation/queries.ts';
import { LevelBadge, VisibilityBadge } from '../../ui/badges.tsx';
import { ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { formatDay, languageName } from '../rounds/format.ts';
import { useReport } from './report-queries.ts';
import { safeHref } from './statements.ts';
import './statements.css';

export function ReportPage() {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const { reportId = '' } = useParams();
  const names = useNames(id);
  const report = useReport(id, reportId);
  const statements = useQuery({
    queryKey: nKey(id, 'statements', `?reportId=${reportId}`),
    queryFn: () => getAll(`/api/negotiations/${id}/statements?reportId=${encodeURIComponent(reportId)}`, page(StatementOut)),
  });
  useDocumentTitle(report.data?.title || t('statements:report.title'));
  const { hash } = useLocation();
  useEffect(() => {
    if (report.data && hash.startsWith('#line-')) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [report.data, hash]);

  if (report.isPending) return <section className="page"><Loading /></section>;
  if (report.isError) return <section className="page"><ErrorMessage error={report.error} /></section>;
  const r = report.data;
  const href = safeHref(r.url);
  const byLine = new Map<number, StatementOut[]>();
  for (const s of statements.data ?? []) if (s.source.line !== null) byLine.set(s.source.line, [...(byLine.get(s.source.line) ?? []), s]);
  const target = hash.startsWith('#line-') ? Number(hash.slice(6)) : null;
  return (
    <section className="page report-page" aria-labelledby="report-heading">
      <p className="small"><Link to={`/n/${id}/statements?report=${r.id}`}>{t('statements:report.back')}</Link></p>
      <h1 id="report-heading"><bdi>{r.title || t('statements:report.untitled')}</bdi></h1>
      <p className="muted">
        {r.publisher && <><bdi>{r.publisher}</bdi> · </>}
        <time dateTime={r.date}>{formatDay(r.date, i18n.language)}</time> · {languageName(r.lang, i18n.language)}
        {href && <> · <a href={href} rel="noreferrer noopener" target="_blank">{t('statements:report.link')}</a></>} · <VisibilityBadge visibility={r.visibility} />
      </p>
      <p className="small muted">{t('statements:report.hash', { hash: r.sha256.slice(0, 12) })}</p>
      <ol className="report-lines card" lang={r.lang} dir={dirOfLang(r.lang)} data-testid="report-lines">
        {r.lines.map((line, i) => {
          const n = i + 1;
          const here = byLine.get(n) ?? [];
          return (
            <li key={n} id={`line-${n}`} className={`${here.length ? 'has-statements' : ''}${target === n ? ' target' : ''}`}>
              <span>{line}</span>
              {here.length > 0 && (
                <ul className="report-line-statements" lang={i18n.language} dir={dirOfLang(i18n.language)}>
                  {here.map((s) => (
                    <li key={s.id} className="small">
                      <bdi>{names.person(s.personId) || s.speakerAsNamed || t('statements:unknownSpeaker')}</bdi>
                      {': '}<q lang={s.lang} dir={dirOfLang(s.lang)}>{s.quote}</q>
                      {s.stance && <> <LevelBadge level={s.stance} compact /></>}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
