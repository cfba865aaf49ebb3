/**
 * PCRE on JavaScript (src/eval/pcre.ts, docs/eval/regex.md): each construct translated with PCRE's
 * meaning or refused by name, pathological patterns bounded, and every regex literal of the
 * security_content corpus compiled. Expected values follow pcre2pattern(3) (cited per row).
 */
import { describe, expect, test } from 'vitest';
import { compilePcre, PcreError, tryCompilePcre } from '../../../src/eval/pcre.js';
import { isSplError } from '../../../src/errors/spl-error.js';
import { corpusRegexes } from './corpus-regexes.js';

/** The match (whole and groups) or null. */
function run(pattern: string, input: string): (string | undefined)[] | null {
  const m = compilePcre(pattern).exec(input);
  return m ? [...m] : null;
}

describe('constructs translated with their PCRE meaning', () => {
  test.each([
    // [pattern, input, expected match and groups, pcre2pattern section]
    ['(?P<year>\\d{4})-(?P=year)', 'x 2024-2024', ['2024-2024', '2024'], 'named groups, Python syntax'],
    ["(?'n'a)\\k'n'\\k<n>\\k{n}\\g{n}", 'aaaaa', ['aaaaa', 'a'], 'named backreferences, every spelling'],
    ['(a)(b)\\g1\\g{2}\\g{-1}', 'abab b', null, 'numbered and relative backreferences (no match)'],
    ['(a)(b)\\g1\\g{2}\\g{-1}', 'ababb', ['ababb', 'a', 'b'], 'numbered and relative backreferences'],
    ['(?i)abc', 'xABC', ['ABC'], 'internal option (?i)'],
    ['(?i:ab)c', 'ABc', ['ABc'], 'scoped option: caseless part'],
    ['(?i:ab)c', 'ABC', null, 'scoped option: case-sensitive rest'],
    ['a(?i)b|c', 'C', ['C'], 'an option set in a group carries into later alternatives'],
    ['(a(?i)b)c', 'aBC', null, 'an option ends with its group'],
    ['.', '\n', null, 'dot excludes newline'],
    ['.', '\r', ['\r'], 'dot matches CR (newline is LF only)'],
    ['(?s).', '\n', ['\n'], '(?s) dotall'],
    ['^b$', 'a\nb', null, 'without multiline, ^ is the start'],
    ['(?m)^b$', 'a\nb\nc', ['b'], '(?m) multiline'],
    ['(?m)^', 'a\n', [''], 'multiline ^ does not match after a final newline (only at 0)'],
    ['x$', 'x\n', ['x'], '$ also matches before a final newline'],
    ['x\\z', 'x\n', null, '\\z is the very end'],
    ['x\\Z', 'x\n', ['x'], '\\Z: end or before a final newline'],
    ['\\Ax', 'ax', null, '\\A is the start'],
    ['(?x) a b # comment\n c [ ]', 'abc ', ['abc '], '(?x) drops white space and comments outside classes'],
    ['[[:alpha:]]+', '1ab2', ['ab'], 'POSIX class'],
    ['[[:^digit:]x]+', '12ab3', ['ab'], 'negated POSIX class'],
    ['\\x{263A}\\x41\\101\\cA\\e', '\u263aAA\u0001\u001b', ['\u263aAA\u0001\u001b'], 'character escapes'],
    ['\\Qa.b*\\E+', 'a.b**', ['a.b**'], '\\Q...\\E quoting; a quantifier applies to the last character'],
    ['\\h', 'a\u00a0', ['\u00a0'], '\\h horizontal white space'],
    ['\\s', 'a\u00a0', null, '\\s is ASCII white space (no UCP), unlike JavaScript'],
    ['\\v', 'a\u2028', ['\u2028'], '\\v is vertical white space, not VT'],
    ['\\R', 'a\r\nb', ['\r\n'], '\\R takes CRLF whole'],
    ['\\p{L}+', '1héllo2', ['héllo'], 'Unicode property'],
    ['\\p{Greek}', 'aβ', ['β'], 'script name'],
    ['\\pL\\P{L}', 'ab1', ['b1'], 'one-letter property and its negation'],
    ['a++b', 'aaab', ['aaab'], 'possessive quantifier'],
    ['a*+a', 'aaa', null, 'possessive: no giving back'],
    ['(?>a|ab)c', 'abc', null, 'atomic group: no backtracking into it'],
    ['(?>(a))(b)', 'ab', ['ab', 'a', 'b'], 'hidden helper groups do not shift the numbering'],
    ['a{,3}', 'a{,3}', ['a{,3}'], '{,n} is a literal in PCRE'],
    ['(?P<g>{.*?})', 'x{1}', ['{1}', '{1}'], 'a { that starts no quantifier is a literal'],
    ['\\__output', '__output', ['__output'], 'escaped punctuation is the character'],
    ['[^\\S\\r\\n]+', ' \t\r\n', [' \t'], 'negated class escape inside a negated class'],
    ['[\\-|\\/|–]+', '-/–', ['-/–'], 'escaped hyphen and non-ASCII in a class'],
    ['(?i)k', '\u212a', ['\u212a'], 'caseless matching uses Unicode folding (KELVIN SIGN)'],
    ['(?i)\\w', '\u212a', null, 'caseless \\w stays ASCII'],
    ['(*UTF8)(*LF)abc', 'abc', ['abc'], 'harmless start-of-pattern options'],
    ['a(*FAIL)|b', 'ab', ['b'], '(*FAIL)'],
    ['(?:(a)|b)+', 'ab', ['ab', 'a'], 'a repeated group keeps the last value of a group it skips'],
    ['(?#comment)a', 'a', ['a'], '(?#...) comment'],
    ['(?<=\\d{2})x', '12x', ['x'], 'fixed-length lookbehind'],
  ])('%j on %j', (pattern, input, expected, _section) => {
    expect(run(pattern, input)).toEqual(expected);
    // The linear-time engine, when it can run the pattern, gives the same answer.
    const linear = tryCompilePcre(pattern, { engine: 'linear' });
    if (linear.ok) {
      const m = linear.regex.exec(input);
      expect(m ? [...m] : null).toEqual(expected);
    }
  });

  test('named groups are exposed under their names', () => {
    expect(compilePcre('(?P<user>\\w+)@(?<domain>[\\w.]+)').exec('mail bob@example.com')?.groups)
      .toEqual({ user: 'bob', domain: 'example.com' });
  });

  test('the JavaScript source shows the translation', () => {
    expect(compilePcre('(?P<x>\\d+)$').source).toBe('(?<x>[0-9]+)(?=\\n?$)');
  });
});

