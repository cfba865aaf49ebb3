/**
 * executeSliced(plan, slices, lanes): the plan's per-row prefix runs on each slice of the events
 * (in lanes: this thread and worker threads), and the rest here, fed the slices' outputs in slice
 * order: their rows, or, when the command after the prefix merges (stats), their partial states.
 * Problems come back with line numbers counted from each slice's start and are shifted to the
 * file's own numbering here, so they read as in a single pass.
 */
import type { Row } from '../data/event.js';
import type { InputSlice } from '../data/load.js';
import type { ProblemLog } from '../data/problem-log.js';
import type { Sink } from '../commands/types.js';
import type { Plan } from '../bind/bind.js';
import { runLanes } from '../parallel/lanes.js';
import type { SliceOutcome, SliceRunner } from '../parallel/outcome.js';

export interface SlicedHooks {
  readonly problems?: ProblemLog;
  /** Bytes read of a file so far (all its slices), and events read so far in all. */
  readonly onProgress?: (file: string, bytesRead: number, events: number) => void;
}

export async function executeSliced(
  plan: Plan,
  slices: readonly InputSlice[],
  lanes: readonly SliceRunner[],
  hooks: SlicedHooks,
): Promise<{ rows: Row[]; events: number }> {
  const rows: Row[] = [];
  const collect: Sink = { push: (row) => rows.push(row), end: () => undefined };
  const k = plan.perRowPrefix;
  const chain = (from: number): Sink => plan.operators.slice(from).reduceRight<Sink>((next, op) => op(next), collect);
  const merging = plan.mergeable?.merging(chain(k + 1));
  const head = merging ?? chain(k);
  const lineBase = new Map<string, number>();
  let events = 0;
  const apply = (o: SliceOutcome): void => {
    const slice = slices[o.index]!;
    const base = lineBase.get(slice.file) ?? 0;
    lineBase.set(slice.file, base + o.lines);
    hooks.problems?.absorb(o.problems.map((p) => (p.file === slice.file ? { ...p, line: p.line + base } : p)), o.problemCounts);
    events += o.events;
    if (merging) {
      if (o.state !== undefined) merging.absorb(o.state);
    } else for (const row of o.rows ?? []) head.push(row);
  };
  await runLanes(slices, lanes, { apply, progress: progressOf(slices, hooks) });
  head.end();
  return { rows, events };
}

function progressOf(slices: readonly InputSlice[], hooks: SlicedHooks) {
  if (!hooks.onProgress) return undefined;
  const report = hooks.onProgress;
  const bytes = new Map<number, number>();
  const counts = new Map<number, number>();
  const total = (m: Map<number, number>, keep: (i: number) => boolean): number => {
    let sum = 0;
    for (const [i, v] of m) if (keep(i)) sum += v;
    return sum;
  };
  return (slice: InputSlice, read: number, n: number): void => {
    bytes.set(slice.index, read);
    counts.set(slice.index, n);
    report(slice.file, total(bytes, (i) => slices[i]!.file === slice.file), total(counts, () => true));
  };
}
