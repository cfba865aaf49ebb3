/** A worker thread of the test pool (pool.ts): runs the tests it is sent, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { TestEnvironment } from './environment.js';
import type { TestJob } from './pool.js';
import { runDetectionTest } from './run-test.js';
import type { TestRunConfig } from './types.js';

const config = (workerData as { config: TestRunConfig }).config;
const env = new TestEnvironment();

parentPort?.on('message', (job: TestJob) => {
  void runDetectionTest(job.detection, job.test, config, env).then((outcome) => parentPort?.postMessage(outcome));
});
