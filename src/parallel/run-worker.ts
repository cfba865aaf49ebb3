/** A worker thread of `splq run --workers N` (thread-lane.ts): reads the slices it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { workerSliceRunner, type RunOptions } from '../pipeline.js';
import type { FromWorker, ToWorker } from './thread-lane.js';

const PROGRESS_EVERY_MS = 200;

const port = parentPort!;
let runner: ReturnType<typeof workerSliceRunner> | undefined;
let startFailure: string | undefined;
try {
  runner = workerSliceRunner((workerData as { options: RunOptions }).options);
} catch (e) {
  // The main thread prepared the same search without error, so this is not the user's fault.
  startFailure = e instanceof Error ? e.message : String(e);
}

const send = (m: FromWorker): void => port.postMessage(m);

port.on('message', (m: ToWorker) => {
  if (!runner) return send({ failed: `the worker thread could not start: ${startFailure}` });
  let last = 0;
  const progress = (bytes: number, events: number): void => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    send({ progress: [bytes, events] });
  };
  void runner.run(m.slice, progress).then(
    (outcome) => send({ outcome }),
    (e: unknown) => send({ failed: e instanceof Error ? e.message : String(e) }),
  );
});
