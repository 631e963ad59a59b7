/**
 * What people said in public about this point: the quote in its own language and
 * direction, a translation in the UI language when there is one, who said it, when, and
 * where it was reported (linked when the source is a web address). Above them, where a
 * party's public words contradict its position on this point as I may see it.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StatementOut } from '../../api/schemas.ts';
import { dirOfLang, pickLanguage } from '../../i18n/text-direction.ts';
import { useNegotiation } from '../../negotiation/context.tsx';
import { useNames } from '../../negotiation/names.ts';
import { LevelBadge } from '../../ui/badges.tsx';
import { formatDate } from '../../ui/dates.ts';
import { Empty, ErrorMessage, Loading } from '../../ui/feedback.tsx';
import { DiscrepancyItem } from '../statements/Discrepancies.tsx';
import { useDiscrepancies } from '../statements/discrepancy-queries.ts';
import { FreeText } from './FreeText.tsx';
import { useStatements } from './point-queries.ts';

export function StatementsSection({ pointId }: { pointId: string }) {
  const { t } = useTranslation();
  const { id } = useNegotiation();
  const statements = useStatements(id, pointId);
  const discrepancies = useDiscrepancies(id, pointId);
  const uid = useId();
  return (
    <section className="card pp-section" aria-labelledby={`${uid}-title`} data-testid="point-statements">
      <div className="pp-section-head">
        <h2 id={`${uid}-title`}>{t('point:statements.title')}</h2>
        <Link to={`/n/${id}/statements?point=${pointId}`} className="small">{t('point:statements.all')}</Link>
      </div>
      {(discrepancies.data ?? []).length > 0 && (
        <div className="pp-discrepancies" data-testid="point-discrepancies">
          <h3 className="small">{t('point:statements.discrepancies')}</h3>
          <ul className="plain-list">
            {discrepancies.data!.map((d) => <DiscrepancyItem key={`${d.partyId}:${d.pointId}`} d={d} as="li" />)}
          </ul>
        </div>
      )}
      {statements.isPending ? <Loading /> : statements.isError ? <ErrorMessage error={statements.error} /> : statements.data.length === 0 ? (
        <Empty>{t('point:statements.none')}</Empty>
      ) : (
        <ul className="pp-statement-list">
          {statements.data.map((s) => <StatementItem key={s.id} s={s} />)}
        </ul>
      )}
    </section>
  );
}

function StatementItem({ s }: { s: StatementOut }) {
  const { t, i18n } = useTranslation();
  const { id } = useNegotiation();
  const names = useNames(id);
  const translationLang = s.lang === i18n.language ? null : pickLanguage(s.translations, i18n.language);
  const speaker = names.person(s.personId) || s.speakerAsNamed;
  const isWeb = /^https?:\/\//i.test(s.source.url);
  return (
    <li className="pp-statement" data-testid="statement">
      <figure>
        <blockquote lang={s.lang} dir={dirOfLang(s.lang)} className="pp-statement-quote">
          <p>{s.quote}</p>
        </blockquote>
        {translationLang && (
          <p className="pp-statement-translation small" lang={translationLang} dir={dirOfLang(translationLang)}>
            <span className="visually-hidden">{t('point:statements.translation')} </span>{s.translations[translationLang]}
          </p>
        )}
        <figcaption className="small">
          <bdi className="pp-statement-speaker">{names.person(s.personId) ? speaker : <FreeText value={speaker} />}</bdi>
          {s.partyId && <> · <bdi>{names.party(s.partyId)}</bdi></>}
          {' · '}<time dateTime={s.date}>{formatDate(s.date, i18n.language)}</time>
          {' · '}
          {isWeb ? (
            <a href={s.source.url} rel="noreferrer noopener" target="_blank"><bdi><FreeText value={s.source.title} /></bdi></a>
          ) : (
            <cite><bdi><FreeText value={s.source.title} /></bdi></cite>
          )}
          {s.source.publisher && <>, <bdi><FreeText value={s.source.publisher} /></bdi></>}
          {s.stance && <> <span className="pp-statement-stance">{t('point:statements.stance')} <LevelBadge level={s.stance} /></span></>}
        </figcaption>
      </figure>
    </li>
  );
}
