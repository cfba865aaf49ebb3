/**
 * SplError: every failure the engine reports. It carries a catalog code (codes.ts owns the prose),
 * the parameters for the message, and where it happened: a span in the expanded search text, or a
 * file location for inputs that are not the search (macro files, event files, YAML).
 */
import type { Span } from '../source/span.js';
import { CODES, type ErrorCode, type Phase } from './codes.js';

export interface FileLocation {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
}

export interface SplErrorInit {
  readonly span?: Span;
  readonly location?: FileLocation;
  readonly hints?: readonly string[];
  readonly notes?: readonly string[];
}

export type ErrorParams = Readonly<Record<string, string | number>>;

export class SplError extends Error {
  readonly phase: Phase;
  readonly span?: Span;
  readonly location?: FileLocation;
  readonly hints: readonly string[];
  readonly notes: readonly string[];

  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    init: SplErrorInit = {},
  ) {
    super(formatMessage(code, params));
    this.name = 'SplError';
    this.phase = CODES[code].phase;
    this.span = init.span;
    this.location = init.location;
    this.hints = init.hints ?? [];
    this.notes = init.notes ?? [];
  }

  /** The same error with a span, unless it already has one (late attachment, as errors bubble up). */
  withSpan(span: Span): SplError {
    if (this.span || this.location) return this;
    return new SplError(this.code, this.params, { span, hints: this.hints, notes: this.notes });
  }

  withNote(note: string): SplError {
    return new SplError(this.code, this.params, {
      span: this.span,
      location: this.location,
      hints: this.hints,
      notes: [...this.notes, note],
    });
  }
}

/** Fill a catalog template: `{name}` placeholders take the params. */
export function formatMessage(code: ErrorCode, params: ErrorParams): string {
  return CODES[code].message.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

export function isSplError(e: unknown): e is SplError {
  return e instanceof SplError;
}
