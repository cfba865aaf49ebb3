// rare: `rare [<top-options>...] <field-list> [BY <field-list>]` (top's grammar without N).
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/rare
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('rare: documented forms', () => {
  it('fields, options and BY', () => {
    expect(lastCommand('* | rare url')).toEqual({ kind: 'rare', options: [], fields: [{ name: 'url' }], by: [] });
    expect(lastCommand('* | rare limit=3 showperc=f user by host')).toMatchObject({
      options: [{ name: 'limit', value: '3' }, { name: 'showperc', value: 'f' }],
      fields: [{ name: 'user' }],
      by: [{ name: 'host' }],
    });
  });

  it('a leading number is a field name (rare has no N)', () => {
    expect(lastCommand('* | rare 5 x')).toMatchObject({ fields: [{ name: '5' }, { name: 'x' }] });
  });

  it('spans and round trip', () => {
    const text = '* | rare a by b';
    expect(spanText(text, lastCommandNode(text, 'rare').span)).toBe('rare a by b');
    expect(roundTrip('* | rare countfield=n a , b')).toEqual({ printed: '* | rare countfield=n a b', same: true });
  });
});

describe('rare: every corpus use parses into a rare node', () => {
  it('all of them', () => {
    const uses = corpusUses('rare');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThanOrEqual(3);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('rare: syntax errors (P005 naming rare)', () => {
  it.each([
    ['* | rare', '', 'a field name', 'the end of the search'],
    ['* | rare x by', '', 'a field name', 'the end of the search'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'rare', expected, found } });
  });
});
