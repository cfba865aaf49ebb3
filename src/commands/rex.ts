/**
 * `rex [field=<f>] [max_match=<n>] [offset_field=<f>] (<regex> | mode=sed <sed-expression>)`
 * (Search Reference: rex). The unanchored regex runs on the field (`_raw` by default); each named
 * group that takes part in a match sets the field of its name (`(?<n>)`, `(?P<n>)`, `(?'n')`).
 * max_match (default 1, 0 = unlimited) above 1 collects every match into multivalue fields. No
 * match, or a missing input field, leaves the result untouched. A multivalue input is matched as
 * its values joined by newlines, the text Splunk keeps for a multivalue field.
 * mode=sed rewrites the field in place (rex-sed.ts), value by value.
 */
import type { FieldValue, Row, Scalar } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import type { PcreRegExp } from '../eval/pcre.js';
import { scalarText } from '../eval/values.js';
import type { RexCommand } from '../spl/commands/rex.js';
import { FIELD_COMMAND_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import { compileCommandRegex, namedGroups } from './regex-compile.js';
import { compileSed, type SedFunction } from './rex-sed.js';
import { streaming, type CommandImpl } from './types.js';

const OPTIONS = ['field', 'max_match', 'offset_field', 'mode'];

export const rexCommand: CommandImpl<RexCommand> = {
  kind: 'rex',
  needsOrder: false,
  compile(cmd) {
    const opts = new OptionReader('rex', cmd.options, OPTIONS, FIELD_COMMAND_OPTION_RULES);
    const field = opts.get('field')?.value ?? '_raw';
    const mode = opts.get('mode');
    if (mode && mode.value.toLowerCase() !== 'sed') throw opts.invalid(mode, 'sed');
    if (mode) {
      const sed = compileSed(cmd.regex);
      return streaming((row, next) => {
        applySed(row, field, sed);
        next.push(row);
      });
    }
    const extract = compileExtraction(cmd, opts.integer('max_match', 1), opts.get('offset_field')?.value);
    return streaming((row, next) => {
      const v = row.fields.get(field);
      if (v !== undefined) extract(row, inputText(v));
      next.push(row);
    });
  },
};

/** The text a multivalue field is matched as: its values joined by newlines. */
export function inputText(v: FieldValue): string {
  return Array.isArray(v) ? (v as readonly Scalar[]).map(scalarText).join('\n') : scalarText(v as Scalar);
}

function applySed(row: Row, field: string, sed: SedFunction): void {
  const v = row.fields.get(field);
  if (v === undefined) return;
  row.fields.set(field, Array.isArray(v) ? (v as readonly Scalar[]).map((x) => sed(scalarText(x))) : sed(scalarText(v as Scalar)));
}

type Extractor = (row: Row, text: string) => void;

function compileExtraction(cmd: RexCommand, maxMatch: number, offsetField: string | undefined): Extractor {
  const flags = offsetField === undefined ? '' : 'd';
  const regex = compileCommandRegex('rex', cmd.regex, maxMatch === 1 ? flags : `g${flags}`);
  const groups = namedGroups(regex);
  if (groups.length === 0) throw new SplError('B403', { pattern: cmd.regex.text }, { span: cmd.regex.span });
  const limit = maxMatch === 0 ? Infinity : maxMatch;
  return (row, text) => {
    const matches = matchesOf(regex, text, limit);
    if (matches.length === 0) return;
    for (const [i, name] of groups) {
      const values = matches.flatMap((m) => (m[i] === undefined ? [] : [m[i]!]));
      if (values.length > 0) row.fields.set(name, values.length === 1 ? values[0]! : values);
    }
    if (offsetField !== undefined) row.fields.set(offsetField, offsets(matches, groups));
  };
}

/** Up to `limit` successive matches; an empty match moves on by one character. */
export function matchesOf(regex: PcreRegExp, text: string, limit: number): RegExpExecArray[] {
  if (!regex.global) {
    const m = regex.exec(text);
    return m ? [m] : [];
  }
  const out: RegExpExecArray[] = [];
  regex.lastIndex = 0;
  while (out.length < limit && regex.lastIndex <= text.length) {
    const m = regex.exec(text);
    if (!m) break;
    out.push(m);
    if (m[0].length === 0) regex.lastIndex = m.index + 1;
  }
  return out;
}

/**
 * `name=start-end` for each named group of each match, joined by `&`; offsets are 0-based and
 * the end is inclusive (the doc's `(?<tenchars>.{10})` gives 0-9).
 */
function offsets(matches: readonly RegExpExecArray[], groups: readonly [number, string][]): string {
  const parts: string[] = [];
  for (const m of matches) {
    for (const [i, name] of groups) {
      const span = m.indices?.[i];
      if (span) parts.push(`${name}=${span[0]}-${span[1] - 1}`);
    }
  }
  return parts.join('&');
}
