// The parser and AST builders (src/spl/parse.ts, parser.ts, to-ast*.ts): AST shapes for search
// (spec 01 S1-S13), rename (02 R1), stats (03 T1), convert (04 C1) and eval expressions, plus every
// security_content search that uses only those commands.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Command, Expr, SearchExpr } from '../../src/spl/ast.js';
import { parse } from '../../src/spl/parse.js';

const CORPUS = '/work/shared/corpus/security_content/searches.jsonl';

/** The expression of a query that is one (implicit or explicit) search. */
function searchOf(text: string): SearchExpr | null {
  const [cmd, ...rest] = parse(text).commands;
  expect(rest).toEqual([]);
  if (cmd?.kind !== 'search') throw new Error(`not a search: ${text}`);
  return cmd.expr;
}

/** The command after `* | `. */
function commandOf(text: string): Command {
  return parse(`* | ${text}`).commands[1]!;
}

/** The expression inside `stats count(eval(...))`. */
function exprOf(text: string): Expr {
  const cmd = commandOf(`stats count(eval(${text}))`);
  if (cmd.kind !== 'stats' || cmd.aggregations[0]?.arg?.kind !== 'eval') throw new Error('no eval argument');
  return cmd.aggregations[0].arg.expr;
}

const term = (text: string, more: object = {}) => ({ kind: 'Term', value: { text, ...more } });
const cmp = (field: string, op: string, text: string, more: object = {}) => ({ kind: 'Compare', field, op, value: { text, ...more } });
const and = (...items: object[]) => ({ kind: 'And', items });
const or = (...items: object[]) => ({ kind: 'Or', items });
const not = (operand: object) => ({ kind: 'Not', operand });

const field = (name: string) => ({ kind: 'Field', name });
const lit = (value: string | number) => ({ kind: 'Literal', value });
const bin = (op: string, left: object, right: object) => ({ kind: 'Binary', op, left, right });

describe('pipeline structure (S1)', () => {
  it('the first segment is an implicit search; "search" written explicitly is the same command', () => {
    expect(parse('user=bob | search x')).toMatchObject({
      kind: 'Pipeline',
      leadingPipe: false,
      commands: [
        { kind: 'search', implicit: true, expr: cmp('user', '=', 'bob') },
        { kind: 'search', implicit: false, expr: term('x') },
      ],
    });
    expect(parse('search user=bob').commands).toMatchObject([{ kind: 'search', implicit: false, expr: cmp('user', '=', 'bob') }]);
  });

  it('a leading "|" starts with a command', () => {
    expect(parse('| search a')).toMatchObject({ leadingPipe: true, commands: [{ kind: 'search', implicit: false }] });
  });

  it('"search" with nothing after it has no expression', () => {
    expect(parse('search').commands).toMatchObject([{ kind: 'search', expr: null }]);
  });

  it('spans are offsets in the text', () => {
    const p = parse('a  user=bob | stats count');
    expect(p.span).toEqual({ start: 0, end: 25 });
    expect(p.commands[0]!.span).toEqual({ start: 0, end: 11 });
    expect(p.commands[1]!.span).toEqual({ start: 14, end: 25 });
    const expr = p.commands[0]!.kind === 'search' ? p.commands[0]!.expr : null;
    expect(expr).toMatchObject({ items: [{ span: { start: 0, end: 1 } }, { span: { start: 3, end: 11 }, value: { span: { start: 8, end: 11 } } }] });
  });
});

describe('search: implicit AND, OR, NOT and precedence (S2, S3)', () => {
  it.each([
    ['a b', and(term('a'), term('b'))],
    ['a AND b', and(term('a'), term('b'))],
    ['a b OR c', and(term('a'), or(term('b'), term('c')))],
    ['a OR b c', and(or(term('a'), term('b')), term('c'))],
    ['(a b) OR c', or(and(term('a'), term('b')), term('c'))],
    ['NOT a b', and(not(term('a')), term('b'))],
    ['NOT (a b)', not(and(term('a'), term('b')))],
    ['NOT a OR b', or(not(term('a')), term('b'))],
    ['NOT NOT a', not(not(term('a')))],
    ['a OR b OR c', or(term('a'), term('b'), term('c'))],
    ['error or warning', and(term('error'), term('or'), term('warning'))],
    ['a and b', and(term('a'), term('and'), term('b'))],
    ['a not b', and(term('a'), term('not'), term('b'))],
    ['((a))', term('a')],
  ])('%s', (text, expected) => {
    expect(searchOf(text)).toMatchObject(expected);
  });
});

