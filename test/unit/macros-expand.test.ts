// Macro expansion (spec 05 MA3-MA9): references, comments, quotes, arguments, nesting, limits,
// errors and where they point; the EKS seed detection and every security_content search.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorLocation } from '../../src/errors/render.js';
import { expandMacros, type ExpandOptions } from '../../src/macros/expand.js';
import { ExpansionError } from '../../src/macros/expansion-error.js';
import { buildMacroTable, loadMacroPaths, parseInlineMacro } from '../../src/macros/load.js';
import { SourceRegistry } from '../../src/macros/types.js';
import { sliceOf } from '../../src/source/source-map.js';

const FIX = 'fixtures/macro-sets';
const CORPUS = '/work/shared/corpus/security_content';

/** Test macros (test.conf, yaml/) plus inline definitions, then an expander over them. */
function expander(inline: string[] = [], paths = [`${FIX}/test.conf`, `${FIX}/yaml`]) {
  const registry = new SourceRegistry();
  const files = loadMacroPaths(paths, registry, 'macros:test');
  const table = buildMacroTable([files, inline.map((d) => parseInlineMacro(d, registry))]);
  return (query: string, options: ExpandOptions = {}) => {
    registry.setQuery(query);
    return expandMacros(sliceOf(query, 0), table, registry, options);
  };
}

const expand = expander();
const text = (query: string, options?: ExpandOptions) => expand(query, options).text;

/** The expansion error, with the text its span covers and where the renderer points first. */
function failure(run: () => unknown) {
  try {
    run();
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e;
    const at = e.expandedText.slice(e.span!.start, e.span!.end);
    const loc = errorLocation(e, {})!;
    return { code: e.code, params: e.params, hints: e.hints, at, where: `${loc.file}:${loc.line}:${loc.column}` };
  }
  throw new Error('expected an ExpansionError');
}

describe('references and comments (MA4)', () => {
  it('MA4: a reference anywhere: first segment, command, inside an argument list', () => {
    expect(text('`cloudtrail` eventName=X | `multi`')).toBe(
      'sourcetype=aws:cloudtrail eventName=X | search a=1 \n| eval b=2 \n| stats count',
    );
    expect(text('| tstats x=`foobar` count')).toBe('| tstats x=x=0 count');
  });

  it('MA4: backticks inside double quotes are literal, \\" does not end the string', () => {
    expect(text('a="foo`cloudtrail`baz" b')).toBe('a="foo`cloudtrail`baz" b');
    expect(text('a="x \\"`cloudtrail`\\" y" `foobar`')).toBe('a="x \\"`cloudtrail`\\" y" x=0');
    expect(text('x=*\\"a\\":1* `foobar`')).toBe('x=*\\"a\\":1* x=0');
  });

  it('MA4: ```comments``` are removed, outside quotes only, also inside definitions', () => {
    expect(text('a ```note `nope` here``` b')).toBe('a  b');
    expect(text('a="```not a comment```" ```x```b')).toBe('a="```not a comment```" b');
    const withComment = expander(['c=x ```why``` y']);
    expect(withComment('`c`').text).toBe('x  y');
  });

  it('MA4: unterminated references and comments point at their opener', () => {
    expect(failure(() => expand('a `cloudtrail b'))).toMatchObject({ code: 'M004', at: '`', where: '<query>:1:3' });
    expect(failure(() => expand('a ```x `` b'))).toMatchObject({ code: 'M012', at: '```', where: '<query>:1:3' });
    expect(failure(() => expand('a `` b'))).toMatchObject({ code: 'M013', at: '``' });
  });
});

