/** streamstats windows: count and time limits, per-group filtering, snapshots (stats/window.ts). */
import { describe, expect, it } from 'vitest';
import type { Row } from '../../../src/data/event.js';
import { parse } from '../../../src/spl/parse.js';
import { stateResults } from '../../../src/stats/feed.js';
import { planAggregations } from '../../../src/stats/plan.js';
import { EventWindow, snapshot } from '../../../src/stats/window.js';

const clock = { now: 0, zone: 'UTC' };

function aggsOf(text: string) {
  const cmd = parse(`* | stats ${text}`).commands[1]!;
  if (cmd.kind !== 'stats') throw new Error('not stats');
  return planAggregations('streamstats', cmd.aggregations, [], undefined, { clock, command: 'streamstats' });
}

const row = (fields: Record<string, string>): Row => ({ fields: new Map(Object.entries(fields)), seq: 0 });

describe('EventWindow', () => {
  const aggs = aggsOf('count sum(x) last(x) AS last');

  it('keeps the last N entries', () => {
    const w = new EventWindow(2, undefined);
    ['1', '2', '3'].forEach((x, i) => w.push(snapshot(aggs, row({ x }), undefined, i, [''])));
    expect(stateResults(w.state(aggs, null), aggs)).toEqual([['count', 2], ['sum(x)', 5], ['last', '3']]);
  });

  it('drops entries time_window or more away from the current time', () => {
    const w = new EventWindow(0, 30);
    [1000, 985, 970, 960].forEach((t, i) => w.push(snapshot(aggs, row({ x: '1' }), t, i, [''])));
    // 1000 is 40s away, 985 25s (kept); exactly 30s away would be out.
    w.evict(960);
    expect(stateResults(w.state(aggs, null), aggs)[0]).toEqual(['count', 3]);
    w.evict(1015);
    expect(stateResults(w.state(aggs, null), aggs)[0]).toEqual(['count', 0]);
  });

  it('aggregates only the entries of a group when asked', () => {
    const w = new EventWindow(0, undefined);
    w.push(snapshot(aggs, row({ x: '1' }), undefined, 0, ['a']));
    w.push(snapshot(aggs, row({ x: '5' }), undefined, 1, ['b']));
    w.push(snapshot(aggs, row({ x: '7' }), undefined, 2, ['a', 'b']));
    expect(stateResults(w.state(aggs, 'a'), aggs)).toEqual([['count', 2], ['sum(x)', 8], ['last', '7']]);
  });

  it('snapshots values, so later changes to the row do not leak in', () => {
    const w = new EventWindow(0, undefined);
    const r = row({ x: '1' });
    w.push(snapshot(aggs, r, undefined, 0, ['']));
    r.fields.set('x', '100');
    expect(stateResults(w.state(aggs, null), aggs)[1]).toEqual(['sum(x)', 1]);
  });

  it('clear() empties it', () => {
    const w = new EventWindow(3, undefined);
    w.push(snapshot(aggs, row({ x: '1' }), undefined, 0, ['']));
    w.clear();
    expect(stateResults(w.state(aggs, null), aggs)).toEqual([['count', 0]]);
  });

  it('keeps a long stream bounded (compaction keeps the newest entries)', () => {
    const w = new EventWindow(3, undefined);
    for (let i = 0; i < 5000; i++) w.push(snapshot(aggs, row({ x: String(i) }), undefined, i, ['']));
    expect(stateResults(w.state(aggs, null), aggs)).toEqual([['count', 3], ['sum(x)', 4997 + 4998 + 4999], ['last', '4999']]);
  });
});
