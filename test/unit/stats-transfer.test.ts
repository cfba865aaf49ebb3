// Partial aggregation states cross threads as data (src/stats/transfer.ts): for every stats
// function, aggregating a stream in two parts, sending the second part's state through
// structuredClone (what postMessage does) and merging gives the single-pass result (issue 5:
// worker threads must give results identical to one thread, order-dependent functions included).
import { describe, expect, it } from 'vitest';
import { AGGREGATIONS } from '../../src/stats/aggregations.js';
import { accumulatorState, restoreAccumulator } from '../../src/stats/transfer.js';
import type { Scalar } from '../../src/data/event.js';
import type { AggregationSpec } from '../../src/stats/types.js';

/** Values with order keys as a plain search delivers them: reading order, times not sorted. */
const STREAM: Array<{ values: Scalar[]; time: number; seq: number }> = [
  { values: ['3'], time: 100, seq: 0 },
  { values: ['10', 'b'], time: 300, seq: 1 },
  { values: ['a'], time: 200, seq: 2 },
  { values: ['3'], time: 300, seq: 3 },
  { values: ['-2.5'], time: 50, seq: 4 },
  { values: ['7', '7'], time: 250, seq: 5 },
  { values: [], time: 400, seq: 6 },
  { values: ['b'], time: 200, seq: 7 },
];
/** Sums of non-integers may differ in the last digits when merged (inexactMerge): integers only. */
const INTEGERS = STREAM.map((e) => ({ ...e, values: e.values.filter((v) => /^-?\d+$/.test(String(v))) }));

function feed(spec: AggregationSpec, param: number | undefined, events: typeof STREAM) {
  const acc = spec.create(param);
  for (const e of events) if (e.values.length > 0 || spec.name === 'count') acc.add(e.values, { time: e.time, seq: e.seq });
  return acc;
}

const cases = Object.values(AGGREGATIONS).map((spec) => [spec.name, spec] as const);

describe('accumulator states through structuredClone', () => {
  it.each(cases)('%s: any split merges to the single-pass result', (_name, spec) => {
    const param = spec.name.includes('perc') ? 75 : undefined;
    const events = spec.inexactMerge ? INTEGERS : STREAM;
    const whole = feed(spec, param, events).result();
    for (let cut = 0; cut <= events.length; cut++) {
      const first = feed(spec, param, events.slice(0, cut));
      const second = feed(spec, param, events.slice(cut));
      const sent = structuredClone(accumulatorState(second));
      first.merge(restoreAccumulator(spec.create(param), sent));
      expect(first.result(), `cut at ${cut}`).toEqual(whole);
    }
  });
});