describe('search: terms, comparisons, IN, TERM/CASE (S4-S13)', () => {
  it('every comparison operator; spaces around it are allowed', () => {
    expect(searchOf('a=1 b!=2 c<3 d<=4 e>5 f>=6 g = 7 h != 8')).toMatchObject(
      and(
        cmp('a', '=', '1'), cmp('b', '!=', '2'), cmp('c', '<', '3'), cmp('d', '<=', '4'),
        cmp('e', '>', '5'), cmp('f', '>=', '6'), cmp('g', '=', '7'), cmp('h', '!=', '8'),
      ),
    );
  });

  it('"==" is read as "="', () => {
    expect(searchOf('a==1')).toMatchObject(cmp('a', '=', '1'));
  });

  it('values: wildcards, relative times, paths, CIDR, quoted values and escapes', () => {
    expect(searchOf('user=adm* earliest=-24h@h uri=/api/v1/pods ip=10.0.0.0/8 msg="say \\"hi\\"" p="C:\\\\Windows"')).toMatchObject(
      and(
        cmp('user', '=', 'adm*', { quoted: false }),
        cmp('earliest', '=', '-24h@h'),
        cmp('uri', '=', '/api/v1/pods'),
        cmp('ip', '=', '10.0.0.0/8'),
        cmp('msg', '=', 'say "hi"', { quoted: true }),
        cmp('p', '=', 'C:\\Windows', { quoted: true }),
      ),
    );
  });

  it('field names with dots, braces and quotes (S12)', () => {
    expect(searchOf('"user.username"="system:anonymous" sourceIPs{}=1.2.3.4 "Account Name"=bob a.b{}.c=*')).toMatchObject(
      and(
        cmp('user.username', '=', 'system:anonymous'),
        cmp('sourceIPs{}', '=', '1.2.3.4'),
        cmp('Account Name', '=', 'bob'),
        cmp('a.b{}.c', '=', '*'),
      ),
    );
  });

  it('terms: bare words, quoted phrases, words with quoted parts, escaped pipes', () => {
    expect(searchOf('error "web error" "Processes".* a\\|b *')).toMatchObject(
      and(
        term('error', { quoted: false }),
        term('web error', { quoted: true }),
        term('Processes.*', { quoted: false }),
        term('a|b'),
        term('*'),
      ),
    );
  });

  it('a word made of quoted sections is not a quoted phrase', () => {
    expect(searchOf('"a"b"c" "x\\"y"')).toMatchObject(and(term('abc', { quoted: false }), term('x"y', { quoted: true })));
  });

  it('AS and BY are plain words in a search', () => {
    expect(searchOf('as by x=AS')).toMatchObject(and(term('as'), term('by'), cmp('x', '=', 'AS')));
  });

  it('IN lists: commas, spaces, quoted values, any case of IN; NOT IN', () => {
    expect(searchOf('status IN (200, 40*)')).toMatchObject({ kind: 'In', field: 'status', values: [{ text: '200' }, { text: '40*' }] });
    expect(searchOf('x in ("a b" c,d , e)')).toMatchObject({
      kind: 'In',
      field: 'x',
      values: [{ text: 'a b', quoted: true }, { text: 'c' }, { text: 'd' }, { text: 'e' }],
    });
    expect(searchOf('NOT status IN (200)')).toMatchObject(not({ kind: 'In', field: 'status', values: [{ text: '200' }] }));
    expect(searchOf('"my field" IN (x)')).toMatchObject({ kind: 'In', field: 'my field' });
  });

  it('TERM() and CASE(), as terms and as values (S13); lower-case term( is a word and a group', () => {
    expect(searchOf('TERM(10.0.0.1) user=CASE(Admin) CASE(%ASA-1*) TERM("a b")')).toMatchObject(
      and(
        term('10.0.0.1', { term: true, caseSensitive: false }),
        cmp('user', '=', 'Admin', { caseSensitive: true, term: false }),
        term('%ASA-1*', { caseSensitive: true }),
        term('a b', { term: true, quoted: true }),
      ),
    );
    expect(searchOf('term(x)')).toMatchObject(and(term('term', { term: false }), term('x')));
    expect(searchOf('TERM (x)')).toMatchObject(and(term('TERM', { term: false }), term('x')));
  });

  it('a subsearch is a node holding its own pipeline', () => {
    expect(searchOf('a [search b | stats count by c] d')).toMatchObject(
      and(
        term('a'),
        {
          kind: 'Subsearch',
          span: { start: 2, end: 31 },
          pipeline: {
            kind: 'Pipeline',
            commands: [
              { kind: 'search', implicit: false, expr: term('b') },
              { kind: 'stats', aggregations: [{ fn: 'count' }], by: [{ name: 'c' }] },
            ],
          },
        },
        term('d'),
      ),
    );
    expect(searchOf('[x y]')).toMatchObject({ kind: 'Subsearch', pipeline: { commands: [{ kind: 'search', implicit: true, expr: and(term('x'), term('y')) }] } });
  });

  it('eval( in a search is a word followed by a group', () => {
    expect(searchOf('eval(x)')).toMatchObject(and(term('eval'), term('x')));
  });
});

