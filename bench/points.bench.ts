/**
 * Point import on a long agreement (900 numbered points with sub-items, hard wraps and a
 * preamble) against the naive baseline of splitting on lines that start with "N.".
 */
import { parsePoints } from '../src/domain/framework/parse-points.ts';
import { median, result, type Bench } from './harness.ts';

function longAgreement(points: number): string {
  const lines = ['FRAMEWORK AGREEMENT', '', 'The Parties, recalling their commitments, have agreed as follows:', ''];
  for (let i = 1; i <= points; i++) {
    lines.push(`${i}. The Parties shall take the measures set out in this point, including`);
    lines.push('   the arrangements agreed by the working group on implementation.');
    if (i % 5 === 0) lines.push('   a) the first sub-item;', '   b) the second sub-item.');
  }
  return lines.join('\n');
}

export const pointsBench: Bench = {
  name: 'points',
  async run() {
    const text = longAgreement(900);
    const parsed = parsePoints(text, { lang: 'en' });
    if (parsed.points.length !== 900) throw new Error(`points bench: parsed ${parsed.points.length} points, expected 900`);
    const ours = await median(7, () => parsePoints(text, { lang: 'en' }));
    const naive = await median(7, () => text.split(/\n(?=\d+\.\s)/));
    return [result({ bench: 'points', metric: 'parse 900-point agreement', value: ours, unit: 'ms', baseline: 'regex split on "N." line starts (no sub-items, wraps or language detection)', baselineValue: naive })];
  },
};
