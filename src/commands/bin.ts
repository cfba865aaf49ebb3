/**
 * `bin`/`bucket [span=] [bins=] [minspan=] [start=] [end=] [aligntime=] field [AS newfield]`: put
 * each value into its bin (spans read by shared/bin-span.ts, time bins laid out by
 * time/time-span.ts). `_time`, or any field with a time-unit span, gets the start of its bin
 * (epoch seconds); other fields get the range text `lo-hi`. With span= it streams; without, the
 * span comes from the data's range (bins= default 100, at least minspan, range widened by
 * start/end), so it sees every result first.
 * Search Reference, "bin": https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/bin
 * Values that are not numbers are left as they are (undocumented).
 */
import { valuesOf, type FieldValue, type Row, type Scalar } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import { toNumber } from '../eval/values.js';
import type { CommandOption } from '../spl/ast.js';
import type { BinCommand } from '../spl/commands/index.js';
import type { Clock } from '../time/clock.js';
import { resolveTimeModifier } from '../time/relative.js';
import { binStart } from '../time/time-span.js';
import * as spans from './shared/bin-span.js';
import { OptionReader } from './shared/options.js';
import { streaming, type CommandImpl, type Sink } from './types.js';

type Binner = (v: number) => Scalar | undefined;

interface AutoPlan {
  readonly time: boolean;
  readonly bins: number;
  readonly minspan: spans.BinSpan | undefined;
  readonly start: number | undefined;
  readonly end: number | undefined;
}

const OPTIONS = ['span', 'bins', 'minspan', 'start', 'end', 'aligntime'];

export const binCommand: CommandImpl<BinCommand> = {
  kind: 'bin',
  needsOrder: false,
  compile(cmd, ctx) {
    const options = new OptionReader('bin', cmd.options, OPTIONS);
    const target = cmd.as ?? cmd.field.name;
    const time = cmd.field.name === '_time';
    const spanOption = options.get('span');
    if (spanOption) {
      const binner = spanBinner(spanOption, time, alignment(options, ctx.clock), ctx.clock.zone);
      return streaming((row, next) => next.push(binRow(row, cmd.field.name, target, binner)));
    }
    const minspanOption = options.get('minspan');
    const plan: AutoPlan = {
      time,
      bins: options.integer('bins', 100, 1),
      minspan: minspanOption ? parseSpanOption(minspanOption) : undefined,
      start: options.number('start'),
      end: options.number('end'),
    };
    const zone = ctx.clock.zone;
    return { operator: (next) => autoSink(plan, cmd.field.name, target, zone, next), ordersOutput: false, transforms: false };
  },
};

function parseSpanOption(o: CommandOption): spans.BinSpan {
  const span = spans.parseSpan(o.value);
  if (!span) throw new SplError('B204', { command: 'bin', name: o.name, value: o.value }, { span: o.span });
  return span;
}

function spanBinner(o: CommandOption, time: boolean, align: number, zone: string): Binner {
  const span = parseSpanOption(o);
  if (span.kind === 'log') return (v) => logRange(v, span.coefficient, span.base);
  if (span.kind === 'number' && !time) return (v) => spans.rangeText(spans.numericBin(v, span.size));
  const t = spans.asTimeSpan(span, align)!;
  return (v) => binStart(t, v, zone);
}

function logRange(v: number, coefficient: number, base: number): string | undefined {
  const bin = spans.logBin(v, coefficient, base);
  return bin && spans.rangeText(bin);
}

/** aligntime=<time modifier or epoch>; earliest/latest need the search's time range, which bind does not have. */
function alignment(options: OptionReader, clock: Clock): number {
  const o = options.get('aligntime');
  if (!o) return 0;
  if (/^(earliest|latest)$/i.test(o.value)) {
    const reason = `aligntime=${o.value} needs the search time range; give a time such as aligntime=@d+3h`;
    throw new SplError('B205', { command: 'bin', reason }, { span: o.span });
  }
  const t = resolveTimeModifier(o.value, clock);
  if (t === undefined) throw options.invalid(o, 'earliest, latest or a time modifier such as @d+3h');
  return t;
}

/** The row with `target` set to the bin of `source`'s value(s); unchanged when nothing bins. */
function binRow(row: Row, source: string, target: string, binner: Binner): Row {
  const v = row.fields.get(source);
  if (v === undefined) return row;
  const binned = binValue(v, binner);
  if (binned !== undefined) row.fields.set(target, binned);
  return row;
}

function binValue(v: FieldValue, binner: Binner): FieldValue | undefined {
  if (!Array.isArray(v)) return binOne(v as Scalar, binner);
  const out: Scalar[] = [];
  for (const x of v as readonly Scalar[]) {
    const b = binOne(x, binner);
    if (b !== undefined) out.push(b);
  }
  return out.length === 0 ? undefined : out.length === 1 ? out[0] : out;
}

function binOne(v: Scalar, binner: Binner): Scalar | undefined {
  const n = toNumber(v);
  return n === undefined ? undefined : binner(n);
}

/** Blocking: the span is chosen from the range of the values (and start/end) once all are seen. */
function autoSink(plan: AutoPlan, source: string, target: string, zone: string, next: Sink): Sink {
  const rows: Row[] = [];
  let min = plan.start ?? Infinity;
  let max = plan.end ?? -Infinity;
  return {
    push: (row) => {
      rows.push(row);
      for (const x of valuesOf(row.fields.get(source))) {
        const n = toNumber(x);
        if (n === undefined) continue;
        if (n < min) min = n;
        if (n > max) max = n;
      }
    },
    end: () => {
      if (min <= max) {
        const binner = autoBinner(plan, Math.min(min, max), max, zone);
        for (const row of rows) binRow(row, source, target, binner);
      }
      for (const row of rows) next.push(row);
      next.end();
    },
  };
}

function autoBinner(plan: AutoPlan, min: number, max: number, zone: string): Binner {
  const minspan = plan.minspan;
  if (plan.time) {
    const least = minspan && spans.asTimeSpan(minspan);
    const span = spans.autoTimeSpan(min, max, plan.bins, least ? spans.spanSeconds(least) : 0);
    return (v) => binStart(span, v, zone);
  }
  const floor = minspan?.kind === 'number' ? minspan.size : minspan?.kind === 'fixed' ? minspan.seconds : 0;
  const size = spans.autoNumericSpan(min, max, plan.bins, floor);
  return (v) => spans.rangeText(spans.numericBin(v, size));
}
