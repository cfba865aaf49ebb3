/** `splq run`: the search over the events, results on stdout, problems and errors on stderr. */
import { renderResults } from '../output/index.js';
import { runSearch } from '../pipeline.js';
import { repositoryLookups } from '../lookups/locate.js';
import { clockFrom, jobCount, macroConfig, outputFormat, querySource, timeBound, type MacroOptions, type QueryOptions } from './options.js';
import { reportFailure } from './report.js';
import { failOnProblems, reportProblems } from './problems.js';
import { limitsFrom, type LimitFlags } from './limit-flags.js';
import { progressReporter } from './progress.js';
import { compareCommand, comparing, type CompareFlags } from './compare.js';
import { loadTimestampRules } from '../datasets/props.js';

export interface RunFlags extends QueryOptions, MacroOptions, CompareFlags, LimitFlags {
  events: string[];
  earliest?: string;
  latest?: string;
  now?: string;
  tz?: string;
  sourcetype?: string;
  source?: string;
  host?: string;
  index?: string;
  timeField?: string;
  format?: string;
  debug?: boolean;
  lookups?: string[];
  geoip?: string;
  quiet?: boolean;
  prefilter?: boolean;
  projection?: boolean;
  props?: string[];
  workers?: string;
}

export async function runCommand(spl: string | undefined, flags: RunFlags): Promise<number> {
  try {
    // With --compare-macros the format is the comparison's (text or json), checked there.
    const format = comparing(flags) ? 'json' : outputFormat(flags.format, process.stdout.isTTY === true);
    const clock = clockFrom(flags.now, flags.tz);
    const earliest = timeBound(flags.earliest, '--earliest', clock);
    const latest = timeBound(flags.latest, '--latest', clock);
    const progress = progressReporter(process.stderr.isTTY === true && flags.quiet !== true);
    const options = {
      query: querySource(spl, flags),
      macros: macroConfig(flags),
      inputs: flags.events,
      read: { sourcetype: flags.sourcetype, source: flags.source, host: flags.host, index: flags.index, timeField: flags.timeField, timestampRules: loadTimestampRules(flags.props).rules, onProgress: progress?.onProgress },
      prefilter: flags.prefilter !== false,
      projection: flags.projection !== false,
      clock,
      window: earliest === undefined && latest === undefined ? undefined : { earliest, latest },
      lookups: lookupConfig(flags),
      geoip: flags.geoip,
      limits: limitsFrom(flags),
      parallel: { workers: jobCount(flags.workers, undefined, '--workers'), props: flags.props ?? [] },
    };
    if (comparing(flags)) return await compareCommand(options, flags).finally(() => progress?.done());
    const result = await runSearch(options);
    progress?.done();
    if (flags.strict) {
      if (failOnProblems(result.problems, result.problemCounts) !== 0) return 1;
    } else reportProblems(result.problems, result.problemCounts);
    process.stdout.write(renderResults(format, result.results, { zone: clock.zone, color: process.stdout.isTTY === true }));
    return 0;
  } catch (e) {
    return reportFailure(e, flags.debug);
  }
}

/** `--lookups` paths, then the lookups/ of the repository a `-d` detection comes from (never written). */
function lookupConfig(flags: RunFlags): { paths: string[]; readOnly: string[] } {
  const repo = flags.detection ? repositoryLookups(flags.detection) : undefined;
  return { paths: flags.lookups ?? [], readOnly: repo ? [repo] : [] };
}

