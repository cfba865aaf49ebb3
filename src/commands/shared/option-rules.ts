/**
 * What differs between command families when `OptionReader` reads their `name=value` options: the
 * catalog errors for an unknown name and a bad value, and which spellings of booleans and whole
 * numbers count. Everything else (case, last one wins, spans) is the reader's and the same for all.
 */
import { SplError } from '../../errors/spl-error.js';
import type { CommandOption } from '../../spl/ast.js';

/** The spellings of booleans and whole numbers a family accepts, tested against the raw value. */
export interface ValueSpellings {
  readonly true: RegExp;
  readonly false: RegExp;
  readonly wholeNumber: RegExp;
  /** The largest whole number taken; a larger one is a bad value. */
  readonly maxWholeNumber: number;
}

export interface OptionRules {
  /** The error for an option whose name the command does not take. */
  unknown(command: string, o: CommandOption, known: readonly string[]): SplError;
  /** The error for a value the option does not take; `expected` reads like "true or false". */
  invalid(command: string, o: CommandOption, expected: string): SplError;
  readonly spellings: ValueSpellings;
}

/** SPL's documented spellings, exactly as written (`t`, `FALSE`, `1`); digits with space around. */
const SPL_SPELLINGS: ValueSpellings = {
  true: /^(true|t|1)$/i,
  false: /^(false|f|0)$/i,
  wholeNumber: /^\s*\d+\s*$/,
  maxWholeNumber: Infinity,
};

/**
 * The wider spellings the lookup and subsearch commands take, as Splunk's .conf settings do: also
 * yes/y and no/n, space around any value, a leading `+`; whole numbers must be exact, since
 * `max=9007199254740993` would otherwise silently become ...992.
 */
const LENIENT_SPELLINGS: ValueSpellings = {
  true: /^\s*(true|t|yes|y|1)\s*$/i,
  false: /^\s*(false|f|no|n|0)\s*$/i,
  wholeNumber: /^\s*\+?\d+\s*$/,
  maxWholeNumber: Number.MAX_SAFE_INTEGER,
};

/** SPL's spellings plus yes/y and no/n, exactly as written; whole numbers are bare digits. */
const YES_NO_SPELLINGS: ValueSpellings = {
  true: /^(true|t|1|yes|y)$/i,
  false: /^(false|f|0|no|n)$/i,
  wholeNumber: /^\d+$/,
  maxWholeNumber: Infinity,
};

/**
 * The wider spellings with a sign allowed on whole numbers (a negative one is then below any
 * `min` >= 0); a value of only spaces is not a boolean.
 */
const SIGNED_SPELLINGS: ValueSpellings = {
  ...LENIENT_SPELLINGS,
  wholeNumber: /^\s*[+-]?\d+\s*$/,
};

/** A family whose catalog has an "argument is invalid" code and an "invalid value ... expected" code. */
function argumentCodes(unknown: 'B201' | 'B601', invalid: 'B202' | 'B602', spellings: ValueSpellings): OptionRules {
  return {
    unknown: (command, o) => new SplError(unknown, { command, arg: `${o.name}=${o.value}` }, { span: o.span }),
    invalid: (command, o, expected) =>
      new SplError(invalid, { command, name: o.name, value: o.value, expected }, { span: o.span }),
    spellings,
  };
}

/** Most commands (head, dedup, sort, bin, top, ...): B201 and B202. */
export const COMMAND_OPTION_RULES = argumentCodes('B201', 'B202', SPL_SPELLINGS);

/** The subsearch commands (join, append, appendpipe, format, map, foreach): B601 and B602. */
export const SUBSEARCH_OPTION_RULES = argumentCodes('B601', 'B602', LENIENT_SPELLINGS);

/** lookup, inputlookup, outputlookup and makeresults: B008, whose message is one whole reason. */
export const LOOKUP_OPTION_RULES: OptionRules = {
  unknown: (command, o, known) =>
    reasonAt(command, o, `unknown option '${o.name}'; expected one of ${known.join(', ')}`),
  invalid: (command, o, expected) => reasonAt(command, o, `option '${o.name}' needs ${expected}, not '${o.value}'`),
  spellings: LENIENT_SPELLINGS,
};

function reasonAt(command: string, o: CommandOption, reason: string): SplError {
  return new SplError('B008', { command, reason }, { span: o.span });
}

/** The charting commands and streamstats (chart, timechart, xyseries, streamstats): B302 and B301. */
export const CHART_OPTION_RULES: OptionRules = {
  unknown: (command, o) => new SplError('B302', { command, option: o.name }, { span: o.span }),
  invalid: (command, o, expected) =>
    new SplError('B301', { command, option: o.name, value: o.value, expected }, { span: o.span }),
  spellings: YES_NO_SPELLINGS,
};

/**
 * The field-shaping commands (rex, spath, makemv, mvexpand, xmlkv, fromjson, iplocation,
 * transaction): B401, which lists the names taken, and B402.
 */
export const FIELD_COMMAND_OPTION_RULES: OptionRules = {
  unknown: (command, o, known) => {
    const expected = known.length === 0 ? 'no options' : known.map((a) => `${a}=`).join(', ');
    return new SplError('B401', { command, name: o.name, expected }, { span: o.span });
  },
  invalid: (command, o, expected) =>
    new SplError('B402', { command, name: o.name, value: o.value, expected }, { span: o.span }),
  spellings: SIGNED_SPELLINGS,
};

/** stats and its siblings' own options (allnum, dedup_splitvals): B008 without the list of names. */
export const STATS_OPTION_RULES: OptionRules = {
  unknown: (command, o) => reasonAt(command, o, `unknown option '${o.name}'`),
  invalid: LOOKUP_OPTION_RULES.invalid,
  spellings: YES_NO_SPELLINGS,
};
