// The source map built by macro expansion (ARCHITECTURE 3.4, spec 05 MA4-MA6): segments cover the
// expanded text; query text maps to the query, body text to the macro file, argument text to
// where the argument was written; expansions form the call chain.
import { describe, expect, it } from 'vitest';
import { expandMacros } from '../../src/macros/expand.js';
import { ExpansionError } from '../../src/macros/expansion-error.js';
import { buildMacroTable, loadMacroPaths, parseInlineMacro } from '../../src/macros/load.js';
import { SourceRegistry } from '../../src/macros/types.js';
import { LineIndex } from '../../src/source/line-index.js';
import { resolveOffset, sliceOf, type MappedText, type SourceMap } from '../../src/source/source-map.js';

const FIX = 'fixtures/macro-sets';
const registry = new SourceRegistry();
const table = buildMacroTable([
  loadMacroPaths([`${FIX}/test.conf`, `${FIX}/yaml`], registry, 'macros:test'),
  [parseInlineMacro('twice(v)=a=$v$ b=$v$', registry)],
]);

function expand(query: string | MappedText) {
  const mapped = typeof query === 'string' ? sliceOf(query, 0) : query;
  registry.setQuery(typeof query === 'string' ? query : registry.get(0)!.text);
  return expandMacros(mapped, table, registry);
}

/** "file:line:col [macro <- macro]" for an offset of the expanded text. */
function where(map: SourceMap, offset: number): string {
  const o = resolveOffset(map, offset);
  const src = map.sources[o.source]!;
  const { line, column } = new LineIndex(src.text).lineCol(o.offset);
  const chain = o.chain.map((e) => e.macro).join(' <- ');
  return `${src.name}:${line}:${column}${chain ? ` [${chain}]` : ''}`;
}

function checkCoverage(map: SourceMap, length: number) {
  let at = 0;
  for (const seg of map.segments) {
    expect(seg.start).toBe(at);
    expect(seg.end).toBeGreaterThan(seg.start);
    at = seg.end;
  }
  expect(at).toBe(length);
}

describe('segments', () => {
  it.each([
    'index=main | stats count',
    '`cloudtrail` x=1 | `multi` ```c``` | `foobar(1, 2)` `argmacro(hi=5, lo=4)` `x_filter`',
    '`quoted_ctime(lastTime)` `column0(q)` `folded_list` "`nope`"',
    '',
  ])('are contiguous, sorted and cover the whole expanded text: %j', (query) => {
    const r = expand(query);
    checkCoverage(r.sourceMap, r.text.length);
  });

  it('query text maps to source 0 at its own offsets, around expansions and comments', () => {
    const q = 'a=1 `cloudtrail` ```note``` b=2';
    const r = expand(q);
    expect(r.text).toBe('a=1 sourcetype=aws:cloudtrail  b=2');
    expect(resolveOffset(r.sourceMap, 0)).toEqual({ source: 0, offset: 0, chain: [] });
    expect(resolveOffset(r.sourceMap, r.text.indexOf('b=2'))).toMatchObject({ source: 0, offset: q.indexOf('b=2') });
    expect(r.sourceMap.sources[0]).toEqual({ id: 0, name: '<query>', text: q });
  });

  it('macro body text maps to the definition in its file (conf, continuation lines, YAML)', () => {
    const r = expand('`cloudtrail` | `multi` | `folded_list`');
    expect(where(r.sourceMap, 0)).toBe(`${FIX}/test.conf:5:14 [cloudtrail]`);
    expect(where(r.sourceMap, r.text.indexOf('| eval'))).toBe(`${FIX}/test.conf:32:1 [multi]`);
    expect(where(r.sourceMap, r.text.indexOf('stats'))).toBe(`${FIX}/test.conf:33:3 [multi]`);
    expect(where(r.sourceMap, r.text.indexOf('"c.exe"'))).toBe(`${FIX}/yaml/folded.yml:2:19 [folded_list]`);
  });

  it('text substituted for $arg$ maps to where the argument was written at the call site', () => {
    const q = 'x | `twice(lastTme)` | `argmacro(hi=500, lo=400)`';
    const r = expand(q);
    expect(r.text).toBe('x | a=lastTme b=lastTme | status>=400 status<500');
    const second = r.text.lastIndexOf('lastTme');
    expect(resolveOffset(r.sourceMap, second)).toEqual({ source: 0, offset: q.indexOf('lastTme'), chain: [] });
    expect(where(r.sourceMap, r.text.indexOf('400'))).toBe('<query>:1:45');
    expect(where(r.sourceMap, r.text.indexOf('500'))).toBe('<query>:1:37');
    expect(where(r.sourceMap, r.text.indexOf('b='))).toBe('<--macro>:1:16 [twice(1)]');
  });

  it('a query mapped into a larger file (a detection YAML) maps back into that file', () => {
    const file = 'name: x\nsearch: `cloudtrail` | stats count\n';
    registry.setQuery(file, 'detections/x.yml');
    const query: MappedText = { text: '`cloudtrail` | stats count', source: 0, pieces: [{ at: 0, sourceOffset: 16 }] };
    const r = expandMacros(query, table, registry);
    expect(where(r.sourceMap, r.text.indexOf('| stats'))).toBe('detections/x.yml:2:22');
    expect(r.sourceMap.expansions[0]!.callSite).toEqual({ source: 0, start: 16, end: 28 });
  });
});

