// fillnull: `fillnull [value=<string>] [<field-list>]`, options and fields in any order.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/fillnull
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('fillnull: documented forms', () => {
  it('no arguments: every field, value 0', () => {
    expect(lastCommand('* | fillnull')).toEqual({ kind: 'fillnull', options: [], fields: [] });
  });

  it('value= and a field list (commas or spaces)', () => {
    expect(lastCommand('* | fillnull value=0 unique_accounts, unique_src')).toEqual({
      kind: 'fillnull',
      options: [{ name: 'value', value: '0', quoted: false }],
      fields: [{ name: 'unique_accounts' }, { name: 'unique_src' }],
    });
    expect(lastCommand('* | fillnull value="m1.small" requestParameters.instanceType')).toMatchObject({
      options: [{ name: 'value', value: 'm1.small', quoted: true }],
      fields: [{ name: 'requestParameters.instanceType' }],
    });
    expect(lastCommand('* | fillnull value=* dest dest_pci_domain')).toMatchObject({ options: [{ value: '*' }], fields: [{ name: 'dest' }, { name: 'dest_pci_domain' }] });
  });

  it('value= after the fields', () => {
    expect(lastCommand('* | fillnull a b value=NULL')).toMatchObject({ options: [{ name: 'value', value: 'NULL' }], fields: [{ name: 'a' }, { name: 'b' }] });
  });

  it('spans', () => {
    const text = '* | fillnull value=x a';
    const c = lastCommandNode(text, 'fillnull');
    expect(spanText(text, c.span)).toBe('fillnull value=x a');
    expect(spanText(text, c.options[0]!.span)).toBe('value=x');
    expect(spanText(text, c.fields[0]!.span)).toBe('a');
  });

  it('prints canonically and round-trips', () => {
    expect(roundTrip('* | fillnull a, b value="Unknown"')).toEqual({ printed: '* | fillnull value="Unknown" a b', same: true });
    expect(roundTrip('* | fillnull')).toEqual({ printed: '* | fillnull', same: true });
  });
});

describe('fillnull: every corpus use parses into a fillnull node', () => {
  it('all of them', () => {
    const uses = corpusUses('fillnull');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(45);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('fillnull: syntax errors (P005 naming fillnull)', () => {
  it.each([
    ['* | fillnull value=', '', 'a field name', 'the end of the search'],
    ['* | fillnull value= | head 1', '|', 'a field name', '"|"'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'fillnull', expected, found } });
  });
});
