/**
 * Property: every generated sentence of the grammar (search expressions, eval expressions, the
 * common commands, subsearches) parses, and its canonical print parses back to the same AST,
 * spans aside; printing is idempotent. The same holds for every mutated corpus search that still
 * expands and parses (the unmutated corpus is test/corpus/roundtrip.test.ts).
 * Budget: SPLQ_FUZZ_RUNS (see arbitraries.ts); long run: SPLQ_FUZZ_RUNS=100000 npx vitest run test/fuzz
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors/spl-error.js';
import { expandWith, loadMacroEnvironment, StageError } from '../../src/pipeline.js';
import { parse } from '../../src/spl/parse.js';
import { printPipeline } from '../../src/spl/print.js';
import { CORPUS_DIR, withoutSpans } from '../helpers/corpus.js';
import { budget, evalExpr, mutatedCorpusSearch, searchExpr, sentence, TIMEOUT, trace } from './arbitraries.js';

const env = loadMacroEnvironment({ defaultMacros: true, macroPaths: [], inlineMacros: [], strictMacros: false }, [join(CORPUS_DIR, 'macros')]);

/** The expanded, parseable text of a (mutated) search, or undefined when it does not get that far. */
function parseable(query: string): string | undefined {
  try {
    const text = expandWith(env, { text: query, name: '<query>' }).text;
    parse(text);
    return text;
  } catch (e) {
    if (e instanceof StageError || e instanceof SplError) return undefined;
    throw e;
  }
}

function roundTrip(text: string): void {
  trace(text);
  const ast = parse(text);
  const printed = printPipeline(ast);
  let again;
  try {
    again = parse(printed);
  } catch (e) {
    throw new Error(`the print of ${JSON.stringify(text)} does not parse: ${JSON.stringify(printed)}: ${(e as Error).message}`);
  }
  expect(withoutSpans(again), `${text}\n  printed: ${printed}`).toEqual(withoutSpans(ast));
  expect(printPipeline(again)).toBe(printed);
}

describe('fuzz: print(parse(x)) parses back to the same AST', () => {
  it('search expressions', () => {
    fc.assert(fc.property(searchExpr, roundTrip), budget(500));
  }, TIMEOUT);

  it('eval expressions over every function', () => {
    fc.assert(fc.property(evalExpr(), (e) => roundTrip(`* | eval v=${e}`)), budget(500));
  }, TIMEOUT);

  it('pipelines of the common commands', () => {
    fc.assert(fc.property(sentence, roundTrip), budget(500));
  }, TIMEOUT);

  it('mutated corpus searches that still expand and parse', () => {
    fc.assert(
      fc.property(mutatedCorpusSearch(), (query) => {
        const text = parseable(query);
        if (text !== undefined) roundTrip(text);
      }),
      budget(400),
    );
  }, TIMEOUT);
});