describe('arity and arguments (MA1, MA5)', () => {
  it('MA1: overloading by arity; name() is name', () => {
    expect(text('`foobar` `foobar()` `foobar(1)` `foobar(1, 2)`')).toBe('x=0 x=0 x=1 x=1 y=2');
  });

  it('MA5: positional and named arguments, in any order', () => {
    expect(text('`argmacro(400, 500)`')).toBe('status>=400 status<500');
    expect(text('`argmacro(hi=500, lo=400)`')).toBe('status>=400 status<500');
    expect(text('`argmacro(lo = 400,hi=500)`')).toBe('status>=400 status<500');
  });

  it('MA5: named only when every argument names a declared argument', () => {
    expect(text('`foobar(a=b)`')).toBe('x=b');
    expect(text('`foobar(z=b)`')).toBe('x=z=b');
    expect(text('`argmacro(lo=1, 2)`')).toBe('status>=lo=1 status<2');
    expect(failure(() => expand('`argmacro(lo=1, lo=2)`'))).toMatchObject({
      code: 'M005',
      params: { name: 'argmacro(2)', reason: 'argument "lo" is given twice' },
    });
  });

  it('MA5: commas inside quotes or parentheses do not split; text is trimmed and verbatim', () => {
    expect(text('`mm("a,b")`')).toBe('search m="a,b" note=""a,b""');
    expect(text('`mm( f(a, b) )`')).toBe('search m=f(a, b) note="f(a, b)"');
    expect(text('`mm("He said \\"hi, there\\"")`')).toBe(
      'search m="He said \\"hi, there\\"" note=""He said \\"hi, there\\"""',
    );
    expect(text('`foobar(, )`')).toBe('x= y=');
  });

  it('MA5: malformed argument lists -> M005', () => {
    expect(failure(() => expand('x `mm(a` y'))).toMatchObject({ code: 'M005', at: '`mm(a`', where: '<query>:1:3' });
  });
});

describe('nesting and limits (MA6)', () => {
  it('MA6: inserted text is expanded again; the spec example', () => {
    const nested = expander(['a=`b` x=1', 'b=sourcetype=foo']);
    expect(nested('`a` | stats count').text).toBe('sourcetype=foo x=1 | stats count');
  });

  it('MA6: the body is expanded after substitution; a backtick inside a reference ends it', () => {
    const wrap = expander(['wrap(m)=[ $m$ `foobar($m$)` ]']);
    expect(wrap('`wrap(7)`').text).toBe('[ 7 x=7 ]');
    expect(failure(() => expand('`foobar(`cloudtrail`)`'))).toMatchObject({ code: 'M005', at: '`foobar(`' });
  });

  it('MA6: a cycle is reported with its chain, before the depth limit', () => {
    expect(failure(() => expand('a `loop_a` b'))).toMatchObject({
      code: 'M003',
      params: { name: 'loop_a', cycle: 'loop_a -> loop_b -> loop_a' },
      at: '`loop_a`',
      where: '<query>:1:3',
    });
    const self = expander(['me=x `me`']);
    expect(failure(() => self('`me`'))).toMatchObject({ code: 'M003', params: { cycle: 'me -> me' } });
  });

  it('MA6: the depth limit (max_macro_depth) -> M002', () => {
    const chain = expander(['d1=`d2`', 'd2=`d3`', 'd3=`d4`', 'd4=end']);
    expect(chain('`d1`', { maxDepth: 4 }).text).toBe('end');
    expect(failure(() => chain('`d1`', { maxDepth: 3 }))).toMatchObject({
      code: 'M002',
      params: { depth: 3 },
      at: '`d4`',
      where: '<query>:1:1',
    });
  });

  it('the expanded size limit -> M011', () => {
    const big = expander(['b0=xxxxxxxxxx', 'b1=`b0` `b0` `b0`', 'b2=`b1` `b1` `b1`', 'b3=`b2` `b2` `b2`']);
    expect(big('`b3`').text).toHaveLength(27 * 10 + 26);
    expect(failure(() => big('q `b3`', { maxSize: 100 }))).toMatchObject({ code: 'M011', where: '<query>:1:3' });
  });
});

