// fromjson: fields from a JSON object held in a field, optionally prefixed.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/fromjson
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('fromjson: documented forms', () => {
  it('a field', () => {
    expect(lastCommand('* | fromjson Data')).toEqual({ kind: 'fromjson', options: [], field: { name: 'Data' } });
  });

  it('prefix= after the field (as documented) or before it', () => {
    const expected = { kind: 'fromjson', options: [{ name: 'prefix', value: 'json_', quoted: false }], field: { name: 'properties' } };
    expect(lastCommand('* | fromjson properties prefix=json_')).toEqual(expected);
    expect(lastCommand('* | fromjson prefix=json_ properties')).toEqual(expected);
  });

  it('spans', () => {
    const text = '* | fromjson Data prefix=d_';
    const c = lastCommandNode(text, 'fromjson');
    expect(spanText(text, c.span)).toBe('fromjson Data prefix=d_');
    expect(spanText(text, c.field.span)).toBe('Data');
  });

  it('prints canonically', () => {
    expect(roundTrip('* | fromjson  Data prefix="p "')).toEqual({ printed: '* | fromjson prefix="p " Data', same: true });
  });
});

describe('fromjson: every corpus use parses into a fromjson node', () => {
  it('all of them', () => {
    const uses = corpusUses('fromjson');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThanOrEqual(4);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('fromjson: syntax errors (P005, naming fromjson)', () => {
  it.each([
    ['* | fromjson', 12, '', 'a field name', 'the end of the search'],
    ['* | fromjson a b', 15, 'b', 'an option such as prefix=<string>', '"b"'],
  ])('%s', (text, start, at, expected, found) => {
    expect(syntaxFailure(text)).toEqual({ code: 'P005', at, start, params: { command: 'fromjson', expected, found } });
  });
});
