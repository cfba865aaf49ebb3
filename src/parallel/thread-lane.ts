/**
 * A lane on a worker thread: the thread prepares and binds the search itself from the run's
 * options (functions do not cross threads), then reads the slices it is sent, one at a time.
 * Messages: main -> thread `{ slice }`; thread -> main `{ progress: [bytes, events] }` while reading
 * and `{ outcome }` at the end of a slice.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { InputSlice } from '../data/load.js';
import type { RunOptions } from '../pipeline.js';
import type { SliceOutcome, SliceRunner } from './outcome.js';

const WORKER = new URL('./run-worker.js', import.meta.url);

/** Worker threads need the built worker script (tests running the sources use in-thread lanes). */
export function workerThreadsAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

export type ToWorker = { slice: InputSlice };
export type FromWorker = { progress: [number, number] } | { outcome: SliceOutcome } | { failed: string };

export class ThreadLane implements SliceRunner {
  private readonly worker: Worker;
  private pending: { resolve: (o: SliceOutcome) => void; reject: (e: Error) => void; progress: (b: number, n: number) => void } | undefined;
  private closed = false;

  constructor(options: RunOptions) {
    this.worker = new Worker(WORKER, { workerData: { options } });
    this.worker.on('message', (m: FromWorker) => this.receive(m));
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`a worker thread stopped (exit code ${code})`)));
  }

  run(slice: InputSlice, progress: (bytes: number, events: number) => void): Promise<SliceOutcome> {
    if (this.closed) return Promise.reject(new Error('the worker thread was closed'));
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject, progress };
      this.worker.postMessage({ slice } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.pending?.reject(new Error('the worker thread was closed'));
    this.pending = undefined;
    await this.worker.terminate();
  }

  private receive(m: FromWorker): void {
    const pending = this.pending;
    if (!pending) return;
    if ('progress' in m) return pending.progress(m.progress[0], m.progress[1]);
    this.pending = undefined;
    if ('outcome' in m) pending.resolve(m.outcome);
    else pending.reject(new Error(m.failed));
  }

  private fail(e: Error): void {
    if (this.closed) return;
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(e);
  }
}
