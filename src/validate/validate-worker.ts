/**
 * A worker thread of the validation pool (pool.ts): loads the job's macros and lookups, then
 * checks chunks of files, claimed from the shared counter, until none is left.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkChunk, CHUNK_SIZE, loadJobEnvironment, type CheckJob, type WorkerMessage } from './pool.js';

const { job, claims } = workerData as { job: CheckJob; claims: Int32Array };
const { env, context } = loadJobEnvironment(job);
const chunks = Math.ceil(job.files.length / CHUNK_SIZE);
const post = (m: WorkerMessage): void => parentPort!.postMessage(m);

for (let chunk = Atomics.add(claims, 0, 1); chunk < chunks; chunk = Atomics.add(claims, 0, 1)) {
  post({ chunk, reports: checkChunk(job, chunk, env, context) });
}
post({ done: true });
