// sort: `sort [<count>] [limit=<int>] [+|-]<field>|auto()|str()|ip()|num() ... [desc]` (spec 03 T18).
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.0/search-commands/sort
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

const key = (field: string, descending = false, type: string | null = null) => ({ field, descending, type });

describe('sort: documented forms', () => {
  it('fields with signs written apart or against the name, separated by commas', () => {
    expect(lastCommand('* | sort lastname, -firstname')).toEqual({
      kind: 'sort', count: null, options: [], keys: [key('lastname'), key('firstname', true)], desc: false,
    });
    expect(lastCommand('* | sort - _time,src, query')).toMatchObject({ keys: [key('_time', true), key('src'), key('query')] });
    expect(lastCommand('* | sort +a - b')).toMatchObject({ keys: [key('a'), key('b', true)] });
  });

  it('a leading count, and limit= as an option', () => {
    expect(lastCommand('* | sort 100 -size, +source')).toMatchObject({ count: 100, keys: [key('size', true), key('source')] });
    expect(lastCommand('* | sort 0 x')).toMatchObject({ count: 0, keys: [key('x')] });
    expect(lastCommand('* | sort limit=10 x')).toMatchObject({ count: null, options: [{ name: 'limit', value: '10' }], keys: [key('x')] });
  });

  it('typed keys: auto, str, ip, num', () => {
    expect(lastCommand('* | sort ip(ipaddress), -str(url), num(n) auto(a)')).toMatchObject({
      keys: [key('ipaddress', false, 'ip'), key('url', true, 'str'), key('n', false, 'num'), key('a', false, 'auto')],
    });
    expect(lastCommand('* | sort - NUM(x)')).toMatchObject({ keys: [key('x', true, 'num')] });
  });

  it('a trailing d/desc after the keys reverses the order; alone it is a field', () => {
    expect(lastCommand('* | sort a, -b desc')).toMatchObject({ keys: [key('a'), key('b', true)], desc: true });
    expect(lastCommand('* | sort a d')).toMatchObject({ keys: [key('a')], desc: true });
    expect(lastCommand('* | sort desc')).toMatchObject({ keys: [key('desc')], desc: false });
    expect(lastCommand('* | sort a "desc"')).toMatchObject({ keys: [key('a'), key('desc')], desc: false });
  });

  it('quoted names keep their sign characters; stats output names keep their parentheses', () => {
    expect(lastCommand('* | sort "-x"')).toMatchObject({ keys: [key('-x')] });
    expect(lastCommand('* | sort -"a b"')).toMatchObject({ keys: [key('a b', true)] });
    expect(lastCommand('* | sort -count(x)')).toMatchObject({ keys: [key('count(x)', true)] });
  });

  it('spans: the command and each key', () => {
    const text = '* | sort 10 - a, str(b)';
    const c = lastCommandNode(text, 'sort');
    expect(spanText(text, c.span)).toBe('sort 10 - a, str(b)');
    expect(c.keys.map((k) => spanText(text, k.span))).toEqual(['- a', 'str(b)']);
  });

  it('prints canonically and round-trips', () => {
    expect(roundTrip('* | sort 100 - size,+source desc')).toEqual({ printed: '* | sort 100 -size, source desc', same: true });
    expect(roundTrip('* | sort - num(x) , ip("a b")')).toEqual({ printed: '* | sort -num(x), ip("a b")', same: true });
    expect(roundTrip('* | sort "10" "-x" "desc"')).toEqual({ printed: '* | sort "10", "-x", "desc"', same: true });
    expect(roundTrip('* | sort - "count(x)"')).toEqual({ printed: '* | sort -"count(x)"', same: true });
    expect(roundTrip('* | sort limit=5 x')).toEqual({ printed: '* | sort limit=5 x', same: true });
  });
});

describe('sort: every corpus use parses into a sort node', () => {
  it('all of them', () => {
    const uses = corpusUses('sort');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(15);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('sort: syntax errors (P005 naming sort)', () => {
  it.each([
    ['* | sort', '', 'a field name', 'the end of the search'],
    ['* | sort -', '', 'a field name', 'the end of the search'],
    ['* | sort 10', '', 'a field name', 'the end of the search'],
    ['* | sort limit=3', '', 'a field name', 'the end of the search'],
    ['* | sort | head 1', '|', 'a field name', '"|"'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'sort', expected, found } });
  });
});
