/**
 * Fuzz: macro expansion terminates on arbitrary macro tables (cycles, self-reference through other
 * arities, undefined names, stray backticks and quotes, `$arg$` everywhere) and fails only with a
 * positioned SplError; the source map of a success covers the expanded text exactly. Fan-out (a
 * macro calling the next one twice, 30 levels deep: 2^30 references) stops fast on a limit.
 * Budget: SPLQ_FUZZ_RUNS (see arbitraries.ts); long run: SPLQ_FUZZ_RUNS=100000 npx vitest run test/fuzz
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorLocation, renderError } from '../../src/errors/render.js';
import { SplError } from '../../src/errors/spl-error.js';
import { expandMacros, type ExpandOptions, type ExpandResult } from '../../src/macros/expand.js';
import { ExpansionError } from '../../src/macros/expansion-error.js';
import { buildMacroTable, parseInlineMacro } from '../../src/macros/load.js';
import { SourceRegistry } from '../../src/macros/types.js';
import { sliceOf } from '../../src/source/source-map.js';
import { parse } from '../../src/spl/parse.js';
import { budget, macroBody, macroDag, macroDefinitions, onlySplErrors, SLOW_MS, TIMEOUT, trace } from './arbitraries.js';

function expandWith(definitions: readonly string[], query: string, options: ExpandOptions = {}): ExpandResult {
  const registry = new SourceRegistry();
  const table = buildMacroTable([definitions.map((d) => parseInlineMacro(d, registry))]);
  registry.setQuery(query);
  return expandMacros(sliceOf(query, 0), table, registry, options);
}

/** Segments sorted, contiguous, covering [0, text.length), each inside its source text. */
function checkSourceMap(result: ExpandResult): void {
  let at = 0;
  for (const seg of result.sourceMap.segments) {
    expect(seg.start).toBe(at);
    expect(seg.end).toBeGreaterThan(seg.start);
    const src = result.sourceMap.sources[seg.source]!;
    expect(seg.sourceStart + (seg.end - seg.start)).toBeLessThanOrEqual(src.text.length);
    at = seg.end;
  }
  expect(at).toBe(result.text.length);
}

function checkFailure(e: unknown): void {
  if (!(e instanceof SplError)) throw e;
  expect(e).toBeInstanceOf(ExpansionError);
  const err = e as ExpansionError;
  expect(err.span!.start).toBeLessThanOrEqual(err.span!.end);
  expect(err.span!.end).toBeLessThanOrEqual(err.expandedText.length);
  expect(renderError(err).startsWith(`error[${err.code}]: `)).toBe(true);
  const loc = errorLocation(err);
  expect(loc?.line).toBeGreaterThanOrEqual(1);
}

function expandArbitrary(definitions: readonly string[], query: string): void {
  trace([definitions, query]);
  const started = performance.now();
  let result: ExpandResult | undefined;
  try {
    result = expandWith(definitions, query);
  } catch (e) {
    checkFailure(e);
  }
  expect(performance.now() - started).toBeLessThan(SLOW_MS);
  if (!result) return;
  checkSourceMap(result);
  onlySplErrors(() => parse(result.text), result.text.length);
}

/** `m0` calls `m1` twice, ..., `m<levels-1>` calls `m<levels>` twice; `m<levels>` is `leaf`. */
function fanOut(levels: number, leaf: string): string[] {
  const defs = Array.from({ length: levels }, (_, i) => `m${i}=\`m${i + 1}\`\`m${i + 1}\``);
  return [...defs, `m${levels}=${leaf}`];
}

function failureOf(run: () => unknown): ExpansionError {
  try {
    run();
  } catch (e) {
    if (e instanceof ExpansionError) return e;
    throw e;
  }
  throw new Error('expected an expansion error');
}

describe('fuzz: macro expansion', () => {
  it('terminates on arbitrary tables; fails only with positioned SplErrors; maps every character', () => {
    fc.assert(fc.property(macroDefinitions, macroBody, expandArbitrary), budget(1500));
  }, TIMEOUT);

  it('acyclic tables that nest deep and fan out: the same properties', () => {
    fc.assert(fc.property(macroDag, ({ definitions, query }) => expandArbitrary(definitions, query)), budget(300));
  }, TIMEOUT);
});

describe('macro expansion limits stop exponential fan-out fast', () => {
  it('2^30 references to a 1,000-character macro: the expanded-size limit (M011) with its size', () => {
    const started = performance.now();
    const err = failureOf(() => expandWith(fanOut(30, 'x'.repeat(1000)), 'a `m0` b'));
    expect(err.code).toBe('M011');
    expect(err.params.size).toBeGreaterThan(1_000_000);
    expect(err.params.size).toBeLessThanOrEqual(1_001_000 + 3);
    expect(err.params.limit).toBe(1_000_000);
    expect(performance.now() - started).toBeLessThan(SLOW_MS);
    expect(errorLocation(err)).toMatchObject({ file: '<query>', line: 1, column: 3 });
  });

  it('the size limit as given (maxSize)', () => {
    const err = failureOf(() => expandWith(fanOut(30, 'abc'), '`m0`', { maxSize: 100 }));
    expect(err.code).toBe('M011');
    expect(err.params).toMatchObject({ limit: 100 });
    expect(err.message).toContain(`(${err.params.size} characters)`);
  });

  it.each([
    ['empty', ''],
    ['a comment', '```nothing```'],
    ['one character', 'x'],
  ])('2^30 references to a macro that expands to %s: the expansion-count limit (M014)', (_name, leaf) => {
    const started = performance.now();
    const err = failureOf(() => expandWith(fanOut(30, leaf), '`m0`'));
    expect(err.code).toBe('M014');
    expect(err.params).toMatchObject({ limit: 10_000 });
    expect(performance.now() - started).toBeLessThan(SLOW_MS);
  });

  it('a macro that calls itself, directly or through another arity, is a cycle (M003), not a hang', () => {
    expect(failureOf(() => expandWith(['m=`m``m`'], '`m`')).code).toBe('M003');
    expect(failureOf(() => expandWith(['m=`m(1)`', 'm(x)=`m` $x$'], '`m`')).code).toBe('M003');
  });
});
