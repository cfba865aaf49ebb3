/**
 * Multivalue eval functions (Search Reference 10.0, "Multivalue eval functions"; rules and doc
 * examples in docs/eval/multivalue.md): mvappend, mvcount, mvdedup, mvfilter, mvfind, mvindex,
 * mvjoin, mvmap, mvrange, mvreverse, mvsort, mvzip, mv_to_json_array, split. A single value is a
 * list of one; results of one value are single values and empty results are null (fromList).
 */
import type { FieldValue, Row } from '../../data/event.js';
import { SplError } from '../../errors/spl-error.js';
import type { Expr } from '../../spl/ast.js';
import { applyRelativeTime } from '../../time/relative.js';
import { parseRelativeTime } from '../../time/relative-syntax.js';
import { asCondition, asNumber, asString, fromList, valuesList } from '../coerce.js';
import type { Compiled, EvalScalar, EvalValue } from '../types.js';
import { compareBytes, scalarText } from '../values.js';
import { regexArgument } from './regex-arg.js';
import { lazy, plain, VARIADIC, type CallSite, type EvalFunction } from './define.js';
import { isTrueFlag } from './json.js';
import { JSON_NULL, parseJson, stringifyJson, type JsonNode } from './json-text.js';

const texts = (v: EvalValue): string[] => valuesList(v).map(scalarText);

const mvappend = plain('mvappend', [1, VARIADIC], (args) => fromList(args.flatMap((a) => valuesList(a))), 'handle');

const mvcount = plain('mvcount', [1, 1], ([v]) => valuesList(v!).length);

/** mvindex(mv, start [, end]): 0-based, negative from the end, `end` inclusive; out of range is null. */
const mvindex = plain('mvindex', [2, 3], ([mv, start, end]) => {
  const xs = valuesList(mv!);
  const s = position(start!, xs.length);
  if (s === null || s >= xs.length) return null;
  if (end === undefined) return xs[s]!;
  const e = position(end, xs.length);
  // Why clamp: `mvindex(list, 0, 9)` is the idiom for "at most the first ten values".
  return e === null || e < s ? null : fromList(xs.slice(s, Math.min(e, xs.length - 1) + 1));
});

function position(v: EvalValue, length: number): number | null {
  const n = asNumber(v);
  if (n === null || !Number.isFinite(n)) return null;
  const i = Math.trunc(n);
  const p = i < 0 ? i + length : i;
  return p < 0 ? null : p;
}

const mvjoin = plain('mvjoin', [2, 2], ([mv, delim]) => texts(mv!).join(asString(delim!) ?? ''));

const mvdedup = plain('mvdedup', [1, 1], ([mv]) => {
  const seen = new Set<string>();
  return fromList(valuesList(mv!).filter((x) => !seen.has(scalarText(x)) && seen.add(scalarText(x))));
});

const mvreverse = plain('mvreverse', [1, 1], ([mv]) => fromList([...valuesList(mv!)].reverse()));

/** Lexicographic byte order of the values' text: 10, 100, 70, 9 (the doc's example). */
const mvsort = plain('mvsort', [1, 1], ([mv]) =>
  fromList([...valuesList(mv!)].sort((a, b) => compareBytes(scalarText(a), scalarText(b)))));

/** mvzip(left, right [, delim]): pairs first with first, ..., up to the shorter list (Python's zip). */
const mvzip = plain('mvzip', [2, 3], ([left, right, delim]) => {
  const xs = texts(left!);
  const ys = texts(right!);
  const d = delim === undefined ? ',' : (asString(delim) ?? ',');
  return fromList(xs.slice(0, Math.min(xs.length, ys.length)).map((x, i) => `${x}${d}${ys[i]}`));
});

/** split(str, delim): every value of `str` split; an empty delimiter gives one value per character. */
const split = plain('split', [2, 2], ([str, delim]) => {
  const d = asString(delim!) ?? '';
  return fromList(texts(str!).flatMap((s) => (d === '' ? Array.from(s) : s.split(d))));
});

/** mv_to_json_array(mv [, infer_types]): values as JSON strings, or read as JSON values (else null). */
const mvToJsonArray = plain('mv_to_json_array', [1, 2], ([mv, infer]) => {
  const typed = infer !== undefined && isTrueFlag(infer);
  const items = valuesList(mv!).map((x): JsonNode => {
    if (!typed) return { kind: 'str', value: scalarText(x) };
    if (typeof x === 'number') return { kind: 'num', text: scalarText(x) };
    return parseJson(x) ?? JSON_NULL;
  });
  return stringifyJson({ kind: 'arr', items });
});

// ---------------------------------------------------------------- mvfind

/** mvfind(mv, regex): index of the first value the (PCRE) regex matches, else null. */
const mvfind = lazy('mvfind', [2, 2], ([mv, pattern], site) => {
  const regex = regexArgument(pattern!, site.args[1]!, site, '');
  return (row) => {
    const values = mv!(row);
    const re = regex(row);
    if (values === null || re === null) return null;
    const i = texts(values).findIndex((s) => re.test(s));
    return i < 0 ? null : i;
  };
});