describe('rename (R1)', () => {
  it('AS in any case, TO, ->, commas optional, quoted names, wildcards', () => {
    expect(commandOf('rename a AS b, c as d e TO f g -> h "x y" As "z w" src_* as dst_*')).toMatchObject({
      kind: 'rename',
      pairs: [
        { from: 'a', to: 'b' },
        { from: 'c', to: 'd' },
        { from: 'e', to: 'f' },
        { from: 'g', to: 'h' },
        { from: 'x y', to: 'z w' },
        { from: 'src_*', to: 'dst_*' },
      ],
    });
  });

  it('names with dots and braces; each pair has its span', () => {
    const cmd = commandOf('rename requestParameters.userName as user sourceIPs{} to src_ip');
    expect(cmd).toMatchObject({
      kind: 'rename',
      span: { start: 4, end: 67 },
      pairs: [
        { from: 'requestParameters.userName', to: 'user', span: { start: 11, end: 45 } },
        { from: 'sourceIPs{}', to: 'src_ip', span: { start: 46, end: 67 } },
      ],
    });
  });

  it('"to" is a separator only between names', () => {
    expect(commandOf('rename to AS from')).toMatchObject({ pairs: [{ from: 'to', to: 'from' }] });
  });
});

describe('stats (T1)', () => {
  it('aggregations with and without arguments, AS, commas or spaces, BY with commas', () => {
    expect(commandOf('stats count, avg(bytes) max(bytes) AS mx dc(user) as "distinct users" BY host, src dest')).toMatchObject({
      kind: 'stats',
      options: [],
      aggregations: [
        { fn: 'count', arg: null, text: 'count', as: null },
        { fn: 'avg', arg: { kind: 'field', name: 'bytes' }, text: 'avg(bytes)', as: null },
        { fn: 'max', arg: { kind: 'field', name: 'bytes' }, text: 'max(bytes)', as: 'mx' },
        { fn: 'dc', arg: { kind: 'field', name: 'user' }, text: 'dc(user)', as: 'distinct users' },
      ],
      by: [{ name: 'host' }, { name: 'src' }, { name: 'dest' }],
    });
  });

  it('field arguments with dots, braces, wildcards and quotes', () => {
    expect(commandOf('stats values(target{}.id) avg(*lay) values("user name") by user.groups{}')).toMatchObject({
      aggregations: [
        { arg: { kind: 'field', name: 'target{}.id' }, text: 'values(target{}.id)' },
        { arg: { kind: 'field', name: '*lay' } },
        { arg: { kind: 'field', name: 'user name' } },
      ],
      by: [{ name: 'user.groups{}' }],
    });
  });

  it('count(eval(...)): the argument is an expression and the name is the text as written', () => {
    expect(commandOf('stats count(eval(status="404" OR status>=500)) AS errors, count(eval(x))')).toMatchObject({
      aggregations: [
        {
          fn: 'count',
          arg: { kind: 'eval', expr: bin('OR', bin('=', field('status'), lit('404')), bin('>=', field('status'), lit(500))) },
          text: 'count(eval(status="404" OR status>=500))',
          as: 'errors',
        },
        { fn: 'count', arg: { kind: 'eval', expr: field('x') }, text: 'count(eval(x))', as: null },
      ],
    });
  });

  it('options before the aggregations and after BY (dedup_splitvals comes last in the docs)', () => {
    expect(commandOf('stats allnum=true delim=", " count by a dedup_splitvals=true')).toMatchObject({
      options: [
        { name: 'allnum', value: 'true', quoted: false },
        { name: 'delim', value: ', ', quoted: true },
        { name: 'dedup_splitvals', value: 'true' },
      ],
      aggregations: [{ fn: 'count' }],
      by: [{ name: 'a' }],
    });
    expect(commandOf('stats count dedup_splitvals=true')).toMatchObject({ options: [{ name: 'dedup_splitvals' }], by: [] });
  });

  it('repeated commas in lists are accepted (a Splunk-authored detection has "Image ,ImageLoaded, , OriginalFileName")', () => {
    expect(commandOf('stats count, , dc(x) by a, , b ,c')).toMatchObject({
      aggregations: [{ fn: 'count' }, { fn: 'dc' }],
      by: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
    });
  });

  it('AS and BY in any case; spans of functions', () => {
    const cmd = commandOf('stats Count As n By x');
    expect(cmd).toMatchObject({ aggregations: [{ fn: 'Count', as: 'n', fnSpan: { start: 10, end: 15 } }], by: [{ name: 'x', span: { start: 24, end: 25 } }] });
  });
});

