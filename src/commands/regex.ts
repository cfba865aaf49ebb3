/**
 * `regex [<field>=|<field>!=]<regex>` (Search Reference: regex): keep the results whose field
 * (`_raw` by default) matches the unanchored PCRE regex; with `!=` keep those that do not. A
 * result without the field does not match, so `!=` keeps it. A multivalue field is matched as its
 * values joined by newlines, as rex reads it.
 */
import type { RegexCommand } from '../spl/commands/regex.js';
import { compileCommandRegex } from './regex-compile.js';
import { inputText } from './rex.js';
import { streaming, type CommandImpl } from './types.js';

export const regexCommand: CommandImpl<RegexCommand> = {
  kind: 'regex',
  needsOrder: false,
  compile(cmd) {
    const regex = compileCommandRegex('regex', cmd.regex);
    const field = cmd.field?.name ?? '_raw';
    const keepMatching = !cmd.negated;
    return streaming((row, next) => {
      const v = row.fields.get(field);
      const matches = v !== undefined && regex.test(inputText(v));
      if (matches === keepMatching) next.push(row);
    });
  },
};
