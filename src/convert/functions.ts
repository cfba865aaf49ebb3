/**
 * The `convert` functions (spec 04 C2), one table. Each maps one value to its converted value,
 * or to KEEP (leave the value as it was) or REMOVE (drop the field, `num` only).
 */
import type { Scalar } from '../data/event.js';
import { toNumber, scalarText } from '../eval/values.js';
import type { Formatter } from '../time/strftime.js';
import type { TimeParser } from '../time/strptime.js';

export const KEEP = Symbol('keep');
export const REMOVE = Symbol('remove');
export type Converted = Scalar | typeof KEEP | typeof REMOVE;

export interface ConvertContext {
  readonly format: Formatter;
  readonly parse: TimeParser;
  readonly zone: string;
}

export type ConvertFunction = (value: Scalar, ctx: ConvertContext) => Converted;

const DURATION = /^\s*(?:(\d+)\+)?(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)\s*$/;
const MSTIME = /^\s*(?:(\d+):)?(\d+(?:\.\d+)?)\s*$/;
const MEMK = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)\s*$/i;
const LEADING_NUMBER = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/;

/** `ctime`: epoch -> time string in `timeformat`, in the user's zone; fractions truncate. */
const ctime: ConvertFunction = (v, ctx) => {
  const n = toNumber(v);
  return n === undefined ? KEEP : ctx.format(n, ctx.zone);
};

const mktime: ConvertFunction = (v, ctx) => {
  const parsed = ctx.parse(scalarText(v), ctx.zone);
  return parsed ? parsed.epoch : KEEP;
};

const dur2sec: ConvertFunction = (v) => {
  const m = DURATION.exec(scalarText(v));
  if (!m) return KEEP;
  return Number(m[1] ?? 0) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
};

const mstime: ConvertFunction = (v) => {
  const m = MSTIME.exec(scalarText(v));
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : KEEP;
};

const memk: ConvertFunction = (v) => {
  const m = MEMK.exec(scalarText(v));
  if (!m) return KEEP;
  const unit = m[2]!.toLowerCase();
  return Number(m[1]) * (unit === 'm' ? 1024 : unit === 'g' ? 1024 * 1024 : 1);
};

const rmcomma: ConvertFunction = (v) => scalarText(v).replaceAll(',', '');

const rmunit: ConvertFunction = (v) => {
  const m = LEADING_NUMBER.exec(scalarText(v));
  return m ? Number(m[1]) : KEEP;
};

/** `auto`: a plain number, else the rmcomma, dur2sec and rmunit readings (spec 04 recommendation). */
const auto: ConvertFunction = (v, ctx) => {
  const n = toNumber(v);
  if (n !== undefined) return n;
  const noCommas = toNumber(scalarText(v).replaceAll(',', ''));
  if (noCommas !== undefined && /\d,\d/.test(scalarText(v))) return noCommas;
  const d = dur2sec(v, ctx);
  if (d !== KEEP) return d;
  return rmunit(v, ctx);
};

const num: ConvertFunction = (v, ctx) => {
  const r = auto(v, ctx);
  return r === KEEP ? REMOVE : r;
};

export const CONVERT_FUNCTIONS: Readonly<Record<string, ConvertFunction>> = {
  auto, ctime, dur2sec, memk, mktime, mstime, num, rmcomma, rmunit,
};

export function lookupConvertFunction(name: string): ConvertFunction | undefined {
  return Object.hasOwn(CONVERT_FUNCTIONS, name) ? CONVERT_FUNCTIONS[name] : undefined;
}
