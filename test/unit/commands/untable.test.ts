// untable: `untable <x-field> <y-name-field> <y-data-field>`.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/untable
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('untable: documented forms', () => {
  it('three fields', () => {
    expect(lastCommand('* | untable _time FieldName FieldValue')).toEqual({
      kind: 'untable', x: { name: '_time' }, yName: { name: 'FieldName' }, yData: { name: 'FieldValue' },
    });
  });

  it('spans and round trip', () => {
    const text = '* | untable a, "b c" d';
    const c = lastCommandNode(text, 'untable');
    expect(spanText(text, c.span)).toBe('untable a, "b c" d');
    expect(spanText(text, c.yName.span)).toBe('"b c"');
    expect(roundTrip(text)).toEqual({ printed: '* | untable a "b c" d', same: true });
  });
});

describe('untable: corpus uses', () => {
  it('security_content has none; nothing left generic', () => {
    expect(corpusUses('untable').problems).toEqual([]);
  });
});

describe('untable: syntax errors (P005 naming untable)', () => {
  it.each([
    ['* | untable', '', 'a field name', 'the end of the search'],
    ['* | untable a b', '', 'a field name', 'the end of the search'],
    ['* | untable a b | head 1', '|', 'a field name', '"|"'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'untable', expected, found } });
  });
});