// ---------------------------------------------------------------- mvfilter, mvmap

/** The distinct fields an expression reads, in source order. */
function fieldsOf(e: Expr, out: string[] = []): string[] {
  switch (e.kind) {
    case 'Field': if (!out.includes(e.name)) out.push(e.name); break;
    case 'Unary': fieldsOf(e.operand, out); break;
    case 'Binary': fieldsOf(e.left, out); fieldsOf(e.right, out); break;
    case 'In': [e.operand, ...e.values].forEach((x) => fieldsOf(x, out)); break;
    case 'Call': e.args.forEach((x) => fieldsOf(x, out)); break;
    case 'Literal': break;
  }
  return out;
}

/**
 * Evaluate `body` once per value with `name` bound to that single value. The row's own Map is
 * rebound and restored (the expression runs synchronously and sees nothing else): O(1) per value,
 * where a copy would be O(fields), and a Map subclass cannot override `size` cleanly.
 */
function perValue(row: Row, name: string, values: readonly EvalScalar[], body: Compiled): EvalValue[] {
  const fields = row.fields;
  const saved = fields.get(name);
  const out: EvalValue[] = [];
  try {
    for (const v of values) {
      fields.set(name, v as FieldValue);
      out.push(body(row));
    }
  } finally {
    if (saved === undefined) fields.delete(name);
    else fields.set(name, saved);
  }
  return out;
}

/** mvfilter(<predicate>): the values of the one field the predicate reads for which it is true. */
const mvfilter = lazy('mvfilter', [1, 1], ([predicate], site) => {
  const names = fieldsOf(site.args[0]!);
  if (names.length !== 1) site.fail(`mvfilter() must reference exactly one field, found ${names.length}`);
  const name = names[0]!;
  return (row) => {
    const values = valuesList((row.fields.get(name) ?? null) as EvalValue);
    const keep = perValue(row, name, values, predicate!);
    return fromList(values.filter((_, i) => asCondition(keep[i]!) === true));
  };
});

/**
 * mvmap(<mv>, <expression>): the expression once per value, with the field that `<mv>` names
 * bound to that value (`mvmap(mvindex(results,1,2), results*threshold)` binds `results`).
 */
const mvmap = lazy('mvmap', [2, 2], ([mv, body], site) => {
  const name = fieldsOf(site.args[0]!)[0];
  if (name === undefined) site.fail('mvmap() needs a field as its first argument');
  return (row) => fromList(perValue(row, name, valuesList(mv!(row)), body!).flatMap((v) => valuesList(v)));
});

// ---------------------------------------------------------------- mvrange

// Our guard, not Splunk's: a runaway range fails instead of exhausting memory.
const MAX_RANGE_VALUES = 1_000_000;

/** mvrange(start, end [, step]): `end` excluded; a timespan step (`7d`) steps wall-clock time. */
const mvrange = plain('mvrange', [2, 3], ([start, end, step], site) => {
  const a = asNumber(start!);
  const b = asNumber(end!);
  if (a === null || b === null) return null;
  const numeric = step === undefined ? 1 : asNumber(step);
  const values = numeric !== null ? numberRange(a, b, numeric, site) : timeRange(a, b, asString(step!) ?? '', site);
  return values === null ? null : fromList(values);
});

function numberRange(a: number, b: number, step: number, site: CallSite): number[] | null {
  const count = Math.ceil((b - a) / step);
  if (!Number.isFinite(count) || count <= 0) return null;
  tooMany(count, site);
  return Array.from({ length: count }, (_, i) => a + i * step);
}

function timeRange(a: number, b: number, span: string, site: CallSite): number[] | null {
  const rel = parseRelativeTime(/^[+-]/.test(span) ? span : `+${span}`);
  if (!rel || rel.steps.some((s) => s.kind !== 'offset')) return null;
  const zone = site.ctx.clock.zone;
  const first = applyRelativeTime(rel, a, zone);
  if (first === undefined || first === a) return null;
  const up = first > a;
  const out: number[] = [];
  for (let t: number | undefined = a; t !== undefined && (up ? t < b : t > b); t = applyRelativeTime(rel, t, zone)) {
    out.push(t);
    tooMany(out.length, site);
  }
  return out;
}

function tooMany(count: number, site: CallSite): void {
  if (count > MAX_RANGE_VALUES) {
    throw new SplError('R101', { command: site.ctx.command, reason: `mvrange(): more than ${MAX_RANGE_VALUES} values` });
  }
}

export const MULTIVALUE_FUNCTIONS: readonly EvalFunction[] = [
  mvappend, mvcount, mvdedup, mvfilter, mvfind, mvindex, mvjoin, mvmap, mvrange, mvreverse, mvsort, mvzip,
  mvToJsonArray, split,
];
