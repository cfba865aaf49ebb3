/**
 * Multivalue eval functions through the real parser and compiler, one row per documented example
 * (Search Reference 10.0, "Multivalue eval functions"; docs/eval/multivalue.md) plus null,
 * single-value and bind-time error cases. `doc` names the section (and example) a row follows.
 */
import { describe, expect, test } from 'vitest';
import type { FieldValue } from '../../../src/data/event.js';
import { lookupFunction } from '../../../src/eval/functions/registry.js';
import { compile, evaluate, bindError, type EvalCase } from './helpers.js';

type Case = EvalCase;

const NAMES = ['alex', 'celestino', 'claudia', 'david', 'ikraam', 'nyah', 'rutherford', 'wei'];
const PONIES = ['buttercup', 'dash', 'flutter', 'honey', 'ivory', 'minty', 'pinky', 'rarity'];
const EMAIL = ['ann@a.net', 'bob@b.com', 'cy@c.org'];
const RESULTS = { results: ['1', '2', '3'], threshold: '2' };
const QUOTED_PONIES = 'mvappend("\\"Buttercup\\"", "\\"Fluttershy\\"", "\\"Rarity\\"", "true", "null")';

const CASES: readonly Case[] = [
  // mvappend
  { doc: 'mvappend: nested mvappend functions', expr: 'mvappend(mvappend("localhost", srcip), destip, "192.168.1.1")', fields: { srcip: '203.0.113.0', destip: '203.0.113.255' }, expected: ['localhost', '203.0.113.0', '203.0.113.255', '192.168.1.1'] },
  { doc: 'mvappend: same result without nesting', expr: 'mvappend("localhost", srcip, destip, "192.168.1.1")', fields: { srcip: '203.0.113.0', destip: '203.0.113.255' }, expected: ['localhost', '203.0.113.0', '203.0.113.255', '192.168.1.1'] },
  { doc: 'mvappend: multivalue fields contribute every value', expr: 'mvappend(mv, "c")', fields: { mv: ['a', 'b'] }, expected: ['a', 'b', 'c'] },
  { doc: 'mvappend: a missing field adds nothing; one value stays single', expr: 'mvappend("a", missing)', expected: 'a' },
  { doc: 'mvappend: nothing to append is null', expr: 'mvappend(missing, nothing)', expected: null },
  { doc: 'mvappend: numbers keep their type', expr: 'mvappend(1, 2)', expected: [1, 2] },
  // mvcount
  { doc: 'mvcount: number of values of a multivalue field', expr: 'mvcount(multifield)', fields: { multifield: ['a', 'b', 'c'] }, expected: 3 },
  { doc: 'mvcount: a single value counts 1', expr: 'mvcount(From)', fields: { From: 'x@example.com' }, expected: 1 },
  { doc: 'mvcount: no Cc field -> NULL (extended example)', expr: 'mvcount(Cc)', expected: null },
  { doc: 'mvcount: extended example To_count', expr: 'mvcount(split(To,"@"))-1', fields: { To: 'ann@example.com' }, expected: 1 },
  // mvdedup
  { doc: 'mvdedup: duplicates removed, first occurrences kept in order', expr: 'mvdedup(mvfield)', fields: { mvfield: ['b', 'a', 'b', 'c', 'a'] }, expected: ['b', 'a', 'c'] },
  { doc: 'mvdedup: a single value', expr: 'mvdedup(mvfield)', fields: { mvfield: 'a' }, expected: 'a' },
  { doc: 'mvdedup: missing -> null', expr: 'mvdedup(mvfield)', expected: null },
  // mvfilter
  { doc: 'mvfilter: basic example (like() in place of match())', expr: 'mvfilter(like(email, "%.net") OR like(email, "%.org"))', fields: { email: EMAIL }, expected: ['ann@a.net', 'cy@c.org'] },
  { doc: 'mvfilter: comparison predicate', expr: 'mvfilter(email != "bob@b.com")', fields: { email: EMAIL }, expected: ['ann@a.net', 'cy@c.org'] },
  { doc: 'mvfilter: usage, isnotnull keeps every value', expr: 'mvfilter(isnotnull(email))', fields: { email: EMAIL }, expected: EMAIL },
  { doc: 'mvfilter: one surviving value is single', expr: 'mvfilter(email = "bob@b.com")', fields: { email: EMAIL }, expected: 'bob@b.com' },
  { doc: 'mvfilter: nothing kept -> null', expr: 'mvfilter(email = "none")', fields: { email: EMAIL }, expected: null },
  { doc: 'mvfilter: missing field -> null', expr: 'mvfilter(email = "x")', expected: null },
  { doc: 'mvfilter: numeric comparison per value', expr: 'mvfilter(n > 5)', fields: { n: ['3', '10', '7'] }, expected: ['10', '7'] },
  // mvfind
  { doc: 'mvfind: index of the first matching value', expr: 'mvfind(mymvfield, "err\\d+")', fields: { mymvfield: ['ok', 'err12', 'err3'] }, expected: 1 },
  { doc: 'mvfind: no match -> NULL', expr: 'mvfind(mymvfield, "err\\d+")', fields: { mymvfield: ['ok', 'fine'] }, expected: null },
  { doc: 'mvfind: a single value is index 0', expr: 'mvfind(mymvfield, "err")', fields: { mymvfield: 'err1' }, expected: 0 },
  { doc: 'mvfind: missing -> null', expr: 'mvfind(mymvfield, "err")', expected: null },
  { doc: 'mvfind: regex from a field', expr: 'mvfind(mymvfield, re)', fields: { mymvfield: ['a', 'b'], re: '^b$' }, expected: 1 },
  // mvindex
  { doc: 'mvindex: indexes start at zero (claudia)', expr: 'mvindex(names,2)', fields: { names: NAMES }, expected: 'claudia' },
  { doc: 'mvindex: range 0..3, end inclusive', expr: 'mvindex(names,0,3)', fields: { names: NAMES }, expected: ['alex', 'celestino', 'claudia', 'david'] },
  { doc: 'mvindex: -1 is the last value (rarity)', expr: 'mvindex(ponies,-1)', fields: { ponies: PONIES }, expected: 'rarity' },
  { doc: 'mvindex: -3 is the third from the end (minty)', expr: 'mvindex(ponies,-3)', fields: { ponies: PONIES }, expected: 'minty' },
  { doc: 'mvindex: last three values', expr: 'mvindex(ponies, -3, -1)', fields: { ponies: PONIES }, expected: ['minty', 'pinky', 'rarity'] },
  { doc: 'mvindex: start out of range -> NULL', expr: 'mvindex(names, 8)', fields: { names: NAMES }, expected: null },
  { doc: 'mvindex: negative start out of range -> NULL', expr: 'mvindex(names, -9)', fields: { names: NAMES }, expected: null },
  { doc: 'mvindex: start after end is invalid -> NULL', expr: 'mvindex(names, 3, 1)', fields: { names: NAMES }, expected: null },
  { doc: 'mvindex: end past the last value is clamped (derived)', expr: 'mvindex(names, 6, 20)', fields: { names: NAMES }, expected: ['rutherford', 'wei'] },
  { doc: 'mvindex: a single value is a list of one', expr: 'mvindex(v, -1)', fields: { v: 'only' }, expected: 'only' },
  { doc: 'mvindex: missing field -> null', expr: 'mvindex(v, 0)', expected: null },
  { doc: 'mvindex: null index -> null', expr: 'mvindex(names, missing)', fields: { names: NAMES }, expected: null },
  // mvjoin
  { doc: 'mvjoin: "1 OR 2 OR 3 OR 4 OR 5"', expr: 'mvjoin(mvrange(1,6), " OR ")', expected: '1 OR 2 OR 3 OR 4 OR 5' },
  { doc: 'mvjoin: quoted field name', expr: 'mvjoin(\'base\', " OR ")', fields: { base: ['1', '2'] }, expected: '1 OR 2' },
  { doc: 'mvjoin: semicolon delimiter', expr: 'mvjoin(myfield, ";")', fields: { myfield: ['a', 'b', 'c'] }, expected: 'a;b;c' },
  { doc: 'mvjoin: a single value', expr: 'mvjoin(myfield, ";")', fields: { myfield: 'a' }, expected: 'a' },
  { doc: 'mvjoin: missing -> null', expr: 'mvjoin(myfield, ";")', expected: null },
  // mvmap
  { doc: 'mvmap: multiply each value by 10', expr: 'mvmap(results, results*10)', fields: RESULTS, expected: [10, 20, 30] },
  { doc: 'mvmap: multiply by a single-valued field', expr: 'mvmap(results, results*threshold)', fields: RESULTS, expected: [2, 4, 6] },
  { doc: 'mvmap: 2nd and 3rd values via mvindex', expr: 'mvmap(mvindex(results, 1,2), results*threshold)', fields: RESULTS, expected: [4, 6] },
  { doc: 'mvmap: string results', expr: 'mvmap(results, "v" . results)', fields: RESULTS, expected: ['v1', 'v2', 'v3'] },
  { doc: 'mvmap: missing -> null', expr: 'mvmap(results, results*10)', expected: null },
  // mvrange
  { doc: 'mvrange: 1, 3, 5, 7, 9', expr: 'mvrange(1,11,2)', expected: [1, 3, 5, 7, 9] },
  { doc: 'mvrange: default step 1, end excluded', expr: 'mvrange(1,6)', expected: [1, 2, 3, 4, 5] },
  { doc: 'mvrange: negative step counts down (derived)', expr: 'mvrange(5,1,-2)', expected: [5, 3] },
  { doc: 'mvrange: empty range -> null', expr: 'mvrange(5,1)', expected: null },
  { doc: 'mvrange: zero step -> null', expr: 'mvrange(1,5,0)', expected: null },
  { doc: 'mvrange: not a number -> null', expr: 'mvrange("a",5)', expected: null },
  // mvreverse
  { doc: 'mvreverse: split("1,2,3") reversed', expr: 'mvreverse(split("1,2,3", ","))', expected: ['3', '2', '1'] },
  { doc: 'mvreverse: mvappend("1","2","3") reversed', expr: 'mvreverse(mvappend("1","2","3"))', expected: ['3', '2', '1'] },
  // mvsort
  { doc: 'mvsort: 10, 9, 70, 100 -> 10, 100, 70, 9', expr: 'mvsort(mvfield)', fields: { mvfield: ['10', '9', '70', '100'] }, expected: ['10', '100', '70', '9'] },
  { doc: 'mvsort: numbers sort as text too', expr: 'mvsort(mvappend(10, 9, 70, 100))', expected: [10, 100, 70, 9] },
  { doc: 'mvsort: uppercase before lowercase', expr: 'mvsort(ids)', fields: { ids: ['SF-01', 'pz-05', 'BS-09', 'MB-07', 'DC-02', 'PZ-05', 'mb-07'] }, expected: ['BS-09', 'DC-02', 'MB-07', 'PZ-05', 'SF-01', 'mb-07', 'pz-05'] },
  // mvzip
  { doc: 'mvzip: default delimiter is a comma', expr: 'mvzip(hosts,ports)', fields: { hosts: ['h1', 'h2'], ports: ['80', '443'] }, expected: ['h1,80', 'h2,443'] },
  { doc: 'mvzip: nested with "|" (extended example)', expr: 'mvzip(mvzip(field1,field2,"|"),field3,"|")', fields: { field1: ['a', 'b'], field2: ['1', '2'], field3: ['x', 'y'] }, expected: ['a|1|x', 'b|2|y'] },
  { doc: 'mvzip: like Python zip, stops at the shorter list', expr: 'mvzip(hosts,ports)', fields: { hosts: ['h1', 'h2', 'h3'], ports: ['80'] }, expected: 'h1,80' },
  { doc: 'mvzip: missing -> null', expr: 'mvzip(hosts,ports)', fields: { hosts: ['h1'] }, expected: null },
  // mv_to_json_array
  { doc: 'mv_to_json_array: without inferring data types', expr: `mv_to_json_array(${QUOTED_PONIES}, false())`, expected: '["\\"Buttercup\\"","\\"Fluttershy\\"","\\"Rarity\\"","true","null"]' },
  { doc: 'mv_to_json_array: infer_types defaults to false', expr: `mv_to_json_array(${QUOTED_PONIES})`, expected: '["\\"Buttercup\\"","\\"Fluttershy\\"","\\"Rarity\\"","true","null"]' },
  { doc: 'mv_to_json_array: with inferring data types', expr: `mv_to_json_array(${QUOTED_PONIES}, true())`, expected: '["Buttercup","Fluttershy","Rarity",true,null]' },
  { doc: 'mv_to_json_array: unrecognized -> null; number text kept', expr: 'mv_to_json_array(mvappend("abc", "1.50"), true())', expected: '[null,1.50]' },
  { doc: 'mv_to_json_array: a single value is an array of one', expr: 'mv_to_json_array(v)', fields: { v: 'a' }, expected: '["a"]' },
  // split
  { doc: 'split: basic example on ";"', expr: 'split(test,";")', fields: { test: 'buttercup;rarity;tenderhoof;dash;mcintosh;fleetfoot;mistmane' }, expected: ['buttercup', 'rarity', 'tenderhoof', 'dash', 'mcintosh', 'fleetfoot', 'mistmane'] },
  { doc: 'split: empty delimiter gives one value per character', expr: 'split(test,"")', fields: { test: 'abcd' }, expected: ['a', 'b', 'c', 'd'] },
  { doc: 'split: multi-character delimiter "def"', expr: 'split(test,"def")', fields: { test: '1a2b3c4def567890' }, expected: ['1a2b3c4', '567890'] },
  { doc: 'split: "::" (extended example)', expr: 'split(test,"::")', fields: { test: 'name::value' }, expected: ['name', 'value'] },
  { doc: 'split: empty values between delimiters are kept (derived)', expr: 'split("a,,b", ",")', expected: ['a', '', 'b'] },
  { doc: 'split: characters, not UTF-16 units', expr: 'split("a😀b", "")', expected: ['a', '😀', 'b'] },
  { doc: 'split: missing -> null', expr: 'split(test, ",")', expected: null },
];

