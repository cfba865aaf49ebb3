/** `splq validate PATH...`: expand, parse and check every search without running it. */
import { SplError } from '../errors/spl-error.js';
import { loadMacroEnvironment } from '../pipeline.js';
import { checkFile } from '../validate/check.js';
import { discoverTargets } from '../validate/discover.js';
import { loadLookupCatalog } from '../validate/lookup-catalog.js';
import { renderValidationJson, renderValidationText } from '../validate/report.js';
import { macroConfig, usage, type MacroOptions } from './options.js';
import { reportFailure } from './report.js';

export interface ValidateFlags extends MacroOptions {
  format?: string;
  verbose?: boolean;
  debug?: boolean;
}

export function validateCommand(paths: string[], flags: ValidateFlags): number {
  try {
    const format = flags.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw usage(`--format must be text or json, not "${format}"`);
    const targets = discoverOrUsage(paths);
    const env = loadMacroEnvironment(macroConfig(flags), targets.macroDirs);
    const lookups = targets.lookupDirs.length > 0 ? loadLookupCatalog(targets.lookupDirs) : undefined;
    const reports = targets.files.map((f) => checkFile(f, env, { lookups }));
    process.stdout.write(format === 'json' ? renderValidationJson(reports) : renderValidationText(reports, flags.verbose === true));
    return reports.some((r) => r.status === 'error') ? 1 : 0;
  } catch (e) {
    return reportFailure(e, flags.debug);
  }
}

function discoverOrUsage(paths: string[]): ReturnType<typeof discoverTargets> {
  try {
    return discoverTargets(paths);
  } catch (e) {
    if (e instanceof SplError) throw e;
    throw usage((e as Error).message);
  }
}
