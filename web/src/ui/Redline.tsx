/**
 * A redline of one text against another: deletions struck through, insertions underlined,
 * each also marked for screen readers (<del>/<ins> plus a hidden "deleted:" / "inserted:"),
 * so the change never relies on colour alone. Inline or side by side.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { wordDiff, type DiffPart } from '../../../src/domain/text/word-diff.ts';
import { dirOfLang } from '../i18n/text-direction.ts';

function Part({ p }: { p: DiffPart }) {
  const { t } = useTranslation();
  if (p.op === 'equal') return <span>{p.text}</span>;
  const Tag = p.op === 'insert' ? 'ins' : 'del';
  return (
    <Tag className={`redline-${p.op}`}>
      <span className="visually-hidden">{t(p.op === 'insert' ? 'common:redline.inserted' : 'common:redline.deleted')} </span>
      {p.text}
    </Tag>
  );
}

interface Props { before: string; after: string; lang: string; mode?: 'inline' | 'side-by-side' }

export function Redline({ before, after, lang, mode = 'inline' }: Props) {
  const { t } = useTranslation();
  const parts = useMemo(() => wordDiff(before, after, lang), [before, after, lang]);
  const dir = dirOfLang(lang);
  if (mode === 'inline') {
    return (
      <div className="redline" lang={lang} dir={dir}>
        {parts.map((p, i) => <Part key={i} p={p} />)}
      </div>
    );
  }
  return (
    <div className="redline-columns">
      <div className="redline" lang={lang} dir={dir} aria-label={t('common:redline.before')}>
        {parts.filter((p) => p.op !== 'insert').map((p, i) => <Part key={i} p={p} />)}
      </div>
      <div className="redline" lang={lang} dir={dir} aria-label={t('common:redline.after')}>
        {parts.filter((p) => p.op !== 'delete').map((p, i) => <Part key={i} p={p} />)}
      </div>
    </div>
  );
}
