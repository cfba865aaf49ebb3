/**
 * Issue 5's raw-text prefilter must be exact: a line it skips could never have matched. These
 * tests pin what the required text is for each search form, and that lines spelling a fragment
 * with an escape (`\/`, `\u0061`) or a character that lower-cases to ASCII stay candidates.
 */
import { describe, expect, it } from 'vitest';
import { buildPrefilter } from '../../../src/data/prefilter.js';
import { requiredText } from '../../../src/search/required-text.js';
import { parse } from '../../../src/spl/parse.js';

function required(spl: string) {
  const first = parse(spl).commands[0]!;
  return first.kind === 'search' ? requiredText(first.expr) : [];
}

describe('required text of a search', () => {
  it.each([
    ['verb=list objectRef.resource=pods', [['list'], ['pods']]],
    ['requestURI="/api/v1/pods"', [['api'], ['v1'], ['pods']]],
    ['"user.username"="system:anonymous"', [['system:anonymous']]],
    ['user=adm*in', [['adm'], ['in']]],
    ['ERROR "web error"', [['error'], ['web'], ['error']]],
    ['status IN (200, 40*)', [['200', '40']]],
    ['a=x OR b=yy', [['x', 'yy']]],
    ['a=x OR NOT b=y', []],
    ['NOT a=x', []],
    ['a!=x', []],
    ['n>5', []],
    ['sourcetype=aws:cloudtrail host=h1 index=main source=s _raw=x', []],
    ['ip=10.0.0.0/8', []],
    ['earliest=-24h latest=now', []],
    ['*', []],
    ['path="C:\\\\Windows\\\\cmd.exe"', [['c:'], ['windows'], ['cmd.exe']]],
    ['name="caf\u00e9 bar"', [['caf'], ['bar']]],
  ])('%s', (spl, expected) => {
    expect(required(spl)).toEqual(expected);
  });
});

describe('line candidates', () => {
  const filter = buildPrefilter([['system:anonymous'], ['pods']])!;
  // `text` is the latin1 view of the bytes, one char per byte; a prefix before `start` is ignored.
  const lines = (text: string) => {
    const bytes = Buffer.from('xx\n' + text + '\nyy', 'latin1');
    return filter.candidates(bytes, 3, 3 + text.length).map(([s, e]) => text.slice(s, e));
  };

  it('keeps lines holding every clause, case-insensitively, and drops the others', () => {
    const text = ['{"u":"system:anonymous","r":"pods"}', '{"u":"system:admin","r":"pods"}', '{"u":"SYSTEM:Anonymous","r":"PODS"}', '{"r":"pods"}'].join('\n');
    expect(lines(text)).toEqual(['{"u":"system:anonymous","r":"pods"}', '{"u":"SYSTEM:Anonymous","r":"PODS"}']);
  });

  it('keeps lines that could spell a fragment with a \\u escape or a Kelvin sign / dotted I', () => {
    const kelvin = Buffer.from('{"u":"system:anonymous","r":"\u212Apods"}').toString('latin1');
    const text = ['{"u":"system:\\u0061nonymous","r":"pods"}', kelvin, '{"u":"nobody"}'].join('\n');
    expect(lines(text)).toEqual(['{"u":"system:\\u0061nonymous","r":"pods"}', kelvin]);
  });

  it('has nothing to filter on when no clause is required', () => {
    expect(buildPrefilter([])).toBeUndefined();
  });
});
