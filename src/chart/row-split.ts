/**
 * The row split (x axis) of `chart`: its values as they are, or binned by `span=` written with
 * the split (`chart count BY _time span=1h`, `chart max(delay) BY size span=10`). Time spans bin
 * like timechart; a plain number on another field gives `lo-hi` ranges (Search Reference "bin").
 * Rows come out in byte order of the x values (as stats orders groups, spec 03 T3), binned x
 * values in numeric order, with the empty bins between filled in when `cont=true`.
 */
import type { Scalar } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import { compareBytes, formatNumber, scalarText, toNumber } from '../eval/values.js';
import type { ChartSplit } from '../spl/commands/chart.js';
import type { OptionReader } from '../commands/shared/options.js';
import { binStart, nextBinStart, type TimeSpan } from '../time/time-span.js';
import { parseTimeSpan } from './timechart-span.js';

export interface RowSplit {
  readonly field: string;
  /** The x value of a field value; undefined drops it. */
  bin(v: Scalar): Scalar | undefined;
  /** The x values seen, in output order (filled when binned and `cont=true`). */
  keys(seen: readonly Scalar[], cont: boolean): Scalar[];
}

export function planRowSplit(split: ChartSplit, reader: OptionReader, zone: string): RowSplit {
  for (const name of ['bins', 'start', 'end', 'minspan'] as const) {
    const o = reader.get(name);
    if (o) throw new SplError('B303', { command: 'chart', feature: `'${o.name}' on the row split (only span= is)` }, { span: o.span });
  }
  const o = reader.get('span');
  if (!o) return plainSplit(split.field);
  const size = /^\d+(\.\d+)?$/.test(o.value) && split.field !== '_time' ? Number(o.value) : undefined;
  if (size !== undefined && size > 0) return numericSplit(split.field, size);
  const span = parseTimeSpan(o.value);
  if (!span) throw reader.invalid(o, 'a number or a time span such as 1h');
  return timeSplit(split.field, span, zone);
}

function plainSplit(field: string): RowSplit {
  return {
    field,
    bin: (v) => v,
    keys: (seen) => [...seen].sort(compareKeys),
  };
}

function compareKeys(a: Scalar, b: Scalar): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : compareBytes(scalarText(a), scalarText(b));
}

function timeSplit(field: string, span: TimeSpan, zone: string): RowSplit {
  return {
    field,
    bin: (v) => {
      const t = toNumber(v);
      return t === undefined || !Number.isFinite(t) ? undefined : binStart(span, t, zone);
    },
    keys: (seen, cont) => {
      const keys = new Set(seen as number[]);
      const sorted = [...keys].sort((a, b) => a - b);
      if (cont && sorted.length > 0) {
        for (let b = sorted[0]!; b <= sorted[sorted.length - 1]!; b = nextBinStart(span, b, zone)) keys.add(b);
      }
      return [...keys].sort((a, b) => a - b);
    },
  };
}

/** `span=10`: `0-10`, `10-20`; values that are not numbers keep their text (undocumented). */
function numericSplit(field: string, size: number): RowSplit {
  const indexes = new Map<string, number>();
  const label = (k: number): string => {
    const text = `${formatNumber(k * size)}-${formatNumber((k + 1) * size)}`;
    indexes.set(text, k);
    return text;
  };
  return {
    field,
    bin: (v) => {
      const x = toNumber(v);
      return x === undefined || !Number.isFinite(x) ? v : label(Math.floor(x / size));
    },
    keys: (seen, cont) => {
      const binned = seen.filter((k) => indexes.has(scalarText(k))).map((k) => indexes.get(scalarText(k))!);
      const other = seen.filter((k) => !indexes.has(scalarText(k))).map(scalarText).sort(compareBytes);
      binned.sort((a, b) => a - b);
      const out: Scalar[] = [];
      if (cont && binned.length > 0) {
        for (let k = binned[0]!; k <= binned[binned.length - 1]!; k++) out.push(label(k));
      } else out.push(...binned.map(label));
      return [...out, ...other];
    },
  };
}