describe('constructs refused, each by name', () => {
  test.each([
    ['a\\Kb', '\\K'],
    ['(a|(?R))', 'recursion'],
    ['(a)(?1)', 'subroutine'],
    ['(?<n>a)(?&n)', 'subroutine call by name'],
    ['(?P<n>a)(?P>n)', 'subroutine call by name'],
    ['(a)?(?(1)b|c)', 'conditional group'],
    ['(?|(a)|(b))', 'branch reset'],
    ['a(*SKIP)b', 'backtracking control verb'],
    ['\\Ga', '\\G'],
    ['\\C', '\\C'],
    ['\\X', '\\X'],
    ['(?J)(?<n>a)', '(?J)'],
    ['\\u0041', '\\u'],
    ['\\g<1>(a)', 'subroutine call'],
    ['(?C1)a', 'callout'],
    ['(*UCP)\\w', '(*UCP)'],
    ['[[.a.]]', 'collating'],
    ['(?<=(a|bc))d', 'variable-length lookbehind'],
    ['(a)?b\\1', 'may be unset'],
    ['(a|)*', 'can match the empty string'],
    ['(.*)*x', 'can match the empty string'],
  ])('%j: %s', (pattern, name) => {
    const r = tryCompilePcre(pattern);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.reason).toContain(name);
  });

  test.each([
    ['(a', 'missing closing parenthesis', 0],
    ['a)', 'unmatched closing parenthesis', 1],
    ['[a', 'missing terminating ]', 0],
    ['*a', 'quantifier does not follow a repeatable item', 0],
    ['a**', 'quantifier does not follow a repeatable item', 2],
    ['a\\', '\\ at end of pattern', 1],
    ['(?<n>a)(?<n>b)', 'same name', 7],
    ['\\k<nope>', 'non-existent group', 0],
    ['(a)\\2', 'non-existent group', 3],
    ['[z-a]', 'range out of order', 2],
    ['\\p{Nope}', 'unknown property', 0],
    ['x{3,2}', 'out of order', 1],
    ['\\y', 'unrecognized escape', 0],
    ['(?z)', 'unknown option letter "z"', 0],
    ['(?', 'unrecognized character after (?', 1],
  ])('invalid %j: %s at offset %i', (pattern, reason, offset) => {
    const r = tryCompilePcre(pattern);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBeInstanceOf(PcreError);
      expect(r.error.reason).toContain(reason);
      expect(r.error.offset).toBe(offset);
      expect(r.error.message).toContain(`"${pattern}"`);
    }
  });
});

