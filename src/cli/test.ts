/**
 * `splq test PATH...`: run the unit tests of detections (security_content `tests:` blocks and
 * `*.test.yml` sidecars) offline; report on stdout as text, JSON or JUnit XML, a progress line on
 * stderr when it is a terminal; exit 1 when a test fails or errors.
 */
import { SplError } from '../errors/spl-error.js';
import { renderJunit } from '../testing/junit.js';
import { renderTestJson, renderTestText, runFailed, type TestSummary } from '../testing/report.js';
import { runTestSuite } from '../testing/suite.js';
import type { TestOutcome, TestRunConfig } from '../testing/types.js';
import { parseClockTime, validateZone } from '../time/clock.js';
import { jobCount, macroConfig, timeBound, usage, type MacroOptions } from './options.js';
import { reportFailure } from './report.js';

export interface TestFlags extends MacroOptions {
  dataRoot?: string;
  lookups?: string[];
  props?: string[];
  earliest?: string;
  latest?: string;
  allTime?: boolean;
  now?: string;
  tz?: string;
  jobs?: string;
  format?: string;
  verbose?: boolean;
}

const FORMATS = ['text', 'json', 'junit'] as const;

export async function testCommand(paths: string[], flags: TestFlags): Promise<number> {
  try {
    const format = flags.format ?? 'text';
    if (!(FORMATS as readonly string[]).includes(format)) throw usage(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
    const config = runConfig(flags);
    const jobs = jobCount(flags.jobs);
    const progress = progressLine(process.stderr.isTTY === true);
    let result;
    try {
      result = await runTestSuite(paths, { config, jobs, onStart: progress.start, onDone: progress.done });
    } catch (e) {
      throw e instanceof SplError ? e : usage((e as Error).message);
    } finally {
      progress.end();
    }
    process.stdout.write(render(format, result.outcomes, result.summary, flags.verbose === true));
    return runFailed(result.summary) ? 1 : 0;
  } catch (e) {
    return reportFailure(e);
  }
}

function render(format: string, outcomes: readonly TestOutcome[], summary: TestSummary, verbose: boolean): string {
  if (format === 'json') return renderTestJson(outcomes, summary);
  if (format === 'junit') return renderJunit(outcomes, summary);
  return renderTestText(outcomes, summary, verbose);
}

function runConfig(flags: TestFlags): TestRunConfig {
  const tz = flags.tz ?? 'UTC';
  if (!validateZone(tz)) throw new SplError('U002', { value: tz });
  // Checked now against any clock; resolved per test, against that test's run time.
  timeBound(flags.earliest, '--earliest', { now: 0, zone: tz });
  timeBound(flags.latest, '--latest', { now: 0, zone: tz });
  if (flags.allTime && (flags.earliest !== undefined || flags.latest !== undefined)) throw usage('--all-time cannot be combined with --earliest/--latest');
  const macros = macroConfig(flags);
  return {
    dataRoot: flags.dataRoot,
    ...macros,
    lookups: flags.lookups ?? [],
    props: flags.props ?? [],
    window: { earliest: flags.earliest, latest: flags.latest, allTime: flags.allTime === true },
    now: nowOf(flags.now, tz),
    tz,
  };
}

/** `--now now` is the wall clock (events are moved to it); otherwise ISO 8601 or epoch seconds. */
function nowOf(value: string | undefined, zone: string): number | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === 'now') return Math.floor(Date.now() / 1000);
  const at = parseClockTime(value, zone);
  if (at === undefined) throw new SplError('U001', { value, option: '--now' });
  return at;
}

/** `[12/40] 10 passed, 1 failed, 0 errors, 1 skipped  <detection> › <test>`, redrawn in place. */
function progressLine(enabled: boolean) {
  let total = 0;
  const tally = { pass: 0, fail: 0, error: 0, skipped: 0 };
  let drawn = false;
  return {
    start: (n: number) => {
      total = n;
    },
    done: (o: TestOutcome) => {
      tally[o.status]++;
      if (!enabled) return;
      const finished = tally.pass + tally.fail + tally.error + tally.skipped;
      const counts = `${tally.pass} passed, ${tally.fail} failed, ${tally.error} errors, ${tally.skipped} skipped`;
      const width = process.stderr.columns ?? 100;
      process.stderr.write(`\r${`[${finished}/${total}] ${counts}  ${o.detection} › ${o.test}`.slice(0, Math.max(20, width - 1))}\x1b[K`);
      drawn = true;
    },
    end: () => {
      if (drawn) process.stderr.write('\r\x1b[K');
    },
  };
}
