/**
 * `makemv [delim=<string> | tokenizer=<regex>] [allowempty=<bool>] [setsv=<bool>] <field>`
 * (Search Reference: makemv): split a single-value field into a multivalue field, at every
 * `delim` (default one space) or as the successive matches of `tokenizer` (the first capture
 * group of each match, or the whole match when the regex has none). Empty values are dropped
 * unless allowempty=true. One value stays a single value; a value that yields none is left as it
 * was. setsv=true keeps the field's single value (our results hold one representation of a field,
 * so the multivalue form Splunk keeps beside it is not kept).
 */
import type { Scalar } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import type { PcreRegExp } from '../eval/pcre.js';
import { scalarText } from '../eval/values.js';
import type { CommandOption, Span } from '../spl/ast.js';
import type { MakemvCommand } from '../spl/commands/makemv.js';
import { FIELD_COMMAND_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import { compileCommandRegex } from './regex-compile.js';
import { matchesOf } from './rex.js';
import { streaming, type CommandImpl } from './types.js';

type Splitter = (value: string) => string[];

export const makemvCommand: CommandImpl<MakemvCommand> = {
  kind: 'makemv',
  needsOrder: false,
  compile(cmd) {
    const opts = new OptionReader('makemv', cmd.options, ['delim', 'tokenizer', 'allowempty', 'setsv'], FIELD_COMMAND_OPTION_RULES);
    const allowEmpty = opts.boolean('allowempty', false);
    const setsv = opts.boolean('setsv', false);
    const split = splitter(opts, allowEmpty);
    const field = cmd.field.name;
    return streaming((row, next) => {
      const v = row.fields.get(field);
      if (v !== undefined && !setsv) {
        const values = (Array.isArray(v) ? (v as readonly Scalar[]) : [v as Scalar]).flatMap((x) => split(scalarText(x)));
        if (values.length > 0) row.fields.set(field, values.length === 1 ? values[0]! : values);
      }
      next.push(row);
    });
  },
};

function splitter(opts: OptionReader, allowEmpty: boolean): Splitter {
  const delim = opts.get('delim');
  const tokenizer = opts.get('tokenizer');
  if (delim && tokenizer) {
    throw new SplError('B405', { command: 'makemv', reason: 'use delim= or tokenizer=, not both' }, { span: tokenizer.span });
  }
  const keep = (xs: string[]): string[] => (allowEmpty ? xs : xs.filter((x) => x !== ''));
  if (tokenizer) {
    const regex = compileCommandRegex('makemv', { text: tokenizer.value, quoted: tokenizer.quoted, span: valueSpan(tokenizer) }, 'g');
    return (value) => keep(tokens(regex, value));
  }
  const d = delim?.value ?? ' ';
  if (d === '') throw new SplError('B405', { command: 'makemv', reason: 'delim= cannot be empty' }, { span: delim!.span });
  return (value) => keep(value.split(d));
}

/** The value part of `tokenizer="..."`: the option span ends with the value. */
function valueSpan(o: CommandOption): Span {
  const length = o.value.length + (o.quoted ? 2 : 0);
  return { start: Math.max(o.span.start, o.span.end - length), end: o.span.end };
}

function tokens(regex: PcreRegExp, value: string): string[] {
  const group = regex.pcre.groupCount >= 1 ? 1 : 0;
  return matchesOf(regex, value, Infinity).map((m) => m[group] ?? '');
}
