// The context-aware lexer (src/spl/lexer.ts): search-mode words, keywords, operators, `eval(`
// switching to expression mode inside stats, expression tokens, command names, subsearch brackets,
// and L001 for unbalanced quotes (spec 01 S1-S13, 08 E3).
import { describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors/spl-error.js';
import { tokenize } from '../../src/spl/lexer.js';

/** `Type:image` for every token, in order. */
function lex(text: string): string[] {
  return tokenize(text).map((t) => `${t.tokenType.name}:${t.image}`);
}

/** The tokens after `* | stats ` (the command under test is stats). */
function lexStats(args: string): string[] {
  return lex(`* | stats ${args}`).slice(3);
}

function lexError(text: string): { code: string; at: number; text: string } {
  try {
    tokenize(text);
  } catch (e) {
    if (!(e instanceof SplError)) throw e;
    return { code: e.code, at: e.span!.start, text: text.slice(e.span!.start, e.span!.end) };
  }
  throw new Error(`expected a lexing error for ${text}`);
}

describe('search-mode words stay whole (S6, S11, S12)', () => {
  it.each([
    ['requestURI=/api/v1/pods', ['Word:requestURI', 'Eq:=', 'Word:/api/v1/pods']],
    ['"user.username"="x"', ['QuotedString:"user.username"', 'Eq:=', 'QuotedString:"x"']],
    ['sourceIPs{}=1.2.3.4', ['Word:sourceIPs{}', 'Eq:=', 'Word:1.2.3.4']],
    ['path=C:\\\\Windows\\\\*', ['Word:path', 'Eq:=', 'Word:C:\\\\Windows\\\\*']],
    ['a\\|b', ['Word:a\\|b']],
    ['"Processes".*', ['Word:"Processes".*']],
    ['x="a b"c', ['Word:x', 'Eq:=', 'Word:"a b"c']],
    ['earliest=-24h@h latest=now', ['Word:earliest', 'Eq:=', 'Word:-24h@h', 'Word:latest', 'Eq:=', 'Word:now']],
    ['ip=10.10.10.0/24', ['Word:ip', 'Eq:=', 'Word:10.10.10.0/24']],
    ["user='bob'", ['Word:user', 'Eq:=', "Word:'bob'"]],
    ['msg="say \\"hi\\""', ['Word:msg', 'Eq:=', 'QuotedString:"say \\"hi\\""']],
    ['"error | stats count"', ['QuotedString:"error | stats count"']],
    ['*host*', ['Word:*host*']],
  ])('%s', (text, tokens) => {
    expect(lex(text)).toEqual(tokens);
  });
});

describe('comparison operators (S6-S8)', () => {
  it.each([
    ['a!=b', ['Word:a', 'NotEq:!=', 'Word:b']],
    ['a != b', ['Word:a', 'NotEq:!=', 'Word:b']],
    ['userAgent !=console.amazonaws.com', ['Word:userAgent', 'NotEq:!=', 'Word:console.amazonaws.com']],
    ['eventName = CreateAccessKey', ['Word:eventName', 'Eq:=', 'Word:CreateAccessKey']],
    ['n<5 n<=5 n>5 n>=5', ['Word:n', 'Lt:<', 'Word:5', 'Word:n', 'Le:<=', 'Word:5', 'Word:n', 'Gt:>', 'Word:5', 'Word:n', 'Ge:>=', 'Word:5']],
    ['a==b', ['Word:a', 'EqEq:==', 'Word:b']],
    ['wow!', ['Word:wow!']],
  ])('%s', (text, tokens) => {
    expect(lex(text)).toEqual(tokens);
  });
});

describe('keywords of search mode (S3, S9)', () => {
  it('AND, OR, NOT are operators only in upper case', () => {
    expect(lex('a AND b OR c NOT d')).toEqual(['Word:a', 'And:AND', 'Word:b', 'Or:OR', 'Word:c', 'Not:NOT', 'Word:d']);
    expect(lex('a and b or c not d Or')).toEqual(['Word:a', 'Word:and', 'Word:b', 'Word:or', 'Word:c', 'Word:not', 'Word:d', 'Word:Or']);
  });

  it('AS and BY are keywords in any case', () => {
    expect(lex('* | rename a AS b c as d e As f')).toEqual([
      'Word:*', 'Pipe:|', 'RenameCmd:rename',
      'Word:a', 'As:AS', 'Word:b', 'Word:c', 'As:as', 'Word:d', 'Word:e', 'As:As', 'Word:f',
    ]);
    expect(lexStats('count BY a by b By c')).toEqual(['Word:count', 'By:BY', 'Word:a', 'By:by', 'Word:b', 'By:By', 'Word:c']);
  });

  it('IN is a keyword in any case only before "(", otherwise the word in', () => {
    expect(lex('field IN (a, b)')).toEqual(['Word:field', 'In:IN', 'LParen:(', 'Word:a', 'Comma:,', 'Word:b', 'RParen:)']);
    expect(lex('x in(1)')).toEqual(['Word:x', 'In:in', 'LParen:(', 'Word:1', 'RParen:)']);
    expect(lex('error in login')).toEqual(['Word:error', 'Word:in', 'Word:login']);
    expect(lex('a IN')).toEqual(['Word:a', 'Word:IN']);
  });

  it('TERM( and CASE( are words followed by a parenthesis (the parser joins them)', () => {
    expect(lex('TERM(10.0.0.1) user=CASE(Admin)')).toEqual([
      'Word:TERM', 'LParen:(', 'Word:10.0.0.1', 'RParen:)', 'Word:user', 'Eq:=', 'Word:CASE', 'LParen:(', 'Word:Admin', 'RParen:)',
    ]);
  });

  it('parentheses and commas break words', () => {
    expect(lex('(a,b)')).toEqual(['LParen:(', 'Word:a', 'Comma:,', 'Word:b', 'RParen:)']);
  });
});

describe('eval( inside stats switches to expression mode until the matching ")"', () => {
  it('count(eval(...)) with nested calls, then back to search mode for AS/BY', () => {
    expect(lexStats('count(eval(if(a>1,1,0)=1)) as n by x')).toEqual([
      'Word:count', 'LParen:(', 'EvalFn:eval', 'LParen:(',
      'Identifier:if', 'LParen:(', 'Identifier:a', 'Gt:>', 'NumberLit:1', 'Comma:,', 'NumberLit:1', 'Comma:,', 'NumberLit:0', 'RParen:)',
      'Eq:=', 'NumberLit:1', 'RParen:)', 'RParen:)',
      'As:as', 'Word:n', 'By:by', 'Word:x',
    ]);
  });

  it('after the expression, words lex as search words again (dots, wildcards)', () => {
    expect(lexStats('count(eval(a.b="x")) values(c.d*)')).toEqual([
      'Word:count', 'LParen:(', 'EvalFn:eval', 'LParen:(', 'Identifier:a.b', 'Eq:=', 'QuotedString:"x"', 'RParen:)', 'RParen:)',
      'Word:values', 'LParen:(', 'Word:c.d*', 'RParen:)',
    ]);
  });

  it('EVAL( is recognised in any case', () => {
    expect(lexStats('count(EVAL(x))').slice(2, 4)).toEqual(['EvalFn:EVAL', 'LParen:(']);
  });

  it('in search, eval( is an ordinary word (only stats takes eval arguments)', () => {
    expect(lex('search eval(x)')).toEqual(['SearchCmd:search', 'Word:eval', 'LParen:(', 'Word:x', 'RParen:)']);
  });

  it('"eval (" with a space is not an expression', () => {
    expect(lexStats('eval (x)')).toEqual(['Word:eval', 'LParen:(', 'Word:x', 'RParen:)']);
  });

  it('a pipe inside an unclosed eval( ends the expression', () => {
    expect(lex('* | stats count(eval(a | search b')).toEqual([
      'Word:*', 'Pipe:|', 'StatsCmd:stats', 'Word:count', 'LParen:(', 'EvalFn:eval', 'LParen:(', 'Identifier:a',
      'Pipe:|', 'SearchCmd:search', 'Word:b',
    ]);
  });
});

describe('expression tokens', () => {
  /** Tokens of the expression inside `count(eval(...))`. */
  const expr = (text: string) => lexStats(`count(eval(${text}))`).slice(4, -2);

  it.each([
    ['1 2.5 .5 1e3 10.', ['NumberLit:1', 'NumberLit:2.5', 'NumberLit:.5', 'NumberLit:1e3', 'NumberLit:10.']],
    ["'quoted field'=1", ["QuotedField:'quoted field'", 'Eq:=', 'NumberLit:1']],
    ["'it\\'s'", ["QuotedField:'it\\'s'"]],
    ['"a \\"b\\""', ['QuotedString:"a \\"b\\""']],
    ['a.b', ['Identifier:a.b']],
    ['a . "x"', ['Identifier:a', 'Dot:.', 'QuotedString:"x"']],
    ['first." ".last', ['Identifier:first', 'Dot:.', 'QuotedString:" "', 'Dot:.', 'Identifier:last']],
    ['user.groups{}', ['Identifier:user.groups{}']],
    ['a+b-c*d/e%f', ['Identifier:a', 'Plus:+', 'Identifier:b', 'Minus:-', 'Identifier:c', 'Star:*', 'Identifier:d', 'Slash:/', 'Identifier:e', 'Percent:%', 'Identifier:f']],
    ['a==b a!=b a<=b a>=b a<b a>b', [
      'Identifier:a', 'EqEq:==', 'Identifier:b', 'Identifier:a', 'NotEq:!=', 'Identifier:b', 'Identifier:a', 'Le:<=', 'Identifier:b',
      'Identifier:a', 'Ge:>=', 'Identifier:b', 'Identifier:a', 'Lt:<', 'Identifier:b', 'Identifier:a', 'Gt:>', 'Identifier:b',
    ]],
    ['a and b AND c Or d xor e', ['Identifier:a', 'ExprAnd:and', 'Identifier:b', 'ExprAnd:AND', 'Identifier:c', 'ExprOr:Or', 'Identifier:d', 'ExprXor:xor', 'Identifier:e']],
    ['not a NOT b !c', ['ExprNot:not', 'Identifier:a', 'ExprNot:NOT', 'Identifier:b', 'ExprNot:!', 'Identifier:c']],
    ['x like "a%" x In (1, 2)', ['Identifier:x', 'ExprLike:like', 'QuotedString:"a%"', 'Identifier:x', 'ExprIn:In', 'LParen:(', 'NumberLit:1', 'Comma:,', 'NumberLit:2', 'RParen:)']],
    ['isnull(x)', ['Identifier:isnull', 'LParen:(', 'Identifier:x', 'RParen:)']],
    ['android', ['Identifier:android']],
  ])('%s', (text, tokens) => {
    expect(expr(text)).toEqual(tokens);
  });

  it('an unknown character in an expression is L002 at that character', () => {
    expect(lexError('* | stats count(eval(a # b))')).toEqual({ code: 'L002', at: 23, text: '#' });
  });
});

describe('command names', () => {
  it('after "|", known names get their own token type, in any case', () => {
    expect(lex('a | search b | rename c as d | stats count | convert ctime(t)').filter((t) => t.includes('Cmd:'))).toEqual([
      'SearchCmd:search', 'RenameCmd:rename', 'StatsCmd:stats', 'ConvertCmd:convert',
    ]);
    expect(lex('a | STATS count')[2]).toBe('StatsCmd:STATS');
  });

  it('after "|", an unknown name is UnknownCommand (rejected later by the parser)', () => {
    expect(lex('a | foo x | frobnicate count')).toEqual([
      'Word:a', 'Pipe:|', 'UnknownCommand:foo', 'Word:x', 'Pipe:|', 'UnknownCommand:frobnicate', 'Word:count',
    ]);
  });

  it('a leading "|" starts with a command (S1)', () => {
    expect(lex('| stats count')).toEqual(['Pipe:|', 'StatsCmd:stats', 'Word:count']);
  });

  it('the first segment is an implicit search: "search" is optional, other names are terms', () => {
    expect(lex('search user=bob')).toEqual(['SearchCmd:search', 'Word:user', 'Eq:=', 'Word:bob']);
    expect(lex('user=bob')).toEqual(['Word:user', 'Eq:=', 'Word:bob']);
    expect(lex('stats count')).toEqual(['Word:stats', 'Word:count']);
    expect(lex('a search b')).toEqual(['Word:a', 'Word:search', 'Word:b']);
  });

  it('command arguments that look like command names stay words', () => {
    expect(lex('* | rename search as stats')).toEqual(['Word:*', 'Pipe:|', 'RenameCmd:rename', 'Word:search', 'As:as', 'Word:stats']);
  });
});

describe('subsearch brackets', () => {
  it('a subsearch may start with search terms or a known command, and ends at "]"', () => {
    expect(lex('a [search b | stats count by c] d')).toEqual([
      'Word:a', 'LBracket:[', 'SearchCmd:search', 'Word:b', 'Pipe:|', 'StatsCmd:stats', 'Word:count', 'By:by', 'Word:c', 'RBracket:]', 'Word:d',
    ]);
    expect(lex('[x y]')).toEqual(['LBracket:[', 'Word:x', 'Word:y', 'RBracket:]']);
    expect(lex('[stats count]')).toEqual(['LBracket:[', 'StatsCmd:stats', 'Word:count', 'RBracket:]']);
  });

  it('the outer command continues after "]"', () => {
    expect(lex('* | stats count [search x] by y').slice(2)).toEqual([
      'StatsCmd:stats', 'Word:count', 'LBracket:[', 'SearchCmd:search', 'Word:x', 'RBracket:]', 'By:by', 'Word:y',
    ]);
  });

  it('brackets inside quotes are text', () => {
    expect(lex('"[a]" b')).toEqual(['QuotedString:"[a]"', 'Word:b']);
  });
});

describe('offsets', () => {
  it('tokens carry start and end offsets in the text', () => {
    const toks = tokenize('a  !=  "b c" | stats count');
    expect(toks.map((t) => [t.image, t.startOffset, t.endOffset])).toEqual([
      ['a', 0, 0], ['!=', 3, 4], ['"b c"', 7, 11], ['|', 13, 13], ['stats', 15, 19], ['count', 21, 25],
    ]);
  });

  it('whitespace of any kind separates tokens', () => {
    expect(lex('a\tb\nc\r\nd')).toEqual(['Word:a', 'Word:b', 'Word:c', 'Word:d']);
  });
});

describe('unbalanced quotes are L001 at the opening quote (E3)', () => {
  it.each([
    ['user="bob', 5],
    ['a "b c" d="e', 10],
    ['user=bob"x', 8],
    ['"abc', 0],
    ['a | rename "x as y', 11],
    ['x="a\\"', 2],
    ["* | stats count(eval('x=1))", 21],
    ['* | stats count(eval(x="a))', 23],
  ])('%s', (text, at) => {
    expect(lexError(text)).toEqual({ code: 'L001', at, text: text[at] });
  });

  it('an unclosed quote swallows later pipes, so L001 wins over a bad command after it', () => {
    expect(lexError('a="x | foo').code).toBe('L001');
  });
});
