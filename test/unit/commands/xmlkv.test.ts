// xmlkv: key-value pairs from XML in a field, _raw by default.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/xmlkv
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('xmlkv: documented forms', () => {
  it('no arguments: _raw (field null)', () => {
    expect(lastCommand('* | xmlkv')).toEqual({ kind: 'xmlkv', options: [], field: null });
  });

  it('a field and maxinputs=', () => {
    expect(lastCommand('* | xmlkv UserData_Xml maxinputs=10000')).toEqual({
      kind: 'xmlkv',
      options: [{ name: 'maxinputs', value: '10000', quoted: false }],
      field: { name: 'UserData_Xml' },
    });
    expect(lastCommand('* | xmlkv maxinputs=10')).toEqual({ kind: 'xmlkv', options: [{ name: 'maxinputs', value: '10', quoted: false }], field: null });
  });

  it('spans', () => {
    const text = '* | xmlkv Message';
    const c = lastCommandNode(text, 'xmlkv');
    expect(spanText(text, c.span)).toBe('xmlkv Message');
    expect(spanText(text, c.field!.span)).toBe('Message');
  });

  it.each([
    ['* | xmlkv  Message', '* | xmlkv Message'],
    ['* | xmlkv Message maxinputs=5', '* | xmlkv maxinputs=5 Message'],
    ['* | xmlkv', '* | xmlkv'],
  ])('prints %s canonically', (text, printed) => {
    expect(roundTrip(text)).toEqual({ printed, same: true });
  });
});

describe('xmlkv: every corpus use parses into a xmlkv node', () => {
  it('all of them, each naming its field', () => {
    const uses = corpusUses('xmlkv');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThanOrEqual(8);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
    for (const { node } of uses.nodes) expect(node.field).not.toBeNull();
  });
});

describe('xmlkv: syntax errors (P005, naming xmlkv)', () => {
  it.each([
    ['* | xmlkv a b', 12, 'b', 'an option such as maxinputs=<int>', '"b"'],
    ['* | xmlkv maxinputs=', 20, '', 'a field name', 'the end of the search'],
  ])('%s', (text, start, at, expected, found) => {
    expect(syntaxFailure(text)).toEqual({ code: 'P005', at, start, params: { command: 'xmlkv', expected, found } });
  });
});