describe('expansions', () => {
  it('record the call site in the parent source, the parent expansion and where the macro is defined', () => {
    const inner = expander(['outer2=idx `mid`', 'mid=st `foobar(3)`']);
    const r = inner('q `outer2`');
    expect(r.text).toBe('q idx st x=3');
    const [outer, mid, leaf] = r.sourceMap.expansions;
    expect(outer).toMatchObject({ id: 0, macro: 'outer2', callSite: { source: 0, start: 2, end: 10 }, parent: -1 });
    expect(mid).toMatchObject({ id: 1, macro: 'mid', parent: 0, definedIn: '<--macro>:1 (cli)' });
    const definedIn = `${FIX}/test.conf:11 (macros:test)`;
    expect(leaf).toMatchObject({ id: 2, macro: 'foobar(1)', parent: 1, definedIn });
    expect(r.sourceMap.sources[mid!.callSite.source]!.text.slice(mid!.callSite.start, mid!.callSite.end)).toBe('`mid`');
    expect(where(r.sourceMap, r.text.indexOf('x='))).toBe(`${FIX}/test.conf:13:14 [foobar(1) <- mid <- outer2]`);
    expect(where(r.sourceMap, r.text.indexOf('3'))).toBe('<--macro>:1:16 [mid <- outer2]');
  });

  it('an expansion error carries the map of the partly expanded text', () => {
    let error: ExpansionError | undefined;
    try {
      expand('index=main `outer` | stats count');
    } catch (e) {
      error = e as ExpansionError;
    }
    expect(error).toBeInstanceOf(ExpansionError);
    expect(error!.expandedText).toBe('index=main index=main sourcetype=web `nope` | stats count');
    checkCoverage(error!.sourceMap, error!.expandedText.length);
    expect(where(error!.sourceMap, error!.span!.start)).toBe(`${FIX}/test.conf:41:29 [inner <- outer]`);
    expect(where(error!.sourceMap, error!.expandedText.indexOf('| stats'))).toBe('<query>:1:20');
    const noted = error!.withNote('while checking detections/x.yml');
    expect(noted).toBeInstanceOf(ExpansionError);
    expect((noted as ExpansionError).sourceMap).toBe(error!.sourceMap);
    expect(noted.notes).toEqual(['while checking detections/x.yml']);
  });
});

function expander(inline: string[]) {
  const reg = new SourceRegistry();
  const t = buildMacroTable([
    loadMacroPaths([`${FIX}/test.conf`], reg, 'macros:test'),
    inline.map((d) => parseInlineMacro(d, reg)),
  ]);
  return (q: string) => {
    reg.setQuery(q);
    return expandMacros(sliceOf(q, 0), t, reg);
  };
}
