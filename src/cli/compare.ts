/**
 * `splq run ... --compare-macros PATH / --compare-macro DEF`: the search runs twice, with the
 * macros as given and with the override layered on top (files after `--macros`, inline
 * definitions after `--macro`), and the difference is printed: what the override suppresses,
 * adds and changes. Text, or JSON with `--format json`.
 */
import type { ExpandResult } from '../macros/expand.js';
import { diffResults, groupFields } from '../compare/diff.js';
import { renderCompareJson, renderCompareText, type MacroChange } from '../compare/render.js';
import { parseExpanded, runSearch, type RunOptions } from '../pipeline.js';
import { renderRows } from '../testing/judge.js';
import { usage } from './options.js';
import { reportProblems } from './problems.js';

export interface CompareFlags {
  compareMacros?: string[];
  compareMacro?: string[];
  format?: string;
}

export function comparing(flags: CompareFlags): boolean {
  return (flags.compareMacros?.length ?? 0) > 0 || (flags.compareMacro?.length ?? 0) > 0;
}

export async function compareCommand(options: RunOptions, flags: CompareFlags): Promise<number> {
  const format = flags.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw usage(`with --compare-macros/--compare-macro, --format must be text or json, not "${format}"`);
  const base = await runSearch(options);
  const macros = options.macros;
  const override = await runSearch({
    ...options,
    macros: { ...macros, macroPaths: [...macros.macroPaths, ...(flags.compareMacros ?? [])], inlineMacros: [...macros.inlineMacros, ...(flags.compareMacro ?? [])] },
  });
  reportProblems(base.problems);
  const zone = options.clock.zone;
  const baseRows = renderRows(base.results, zone);
  const overrideRows = renderRows(override.results, zone);
  const groupBy = base.results.kind === 'table' ? groupFields(parseExpanded(base.expansion)) : [];
  const compared = {
    baseResults: baseRows.length,
    overrideResults: overrideRows.length,
    macros: macroChanges(base.expansion, override.expansion),
    diff: diffResults(baseRows, overrideRows, groupBy),
  };
  process.stdout.write(format === 'json' ? renderCompareJson(compared) : renderCompareText(compared));
  return 0;
}

/** Macros whose definition differs between the runs (or that only one run used). */
function macroChanges(base: ExpandResult, override: ExpandResult): MacroChange[] {
  const before = new Map(base.used.map((u) => [u.macro, u.definedIn]));
  const after = new Map(override.used.map((u) => [u.macro, u.definedIn]));
  const names = [...new Set([...before.keys(), ...after.keys()])];
  return names
    .filter((m) => before.get(m) !== after.get(m))
    .map((macro) => ({ macro, base: before.get(macro) ?? null, override: after.get(macro) ?? null }));
}
