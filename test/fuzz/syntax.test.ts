/**
 * Fuzz: the lexer, parser, binder and error renderer on hostile search text (random SPL-ish text,
 * corpus searches with characters and tokens deleted, inserted, duplicated and swapped). Whatever
 * the input, the only thing thrown is an SplError with a span inside the text, and rendering it
 * (through the macro source map, for whole searches) works and points inside the user's query.
 * Budget: SPLQ_FUZZ_RUNS (see arbitraries.ts); long run: SPLQ_FUZZ_RUNS=100000 npx vitest run test/fuzz
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bind } from '../../src/bind/bind.js';
import { errorLocation, renderError } from '../../src/errors/render.js';
import { SplError } from '../../src/errors/spl-error.js';
import { executeRows } from '../../src/exec/execute.js';
import { checkServices } from '../../src/nested-search.js';
import { expandWith, loadMacroEnvironment, parseExpanded, StageError } from '../../src/pipeline.js';
import { tokenize } from '../../src/spl/lexer.js';
import { parse } from '../../src/spl/parse.js';
import { LineIndex } from '../../src/source/line-index.js';
import { CORPUS_DIR } from '../helpers/corpus.js';
import { budget, mutatedCorpusSearch, onlySplErrors, row, splishText, TIMEOUT, trace } from './arbitraries.js';

const CLOCK = { now: 1_700_000_000, zone: 'UTC' };
const env = loadMacroEnvironment({ defaultMacros: true, macroPaths: [], inlineMacros: [], strictMacros: false }, [join(CORPUS_DIR, 'macros')]);

/** Lex and parse `text` directly: only SplErrors, spans inside the text, renderable. */
function lexAndParse(text: string): void {
  trace(text);
  onlySplErrors(() => tokenize(text), text.length);
  const err = onlySplErrors(() => parse(text), text.length);
  if (err) renderError(err);
}

/**
 * The whole static path of a search as the CLI runs it: expand with the corpus macros, parse,
 * bind, and run over a few rows. A failure must be a StageError/SplError whose rendered primary
 * location lies inside the query.
 */
function wholeSearch(query: string, rows: Map<string, unknown>[]): void {
  trace([query, rows]);
  let expandedText: string | undefined;
  try {
    const expansion = expandWith(env, { text: query, name: '<query>' });
    expandedText = expansion.text;
    const pipeline = parseExpanded(expansion);
    try {
      const plan = bind(pipeline, { clock: CLOCK, services: checkServices(CLOCK) });
      executeRows(plan, rows.map((fields, seq) => ({ fields: fields as never, seq })));
    } catch (e) {
      if (e instanceof SplError) throw new StageError(e, expansion.sourceMap);
      throw e;
    }
  } catch (e) {
    if (!(e instanceof StageError)) throw e;
    checkRendered(e, query, expandedText);
  }
}

function checkRendered(e: StageError, query: string, expandedText: string | undefined): void {
  const { error, sourceMap } = e;
  const spanText = (error as { expandedText?: string }).expandedText ?? expandedText;
  if (error.span && spanText !== undefined) {
    expect(error.span.end, `${error.code} span end`).toBeLessThanOrEqual(spanText.length);
    expect(error.span.start).toBeLessThanOrEqual(error.span.end);
  }
  const rendered = renderError(error, { sourceMap });
  expect(rendered.startsWith(`error[${error.code}]: `)).toBe(true);
  const loc = errorLocation(error, { sourceMap });
  if (loc?.file === '<query>') {
    const index = new LineIndex(query);
    expect(loc.line).toBeGreaterThanOrEqual(1);
    expect(index.lineText(loc.line).length + 1).toBeGreaterThanOrEqual(loc.column);
  }
}

describe('fuzz: lexer and parser', () => {
  it('random SPL-ish text: only SplErrors, spans inside the text', () => {
    fc.assert(fc.property(splishText(), lexAndParse), budget(2000));
  }, TIMEOUT);

  it('mutated corpus searches (macros as written): only SplErrors, spans inside the text', () => {
    fc.assert(fc.property(mutatedCorpusSearch(), lexAndParse), budget(600));
  }, TIMEOUT);
});

describe('fuzz: expand -> parse -> bind -> run, errors rendered in the query', () => {
  it('mutated corpus searches with the corpus macros', () => {
    fc.assert(fc.property(mutatedCorpusSearch(), fc.array(row, { maxLength: 3 }), wholeSearch), budget(400));
  }, TIMEOUT);

  it('random SPL-ish text with the corpus macros', () => {
    fc.assert(fc.property(splishText(), fc.array(row, { maxLength: 3 }), wholeSearch), budget(1000));
  }, TIMEOUT);
});
