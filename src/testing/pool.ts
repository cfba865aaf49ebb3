/**
 * Running many tests with bounded parallelism: `jobs` worker threads, each running one test at a
 * time (searches are CPU-bound, so threads, not just promises). Where the compiled worker is not
 * available (running from the TypeScript sources), `jobs` is 1 or there are too few tests to pay
 * for starting threads, tests run in this thread, still `jobs` at a time so that one test's file
 * reads overlap another's work.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TestEnvironment } from './environment.js';
import { runDetectionTest } from './run-test.js';
import type { DetectionTests, TestCase, TestOutcome, TestRunConfig } from './types.js';

export interface TestJob {
  readonly detection: DetectionTests;
  readonly test: TestCase;
}

export interface PoolOptions {
  readonly jobs: number;
  /** Called as each test finishes (progress). */
  readonly onDone?: (outcome: TestOutcome) => void;
  /** Force in-thread execution (tests of this module). */
  readonly inThread?: boolean;
}

const WORKER = new URL('./test-worker.js', import.meta.url);
const MIN_TESTS_PER_THREAD = 4;

/** Every job's outcome, in job order. */
export async function runTestJobs(jobs: readonly TestJob[], config: TestRunConfig, options: PoolOptions): Promise<TestOutcome[]> {
  const width = Math.max(1, Math.min(options.jobs, jobs.length));
  // A worker thread takes about half a second to load the engine: worth it from a few tests each.
  const threads = width > 1 && jobs.length >= MIN_TESTS_PER_THREAD * width && !options.inThread && existsSync(fileURLToPath(WORKER));
  const outcomes = new Array<TestOutcome>(jobs.length);
  let next = 0;
  const lane = async (run: (job: TestJob) => Promise<TestOutcome>): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      outcomes[i] = await run(jobs[i]!);
      options.onDone?.(outcomes[i]!);
    }
  };
  if (!threads) {
    const env = new TestEnvironment();
    await Promise.all(Array.from({ length: width }, () => lane((job) => runDetectionTest(job.detection, job.test, config, env))));
    return outcomes;
  }
  const workers = Array.from({ length: width }, () => new TestWorker(config));
  try {
    await Promise.all(workers.map((w) => lane((job) => w.run(job))));
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
  return outcomes;
}

/** One worker thread running one test at a time; a crash fails that test and starts a new thread. */
class TestWorker {
  private worker: Worker;
  private pending?: { job: TestJob; resolve: (o: TestOutcome) => void };
  private closing = false;

  constructor(private readonly config: TestRunConfig) {
    this.worker = this.start();
  }

  run(job: TestJob): Promise<TestOutcome> {
    return new Promise((resolve) => {
      this.pending = { job, resolve };
      this.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
  }

  private start(): Worker {
    const worker = new Worker(WORKER, { workerData: { config: this.config } });
    worker.on('message', (outcome: TestOutcome) => this.settle(outcome));
    // An uncaught error ends the thread ('error', then 'exit'); so does process.exit in it.
    worker.on('error', (e) => this.replace(worker, e));
    worker.on('exit', (code) => this.replace(worker, new Error(`exited with code ${code}`)));
    return worker;
  }

  /** A thread that ended while it ran a test: that test errors, a new thread takes its place. */
  private replace(dead: Worker, e: Error): void {
    if (this.closing || dead !== this.worker) return;
    const job = this.pending?.job;
    this.worker = this.start();
    if (job) this.settle(crashed(job, e));
  }

  private settle(outcome: TestOutcome): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.resolve(outcome);
  }
}

function crashed(job: TestJob, e: Error): TestOutcome {
  const { detection, test } = job;
  return {
    detection: detection.name,
    detectionFile: detection.path,
    test: test.name,
    testFile: test.file,
    status: 'error',
    reason: `internal: the test's worker thread failed: ${e.message}`,
    durationMs: 0,
  };
}
