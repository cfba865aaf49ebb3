// inputlookup: options before or after the lookup name, then an optional WHERE search.
// https://help.splunk.com/en/splunk-enterprise/search/spl-search-reference/10.0/search-commands/inputlookup
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('inputlookup: documented forms', () => {
  it('a CSV file name, options first', () => {
    expect(lastCommand('| inputlookup append=t max=10 users.csv')).toEqual({
      kind: 'inputlookup',
      options: [{ name: 'append', value: 't', quoted: false }, { name: 'max', value: '10', quoted: false }],
      lookup: { name: 'users.csv' },
      where: null,
    });
  });

  it('options after the name (security_content) and a WHERE search', () => {
    expect(lastCommand('| inputlookup baseline append=t WHERE count>5 user IN (a, b)')).toMatchObject({
      options: [{ name: 'append', value: 't' }],
      lookup: { name: 'baseline' },
      where: { kind: 'And', items: [{ kind: 'Compare', field: 'count', op: '>' }, { kind: 'In', field: 'user' }] },
    });
  });

  it('spans: the lookup name and the WHERE expression', () => {
    const text = '| inputlookup x where a=1 b=2';
    const c = lastCommandNode(text, 'inputlookup');
    expect(spanText(text, c.lookup.span)).toBe('x');
    expect(spanText(text, c.where!.span)).toBe('a=1 b=2');
  });

  it('prints canonically and round-trips', () => {
    expect(roundTrip('| inputlookup x append=T where a=1')).toEqual({ printed: '| inputlookup append=T x WHERE a=1', same: true });
    expect(roundTrip('| inputlookup "my lookup"')).toEqual({ printed: '| inputlookup "my lookup"', same: true });
  });
});

describe('inputlookup: security_content searches', () => {
  const uses = corpusUses('inputlookup');

  it('every corpus use parses into an inputlookup node', () => {
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThanOrEqual(46);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });

  it.each([
    ['previously_seen_running_windows_services', [{ name: 'append', value: 't' }]],
    ['cim_cloud_domains.csv', [{ name: 'append', value: 'T' }]],
    ['linux_tool_discovery_process.csv', []],
  ])('%s', (name, options) => {
    const node = uses.nodes.find((u) => (u.node.lookup as { name: string }).name === name)!.node;
    expect(node).toMatchObject({ kind: 'inputlookup', options, where: null });
  });
});

describe('inputlookup: syntax errors (P005 naming inputlookup)', () => {
  it.each([
    ['| inputlookup', 'a lookup name'],
    ['| inputlookup append=t', 'a lookup name'],
    ['| inputlookup x where', '"NOT", "(", "[" or a search term'],
  ])('%s', (text, expected) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at: '', start: text.length, params: { command: 'inputlookup', expected } });
  });
});
