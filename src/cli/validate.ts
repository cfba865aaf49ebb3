/** `splq validate PATH...`: expand, parse and check every search without running it. */
import { availableParallelism } from 'node:os';
import { SplError } from '../errors/spl-error.js';
import { discoverTargets } from '../validate/discover.js';
import { checkFiles } from '../validate/pool.js';
import { renderValidationJson, renderValidationText } from '../validate/report.js';
import { jobCount, macroConfig, usage, type MacroOptions } from './options.js';
import { reportFailure } from './report.js';

export interface ValidateFlags extends MacroOptions {
  format?: string;
  verbose?: boolean;
  debug?: boolean;
  jobs?: string;
}

export async function validateCommand(paths: string[], flags: ValidateFlags): Promise<number> {
  try {
    const format = flags.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw usage(`--format must be text or json, not "${format}"`);
    const jobs = jobCount(flags.jobs, defaultJobs());
    const targets = discoverOrUsage(paths);
    const reports = await checkFiles({ ...targets, macros: macroConfig(flags) }, jobs);
    process.stdout.write(format === 'json' ? renderValidationJson(reports) : renderValidationText(reports, flags.verbose === true));
    return reports.some((r) => r.status === 'error') ? 1 : 0;
  } catch (e) {
    return reportFailure(e, flags.debug);
  }
}

/**
 * One checking thread per two CPUs: V8 compiles and collects garbage on other threads, so one
 * thread checking already keeps about 1.5 CPUs busy, and on two CPUs a second one is slower.
 */
function defaultJobs(): number {
  return Math.max(1, Math.floor(availableParallelism() / 2));
}

function discoverOrUsage(paths: string[]): ReturnType<typeof discoverTargets> {
  try {
    return discoverTargets(paths);
  } catch (e) {
    if (e instanceof SplError) throw e;
    throw usage((e as Error).message);
  }
}
