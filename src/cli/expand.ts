/** `splq expand`: the search after macro expansion (stops after that stage). */
import { expandQuery } from '../pipeline.js';
import { macroConfig, querySource, type MacroOptions, type QueryOptions } from './options.js';
import { reportFailure } from './report.js';

export interface ExpandFlags extends QueryOptions, MacroOptions {}

export function expandCommand(spl: string | undefined, flags: ExpandFlags): number {
  try {
    const expansion = expandQuery(querySource(spl, flags), macroConfig(flags));
    process.stdout.write(expansion.text + '\n');
    for (const m of expansion.used.filter((u) => u.defaulted)) {
      process.stderr.write(`note: macro \`${m.macro}\` is not defined; expanded as \`search *\` (contentctl default)\n`);
    }
    return 0;
  } catch (e) {
    return reportFailure(e);
  }
}
