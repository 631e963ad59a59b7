import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '../i18n/i18n.ts';
import { Icon } from '../ui/icons.tsx';

/** Each language names itself in its own script, so anyone can find theirs. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id} className="visually-hidden">{t('common:language')}</label>
      <Icon name="globe" />
      <select id={id} value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)} data-testid="language">
        {UI_LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>{l.name}</option>
        ))}
      </select>
    </div>
  );
}
