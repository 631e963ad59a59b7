/**
 * Which language a text is written in, as an ISO 639-1 code, or "und" when it cannot be told.
 *
 * Backed by `eld` (Efficient Language Detector): pure JavaScript, no dependencies, and of the
 * detectors tried it was the one that kept Urdu, Arabic and Persian apart on short
 * sentences (they share a script) and Russian apart from Ukrainian. The medium database is
 * the trade-off: the large one loads in twice the time and memory for no difference on the
 * texts Parley imports. It has no Bosnian model: Bosnian Latin comes back as "hr".
 */
import { eld } from 'eld/medium';

/** Characters enough for a stable answer; more only costs time on a 20 MB import. */
const SAMPLE_CHARS = 6000;

/**
 * Numbers, markers and punctuation carry no language and skew n-gram detectors: a list such
 * as "1. NATO 2. EU" otherwise reads as Italian.
 */
function languageBearing(text: string): string {
  return text
    .slice(0, SAMPLE_CHARS * 2)
    .replace(/https?:\/\/\S+/gu, ' ')
    .replace(/[\p{N}\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, SAMPLE_CHARS);
}

export function detectLanguage(text: string): string {
  const sample = languageBearing(text.normalize('NFC'));
  if (sample === '') return 'und';
  const result = eld.detect(sample);
  if (result.language === '' || !result.isReliable()) return 'und';
  return result.language;
}
