/**
 * One point as a mediator or delegate works on it: its text in every language side by
 * side, its number across versions, a redline against any earlier version, each party's
 * position and history, the amendments on it with their actions, and what was said about
 * it in public. Everything shown is what the server lets this viewer see; live events
 * refresh it in place.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useSections } from '../../negotiation/queries.ts';
import { StatusBadge } from '../../ui/badges.tsx';
import { ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { Icon } from '../../ui/icons.tsx';
import { LocalizedText } from '../../ui/LocalizedText.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { AmendmentsSection } from './AmendmentsSection.tsx';
import { PointTextSection } from './PointTextSection.tsx';
import { useAgreement, usePoint, useVersionDetails, useVersionList } from './point-queries.ts';
import { numbersAcrossVersions, tagLabel } from './point-view.ts';
import { PositionsSection } from './PositionsSection.tsx';
import { RedlineSection } from './RedlineSection.tsx';
import { StatementsSection } from './StatementsSection.tsx';
import './point.css';

export function PointPage() {
  const { t } = useTranslation();
  const { id, overview } = useNegotiation();
  const { pointId = '' } = useParams();
  const point = usePoint(id, pointId);
  const sections = useSections(id);
  const agreement = useAgreement(id);
  const versionList = useVersionList(id);
  const versionIds = (versionList.data ?? []).map((v) => v.id);
  const details = useVersionDetails(id, versionIds);
  const versions = details.flatMap((d) => (d.data ? [d.data] : []));
  const versionsReady = versionList.isSuccess && versions.length === versionIds.length;
  useDocumentTitle(point.data ? t('point:title', { number: point.data.number }) : undefined);

  if (point.isPending) return <Loading />;
  if (point.isError) {
    return (
      <section className="page">
        <ErrorMessage error={point.error} />
        <p><Link to={`/n/${id}`}>{t('point:backToMap')}</Link></p>
      </section>
    );
  }
  const p = point.data;
  const section = sections.data?.find((s) => s.id === p.sectionId);
  const row = agreement.data?.rows.find((r) => r.pointId === p.id);

  return (
    <article className="page point-page" aria-labelledby="point-title">
      <nav aria-label={t('point:breadcrumb')} className="pp-breadcrumb small">
        <Link to={`/n/${id}`}>{t('common:nav.map')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{t('point:title', { number: p.number })}</span>
      </nav>

      <header className="pp-header card">
        <div className="pp-heading">
          <h1 id="point-title">{t('point:title', { number: p.number })}</h1>
          {row && <StatusBadge status={row.status} />}
          {p.removed && <span className="badge pp-removed">{t('point:removed')}</span>}
        </div>
        <dl className="facts pp-facts">
          <dt>{t('point:section')}</dt>
          <dd>{section ? <LocalizedText texts={section.title} drafting={overview.draftingLanguage} /> : <span className="muted">{t('point:noSection')}</span>}</dd>
          <dt>{t('point:tags')}</dt>
          <dd>
            {p.tags.length === 0 ? <span className="muted">{t('point:noTags')}</span> : (
              <ul className="pp-tags">
                {p.tags.map((tag) => <li key={tag} lang="en" dir="ltr" title={tag}>{tagLabel(tag)}</li>)}
              </ul>
            )}
          </dd>
          <dt>{t('point:agreement')}</dt>
          <dd>
            {row ? t('point:agreementSummary', { status: t(`common:status.${row.status}`), count: row.missing.length }) : <span className="muted">{t('point:agreementUnknown')}</span>}
          </dd>
          <dt>{t('point:acrossVersions')}</dt>
          <dd data-testid="point-numbers">
            {!versionsReady ? <span className="muted">{t('common:loading')}</span> : versions.length === 0 ? <span className="muted">{t('point:noVersions')}</span> : (
              <ol className="pp-numbers">
                {numbersAcrossVersions(versions, p.id).map((n) => (
                  <li key={n.versionId}>
                    <Link to={`/n/${id}/versions`} title={n.label}>
                      {n.number === null ? t('point:notInVersion', { seq: n.seqNo }) : t('point:numberInVersion', { seq: n.seqNo, number: n.number })}
                    </Link>
                  </li>
                ))}
                <li aria-current="true"><strong>{t('point:numberNow', { number: p.number })}</strong></li>
              </ol>
            )}
          </dd>
        </dl>
        {p.illustrative && (
          <p className="pp-illustrative" data-testid="illustrative">
            <Icon name="warning" /> <strong>{t('point:illustrative.label')}</strong> {t('point:illustrative.body')}
          </p>
        )}
      </header>

      <PointTextSection point={p} />
      <RedlineSection point={p} versions={versions} ready={versionsReady} />
      <PositionsSection pointId={p.id} />
      <AmendmentsSection point={p} />
      <StatementsSection pointId={p.id} />
    </article>
  );
}
