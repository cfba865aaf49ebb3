/**
 * What reading one slice gives back (data only, so it crosses threads): the rows or the partial
 * aggregation state after the per-row part of the plan, counts, and problems with line numbers
 * counted from the slice's start. An error ends the slice; what came before it is kept, so the
 * merge can apply it before failing, as one pass would have.
 */
import type { Row } from '../data/event.js';
import type { InputProblem, InputProblemCode } from '../data/records.js';
import { SplError, type ErrorParams, type FileLocation } from '../errors/spl-error.js';
import type { ErrorCode } from '../errors/codes.js';
import type { Span } from '../source/span.js';

export interface SliceOutcome {
  readonly index: number;
  /** Rows that came out of the per-row part of the plan (when no aggregation merges). */
  readonly rows?: Row[];
  /** The partial state of the mergeable aggregation. */
  readonly state?: unknown;
  /** Events read, those the prefilter skipped included. */
  readonly events: number;
  /** Lines the slice held (to number the next slice's lines). */
  readonly lines: number;
  readonly problems: readonly InputProblem[];
  readonly problemCounts: ReadonlyArray<readonly [InputProblemCode, number]>;
  readonly error?: TransferredError;
}

/** An error as data: an SplError's parts, or any other error's message. */
export interface TransferredError {
  readonly spl?: { code: ErrorCode; params: ErrorParams; span?: Span; location?: FileLocation; hints: readonly string[]; notes: readonly string[] };
  readonly message: string;
  readonly stack?: string;
}

export function transferError(e: unknown): TransferredError {
  if (e instanceof SplError) {
    const { code, params, span, location, hints, notes } = e;
    return { spl: { code, params, span, location, hints, notes }, message: e.message };
  }
  return e instanceof Error ? { message: e.message, stack: e.stack } : { message: String(e) };
}

export function restoreError(t: TransferredError): Error {
  if (t.spl) return new SplError(t.spl.code, t.spl.params, { span: t.spl.span, location: t.spl.location, hints: t.spl.hints, notes: t.spl.notes });
  const e = new Error(t.message);
  if (t.stack) e.stack = t.stack;
  return e;
}

/** Reads slices: in this thread, or in a worker thread. */
export interface SliceRunner {
  run(slice: import('../data/load.js').InputSlice, progress: (bytes: number, events: number) => void): Promise<SliceOutcome>;
  close(): Promise<void>;
}
