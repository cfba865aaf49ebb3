/**
 * Limits with clear errors (issue 7, item 3): each limit, when reached, stops the search with an
 * error naming it and the flag that raises it (R701 max_groups, R702 max_rows, R703 max_memory,
 * M011 max_search_size, M014 max_macro_expansions, R102 max_regex_input; max_event_size cuts
 * events, I702), never an out-of-memory crash; and wildcard or regex work on long values stays
 * linear.
 */
import { describe, expect, it } from 'vitest';
import { failureCode, put, scratchDir, search, splq } from './helpers.js';

const dir = scratchDir('limits');
const events = (count: number, shape: (i: number) => object): string =>
  put(dir, `events-${count}-${Math.random().toString(36).slice(2)}.ndjson`, Array.from({ length: count }, (_, i) => JSON.stringify(shape(i))).join('\n') + '\n');

const THOUSAND = events(1000, (i) => ({ i, k: i % 10, time: 1_600_000_000 + i, raw: `r${i}` }));

describe('max_groups (R701)', () => {
  it.each([
    ['* | stats count by i'],
    ['* | eventstats count by i'],
    ['* | chart count over i by k'],
    ['* | timechart span=1s count by i'],
    ['* | top limit=0 i'],
    ['* | rare i'],
  ])('%s with --max-groups 100', async (spl) => {
    expect(await failureCode(search(spl, [THOUSAND], { maxGroups: 100 }))).toBe('R701');
    expect(await failureCode(search(spl, [THOUSAND], { maxGroups: 100_000 }))).toBe('none');
  });

  it('the empty bins of timechart count too: a 1s span across 30 years is refused, not a hang', async () => {
    const f = events(2, (i) => ({ time: i === 0 ? 1_000_000_000 : 1_950_000_000 }));
    expect(await failureCode(search('* | timechart span=1s count', [f]))).toBe('R701');
  });

  it('names the limit, the command and the flag, with a caret at the command', async () => {
    const r = await splq(['run', '* | stats count by i', '-e', THOUSAND, '--max-groups', '100']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[R701]: Limit 'max_groups' (100) reached in 'stats': the results form more than 100 groups; raise it with --max-groups");
    expect(r.stderr).toContain('^^^^');
  });
});

describe('max_rows (R702)', () => {
  it.each([
    ['* | sort 0 i', 'sort'],
    ['* | dedup i', 'dedup'],
    ['* | dedup i sortby -i', 'dedup'],
    ['* | eventstats count', 'eventstats'],
    ['* | join [| makeresults count=3 | eval k=1]', 'join'],
    ['* | transaction k', 'transaction'],
    ['* | appendpipe [stats count]', 'appendpipe'],
    ['*', 'search'],
  ])('%s with --max-rows 100 (%s)', async (spl) => {
    expect(await failureCode(search(spl, [THOUSAND], { maxRows: 100 }))).toBe('R702');
    expect(await failureCode(search(spl, [THOUSAND], { maxRows: 100_000 }))).toBe('none');
  });

  it('sort with a count holds only its best N: no limit is reached', async () => {
    expect(await failureCode(search('* | sort 10 -i | stats count', [THOUSAND], { maxRows: 100 }))).toBe('none');
  });

  it('the CLI message', async () => {
    const r = await splq(['run', '* | sort 0 i', '-e', THOUSAND, '--max-rows', '100']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[R702]: Limit 'max_rows' (100) reached in 'sort': it would hold more than 100 results; raise it with --max-rows");
  });
});

describe('max_memory (R703)', () => {
  const MANY = events(20_000, (i) => ({ i, pad: 'x'.repeat(64) }));

  it('a search past the heap limit stops with R703 instead of crashing', async () => {
    expect(await failureCode(search('* | sort 0 i', [MANY], { maxMemoryMb: 1 }))).toBe('R703');
  });

  it('the CLI message; by default (85% of the heap) the same search runs', async () => {
    const r = await splq(['run', '* | eventstats count | stats count', '-e', MANY, '--max-memory', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error\[R703\]: Limit 'max_memory' \(1 MB\) reached in '(eventstats|search)'/);
    const ok = await splq(['run', '* | eventstats count | stats count', '-e', MANY, '-o', 'csv']);
    expect(ok.stdout).toBe('count\n20000\n');
  });

  it('results that would exhaust a small heap stop with R703, not a crash', async () => {
    const r = await splq(['run', '| makeresults count=3000000 | eval pad=printf("%0100d", 1)', '-o', 'csv', '--max-rows', '100000000'], { heapMb: 128 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[R703]: Limit 'max_memory'");
  });
});

describe('max_search_size (M011)', () => {
  it('the expanded search is refused past the limit, naming it and the flag', async () => {
    const big = 'x'.repeat(500);
    const r = await splq(['run', '`big` `big` | stats count', '--macro', `big=${big}`, '--max-search-size', '800', '-e', THOUSAND]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("limit 'max_search_size' is 800; raise it with --max-search-size");
    const ok = await splq(['run', '`big` `big` | stats count', '--macro', `big=${big}`, '-e', THOUSAND, '-o', 'csv']);
    expect(ok.code).toBe(0);
  });

  it('exponential macro fan-out stops at the default limit', async () => {
    const defs = ['m0=aaaaaaaaaa', ...Array.from({ length: 30 }, (_, i) => `m${i + 1}=\`m${i}\` \`m${i}\``)].flatMap((d) => ['--macro', d]);
    const r = await splq(['run', '`m30`', ...defs, '-e', THOUSAND]);
    expect(r.code).toBe(1);
    // max_macro_expansions (M014) or max_search_size (M011), whichever comes first.
    expect(r.stderr).toMatch(/error\[M01[14]\]/);
  });
});

describe('max_macro_expansions (M014)', () => {
  // m13 doubles down to m0 (empty): 2^14 - 1 = 16,383 references, past the default of 10,000.
  const fanOut = ['m0=', ...Array.from({ length: 13 }, (_, i) => `m${i + 1}=\`m${i}\` \`m${i}\``)].flatMap((d) => ['--macro', d]);
  const run = (...flags: string[]) => splq(['run', '| makeresults `m13` | stats count', ...fanOut, ...flags, '-o', 'csv']);

  it('the flag lowers the limit, and the error names it and the flag', async () => {
    const r = await run('--max-macro-expansions', '1000');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[M014]: Macro expansion stopped after 1000 macro references');
    expect(r.stderr).toContain('raise it with --max-macro-expansions');
  });

  it('the default stops the fan-out; the flag raises the limit so it runs', async () => {
    expect((await run()).stderr).toContain('error[M014]: Macro expansion stopped after 10000 macro references');
    const ok = await run('--max-macro-expansions', '20000');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('count\n1\n');
  });
});

describe('max_regex_input (R102)', () => {
  const LONG = events(1, () => ({ a: 'b'.repeat(5000) }));

  it('a match over a longer value is refused, naming the limit and the flag', async () => {
    expect(await failureCode(search('* | rex field=a "(?<x>b+)"', [LONG], { maxRegexInput: 100 }))).toBe('R102');
    const r = await splq(['run', '* | eval m=if(match(a, "^b+$"), 1, 0)', '-e', LONG, '--max-regex-input', '100']);
    expect(r.stderr).toContain("limit 'max_regex_input' is 100; raise it with --max-regex-input");
  });

  it('0 means no limit', async () => {
    const r = await search('* | rex field=a "(?<x>b+)" | eval n=len(x) | table n', [LONG], { maxRegexInput: 0 });
    expect(r.rows[0]!.get('n')).toBe(5000);
  });
});

describe('max_event_size (I702)', () => {
  it('cuts at a character boundary, keeps and reports the event', async () => {
    const f = put(dir, 'cut.ndjson', '{"a":"ééééééé"}\n{"b":1}\n');
    const r = await search('* | table _raw b', [f], { maxEventSize: 10 });
    expect(r.rows.map((x) => x.get('_raw'))).toEqual(['{"a":"éé', '{"b":1}']);
    expect(r.problems.map((p) => [p.code, p.line, p.params])).toEqual([['I702', 1, { size: 22, limit: 10 }]]);
  });
});

describe('flags', () => {
  it('take K/M/G suffixes and refuse anything else with a usage error (exit 2)', async () => {
    const ok = await splq(['run', '* | stats count', '-e', THOUSAND, '--max-event-size', '64M', '--max-rows', '2000', '-o', 'csv']);
    expect(ok.stdout).toBe('count\n1000\n');
    for (const [flag, value] of [['--max-groups', 'lots'], ['--max-rows', '0'], ['--max-memory', '-5'], ['--max-event-size', '1T'], ['--max-macro-expansions', '0']]) {
      const r = await splq(['run', '* | stats count', '-e', THOUSAND, flag!, value!]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${flag} must be a whole number`);
    }
  });
});

describe('wildcard and regex work stays linear on long values', () => {
  const A = events(1, () => ({ x: 'a'.repeat(50_000), y: `${'a'.repeat(50_000)} z` }));

  it.each([
    ['x=*a*a*a*a*a*b | stats count', 0],
    ['x=*A*a*A*a* | stats count', 1],
    ['*a*a*a*a*b | stats count', 0],
    ['* | where like(x, "%a%a%a%a%b") | stats count', 0],
    ['* | where like(x, "a%a_a%a") | stats count', 1],
    ['* | where match(x, "^(a+)+b$") | stats count', 0],
    ['* | eval m=mvfind(x, "(a|aa)+b") | where isnull(m) | stats count', 1],
    ['* | regex x="(?:a*)*b" | stats count', 0],
  ])('%s', async (spl, expected) => {
    const started = Date.now();
    const r = await search(spl, [A]);
    expect(r.rows[0]!.get('count')).toBe(expected);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a WILDCARD lookup with many stars', async () => {
    const lookups = scratchDir('wild-lookups');
    put(lookups, 'transforms.conf', '[w]\nfilename = w.csv\nmatch_type = WILDCARD(x)\n');
    put(lookups, 'w.csv', 'x,hit\n*a*a*a*a*a*b,yes\n*a*a*a*a*a*,maybe\n');
    const started = Date.now();
    const r = await search('* | lookup w x OUTPUT hit | table hit', [A], {}, { lookups: [lookups] });
    expect(r.rows[0]!.get('hit')).toBe('maybe');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
