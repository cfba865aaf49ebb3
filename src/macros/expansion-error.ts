/**
 * The error thrown when macro expansion fails. Its span is in the text expanded *so far* (what
 * was expanded, then the rest left as written), and it carries that text's source map, so the
 * renderer can show the failing reference in the query and in each macro file on the way.
 */
import { SplError } from '../errors/spl-error.js';
import type { SourceMap } from '../source/source-map.js';
import type { Span } from '../source/span.js';

export class ExpansionError extends SplError {
  constructor(
    cause: SplError,
    span: Span,
    readonly sourceMap: SourceMap,
    readonly expandedText: string,
  ) {
    super(cause.code, cause.params, { span, hints: cause.hints, notes: cause.notes });
  }

  /** Keep the map when a note is added on the way up (a plain SplError would lose it). */
  override withNote(note: string): ExpansionError {
    const noted = new SplError(this.code, this.params, { hints: this.hints, notes: [...this.notes, note] });
    return new ExpansionError(noted, this.span!, this.sourceMap, this.expandedText);
  }
}

export function isExpansionError(e: unknown): e is ExpansionError {
  return e instanceof ExpansionError;
}
