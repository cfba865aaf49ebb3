// makecontinuous: an optional field and bin options (bins, span, start, end).
// https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/makecontinuous
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('makecontinuous: documented forms', () => {
  it.each([
    ['* | makecontinuous _time span=10m', { name: '_time' }, [{ name: 'span', value: '10m' }]],
    ['* | makecontinuous span=1h _time', { name: '_time' }, [{ name: 'span', value: '1h' }]],
    ['* | makecontinuous size bins=10 start=0 end=1000', { name: 'size' }, [{ name: 'bins' }, { name: 'start' }, { name: 'end' }]],
    ['* | makecontinuous span=1h', null, [{ name: 'span' }]],
  ])('%s', (text, field, options) => {
    expect(lastCommand(text)).toMatchObject({ kind: 'makecontinuous', field, options });
  });

  it('spans and round trip', () => {
    const text = '* | makecontinuous span=1h _time';
    expect(spanText(text, lastCommandNode(text, 'makecontinuous').field!.span)).toBe('_time');
    expect(roundTrip(text)).toEqual({ printed: '* | makecontinuous _time span=1h', same: true });
  });
});

describe('makecontinuous: every corpus use parses into a makecontinuous node', () => {
  it('all of them', () => {
    const uses = corpusUses('makecontinuous');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(0);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('makecontinuous: syntax errors (P005 naming makecontinuous)', () => {
  it('an option without a value', () => {
    expect(syntaxFailure('* | makecontinuous _time span=')).toMatchObject({
      code: 'P005', at: '', params: { command: 'makecontinuous', expected: 'a field name', found: 'the end of the search' },
    });
  });
});
