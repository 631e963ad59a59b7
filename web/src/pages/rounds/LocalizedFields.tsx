/**
 * A text given in one or more languages: one row per language, each input carrying the
 * lang and dir of what is typed in it, so an Urdu title is edited right-to-left even in
 * an English form.
 */
import { useTranslation } from 'react-i18next';
import { dirOfLang } from '../../i18n/text-direction.ts';
import { languageName } from './format.ts';
import type { LangRow } from './round-form.ts';

interface Props {
  /** Stable prefix for ids and test ids ("title", "place"…). */
  name: string;
  legend: string;
  rows: LangRow[];
  onChange: (rows: LangRow[]) => void;
  languages: readonly string[];
  multiline?: boolean;
  hint?: string;
  required?: boolean;
}

export function LocalizedFields({ name, legend, rows, onChange, languages, multiline = false, hint, required = false }: Props) {
  const { t, i18n } = useTranslation();
  const set = (i: number, patch: Partial<LangRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const unused = languages.find((l) => !rows.some((r) => r.lang === l));
  return (
    <fieldset className="rd-localized-fields" data-testid={`${name}-fields`}>
      <legend>{legend}{required && <span aria-hidden="true"> *</span>}</legend>
      {hint && <p className="hint" id={`${name}-hint`}>{hint}</p>}
      {rows.map((row, i) => {
        const lname = languageName(row.lang, i18n.language);
        const inputId = `${name}-text-${i}`;
        const common = {
          id: inputId, 'data-testid': inputId, value: row.text, lang: row.lang, dir: dirOfLang(row.lang),
          'aria-describedby': hint ? `${name}-hint` : undefined,
          onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(i, { text: e.target.value }),
        };
        return (
          <div className="rd-localized-row" key={i}>
            <select
              aria-label={t('rounds:form.languageOf', { field: legend })} data-testid={`${name}-lang-${i}`}
              value={row.lang} onChange={(e) => set(i, { lang: e.target.value })}
            >
              {languages.map((l) => <option key={l} value={l} disabled={l !== row.lang && rows.some((r) => r.lang === l)}>{languageName(l, i18n.language)}</option>)}
            </select>
            <label className="visually-hidden" htmlFor={inputId}>{`${legend} (${lname})`}</label>
            {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
            {rows.length > 1 && (
              <button type="button" className="button small" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                {t('rounds:form.removeLanguage')}<span className="visually-hidden"> {lname}</span>
              </button>
            )}
          </div>
        );
      })}
      {unused && (
        <button type="button" className="button small rd-add-language" data-testid={`${name}-add`} onClick={() => onChange([...rows, { lang: unused, text: '' }])}>
          {t('rounds:form.addLanguage')}<span className="visually-hidden"> ({legend})</span>
        </button>
      )}
    </fieldset>
  );
}
