// stats sparkline: the default span (limits.conf sparkline_time_steps, sparkline_maxsize = 100),
// the bin cap, the shared time axis and merging of partial states.
// https://docs.splunk.com/Documentation/Splunk/latest/Admin/Limitsconf ([stats] sparkline_*)
import { describe, expect, it } from 'vitest';
import { binStarts, defaultSparklineSpan, SPARKLINE_MARKER, sparklineSpec } from '../../../src/stats/sparkline.js';
import { lookupAggregation } from '../../../src/stats/aggregations.js';
import type { AggScope } from '../../../src/stats/types.js';
import { lastCommandNode, roundTrip, syntaxFailure } from './corpus-nodes-by-kind.js';

const DAY = 86400;

describe('defaultSparklineSpan', () => {
  it.each([
    [0, { kind: 'fixed', seconds: 1, align: 0 }],
    [100, { kind: 'fixed', seconds: 1, align: 0 }],
    [101, { kind: 'fixed', seconds: 5, align: 0 }],
    [3600, { kind: 'fixed', seconds: 60, align: 0 }],
    [24 * 3600, { kind: 'fixed', seconds: 1800, align: 0 }],
    [7 * DAY, { kind: 'days', days: 1 }],
    [200 * DAY, { kind: 'months', months: 1 }],
    [20 * 365 * DAY, { kind: 'months', months: 1 }],
  ])('a range of %i s', (range, span) => expect(defaultSparklineSpan(1_700_000_000, 1_700_000_000 + range)).toEqual(span));
});

describe('binStarts', () => {
  it('at most 100 bins, the latest ones', () => {
    const starts = binStarts({ kind: 'fixed', seconds: 1, align: 0 }, 1000, 2000, 'UTC');
    expect(starts).toHaveLength(100);
    expect([starts[0], starts[99]]).toEqual([1901, 2000]);
  });

  it('day bins follow the local midnight of the time zone', () => {
    const t = Date.UTC(2024, 5, 1, 12) / 1000;
    const starts = binStarts({ kind: 'days', days: 1 }, t, t + DAY, 'America/New_York');
    expect(starts.map((s) => new Date(s * 1000).toISOString())).toEqual(['2024-06-01T04:00:00.000Z', '2024-06-02T04:00:00.000Z']);
  });
});

describe('sparkline accumulators', () => {
  const count = sparklineSpec({ inner: null, span: { kind: 'fixed', seconds: 10, align: 0 }, zone: 'UTC' });

  it('share one time axis through the table scope', () => {
    const scope: AggScope = new Map();
    const a = count.create(undefined, scope);
    const b = count.create(undefined, scope);
    a.add([], { time: 100, seq: 0 });
    b.add([], { time: 135, seq: 1 });
    expect(a.result()).toEqual([SPARKLINE_MARKER, '1', '0', '0', '0']);
    expect(b.result()).toEqual([SPARKLINE_MARKER, '0', '0', '0', '1']);
  });

  it('merge to the single-pass result, and skip results without _time', () => {
    const dc = sparklineSpec({ inner: lookupAggregation('dc')!, span: null, zone: 'UTC' });
    const whole = dc.create();
    const left = dc.create();
    const right = dc.create();
    const input: [string, number][] = [['x', 10], ['y', 11], ['x', 12], ['z', 40]];
    input.forEach(([v, t], i) => {
      whole.add([v], { time: t, seq: i });
      (i < 2 ? left : right).add([v], { time: t, seq: i });
    });
    whole.add(['w'], { time: -Infinity, seq: 9 });
    left.merge(right);
    expect(left.result()).toEqual(whole.result());
    expect((whole.result() as string[]).slice(0, 4)).toEqual([SPARKLINE_MARKER, '1', '1', '1']);
  });

  it('no time at all: the marker alone', () => {
    expect(count.create().result()).toEqual([SPARKLINE_MARKER]);
  });
});

describe('sparkline: syntax (chart sparkline-agg, also in stats)', () => {
  it('bare, with a function, a field and a span; the output name is the text as written', () => {
    const c = lastCommandNode('* | stats sparkline, sparkline(count,1h), sparkline(dc(user)) AS u', 'stats');
    expect(c.aggregations.map((a) => [a.text, a.arg, a.sparkline && { ...a.sparkline, fnSpan: undefined }])).toMatchObject([
      ['sparkline', null, undefined],
      ['sparkline(count,1h)', null, { fn: 'count', field: null, span: { text: '1h' } }],
      ['sparkline(dc(user))', { kind: 'field', name: 'user' }, { fn: 'dc', field: { name: 'user' }, span: null }],
    ]);
    expect(roundTrip('* | stats sparkline(avg(bytes), 5m) AS s count BY host')).toEqual({
      printed: '* | stats sparkline(avg(bytes), 5m) AS s count BY host',
      same: true,
    });
  });

  it('other functions keep a plain field argument', () => {
    expect(syntaxFailure('* | stats values(dc(user))')).toMatchObject({ code: 'P005', at: '(' });
  });
});