describe('convert (C1)', () => {
  it('timeformat option, several functions, AS, wildcards', () => {
    expect(commandOf('convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime) AS ft, mktime(x) num(*) none(src_ip)')).toMatchObject({
      kind: 'convert',
      options: [{ name: 'timeformat', value: '%Y-%m-%dT%H:%M:%S', quoted: true }],
      conversions: [
        { fn: 'ctime', field: 'firstTime', as: 'ft' },
        { fn: 'mktime', field: 'x', as: null },
        { fn: 'num', field: '*', as: null },
        { fn: 'none', field: 'src_ip', as: null },
      ],
    });
  });

  it('no options; fnSpan points at the function name', () => {
    expect(commandOf('convert dur2sec(d) as secs')).toMatchObject({
      options: [],
      conversions: [{ fn: 'dur2sec', fnSpan: { start: 12, end: 19 }, field: 'd', as: 'secs' }],
    });
  });
});

describe('eval expressions: precedence and node shapes', () => {
  it.each([
    ['a OR b AND c', bin('OR', field('a'), bin('AND', field('b'), field('c')))],
    ['a AND b OR c', bin('OR', bin('AND', field('a'), field('b')), field('c'))],
    ['a XOR b OR c AND d', bin('OR', bin('XOR', field('a'), field('b')), bin('AND', field('c'), field('d')))],
    ['NOT a = b', { kind: 'Unary', op: 'NOT', operand: bin('=', field('a'), field('b')) }],
    ['NOT a AND b', bin('AND', { kind: 'Unary', op: 'NOT', operand: field('a') }, field('b'))],
    ['1+2*3', bin('+', lit(1), bin('*', lit(2), lit(3)))],
    ['(1+2)*3', bin('*', bin('+', lit(1), lit(2)), lit(3))],
    ['10-4-3', bin('-', bin('-', lit(10), lit(4)), lit(3))],
    ['a . b + c', bin('+', bin('.', field('a'), field('b')), field('c'))],
    ['first." ".last', bin('.', bin('.', field('first'), lit(' ')), field('last'))],
    ['x LIKE "a%"', bin('LIKE', field('x'), lit('a%'))],
    ['x IN (1,2)', { kind: 'In', operand: field('x'), values: [lit(1), lit(2)] }],
    ['x in ("a", y) and z', bin('AND', { kind: 'In', operand: field('x'), values: [lit('a'), field('y')] }, field('z'))],
    ['a < b = c > d', bin('=', bin('<', field('a'), field('b')), bin('>', field('c'), field('d')))],
    ['a == b != c', bin('!=', bin('==', field('a'), field('b')), field('c'))],
    ['-a * +2', bin('*', { kind: 'Unary', op: '-', operand: field('a') }, { kind: 'Unary', op: '+', operand: lit(2) })],
    ['!a', { kind: 'Unary', op: 'NOT', operand: field('a') }],
    ["'user name'=\"x\"", bin('=', field('user name'), lit('x'))],
    ['a.b{}.c % 2', bin('%', field('a.b{}.c'), lit(2))],
    ['if(isnull(x), 1, 0.5)', { kind: 'Call', name: 'if', args: [{ kind: 'Call', name: 'isnull', args: [field('x')] }, lit(1), lit(0.5)] }],
    ['now()', { kind: 'Call', name: 'now', args: [] }],
    ['"say \\"hi\\""', lit('say "hi"')],
  ])('%s', (text, expected) => {
    expect(exprOf(text)).toMatchObject(expected);
  });

  it('Binary spans run from the left operand to the right operand; calls carry the name span', () => {
    // `* | stats count(eval(` is 21 characters.
    expect(exprOf('a + f(b)')).toMatchObject({
      span: { start: 21, end: 29 },
      right: { kind: 'Call', span: { start: 25, end: 29 }, nameSpan: { start: 25, end: 26 } },
    });
  });
});

describe.skipIf(!existsSync(CORPUS))('security_content searches that use only search/rename/stats/convert', () => {
  interface Entry {
    name: string;
    commands: string[];
    search_expanded: string | null;
  }
  const SUPPORTED = new Set(['search', 'rename', 'stats', 'convert']);
  const entries = existsSync(CORPUS)
    ? readFileSync(CORPUS, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Entry)
        .filter((e) => e.search_expanded !== null && e.commands.every((c) => SUPPORTED.has(c)))
    : [];

  it('there are enough of them to matter', () => {
    expect(entries.length).toBeGreaterThanOrEqual(20);
  });

  it.each(entries.map((e) => [e.name, e.search_expanded!] as const))('%s', (_name, text) => {
    const p = parse(text);
    expect(p.commands[0]).toMatchObject({ kind: 'search' });
    for (const cmd of p.commands) expect(SUPPORTED.has(cmd.kind)).toBe(true);
  });
});
