import { useTranslation } from 'react-i18next';
import { dirOfLang, pickLanguage } from '../i18n/text-direction.ts';

interface Props {
  texts: Record<string, string>;
  /** The negotiation's drafting language, preferred after the UI language. */
  drafting?: string | undefined;
  /** Force one language (side-by-side views). */
  lang?: string;
  as?: 'span' | 'p' | 'div' | 'h1' | 'h2' | 'h3';
  className?: string;
}

/** User text in the best language available, carrying its own lang and dir. */
export function LocalizedText({ texts, drafting, lang, as: Tag = 'span', className }: Props) {
  const { i18n, t } = useTranslation();
  const l = lang ?? pickLanguage(texts, i18n.language, drafting);
  if (!l || !texts[l]) return <Tag className={`muted ${className ?? ''}`}>{t('common:noText')}</Tag>;
  return (
    <Tag lang={l} dir={dirOfLang(l)} className={className}>
      {texts[l]}
    </Tag>
  );
}

/** A single string in a known language (a statement's quote, a reason). */
export function Text({ value, lang, as: Tag = 'span', className }: { value: string; lang?: string | null; as?: 'span' | 'p' | 'div' | 'q' | 'blockquote'; className?: string }) {
  return (
    <Tag lang={lang ?? undefined} dir={lang ? dirOfLang(lang) : 'auto'} className={className}>
      {value}
    </Tag>
  );
}
