/**
 * `streamstats` (spec 03 T17): adds to each result, in stream order (newest first for events),
 * the running aggregates of its group: over every earlier result (window=0) or the last `window`
 * results, within `time_window` of it; with (`current=true`) or without the result itself; one
 * window for all groups (`global=true`) or one per group. `reset_before`/`reset_after` (eval
 * conditions) and `reset_on_change` (BY values differ from the previous result's) start every
 * aggregate afresh. Results without a BY field pass unchanged. Search Reference, "streamstats".
 */
import type { FieldValue, Row } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import { asCondition } from '../eval/coerce.js';
import type { Compiled } from '../eval/types.js';
import type { StreamstatsCommand } from '../spl/commands/index.js';
import { eventTime, feedRow, newAggState, stateResults, setGroupResults, type AggState } from '../stats/feed.js';
import { byCombinations, groupId } from '../stats/groups.js';
import { planAggregations, type PlannedAggregation } from '../stats/plan.js';
import { EventWindow, snapshot } from '../stats/window.js';
import { CHART_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import { nominalSeconds, parseTimeSpan } from '../chart/timechart-span.js';
import { compileCondition } from './streamstats-reset.js';
import type { BindContext, CommandImpl, Sink } from './types.js';

const OPTIONS = ['reset_on_change', 'current', 'window', 'time_window', 'global', 'allnum'];

/** limits.conf `max_stream_window`: the most results a time window holds. */
const MAX_STREAM_WINDOW = 10_000;

interface Settings {
  readonly by: readonly string[];
  readonly aggs: readonly PlannedAggregation[];
  readonly current: boolean;
  /** Results per window; 0 = unlimited. */
  readonly window: number;
  /** `time_window` in seconds. */
  readonly seconds: number | undefined;
  readonly global: boolean;
  readonly resetOnChange: boolean;
  readonly resetBefore: Compiled | null;
  readonly resetAfter: Compiled | null;
  readonly span: StreamstatsCommand['span'];
}

export const streamstatsCommand: CommandImpl<StreamstatsCommand> = {
  kind: 'streamstats',
  needsOrder: true,
  compile(cmd, ctx) {
    const settings = readSettings(cmd, ctx);
    return { operator: (next) => runningSink(next, settings), ordersOutput: false, transforms: false };
  },
};

function readSettings(cmd: StreamstatsCommand, ctx: BindContext): Settings {
  const reader = new OptionReader('streamstats', cmd.options, OPTIONS, CHART_OPTION_RULES);
  const cc = { clock: ctx.clock, command: 'streamstats' };
  const options = { dedupSplitvals: false, allnum: reader.boolean('allnum', false) };
  const aggs = planAggregations('streamstats', cmd.aggregations, cmd.by, options, cc);
  const tw = reader.get('time_window');
  const span = tw ? parseTimeSpan(tw.value) : undefined;
  if (tw && (!span || span.kind === 'snap')) throw reader.invalid(tw, 'a time span such as 5m, 1h or 2d');
  const window = reader.integer('window', 0);
  return {
    by: cmd.by.map((b) => b.name),
    aggs,
    current: reader.boolean('current', true),
    window: span && window === 0 ? MAX_STREAM_WINDOW : window,
    seconds: span ? nominalSeconds(span) : undefined,
    global: reader.boolean('global', true),
    resetOnChange: reader.boolean('reset_on_change', false),
    resetBefore: cmd.resetBefore && compileCondition(cmd.resetBefore, cc),
    resetAfter: cmd.resetAfter && compileCondition(cmd.resetAfter, cc),
    span: tw?.span ?? cmd.span,
  };
}

function runningSink(next: Sink, s: Settings): Sink {
  const running = new RunningStats(s);
  return {
    push: (row) => {
      running.process(row);
      next.push(row);
    },
    end: () => next.end(),
  };
}

class RunningStats {
  private readonly groups = new Map<string, AggState>();
  private readonly windows = new Map<string, EventWindow>();
  private readonly windowed: boolean;
  private lastKey: string | undefined;
  private lastTime: number | undefined;
  private direction = 0;
  private n = 0;

  constructor(private readonly s: Settings) {
    this.windowed = s.window > 0 || s.seconds !== undefined;
  }

  process(row: Row): void {
    const s = this.s;
    if (s.resetBefore && asCondition(s.resetBefore(row)) === true) this.reset();
    const combos = byCombinations(row, s.by, false);
    if (combos !== null) this.aggregate(row, combos.map(groupId));
    if (s.resetAfter && asCondition(s.resetAfter(row)) === true) this.reset();
  }

  private aggregate(row: Row, ids: string[]): void {
    const s = this.s;
    if (s.resetOnChange) {
      const key = ids.join('\u0001');
      if (this.lastKey !== undefined && key !== this.lastKey) this.reset();
      this.lastKey = key;
    }
    const time = eventTime(row);
    if (s.seconds !== undefined && !this.inTimeOrder(time)) return;
    const seq = this.n++;
    const results = this.windowed ? this.windowResults(row, ids, time, seq) : this.runningResults(row, ids, time, seq);
    setGroupResults(row, results, s.aggs);
  }

  /** window=0: one accumulator set per group, fed once per result. */
  private runningResults(row: Row, ids: readonly string[], time: number | undefined, seq: number): Map<string, FieldValue>[] {
    const states = ids.map((id) => this.groups.get(id) ?? this.groups.set(id, newAggState(this.s.aggs)).get(id)!);
    const read = (): Map<string, FieldValue>[] => states.map((st) => new Map(stateResults(st, this.s.aggs)));
    const before = this.s.current ? undefined : read();
    const order = { time: 0, seq };
    const timeOrder = { time: time ?? -Infinity, seq };
    for (const st of states) feedRow(st, this.s.aggs, row, order, timeOrder);
    return before ?? read();
  }

  private windowResults(row: Row, ids: readonly string[], time: number | undefined, seq: number): Map<string, FieldValue>[] {
    const s = this.s;
    const windows = s.global ? [this.window('')] : ids.map((id) => this.window(id));
    const entry = snapshot(s.aggs, row, time, seq, ids);
    if (s.current) windows.forEach((w) => w.push(entry));
    windows.forEach((w) => w.evict(time));
    const results = ids.map((id, i) => {
      const state = s.global ? windows[0]!.state(s.aggs, id) : windows[i]!.state(s.aggs, null);
      return new Map(stateResults(state, s.aggs));
    });
    if (!s.current) windows.forEach((w) => w.push(entry));
    return results;
  }

  private window(id: string): EventWindow {
    let w = this.windows.get(id);
    if (!w) this.windows.set(id, (w = new EventWindow(this.s.window, this.s.seconds)));
    return w;
  }

  /** time_window needs `_time` ascending or descending throughout (results without it pass). */
  private inTimeOrder(time: number | undefined): boolean {
    if (time === undefined) return false;
    if (this.lastTime !== undefined && time !== this.lastTime) {
      const d = Math.sign(time - this.lastTime);
      if (this.direction === 0) this.direction = d;
      else if (d !== this.direction) throw new SplError('R301', { command: 'streamstats' }, { span: this.s.span });
    }
    this.lastTime = time;
    return true;
  }

  private reset(): void {
    this.groups.clear();
    this.windows.clear();
  }
}
