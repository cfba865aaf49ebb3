/**
 * `convert [timeformat=<fmt>] fn(field) [AS new] ...` (spec 04 C1): in place without AS, into a
 * new field with AS; `*` in the field selects several fields; `none(f)` shields fields from the
 * wildcard conversions of the same command. Multivalue fields convert value by value.
 */
import type { FieldValue, Row, Scalar } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import { KEEP, REMOVE, lookupConvertFunction, type ConvertContext, type ConvertFunction } from '../convert/functions.js';
import { compileValuePattern } from '../search/wildcard.js';
import type { Conversion, ConvertCommand } from '../spl/ast.js';
import { compileFormat } from '../time/strftime.js';
import { compileParser } from '../time/strptime.js';
import { streaming, type CommandImpl } from './types.js';

/** The default ignores locale (spec 04 C1). */
const DEFAULT_TIMEFORMAT = '%m/%d/%Y %H:%M:%S';

interface Step {
  readonly fn: ConvertFunction;
  readonly field: string;
  readonly matches: ((name: string) => boolean) | null;
  readonly as: string | null;
}

export const convertCommand: CommandImpl<ConvertCommand> = {
  kind: 'convert',
  needsOrder: false,
  compile(cmd, bind) {
    const timeformat = timeformatOption(cmd);
    const ctx: ConvertContext = { format: compileFormat(timeformat), parse: compileParser(timeformat), zone: bind.clock.zone };
    const shielded = cmd.conversions.filter((c) => c.fn === 'none').map((c) => compileValuePattern(c.field, true));
    const steps = cmd.conversions.filter((c) => c.fn !== 'none').map(planStep);
    return streaming((row, next) => {
      for (const s of steps) applyStep(row, s, ctx, shielded);
      next.push(row);
    });
  },
};

function timeformatOption(cmd: ConvertCommand): string {
  let format = DEFAULT_TIMEFORMAT;
  for (const o of cmd.options) {
    if (o.name.toLowerCase() !== 'timeformat') {
      throw new SplError('B008', { command: 'convert', reason: `unknown option '${o.name}'` }, { span: o.span });
    }
    format = o.value;
  }
  return format;
}

function planStep(c: Conversion): Step {
  const fn = lookupConvertFunction(c.fn);
  if (!fn) throw new SplError('B006', { name: c.fn }, { span: c.fnSpan });
  const wildcard = c.field.includes('*');
  if (wildcard && c.as !== null) {
    throw new SplError('B008', { command: 'convert', reason: `'${c.fn}(${c.field}) AS ${c.as}' renames a wildcard; name one field` }, { span: c.span });
  }
  return { fn, field: c.field, matches: wildcard ? compileValuePattern(c.field, true) : null, as: c.as };
}

function applyStep(row: Row, step: Step, ctx: ConvertContext, shielded: readonly ((n: string) => boolean)[]): void {
  if (!step.matches) return convertField(row, step.field, step.as ?? step.field, step.fn, ctx);
  for (const name of [...row.fields.keys()]) {
    if (step.matches(name) && !shielded.some((s) => s(name))) convertField(row, name, name, step.fn, ctx);
  }
}

function convertField(row: Row, from: string, to: string, fn: ConvertFunction, ctx: ConvertContext): void {
  const value = row.fields.get(from);
  if (value === undefined) return;
  const converted = convertValue(value, fn, ctx);
  if (converted === REMOVE) {
    if (to === from) row.fields.delete(from);
    return;
  }
  row.fields.set(to, converted);
}

function convertValue(value: FieldValue, fn: ConvertFunction, ctx: ConvertContext): FieldValue | typeof REMOVE {
  if (!Array.isArray(value)) {
    const r = fn(value as Scalar, ctx);
    return r === KEEP ? value : r;
  }
  const out: Scalar[] = [];
  for (const v of value as readonly Scalar[]) {
    const r = fn(v, ctx);
    if (r !== REMOVE) out.push(r === KEEP ? v : r);
  }
  return out.length === 0 ? REMOVE : out;
}
