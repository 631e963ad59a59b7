/**
 * `bench/tracing`: reading and tracing a leak. A synthetic agreement of 300 points (about
 * 18,000 words, fixed seed) with its format slots; 20 recipients' copies; the leak is 30
 * consecutive points of one copy (about 1,800 words) between a journalist's paragraphs. In one run:
 *
 * - `readLeak` (unique word 4-grams locate the passage, one diff per passage, slots read
 *   between exact anchors), against jsdiff's `diffWords` of the leak against the whole master
 *   (the obvious way to line a leak up with its source; it reads no slot at all);
 * - the whole trace (`traceLeak`: reading, then every recipient scored against the
 *   Bernstein and Chernoff thresholds), against `readLeak` alone: what scoring adds.
 *
 * Every slot read must show the leaker's own bit, and the leaker must be the one accused, or
 * the bench fails.
 */
import { diffWords } from 'diff';
import { documentSlots, renderCopy, type FingerprintDocument } from '../src/domain/tracing/fingerprint-document.ts';
import { biasesFor, codewordFor, FINGERPRINT_CUTOFF } from '../src/domain/tracing/keyed-code.ts';
import { readLeak } from '../src/domain/tracing/read-leak.ts';
import { traceLeak } from '../src/domain/tracing/trace-leak.ts';
import { median, result, rng, type Bench, type Result } from './harness.ts';

const WORDS = 'parties shall agree ceasefire within days territory guarantees sanctions security forces withdrawal monitoring commission elections referendum prisoners exchange humanitarian corridor reconstruction fund energy grain export port nuclear plant inspection council obligations implementation arbitration dispute resolution notice period amendment signature ratification parliament treaty annex protocol article clause provision binding effect'.split(' ');

function paragraph(r: () => number): string {
  const n = 45 + Math.floor(r() * 30);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(r() * WORDS.length)]! + (r() < 0.06 ? ',' : ''));
  return `${out.join(' ')}.`;
}

export const tracingBench: Bench = {
  name: 'tracing',
  async run(): Promise<Result[]> {
    const r = rng(8);
    const doc: FingerprintDocument = { kind: 'version', id: 'v', lang: 'en', paragraphs: Array.from({ length: 300 }, (_, i) => ({ key: `p${i}`, text: paragraph(r) })) };
    const master = doc.paragraphs.map((p) => p.text);
    const slots = documentSlots(doc, []);
    const secret = new Uint8Array(32).fill(9);
    const ids = slots.map((s) => s.id);
    const biases = biasesFor(secret, slots);
    const recipients = Array.from({ length: 20 }, (_, j) => ({ id: `r${j}`, bits: codewordFor(secret, `r${j}`, ids, biases), carried: null }));
    const leaker = recipients[3]!;
    const copy = renderCopy(doc, slots, leaker.bits);
    const leak = `A newspaper obtained the draft.\n\n${copy.slice(120, 150).join('\n\n')}\n\nThe ministry did not comment.`;

    const reading = readLeak(master, slots, leak, 'en');
    const read = reading.readings.filter((y) => y !== null).length;
    if (read < 1000 || reading.readings.some((y, i) => y !== null && y !== leaker.bits[i])) throw new Error(`tracing bench: ${read} slots read, or a wrong read`);
    const candidate = { kind: 'version' as const, id: 'v', label: 'v', lang: 'en', paragraphs: master, paragraphLabels: master.map((_, i) => String(i + 1)), slots, biases, recipients };
    const traced = traceLeak([candidate], leak, 1e-3, FINGERPRINT_CUTOFF);
    if (traced.suspects.filter((s) => s.accused).map((s) => s.recipient).join() !== 'r3') throw new Error('tracing bench: the leaker was not the one accused');

    const ours = await median(7, () => readLeak(master, slots, leak, 'en'));
    const naive = await median(3, () => diffWords(master.join('\n\n'), leak));
    const whole = await median(7, () => traceLeak([candidate], leak, 1e-3, FINGERPRINT_CUTOFF));
    return [
      result({ bench: 'tracing', metric: `readLeak: ${leak.split(/\s+/u).length}-word leak against a ${master.join(' ').split(/\s+/u).length}-word document (${read} slots read)`, value: ours, unit: 'ms', baseline: 'jsdiff diffWords of the leak against the whole master', baselineValue: naive }),
      result({ bench: 'tracing', metric: 'traceLeak: reading and scoring 20 recipients', value: whole, unit: 'ms', baseline: 'readLeak alone', baselineValue: ours }),
    ];
  },
};
