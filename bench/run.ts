/** `npm run bench [-- NAME...]`: runs the named benchmarks (all by default), one JSON line per result. */
import { eventLogBench } from './event-log.bench.ts';
import { liveFanoutBench } from './live-fanout.bench.ts';
import { pointsBench } from './points.bench.ts';
import { positionWritesBench } from './position-writes.bench.ts';
import { redlineBench } from './redline.ts';
import { settlementBench } from './settlement.ts';
import { tracingBench } from './tracing.ts';
import { webMapBench } from './web-map.ts';
import type { Bench } from './harness.ts';

const all: Bench[] = [eventLogBench, pointsBench, liveFanoutBench, positionWritesBench, webMapBench, redlineBench, settlementBench, tracingBench];
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !all.some((b) => b.name === w));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown benchmark ${unknown.join(', ')}; known: ${all.map((b) => b.name).join(', ')}\n`);
  process.exit(2);
}
for (const b of all.filter((x) => wanted.length === 0 || wanted.includes(x.name))) {
  for (const r of await b.run()) process.stdout.write(JSON.stringify(r) + '\n');
}