describe('multivalue eval functions', () => {
  test.each(CASES)('$doc: $expr', ({ expr, fields, expected }) => {
    expect(evaluate(expr, fields)).toEqual(expected);
  });

  test.skipIf(!lookupFunction('match'))('mvfilter: basic example with match()', () => {
    expect(evaluate('mvfilter(match(email, "\\.net$") OR match(email, "\\.org$"))', { email: EMAIL })).toEqual(['ann@a.net', 'cy@c.org']);
  });

  test('mvrange: a 7d step walks wall-clock days (the doc example crosses US DST on 2018-03-11)', () => {
    const clock = { now: 1700000000, zone: 'America/Los_Angeles' };
    expect(evaluate('mvrange(1514834731,1524134919,"7d")', {}, clock)).toEqual([
      1514834731, 1515439531, 1516044331, 1516649131, 1517253931, 1517858731, 1518463531, 1519068331,
      1519673131, 1520277931, 1520879131, 1521483931, 1522088731, 1522693531, 1523298331, 1523903131,
    ]);
  });

  test('mvfilter and mvmap leave the row as they found it', () => {
    const fields = new Map<string, FieldValue>([['a', '1'], ['email', EMAIL], ['z', '2']]);
    const row = { fields, seq: 0 };
    compile('mvfilter(email != "x")')(row);
    compile('mvmap(mvappend(missing, "q"), missing . "!")')(row);
    expect([...fields]).toEqual([['a', '1'], ['email', EMAIL], ['z', '2']]);
  });

  test('mvmap binds a field the row lacks', () => {
    expect(evaluate('mvmap(mvappend(missing, "q", "r"), missing . "!")')).toEqual(['q!', 'r!']);
  });
});


describe('multivalue bind-time errors', () => {
  test.each([
    ['mvcount()', 'B102'],
    ['mvindex(x)', 'B102'],
    ['mvindex(x, 1, 2, 3)', 'B102'],
    ['mvjoin(x)', 'B102'],
    ['mvzip(a)', 'B102'],
    ['split("a")', 'B102'],
    ['mvfilter(a, b)', 'B102'],
    ['mvrange(1)', 'B102'],
    ['mvmap(x)', 'B102'],
    ['mv_to_json_array()', 'B102'],
    ['mvfilter(a = b)', 'B103'],
    ['mvfilter(true())', 'B103'],
    ['mvfind(x, "(")', 'B105'],
    ['mvmap("a", 1)', 'B103'],
  ])('%s -> %s', (expr, code) => {
    expect(bindError(expr)).toBe(code);
  });
});
