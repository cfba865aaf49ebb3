// makeresults: a generating command of options only (no corpus use).
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/makeresults
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('makeresults: documented forms', () => {
  it.each([
    ['| makeresults', []],
    ['| makeresults count=5', [{ name: 'count', value: '5', quoted: false }]],
    ['| makeresults count=3 annotate=true splunk_server=local', [{ name: 'count' }, { name: 'annotate', value: 'true' }, { name: 'splunk_server', value: 'local' }]],
    ['| makeresults format=csv data="a,b\n1,2"', [{ name: 'format', value: 'csv' }, { name: 'data', value: 'a,b\n1,2', quoted: true }]],
  ])('%s', (text, options) => {
    expect(lastCommand(text)).toMatchObject({ kind: 'makeresults', options });
  });

  it('spans and round trip', () => {
    const text = '| makeresults count=2';
    expect(spanText(text, lastCommandNode(text, 'makeresults').span)).toBe('makeresults count=2');
    expect(roundTrip('|  makeresults  count=2 annotate=t')).toEqual({ printed: '| makeresults count=2 annotate=t', same: true });
  });

  it('inside a subsearch', () => {
    expect(lastCommand('* | append [| makeresults count=1]')).toMatchObject({ subsearch: { commands: [{ kind: 'makeresults' }] } });
  });

  it('has no use in the corpus to check', () => {
    expect(corpusUses('makeresults')).toMatchObject({ searches: 0, problems: [] });
  });
});

describe('makeresults: syntax errors (P005 naming makeresults)', () => {
  it.each([
    ['| makeresults count=', '', 'a field name', 'the end of the search'],
    ['| makeresults count=(1)', '(', 'a field name', '"("'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'makeresults', expected, found } });
  });
});
