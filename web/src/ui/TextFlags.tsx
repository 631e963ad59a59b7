/**
 * Where a text is shown, the characters that can make what is seen differ from what is signed
 * (ARCHITECTURE §7), as the server found them: a warning, the list of characters with their
 * code point, name and position, and the text again with each one made visible. Bidirectional
 * and invisible characters are replaced by a marker in that copy (left in, an override would
 * reorder the copy too); a look-alike letter is kept and marked.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextFlag } from '../../../src/domain/text/text-flag.ts';
import { dirOfLang } from '../i18n/text-direction.ts';
import { Icon } from './icons.tsx';
import './text-flags.css';

/** "⟨U+202E RIGHT-TO-LEFT OVERRIDE⟩": how a flagged character is written where it is made visible. */
export function flagMarker(f: Pick<TextFlag, 'codePoint' | 'name'>): string {
  return `⟨${f.codePoint} ${f.name}⟩`;
}

/** The id of the warning for a text, for the shown text's `aria-describedby`. */
export function textFlagsId(scope: string, lang: string): string {
  return `flags-${scope}-${lang}`;
}

export function TextFlags({ text, flags, lang, scope }: { text: string; flags: readonly TextFlag[] | undefined; lang: string; scope: string }) {
  const { t } = useTranslation();
  const uid = useId();
  if (!flags || flags.length === 0) return null;
  const id = textFlagsId(scope, lang);
  return (
    <div className="text-flags" role="group" id={id} aria-labelledby={`${uid}-title`} data-testid="text-flags" data-lang={lang}>
      <p className="text-flags-title" id={`${uid}-title`}>
        <Icon name="warning" className="symbol" />
        <strong>{t('common:textFlags.title', { count: flags.length })}</strong>
      </p>
      <p className="hint">{t('common:textFlags.intro')}</p>
      <ul className="text-flags-list">
        {flags.map((f) => (
          <li key={`${f.index}-${f.kind}`} data-kind={f.kind} data-code-point={f.codePoint}>
            <code className="text-flag-marker" dir="ltr">{flagMarker(f)}</code>{' '}
            <span>{t(`common:textFlags.kind.${f.kind}`)}</span>{' · '}
            <span>{t('common:textFlags.at', { position: f.codePointIndex + 1 })}</span>
            {f.kind === 'confusable' && f.looksLike !== undefined && (
              <>
                {' · '}
                <span>{t('common:textFlags.looksLike', { char: f.looksLike, word: f.word ?? '' })}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      <p className="text-flags-revealed-label hint">{t('common:textFlags.revealed')}</p>
      <p className="text-flags-revealed" lang={lang} dir={dirOfLang(lang)} data-testid="text-revealed">{reveal(text, flags)}</p>
    </div>
  );
}

function reveal(text: string, flags: readonly TextFlag[]): React.ReactNode[] {
  const out: React.ReactNode[] = [];
  let at = 0;
  for (const f of [...flags].sort((a, b) => a.index - b.index)) {
    if (f.index < at) continue;
    out.push(text.slice(at, f.index));
    out.push(
      f.kind === 'confusable'
        ? <mark key={f.index} className="text-flag-confusable" title={flagMarker(f)}>{f.char}</mark>
        : <mark key={f.index} className="text-flag-marker" dir="ltr">{flagMarker(f)}</mark>,
    );
    at = f.index + f.char.length;
  }
  out.push(text.slice(at));
  return out;
}
