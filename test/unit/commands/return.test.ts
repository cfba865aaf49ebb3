// return: [count] then fields, alias=field pairs and $field values in any order (no corpus use).
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/return
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('return: documented forms', () => {
  it.each([
    ['return source', null, [{ kind: 'field', field: 'source' }]],
    ['return ip=srcip', null, [{ kind: 'alias', alias: 'ip', field: 'srcip' }]],
    ['return $srcip', null, [{ kind: 'value', field: 'srcip' }]],
    ['return 2 ip', 2, [{ kind: 'field', field: 'ip' }]],
    ['return 10 $host user=u src', 10, [{ kind: 'value', field: 'host' }, { kind: 'alias', alias: 'user', field: 'u' }, { kind: 'field', field: 'src' }]],
    ['return', null, []],
  ])('%s', (cmd, count, items) => {
    expect(lastCommand(`* | ${cmd}`)).toEqual({ kind: 'return', count, items });
  });

  it('spans of the items', () => {
    const text = '* | return 3 ip=srcip $dest';
    const c = lastCommandNode(text, 'return');
    expect(spanText(text, c.span)).toBe('return 3 ip=srcip $dest');
    expect(c.items.map((i) => spanText(text, i.span))).toEqual(['ip=srcip', '$dest']);
  });

  it('round-trips', () => {
    expect(roundTrip('* | return 2  ip=srcip  $dest source')).toEqual({ printed: '* | return 2 ip=srcip $dest source', same: true });
    expect(roundTrip('* | return $"odd name"').same).toBe(true);
  });

  it('has no use in the corpus to check', () => {
    expect(corpusUses('return')).toMatchObject({ searches: 0, problems: [] });
  });
});

describe('return: syntax errors (P005 naming return)', () => {
  it.each([
    ['* | return ip=', '', 'a field name', 'the end of the search'],
    ['* | return ip=(x)', '(', 'a field name', '"("'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'return', expected, found } });
  });
});
