/**
 * Slices through lanes (one per thread), results applied strictly in slice order: a slice that
 * finishes early waits until every slice before it has been applied, so the merged result is the
 * one a single pass gives. The first failing slice, in slice order, stops the run; slices after it
 * are not started.
 */
import type { InputSlice } from '../data/load.js';
import { restoreError, type SliceOutcome, type SliceRunner } from './outcome.js';

export interface LaneEvents {
  /** Called for each slice's outcome, in slice order. */
  apply(outcome: SliceOutcome): void;
  /** Bytes of `slice` read so far and events read so far in it. */
  progress?(slice: InputSlice, bytes: number, events: number): void;
}

export async function runLanes(slices: readonly InputSlice[], lanes: readonly SliceRunner[], events: LaneEvents): Promise<void> {
  const done = new Map<number, SliceOutcome>();
  let next = 0;
  let applied = 0;
  let failedAt = Infinity;
  const drain = (): void => {
    for (let o = done.get(applied); o !== undefined; o = done.get(applied)) {
      done.delete(applied);
      applied++;
      events.apply(o);
      if (o.error) throw restoreError(o.error);
    }
  };
  let failure: { error: unknown } | undefined;
  const lane = async (runner: SliceRunner): Promise<void> => {
    while (failure === undefined && next < slices.length && next < failedAt) {
      const slice = slices[next++]!;
      const outcome = await runner.run(slice, (bytes, n) => events.progress?.(slice, bytes, n));
      if (failure !== undefined) return;
      if (outcome.error) failedAt = Math.min(failedAt, slice.index);
      done.set(slice.index, outcome);
      drain();
    }
  };
  const stop = (error: unknown): void => {
    // Lanes still reading are cancelled: their results can no longer matter.
    failure ??= { error };
    for (const l of lanes) void l.close();
  };
  await Promise.all(lanes.map((runner) => lane(runner).catch(stop)));
  await Promise.all(lanes.map((l) => l.close()));
  if (failure !== undefined) throw failure.error;
}
