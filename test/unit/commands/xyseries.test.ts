// xyseries: `xyseries [grouped=<bool>] <x-field> <y-name-field> <y-data-field>... [sep=] [format=]`.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.3/search-commands/xyseries
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('xyseries: documented forms', () => {
  it('x, y-name and one data field', () => {
    expect(lastCommand('* | xyseries _time host count')).toEqual({
      kind: 'xyseries', options: [], x: { name: '_time' }, yName: { name: 'host' }, yData: [{ name: 'count' }],
    });
  });

  it('several data fields separated by commas; options before and after', () => {
    expect(lastCommand('* | xyseries grouped=true _time host count, avg sep=_ format="$VAL$-$AGG$"')).toMatchObject({
      options: [{ name: 'grouped', value: 'true' }, { name: 'sep', value: '_' }, { name: 'format', value: '$VAL$-$AGG$', quoted: true }],
      x: { name: '_time' },
      yName: { name: 'host' },
      yData: [{ name: 'count' }, { name: 'avg' }],
    });
  });

  it('spans', () => {
    const text = '* | xyseries a b c, d';
    const c = lastCommandNode(text, 'xyseries');
    expect(spanText(text, c.span)).toBe('xyseries a b c, d');
    expect([c.x, c.yName, ...c.yData].map((f) => spanText(text, f.span))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('prints canonically and round-trips', () => {
    expect(roundTrip('* | xyseries a b c d sep=":"')).toEqual({ printed: '* | xyseries sep=":" a b c, d', same: true });
  });
});

describe('xyseries: corpus uses', () => {
  it('security_content has none; nothing left generic', () => {
    expect(corpusUses('xyseries').problems).toEqual([]);
  });
});

describe('xyseries: syntax errors (P005 naming xyseries)', () => {
  it.each([
    ['* | xyseries', '', 'a field name', 'the end of the search'],
    ['* | xyseries a b', '', 'a field name', 'the end of the search'],
    ['* | xyseries a b sep=_', 'sep', 'a field name', '"sep"'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'xyseries', expected, found } });
  });
});
