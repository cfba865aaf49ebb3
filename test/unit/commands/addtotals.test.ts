// addtotals: `addtotals [row=] [col=] [labelfield=] [label=] [fieldname=] [<field-list>]`.
// https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/addtotals
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('addtotals: documented forms', () => {
  it('no arguments; options; a field list with wildcards', () => {
    expect(lastCommand('* | addtotals')).toEqual({ kind: 'addtotals', options: [], fields: [] });
    expect(lastCommand('* | addtotals row=f col=t labelfield=change_name label=ALL')).toMatchObject({
      options: [{ name: 'row' }, { name: 'col' }, { name: 'labelfield' }, { name: 'label', value: 'ALL' }],
      fields: [],
    });
    expect(lastCommand('* | addtotals fieldname=Score count*')).toMatchObject({ options: [{ name: 'fieldname', value: 'Score' }], fields: [{ name: 'count*' }] });
  });

  it('commas after the options and between fields (security_content)', () => {
    expect(lastCommand('* | addtotals fieldname=Score, jndi, jndi_proto env_var')).toMatchObject({
      options: [{ name: 'fieldname', value: 'Score' }],
      fields: [{ name: 'jndi' }, { name: 'jndi_proto' }, { name: 'env_var' }],
    });
  });

  it('spans', () => {
    const text = '* | addtotals fieldname=S a';
    const c = lastCommandNode(text, 'addtotals');
    expect(spanText(text, c.span)).toBe('addtotals fieldname=S a');
    expect(spanText(text, c.fields[0]!.span)).toBe('a');
  });

  it('prints canonically and round-trips', () => {
    expect(roundTrip('* | addtotals a, fieldname=Score, b')).toEqual({ printed: '* | addtotals fieldname=Score a b', same: true });
  });
});

describe('addtotals: every corpus use parses into an addtotals node', () => {
  it('all of them', () => {
    const uses = corpusUses('addtotals');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThanOrEqual(4);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('addtotals: syntax errors (P005 naming addtotals)', () => {
  it.each([
    ['* | addtotals fieldname=', '', 'a field name', 'the end of the search'],
    ['* | addtotals label= | head 1', '|', 'a field name', '"|"'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'addtotals', expected, found } });
  });
});
