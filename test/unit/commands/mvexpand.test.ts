// mvexpand: one result per value of a multivalue field; limit= caps the values expanded.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/mvexpand
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('mvexpand: documented forms', () => {
  it('a field', () => {
    expect(lastCommand('* | mvexpand foo')).toEqual({ kind: 'mvexpand', options: [], field: { name: 'foo' } });
  });

  it('limit= after the field (as documented) or before it', () => {
    const expected = { kind: 'mvexpand', options: [{ name: 'limit', value: '100', quoted: false }], field: { name: 'foo' } };
    expect(lastCommand('* | mvexpand foo limit=100')).toEqual(expected);
    expect(lastCommand('* | mvexpand limit=100 foo')).toEqual(expected);
  });

  it('spans', () => {
    const text = '* | mvexpand new_ace limit=5';
    const c = lastCommandNode(text, 'mvexpand');
    expect(spanText(text, c.span)).toBe('mvexpand new_ace limit=5');
    expect(spanText(text, c.field.span)).toBe('new_ace');
    expect(spanText(text, c.options[0]!.span)).toBe('limit=5');
  });

  it.each([
    ['* | mvexpand  foo  limit=3', '* | mvexpand limit=3 foo'],
    ['* | mvexpand "a b"', '* | mvexpand "a b"'],
  ])('prints %s canonically', (text, printed) => {
    expect(roundTrip(text)).toEqual({ printed, same: true });
  });
});

describe('mvexpand: every corpus use parses into a mvexpand node', () => {
  it('all of them', () => {
    const uses = corpusUses('mvexpand');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(20);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('mvexpand: syntax errors (P005, naming mvexpand)', () => {
  it.each([
    ['* | mvexpand', 12, '', 'a field name', 'the end of the search'],
    ['* | mvexpand limit=5', 20, '', 'a field name', 'the end of the search'],
    ['* | mvexpand a b', 15, 'b', 'an option such as limit=<int>', '"b"'],
    ['* | mvexpand a limit=', 21, '', 'a field name', 'the end of the search'],
  ])('%s', (text, start, at, expected, found) => {
    expect(syntaxFailure(text)).toEqual({ code: 'P005', at, start, params: { command: 'mvexpand', expected, found } });
  });
});
