/**
 * Issue 3 property over the whole corpus: parse(print(parse(x))) equals parse(x), spans aside,
 * for every security_content search that expands (all but the three with missing macros).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandWith, loadMacroEnvironment, StageError } from '../../src/pipeline.js';
import { parse } from '../../src/spl/parse.js';
import { printPipeline } from '../../src/spl/print.js';
import { CORPUS_DIR, loadCorpusSearches, withoutSpans } from '../helpers/corpus.js';

const env = loadMacroEnvironment({ defaultMacros: true, macroPaths: [], inlineMacros: [], strictMacros: false }, [join(CORPUS_DIR, 'macros')]);
const searches = loadCorpusSearches();

function expanded(text: string): string | undefined {
  try {
    return expandWith(env, { text, name: '<query>' }).text;
  } catch (e) {
    if (e instanceof StageError && e.error.code === 'M001') return undefined;
    throw e;
  }
}

describe('canonical printer round trip over security_content', () => {
  it('holds for every search that expands', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const s of searches) {
      const text = expanded(s.search);
      if (text === undefined) continue;
      const ast = parse(text);
      const printed = printPipeline(ast);
      let again: unknown;
      try {
        again = withoutSpans(parse(printed));
      } catch (e) {
        failures.push(`${s.path}: reprint does not parse (${(e as Error).message})\n  ${printed}`);
        continue;
      }
      checked++;
      if (JSON.stringify(again) !== JSON.stringify(withoutSpans(ast))) failures.push(`${s.path}: AST differs\n  ${printed}`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(checked).toBe(1821);
  });
});
