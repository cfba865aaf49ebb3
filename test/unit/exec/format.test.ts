// The text `format` makes of results (src/search/subsearch-format.ts), exactly.
import { describe, expect, it } from 'vitest';
import { formatRows, formatText } from '../../../src/search/subsearch-format.js';
import { rows } from './subsearch-helpers.js';

const text = (...objs: Parameters<typeof rows>): string => formatText(formatRows(rows(...objs)));

describe('format text', () => {
  it('rows ORed, fields ANDed in byte order of their names, values quoted', () => {
    expect(text({ source: 's1', sourcetype: 'syslog', host: 'h1' }, { source: 's2', sourcetype: 'syslog', host: 'h2' })).toBe(
      '( ( host="h1" AND source="s1" AND sourcetype="syslog" ) OR ( host="h2" AND source="s2" AND sourcetype="syslog" ) )',
    );
    expect(text({ b: '1', B: '2', a: '3' })).toBe('( ( B="2" AND a="3" AND b="1" ) )');
  });

  it('no results, or internal fields only, give NOT ()', () => {
    expect(text()).toBe('NOT ()');
    expect(text({ _time: 1, _raw: 'x' })).toBe('NOT ()');
    expect(formatText([], { emptystr: 'none' })).toBe('none');
  });

  it('a result without fields of its own is left out', () => {
    expect(text({ a: '1' }, { _raw: 'x' }, { a: '2' })).toBe('( ( a="1" ) OR ( a="2" ) )');
  });

  it('multivalue fields are grouped and joined with mvsep', () => {
    expect(text({ a: ['1', '2'], b: 'x' })).toBe('( ( ( a="1" OR a="2" ) AND b="x" ) )');
    expect(formatText(formatRows(rows({ a: ['1', '2'] })), { mvsep: '||' })).toBe('( ( ( a="1" || a="2" ) ) )');
  });

  it('search is inserted as text (its first value), query as a quoted phrase', () => {
    expect(text({ search: ['x=1 OR y=2', 'ignored'], query: 'a "b"', c: 3 })).toBe('( ( c="3" AND "a \\"b\\"" AND x=1 OR y=2 ) )');
  });

  it('escapes backslashes and quotes; numbers print as Splunk prints them', () => {
    expect(text({ p: 'C:\\x "y"' })).toBe('( ( p="C:\\\\x \\"y\\"" ) )');
    expect(text({ n: 0.5, m: 3 })).toBe('( ( m="3" AND n="0.5" ) )');
  });

  it('the six layout strings; empty ones add no spaces', () => {
    const layout = { rowPrefix: '[', columnPrefix: '{', columnSeparator: '&&', columnEnd: '}', rowSeparator: '||', rowEnd: ']' };
    expect(formatText(formatRows(rows({ a: '1', b: '2' }, { a: '3' })), { layout })).toBe('[ { a="1" && b="2" } || { a="3" } ]');
    const bare = { rowPrefix: '', columnPrefix: '', columnSeparator: '', columnEnd: '', rowSeparator: 'OR', rowEnd: '' };
    expect(formatText(formatRows(rows({ a: '1', b: '2' }, { a: '3' })), { layout: bare })).toBe('a="1" b="2" OR a="3"');
  });

  it('maxresults keeps the first results', () => {
    expect(formatText(formatRows(rows({ a: '1' }, { a: '2' }, { a: '3' }), 2))).toBe('( ( a="1" ) OR ( a="2" ) )');
  });
});