describe('filters, errors, eval macros (MA3, MA7, MA8)', () => {
  it('MA3: an undefined *_filter macro expands to `search *` and is reported', () => {
    const r = expand('`cloudtrail` | `my_detection_filter`');
    expect(r.text).toBe('sourcetype=aws:cloudtrail | search *');
    expect(r.used).toEqual([
      { macro: 'cloudtrail', definedIn: `${FIX}/test.conf:4 (macros:test)`, defaulted: false, count: 1 },
      { macro: 'my_detection_filter', definedIn: '<default *_filter>:1 (contentctl)', defaulted: true, count: 1 },
    ]);
  });

  it('MA3: strictMacros reports undefined filters', () => {
    expect(failure(() => expand('x | `my_filter`', { strictMacros: true }))).toMatchObject({
      code: 'M001',
      params: { name: 'my_filter' },
      at: '`my_filter`',
    });
  });

  it('MA8: an undefined macro, as referenced, at the reference', () => {
    expect(failure(() => expand('index=main `nope` | stats count'))).toMatchObject({
      code: 'M001',
      params: { name: 'nope' },
      hints: [],
      at: '`nope`',
      where: '<query>:1:12',
    });
    expect(failure(() => expand('`cloudtrai`')).hints).toEqual(["Did you mean 'cloudtrail'?"]);
  });

  it('MA8: a wrong arity quotes name(N) and hints at the arities that exist', () => {
    expect(failure(() => expand('`foobar(1,2,3)`'))).toMatchObject({
      params: { name: 'foobar(3)' },
      hints: ["'foobar' is defined with 0, 1 or 2 arguments: foobar, foobar(1), foobar(2)"],
    });
    expect(failure(() => expand('`mm`')).hints).toEqual(["'mm' is defined with 1 argument: mm(1)"]);
    expect(failure(() => expand('`cloudtrail(x)`')).hints).toEqual([
      "'cloudtrail' is defined with 0 arguments: cloudtrail",
    ]);
  });

  it('MA8: an error inside a macro body points at the outermost call in the query', () => {
    const f = failure(() => expand('index=main `outer` | stats count'));
    expect(f).toMatchObject({ code: 'M001', params: { name: 'nope' }, at: '`nope`', where: '<query>:1:12' });
  });

  it('MA7: iseval and validated macros fail clearly until the eval evaluator exists', () => {
    expect(failure(() => expand('`evalmacro(1, 2)`'))).toMatchObject({
      code: 'M006',
      params: { name: 'evalmacro(2)', reason: 'eval-based macros (iseval = true) are not supported yet' },
    });
    expect(failure(() => expand('x | `checked(5)`'))).toMatchObject({
      code: 'M006',
      params: { name: 'checked(1)', reason: 'macro validation (validation = ...) is not supported yet' },
    });
  });
});

describe('security_content (MA9)', () => {
  const SEED =
    '`aws_cloudwatchlogs_eks` "user.username"="system:anonymous" verb=list objectRef.resource=pods requestURI="/api/v1/pods" | rename source as cluster_name sourceIPs{} as src_ip | stats count min(_time) as firstTime max(_time) as lastTime values(responseStatus.reason) values(responseStatus.code) values(userAgent) values(verb) values(requestURI) by src_ip cluster_name user.username user.groups{} | `security_content_ctime(lastTime)` | `security_content_ctime(firstTime)` | `amazon_eks_kubernetes_pod_scan_detection_filter`';
  const SEED_EXPANDED =
    'sourcetype="aws:cloudwatchlogs:eks" "user.username"="system:anonymous" verb=list objectRef.resource=pods requestURI="/api/v1/pods" | rename source as cluster_name sourceIPs{} as src_ip | stats count min(_time) as firstTime max(_time) as lastTime values(responseStatus.reason) values(responseStatus.code) values(userAgent) values(verb) values(requestURI) by src_ip cluster_name user.username user.groups{} | convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(lastTime) | convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime) | search *';

  it('MA9: the EKS pod-scan seed detection with the shipped macros', () => {
    const r = expander([], ['macros'])(SEED);
    expect(r.text).toBe(SEED_EXPANDED);
    expect(r.used.map((u) => [u.macro, u.count, u.defaulted])).toEqual([
      ['aws_cloudwatchlogs_eks', 1, false],
      ['security_content_ctime(1)', 2, false],
      ['amazon_eks_kubernetes_pod_scan_detection_filter', 1, true],
    ]);
  });

  it('MA9: the seed detection with the 189 corpus macros over the shipped ones', () => {
    expect(expander([], ['macros', `${CORPUS}/macros`])(SEED).text).toBe(SEED_EXPANDED);
  });

  it('MA9: every security_content search expands; only three reference missing macros', () => {
    const run = expander([], ['macros', `${CORPUS}/macros`]);
    const rows = readFileSync(`${CORPUS}/searches.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const failures: string[] = [];
    const differing: string[] = [];
    // search_expanded replaces each ```comment``` by a space; we remove it (MA4), so compare with
    // runs of whitespace collapsed. Searches with no comment must match exactly.
    const squash = (s: string) => s.replace(/\s+/g, ' ');
    for (const row of rows as { name: string; search: string; search_expanded: string; comment_count: number }[]) {
      try {
        const out = run(row.search).text;
        const same = row.comment_count > 0 ? squash(out) === squash(row.search_expanded) : out === row.search_expanded;
        if (!same) differing.push(row.name);
      } catch (e) {
        failures.push(`${(e as ExpansionError).code} ${(e as ExpansionError).params.name}`);
      }
    }
    expect(rows).toHaveLength(1824);
    expect(failures.sort()).toEqual(['M001 cim_corporate_web_domain_search(1)', 'M001 get_asset(1)', 'M001 notable']);
    expect(differing).toEqual([]);
  });
});
