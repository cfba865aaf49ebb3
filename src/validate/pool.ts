/**
 * Checking many files on several threads. This thread and the workers take chunks of the file
 * list from one shared counter (no messages to ask for work) and the reports are put back in file
 * order, so the output is the same as on one thread. A worker loads the engine and the macros
 * itself (a few tenths of a second), so workers start only when there are enough files to pay for
 * them, and only from the compiled build (the TypeScript sources, in tests, run in this thread),
 * as the test pool does (src/testing/pool.ts). A worker that fails leaves the chunks it did not
 * report to this thread, which then reproduces any error exactly.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadMacroEnvironment, type MacroConfig, type MacroEnvironment } from '../pipeline.js';
import { checkFile, type CheckContext, type SearchReport } from './check.js';
import { loadLookupCatalog } from './lookup-catalog.js';

/** Everything a thread needs to check files on its own (plain data, sent to each worker). */
export interface CheckJob {
  readonly files: readonly string[];
  readonly macros: MacroConfig;
  /** macro folders of content repositories, after the shipped macros. */
  readonly macroDirs: readonly string[];
  readonly lookupDirs: readonly string[];
}

/** What a worker posts: a chunk's reports, then `done` once no chunk is left. */
export type WorkerMessage = { readonly chunk: number; readonly reports: readonly SearchReport[] } | { readonly done: true };

const WORKER = new URL('./validate-worker.js', import.meta.url);
/** Files per claim: small enough to even out the threads' finishing times. */
export const CHUNK_SIZE = 8;
/** A worker costs about as much as checking this many files (the default of `filesPerWorker`). */
const FILES_PER_WORKER = 400;

export interface PoolOptions {
  /** Everything in this thread (tests of this module). */
  readonly inThread?: boolean;
  /** Files each worker must have to itself to be started. */
  readonly filesPerWorker?: number;
}

/** The environment of a job, loaded in the calling thread. */
export function loadJobEnvironment(job: CheckJob): { env: MacroEnvironment; context: CheckContext } {
  const env = loadMacroEnvironment(job.macros, job.macroDirs);
  return { env, context: { lookups: job.lookupDirs.length > 0 ? loadLookupCatalog(job.lookupDirs) : undefined } };
}

/** The reports of chunk `chunk` of the job's files. */
export function checkChunk(job: CheckJob, chunk: number, env: MacroEnvironment, context: CheckContext): SearchReport[] {
  return job.files.slice(chunk * CHUNK_SIZE, (chunk + 1) * CHUNK_SIZE).map((f) => checkFile(f, env, context));
}

/**
 * Every file's report, in file order, on up to `jobs` threads. Workers start before this thread
 * loads the macros, so their start-up overlaps it.
 */
export async function checkFiles(job: CheckJob, jobs: number, options: PoolOptions = {}): Promise<SearchReport[]> {
  const chunks = Math.ceil(job.files.length / CHUNK_SIZE);
  const perWorker = options.filesPerWorker ?? FILES_PER_WORKER;
  const workerCount = options.inThread || !existsSync(fileURLToPath(WORKER)) ? 0 : Math.min(jobs - 1, Math.floor(job.files.length / perWorker));
  const claims = new Int32Array(new SharedArrayBuffer(4));
  const results = new Array<readonly SearchReport[] | undefined>(chunks);
  const workers = Array.from({ length: Math.max(0, workerCount) }, () => startWorker(job, claims, results));
  try {
    const { env, context } = loadJobEnvironment(job);
    for (let chunk = Atomics.add(claims, 0, 1); chunk < chunks; chunk = Atomics.add(claims, 0, 1)) {
      try {
        results[chunk] = checkChunk(job, chunk, env, context);
      } catch {
        // Redone below, in file order, so that the error reported is the first file's, as on one thread.
      }
    }
    await Promise.all(workers.map((w) => w.finished));
    // Chunks that failed, here or in a worker that never reported them.
    for (let chunk = 0; chunk < chunks; chunk++) results[chunk] ??= checkChunk(job, chunk, env, context);
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
  return results.flatMap((r) => r!);
}

/**
 * A worker claiming chunks from `claims`. `finished` settles on its `done` (messages arrive in
 * order, so every chunk it reported is in `results`) or when it exits without one (it failed).
 */
function startWorker(job: CheckJob, claims: Int32Array, results: (readonly SearchReport[] | undefined)[]): { worker: Worker; finished: Promise<void> } {
  const worker = new Worker(WORKER, { workerData: { job, claims } });
  const finished = new Promise<void>((resolve) => {
    worker.on('message', (m: WorkerMessage) => {
      if ('done' in m) resolve();
      else results[m.chunk] = m.reports;
    });
    worker.once('exit', () => resolve());
  });
  // An uncaught error ends the thread ('error', then 'exit'); its unreported chunks are redone.
  worker.on('error', () => undefined);
  return { worker, finished };
}
