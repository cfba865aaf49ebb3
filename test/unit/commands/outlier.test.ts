// outlier: action/mark/param/uselower options and fields, in any order.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/outlier
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, roundTrip, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('outlier: documented forms', () => {
  it.each([
    ['* | outlier', [], []],
    ['* | outlier action=RM count', [{ name: 'action', value: 'RM' }], [{ name: 'count' }]],
    ['* | outlier action=transform mark=true param=3 uselower=true cpu memory', [{ name: 'action' }, { name: 'mark' }, { name: 'param', value: '3' }, { name: 'uselower' }], [{ name: 'cpu' }, { name: 'memory' }]],
  ])('%s', (text, options, fields) => {
    expect(lastCommand(text)).toMatchObject({ kind: 'outlier', options, fields });
  });

  it('round-trips', () => {
    expect(roundTrip('* | outlier count action=RM')).toEqual({ printed: '* | outlier action=RM count', same: true });
  });
});

describe('outlier: every corpus use parses into an outlier node', () => {
  it('all of them', () => {
    const uses = corpusUses('outlier');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(0);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('outlier: syntax errors (P005 naming outlier)', () => {
  it('an option without a value', () => {
    expect(syntaxFailure('* | outlier param=(2)')).toMatchObject({ code: 'P005', at: '(', params: { command: 'outlier', expected: 'a field name', found: '"("' } });
  });
});
