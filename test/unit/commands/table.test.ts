// table: `table <wc-field-list>`, names separated by spaces and/or commas.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/table
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('table: documented forms', () => {
  it('names, wildcards, commas and quoted names', () => {
    expect(lastCommand('* | table _time, host src*')).toEqual({ kind: 'table', fields: [{ name: '_time' }, { name: 'host' }, { name: 'src*' }] });
    expect(lastCommand('* | table Host, "Update Status", Product')).toMatchObject({ fields: [{ name: 'Host' }, { name: 'Update Status' }, { name: 'Product' }] });
    expect(lastCommand('* | table annotations.authorization.k8s.io/reason sourceIPs{}')).toMatchObject({
      fields: [{ name: 'annotations.authorization.k8s.io/reason' }, { name: 'sourceIPs{}' }],
    });
  });

  it('a name with a group touching it is one name (`predicted(x)` of MLTK apply)', () => {
    expect(lastCommand('* | table predicted(x) y')).toMatchObject({ fields: [{ name: 'predicted(x)' }, { name: 'y' }] });
  });

  it('spans of each field', () => {
    const text = '* | table a, "b c"';
    const c = lastCommandNode(text, 'table');
    expect(spanText(text, c.span)).toBe('table a, "b c"');
    expect(c.fields.map((f) => spanText(text, f.span))).toEqual(['a', '"b c"']);
  });

  it('prints canonically and round-trips', () => {
    expect(roundTrip('* | table  a,b ,  "c d" predicted(e)')).toEqual({ printed: '* | table a b "c d" "predicted(e)"', same: true });
    expect(roundTrip('* | table "by", "x=1"')).toEqual({ printed: '* | table "by" "x=1"', same: true });
  });
});

describe('table: every corpus use parses into a table node', () => {
  it('all of them', () => {
    const uses = corpusUses('table');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(150);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('table: syntax errors (P005 naming table)', () => {
  it.each([
    ['* | table', '', 'a field name', 'the end of the search'],
    ['* | table | head 1', '|', 'a field name', '"|"'],
    ['* | table (a)', '(', 'a field name', '"("'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'table', expected, found } });
  });
});
