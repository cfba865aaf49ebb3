// append: subsearch options, then the subsearch as a nested Pipeline.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/append
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('append: documented forms', () => {
  it('a subsearch', () => {
    expect(lastCommand('* | append [search sourcetype=stream:tcp bytes_out>65000]')).toEqual({
      kind: 'append',
      options: [],
      subsearch: expect.objectContaining({ kind: 'Pipeline', leadingPipe: false, commands: [expect.objectContaining({ kind: 'search' })] }),
    });
  });

  it('extendtimerange, maxtime, maxout, timeout', () => {
    const c = lastCommand('* | append extendtimerange=true maxtime=30 maxout=500 timeout=60 [search a]') as { options: { name: string; value: string }[] };
    expect(c.options.map((o) => `${o.name}=${o.value}`)).toEqual(['extendtimerange=true', 'maxtime=30', 'maxout=500', 'timeout=60']);
  });

  it('subsearches starting with a generating command, with or without a pipe (security_content)', () => {
    expect(lastCommand('* | append [| tstats count from datamodel=Network_Traffic]')).toMatchObject({ subsearch: { leadingPipe: true } });
    expect(lastCommand('* | append [ mstats count(x) as c where index=m by host ]')).toMatchObject({ subsearch: { leadingPipe: false, commands: [{}] } });
  });

  it('spans', () => {
    const text = '* | append maxout=5 [search a | head 2]';
    const c = lastCommandNode(text, 'append');
    expect(spanText(text, c.span)).toBe('append maxout=5 [search a | head 2]');
    expect(spanText(text, c.subsearch.span)).toBe('search a | head 2');
  });

  it('round-trips', () => {
    expect(roundTrip('* | append  maxout=5  [ search a ]')).toEqual({ printed: '* | append maxout=5 [search a]', same: true });
  });
});

describe('append: every corpus use parses into an append node', () => {
  it('all of them', () => {
    const uses = corpusUses('append');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(5);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('append: syntax errors (P005 naming append)', () => {
  it.each([
    ['* | append', '', '"["', 'the end of the search'],
    ['* | append maxout=5', '', '"["', 'the end of the search'],
    ['* | append foo [search a]', 'foo', '"["', '"foo"'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'append', expected, found } });
  });
});
