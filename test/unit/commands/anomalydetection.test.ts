// anomalydetection: method/action/pthresh/cutoff options and fields, in any order.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.1/search-commands/anomalydetection
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, roundTrip, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('anomalydetection: documented forms', () => {
  it.each([
    ['* | anomalydetection', [], []],
    ['* | anomalydetection method=zscore action=filter pthresh=0.05', [{ name: 'method', value: 'zscore' }, { name: 'action' }, { name: 'pthresh' }], []],
    ['* | anomalydetection "count" "user_type" "user_arn" action=annotate', [{ name: 'action', value: 'annotate' }], [{ name: 'count' }, { name: 'user_type' }, { name: 'user_arn' }]],
    ['* | anomalydetection method=iqr action=remove cutoff=false size', [{ name: 'method' }, { name: 'action' }, { name: 'cutoff' }], [{ name: 'size' }]],
  ])('%s', (text, options, fields) => {
    expect(lastCommand(text)).toMatchObject({ kind: 'anomalydetection', options, fields });
  });

  it('round-trips', () => {
    expect(roundTrip('* | anomalydetection "count" "user type" action=annotate')).toEqual({
      printed: '* | anomalydetection action=annotate count "user type"',
      same: true,
    });
  });
});

describe('anomalydetection: every corpus use parses into an anomalydetection node', () => {
  it('all of them', () => {
    const uses = corpusUses('anomalydetection');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(0);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('anomalydetection: syntax errors (P005 naming anomalydetection)', () => {
  it('an option without a value', () => {
    expect(syntaxFailure('* | anomalydetection count action=')).toMatchObject({
      code: 'P005', at: '', params: { command: 'anomalydetection', expected: 'a field name' },
    });
  });
});
