/**
 * What the fuzzers found, one example each, so the fix stays fixed whatever the budget:
 * the lexer looping on a `<<` that starts no `<<FIELD>>` template, a parse error at the end of the
 * search spanning past the text, the printer writing an infinite literal as a field name, and a
 * search term `by` printed bare where it opens a BY clause.
 * (Macro fan-out is in macros.test.ts; the CLI's closed stdout in errors-catalog.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors/spl-error.js';
import { tokenize } from '../../src/spl/lexer.js';
import { parse } from '../../src/spl/parse.js';
import { printPipeline } from '../../src/spl/print.js';
import { withoutSpans } from '../helpers/corpus.js';

function failure(text: string): SplError {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof SplError) return e;
    throw e;
  }
  throw new Error(`${text} parsed`);
}

describe('fuzz finds', () => {
  it('`<<` without a template name lexes as two operators instead of looping forever', () => {
    expect(tokenize('* | eval x=a<<b').map((t) => t.image)).toEqual(['*', '|', 'eval', 'x', '=', 'a', '<', '<', 'b']);
    expect(tokenize('* | eval x=<<').map((t) => t.image).slice(-2)).toEqual(['<', '<']);
    expect(failure('* | eval x=1 << 2').code).toBe('P005');
    expect(tokenize('* | eval x=<<FIELD>>').at(-1)!.image).toBe('<<FIELD>>');
  });

  it('an error at the end of the search has a span inside the text', () => {
    for (const text of ['a OR', 'a OR   ', '* | stats count by', '\nOR*>0.5*by,']) {
      const e = failure(text);
      expect(e.span!.end, text).toBeLessThanOrEqual(text.length);
      expect(e.span!.start).toBeLessThanOrEqual(e.span!.end);
    }
  });

  it('a search term spelled like a clause keyword (by, as, in) prints so that it stays a term', () => {
    for (const text of ['| tstats count from datamodel=A where x=1 AND by _time', 'a IN AND (x y)', 'a AND as', 'search a AND By']) {
      const ast = parse(text);
      const printed = printPipeline(ast);
      expect(withoutSpans(parse(printed)), printed).toEqual(withoutSpans(ast));
    }
    expect(printPipeline(parse('a IN AND (x y)'))).toBe('a """IN" (x y)');
  });

  it('a literal too large for a double (1e309) prints as a number, not as the field Infinity', () => {
    const ast = parse('* | eval x=1e309 + y');
    const printed = printPipeline(ast);
    expect(printed).toBe('* | eval x=1e999 + y');
    expect(withoutSpans(parse(printed))).toEqual(withoutSpans(ast));
  });
});
