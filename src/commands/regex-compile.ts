/**
 * A regular expression written as a command argument (rex, regex, makemv tokenizer=), compiled
 * once at bind time through compilePcre. An invalid pattern fails the search with B105, which names
 * the pattern and the offset, and highlights the character at that offset when the written text
 * maps one to one onto the pattern (no escapes were removed), else the whole argument.
 */
import { SplError } from '../errors/spl-error.js';
import { compilePcre, PcreError, type PcreRegExp } from '../eval/pcre.js';
import type { Span } from '../spl/ast.js';

export interface WrittenPattern {
  readonly text: string;
  readonly quoted: boolean;
  readonly span: Span;
}

export function compileCommandRegex(command: string, written: WrittenPattern, flags = ''): PcreRegExp {
  try {
    return compilePcre(written.text, { flags });
  } catch (e) {
    if (!(e instanceof PcreError)) throw e;
    const reason = `${e.reason} at offset ${e.offset}`;
    throw new SplError('B105', { command, pattern: written.text, reason }, { span: offsetSpan(written, e.offset) });
  }
}

/** The span of character `offset` of the pattern, when the written text maps onto it exactly. */
export function offsetSpan(written: WrittenPattern, offset: number): Span {
  const inner = written.quoted ? 1 : 0;
  const start = written.span.start + inner;
  if (written.span.end - inner - start !== written.text.length) return written.span;
  const at = Math.min(Math.max(offset, 0), Math.max(written.text.length - 1, 0));
  return written.text.length === 0 ? written.span : { start: start + at, end: start + at + 1 };
}

/** Named capture groups of a compiled pattern: [group number, name]. */
export function namedGroups(re: PcreRegExp): [number, string][] {
  const out: [number, string][] = [];
  re.pcre.names.forEach((name, i) => {
    if (name !== undefined) out.push([i, name]);
  });
  return out;
}