describe('pathological patterns never hang', () => {
  const timed = (f: () => unknown): number => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };

  test.each([
    ['(a+)+b', 'a'.repeat(50_000)],
    ['(a|a)*b', 'a'.repeat(50_000)],
    ['(\\w+\\s?)*$', `${'word '.repeat(10_000)}!`],
    ['(?i)[-]e(nc*o*d*e*d*c*o*m*m*a*n*d*)*\\s+[^-]', `-e${'n'.repeat(20_000)}`],
    ['^(a|ab|b)*c', 'ab'.repeat(20_000)],
  ])('exponential %j runs on the linear engine', (pattern, input) => {
    const re = compilePcre(pattern);
    expect(re.pcre.risk.exponential).toBe(true);
    expect(re.pcre.backtrackLimit).toBe(-1);
    expect(timed(() => re.test(input))).toBeLessThan(3000);
  });

  test('polynomial patterns switch to the linear engine past their bound', () => {
    const re = compilePcre('[^:]+:');
    expect(re.pcre.risk.degree).toBe(2);
    expect(re.pcre.backtrackLimit).toBe(14142);
    expect(timed(() => expect(re.test('a'.repeat(200_000))).toBe(false))).toBeLessThan(3000);
    const cubic = compilePcre('.*foo.*bar');
    expect(cubic.pcre.risk.degree).toBe(3);
    expect(timed(() => expect(cubic.test('foo'.repeat(30_000))).toBe(false))).toBeLessThan(3000);
  });

  test('the linear engine gives the same groups', () => {
    const re = compilePcre('(?<k>\\w+)=(?<v>[^;]*);');
    const long = `${'x'.repeat(20_000)} key=value;`;
    expect(re.exec(long)?.groups).toEqual({ k: 'key', v: 'value' });
    expect(`a=1;b=2;`.replace(compilePcre('(\\w)=(\\d);', { flags: 'g' }), '$2$1')).toBe('1a2b');
  });

  test('exponential risk with a construct the linear engine lacks is refused at compile time', () => {
    const r = tryCompilePcre('(a+)+(?=.*b)');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.reason).toMatch(/catastrophic backtracking.*lookahead of unbounded length/);
    expect(tryCompilePcre('(a+)+\\1').ok).toBe(false);
  });

  test('bounded lookarounds run on the linear engine', () => {
    const re = compilePcre('(?<!/)\\b\\w+(?=\\d)', { engine: 'linear' });
    expect([...re.exec('/ab1 cd2')!]).toEqual(['cd']);
    expect(tryCompilePcre('(?=.*x)a', { engine: 'linear' }).ok).toBe(false);
  });

  test('a costly pattern the linear engine cannot run refuses long inputs (R103)', () => {
    const re = compilePcre('(?=.*x)[^;]*[^;]*[^;]*;');
    expect(re.pcre.linear).toBe(false);
    expect(re.test('a'.repeat(100))).toBe(false);
    expect(() => re.test('a'.repeat(5000))).toThrow(expect.objectContaining({ code: 'R103' }));
  });

  test('inputs over the cap are refused (R102)', () => {
    const re = compilePcre('a', { maxInputLength: 10 });
    expect(re.test('xxxxxxxxxa')).toBe(true);
    let err: unknown;
    try {
      re.test('x'.repeat(11));
    } catch (e) {
      err = e;
    }
    expect(isSplError(err) && err.code).toBe('R102');
  });
});

describe('security_content regex literals', () => {
  const found = corpusRegexes();

  test('every regex literal in rex, regex, match() and replace() compiles', () => {
    const failures = found.filter((r) => !tryCompilePcre(r.pattern).ok).map((r) => `${r.path}: ${r.pattern}`);
    expect(failures).toEqual([]);
    expect(found.length).toBeGreaterThan(250);
  });

  test('the PCRE-only ones are among them', () => {
    const pcreOnly = found.filter((r) => /\(\?P[<=]|\(\?i\)|\\x\{|\\Q|\(\?>|[*+?}]\+/.test(r.pattern));
    expect(pcreOnly.length).toBeGreaterThan(40);
    for (const r of pcreOnly) expect(tryCompilePcre(r.pattern).ok).toBe(true);
  });
});
