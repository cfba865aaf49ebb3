/**
 * Character scanners shared by both lexer modes. Backslash escapes are kept in token images;
 * unescaping happens once, in to-ast (see unquote.ts).
 */
import { SplError } from '../errors/spl-error.js';

/** End offset (exclusive) of a quoted section starting at `start` (on the quote), or -1 if unclosed. */
export function scanQuoted(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === quote) return i + 1;
  }
  return -1;
}

/**
 * End offset of a search-mode word: a run of characters up to whitespace or one of
 * `( ) [ ] | = < > ,` or `!=`. Backslash escapes the next character (`\|` does not split the
 * pipeline, spec 01 S11); double-quoted sections are part of the word (`"Processes".*`).
 * Throws L001 at the opening quote when a quoted section is not closed (`user=bob"x`).
 */
export function scanSearchWord(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      i += 2;
      continue;
    }
    if (c === 34 /* " */) {
      const end = scanQuoted(text, i, '"');
      if (end < 0) throw unbalancedQuotes(i);
      i = end;
      continue;
    }
    // `<<FIELD>>` of a foreach template is part of a word (`[rename <<FIELD>> AS x_<<FIELD>>]`).
    if (c === 60 /* < */ && text.startsWith('<<', i)) {
      const m = TEMPLATE_TOKEN.exec(text.slice(i, i + 64));
      if (m) {
        i += m[0].length;
        continue;
      }
    }
    if (isSearchBreak(c) || (c === 33 /* ! */ && text.charCodeAt(i + 1) === 61)) break;
    i++;
  }
  return Math.min(i, text.length);
}

const TEMPLATE_TOKEN = /^<<\w+>>/;

function isSearchBreak(c: number): boolean {
  switch (c) {
    case 32: case 9: case 10: case 13: // whitespace
    case 40: case 41: // ( )
    case 91: case 93: // [ ]
    case 124: // |
    case 61: case 60: case 62: // = < >
    case 44: // ,
      return true;
    default:
      return false;
  }
}

/** L001 (spec 08 E3), pointing at the quote that is never closed. */
export function unbalancedQuotes(quote: number): SplError {
  return new SplError('L001', {}, { span: { start: quote, end: quote + 1 } });
}
