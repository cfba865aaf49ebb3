/**
 * `foreach [mode=multifield] <wc-field>... [fieldstr=..] [matchstr=..] [matchseg1..3=..] [template]`:
 * for every field of the results whose name matches a pattern, the template runs over the
 * results with `<<FIELD>>` replaced by the field name, `<<MATCHSTR>>` by the part the wildcards
 * matched and `<<MATCHSEGn>>` by the part the n-th wildcard matched. Fields are taken from all
 * results, pattern by pattern, each pattern's fields in name (byte) order, each field once; the
 * templates run one after another, each over the output of the one before.
 * The substitution is done on the template's AST (names, strings, words), so `'<<FIELD>>'` and
 * `<<FIELD>>` both name the field even when its name holds `.` or `-`. Each distinct field name is
 * bound once and cached.
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/foreach
 */
import type { Row } from '../data/event.js';
import { SplError } from '../errors/spl-error.js';
import { compareBytes } from '../eval/values.js';
import { escapeRegex } from '../search/wildcard.js';
import type { Pipeline } from '../spl/ast.js';
import type { ForeachCommand } from '../spl/commands/foreach.js';
import { blocking } from './blocking.js';
import { rowLimit } from './limit-guard.js';
import { SUBSEARCH_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import { substituteTokens } from './template.js';
import type { CommandImpl } from './types.js';

interface FieldMatcher {
  /** The wildcard segments of a matching name, or null. */
  match(name: string): string[] | null;
}

const OPTIONS = ['mode', 'fieldstr', 'matchstr', 'matchseg1', 'matchseg2', 'matchseg3'];

export const foreachCommand: CommandImpl<ForeachCommand> = {
  kind: 'foreach',
  needsOrder: false,
  compile(cmd, ctx) {
    const opts = new OptionReader('foreach', cmd.options, OPTIONS, SUBSEARCH_OPTION_RULES);
    const mode = opts.choice('mode', ['multifield', 'multivalue', 'json_array', 'auto_collections'], 'multifield');
    if (mode !== 'multifield') {
      const reason = `mode=${mode} is not supported yet (only mode=multifield)`;
      throw new SplError('B603', { command: 'foreach', reason }, { span: opts.get('mode')!.span });
    }
    const tokens = {
      field: opts.string('fieldstr', '<<FIELD>>'),
      matchstr: opts.string('matchstr', '<<MATCHSTR>>'),
      segs: [1, 2, 3].map((n) => opts.string(`matchseg${n}`, `<<MATCHSEG${n}>>`)),
    };
    const matchers = cmd.fields.map((f) => fieldMatcher(f.name));
    const cache = new Map<string, (rows: readonly Row[]) => Row[]>();
    const templateFor = (name: string, segs: string[]): ((rows: readonly Row[]) => Row[]) => {
      let run = cache.get(name);
      if (!run) {
        run = ctx.services.compileNested(substituteTokens(cmd.template, replacements(tokens, name, segs)) as Pipeline);
        cache.set(name, run);
      }
      return run;
    };
    return {
      operator: blocking((input, next) => {
        let rows: readonly Row[] = input;
        for (const { name, segs } of matchedFields(input, matchers)) rows = templateFor(name, segs)(rows);
        for (const row of rows) next.push(row);
      }, () => rowLimit(ctx.services.limits, 'foreach', cmd.span)),
      ordersOutput: false,
      transforms: false,
    };
  },
};

function replacements(tokens: { field: string; matchstr: string; segs: string[] }, name: string, segs: string[]): Map<string, string> {
  const map = new Map<string, string>([[tokens.field, name], [tokens.matchstr, segs.join('')]]);
  tokens.segs.forEach((token, i) => map.set(token, segs[i] ?? ''));
  return map;
}

/** Each pattern's matching fields (over all results) in byte order, each field once. */
function matchedFields(rows: readonly Row[], matchers: readonly FieldMatcher[]): { name: string; segs: string[] }[] {
  const names = new Set<string>();
  for (const row of rows) for (const k of row.fields.keys()) names.add(k);
  const sorted = [...names].sort(compareBytes);
  const seen = new Set<string>();
  const out: { name: string; segs: string[] }[] = [];
  for (const m of matchers) {
    for (const name of sorted) {
      const segs = seen.has(name) ? null : m.match(name);
      if (!segs) continue;
      seen.add(name);
      out.push({ name, segs });
    }
  }
  return out;
}

/**
 * `stdev_*` matches `stdev_tcp.bytes` with segment `tcp.bytes`. A pattern that starts with `*`
 * does not match internal (`_`) fields, as wildcards elsewhere in SPL (`foreach * [...]` leaves
 * `_time` alone); a pattern without wildcards matches the field of that name.
 */
function fieldMatcher(pattern: string): FieldMatcher {
  const re = new RegExp(`^${pattern.split('*').map(escapeRegex).join('([\\s\\S]*?)')}$`);
  const internal = pattern.startsWith('_');
  return {
    match: (name) => {
      if (name.startsWith('_') && !internal) return null;
      const m = re.exec(name);
      return m ? m.slice(1) : null;
    },
  };
}
