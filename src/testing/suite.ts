/**
 * `splq test` end to end, without the CLI: discover the detections under the paths, load their
 * tests, run them in parallel and summarize. The repositories' macros/ come after the shipped
 * macros and before `--macros`; their lookups/ after `--lookups`.
 */
import { discoverTests } from './discover.js';
import { loadDetectionTests } from './load.js';
import { runTestJobs, type TestJob } from './pool.js';
import { summarize, type TestSummary } from './report.js';
import type { DetectionTests, TestOutcome, TestRunConfig } from './types.js';

export interface SuiteOptions {
  /** Everything but the repositories' folders, which discovery adds. */
  readonly config: TestRunConfig;
  readonly jobs: number;
  readonly onStart?: (total: number) => void;
  readonly onDone?: (outcome: TestOutcome) => void;
  readonly inThread?: boolean;
}

export interface SuiteResult {
  readonly outcomes: readonly TestOutcome[];
  readonly summary: TestSummary;
}

/** Throws an Error for a path that does not exist (a usage error for the CLI). */
export async function runTestSuite(paths: readonly string[], options: SuiteOptions): Promise<SuiteResult> {
  const started = performance.now();
  const targets = discoverTests(paths);
  const config: TestRunConfig = {
    ...options.config,
    macroPaths: [...targets.macroDirs, ...options.config.macroPaths],
    lookups: [...options.config.lookups, ...targets.lookupDirs],
  };
  const detections = targets.files
    .map((f) => loadDetectionTests(f, targets.explicit.has(f)))
    .filter((d): d is DetectionTests => d !== undefined);
  const jobs: TestJob[] = detections.flatMap((d) => d.tests.map((test) => ({ detection: d, test })));
  options.onStart?.(jobs.length + detections.filter((d) => d.problem).length);
  const problems = detections.filter((d) => d.problem).map(unreadable);
  problems.forEach((o) => options.onDone?.(o));
  const outcomes = [...problems, ...(await runTestJobs(jobs, config, { jobs: options.jobs, onDone: options.onDone, inThread: options.inThread }))];
  const withoutTests = detections.filter((d) => !d.problem && d.tests.length === 0).length;
  return { outcomes, summary: summarize(outcomes, detections.length, withoutTests, Math.round(performance.now() - started)) };
}

function unreadable(d: DetectionTests): TestOutcome {
  return { detection: d.name, detectionFile: d.path, test: '(detection file)', testFile: d.path, status: 'error', reason: d.problem, durationMs: 0 };
}
