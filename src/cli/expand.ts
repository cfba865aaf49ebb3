/** `splq expand`: the search after macro expansion (stops after that stage). */
import type { UsedMacro } from '../macros/expand.js';
import { expandQuery } from '../pipeline.js';
import { macroConfig, querySource, type MacroOptions, type QueryOptions } from './options.js';
import { reportFailure } from './report.js';

export interface ExpandFlags extends QueryOptions, MacroOptions {
  /** After the text, list each macro used and where its definition came from. */
  trace?: boolean;
  debug?: boolean;
}

export function expandCommand(spl: string | undefined, flags: ExpandFlags): number {
  try {
    const expansion = expandQuery(querySource(spl, flags), macroConfig(flags));
    process.stdout.write(expansion.text + '\n');
    if (flags.trace) process.stdout.write(traceText(expansion.used));
    for (const m of expansion.used.filter((u) => u.defaulted)) {
      process.stderr.write(`note: macro \`${m.macro}\` is not defined; expanded as \`search *\` (contentctl default)\n`);
    }
    return 0;
  } catch (e) {
    return reportFailure(e, flags.debug);
  }
}

/**
 * `--trace`: one line per macro in order of first use, with how often it expanded and where the
 * winning definition is (`file:line (layer)`; layers: default = shipped, macros:<path> = --macros,
 * cli = --macro), or that it was an undefined `*_filter` macro defaulted to `search *`.
 */
export function traceText(used: readonly UsedMacro[]): string {
  if (used.length === 0) return '\nmacros used: none\n';
  const width = Math.max(...used.map((u) => u.macro.length));
  const lines = used.map((u) => {
    const times = u.count > 1 ? ` (x${u.count})` : '';
    const where = u.defaulted ? 'not defined: defaulted to `search *` (contentctl)' : u.definedIn;
    return `  ${u.macro.padEnd(width)}  ${where}${times}`;
  });
  return `\nmacros used:\n${lines.join('\n')}\n`;
}
