// outputlookup: options before or after the lookup name.
// https://help.splunk.com/en/splunk-enterprise/search/spl-search-reference/10.0/search-commands/outputlookup
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('outputlookup: documented forms', () => {
  it('options and a file name', () => {
    expect(lastCommand('* | outputlookup append=t create_empty=false override_if_empty=false key_field=id users.csv')).toEqual({
      kind: 'outputlookup',
      options: ['append=t', 'create_empty=false', 'override_if_empty=false', 'key_field=id'].map((o) => {
        const [name, value] = o.split('=');
        return { name, value, quoted: false };
      }),
      lookup: { name: 'users.csv' },
    });
  });

  it('createinapp= before the name (security_content) and options after it', () => {
    expect(lastCommand('* | outputlookup createinapp=true discovered_dns_records')).toMatchObject({ options: [{ name: 'createinapp' }], lookup: { name: 'discovered_dns_records' } });
    expect(lastCommand('* | outputlookup x append=true')).toMatchObject({ options: [{ name: 'append', value: 'true' }], lookup: { name: 'x' } });
  });

  it('the span of the lookup name; canonical print puts options first', () => {
    const text = '* | outputlookup x.csv';
    expect(spanText(text, lastCommandNode(text, 'outputlookup').lookup.span)).toBe('x.csv');
    expect(roundTrip('* | outputlookup  x append=t')).toEqual({ printed: '* | outputlookup append=t x', same: true });
  });
});

describe('outputlookup: security_content searches', () => {
  const uses = corpusUses('outputlookup');

  it('every corpus use parses into an outputlookup node', () => {
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThanOrEqual(64);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });

  it.each([
    ['previously_seen_provisioning_activity_src.csv', []],
    ['discovered_dns_records', [{ name: 'createinapp', value: 'true' }]],
  ])('%s', (name, options) => {
    const node = uses.nodes.find((u) => (u.node.lookup as { name: string }).name === name)!.node;
    expect(node).toMatchObject({ kind: 'outputlookup', options });
  });
});

describe('outputlookup: syntax errors (P005 naming outputlookup)', () => {
  it.each(['* | outputlookup', '* | outputlookup append=t'])('%s', (text) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at: '', start: text.length, params: { command: 'outputlookup', expected: 'a lookup name' } });
  });
});
