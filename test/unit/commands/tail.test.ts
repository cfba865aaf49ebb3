// tail: `tail [<N>]`. https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/tail
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('tail: documented forms', () => {
  it('with and without a count', () => {
    expect(lastCommand('* | tail')).toEqual({ kind: 'tail', count: null });
    expect(lastCommand('* | tail 20')).toEqual({ kind: 'tail', count: 20 });
    expect(lastCommand('* | tail "20"')).toEqual({ kind: 'tail', count: 20 });
  });

  it('span and round trip', () => {
    const text = '* | tail  5 | head 1';
    expect(spanText(text, lastCommandNode('* | tail  5', 'tail').span)).toBe('tail  5');
    expect(roundTrip(text)).toEqual({ printed: '* | tail 5 | head 1', same: true });
    expect(roundTrip('* | tail')).toEqual({ printed: '* | tail', same: true });
  });
});

describe('tail: corpus uses', () => {
  it('security_content has none; nothing left generic', () => {
    expect(corpusUses('tail').problems).toEqual([]);
  });
});

describe('tail: syntax errors (P005 naming tail)', () => {
  it.each([
    ['* | tail x', 'x', 'a number', '"x"'],
    ['* | tail -5', '-5', 'a number', '"-5"'],
    ['* | tail "x"', '"x"', 'a number', '"\\"x\\""'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'tail', expected, found } });
  });
});
