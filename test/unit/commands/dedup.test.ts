// dedup: `dedup [<int>] <field-list> [keepevents=] [keepempty=] [consecutive=] [sortby <sort-by-clause>]`.
// https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/dedup
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('dedup: documented forms', () => {
  it('one field; several fields with spaces or commas', () => {
    expect(lastCommand('* | dedup host')).toEqual({ kind: 'dedup', count: null, fields: [{ name: 'host' }], options: [], sortBy: [] });
    expect(lastCommand('* | dedup 2 source, host')).toMatchObject({ count: 2, fields: [{ name: 'source' }, { name: 'host' }] });
    expect(lastCommand('* | dedup user.username user.groups{}')).toMatchObject({ fields: [{ name: 'user.username' }, { name: 'user.groups{}' }] });
  });

  it('a lone integer is a field name, not the count', () => {
    expect(lastCommand('* | dedup 3')).toMatchObject({ count: null, fields: [{ name: '3' }] });
  });

  it('options before, among or after the fields', () => {
    expect(lastCommand('* | dedup source keepempty=true consecutive=true')).toMatchObject({
      fields: [{ name: 'source' }],
      options: [{ name: 'keepempty', value: 'true' }, { name: 'consecutive', value: 'true' }],
    });
    expect(lastCommand('* | dedup keepevents=t a b')).toMatchObject({ options: [{ name: 'keepevents' }], fields: [{ name: 'a' }, { name: 'b' }] });
  });

  it('sortby takes sort keys', () => {
    expect(lastCommand('* | dedup source sortby +_time')).toMatchObject({ sortBy: [{ field: '_time', descending: false, type: null }] });
    expect(lastCommand('* | dedup id sortby -_time, num(size) keepempty=t')).toMatchObject({
      fields: [{ name: 'id' }],
      sortBy: [{ field: '_time', descending: true }, { field: 'size', type: 'num' }],
      options: [{ name: 'keepempty' }],
    });
  });

  it('spans: the command, the fields and the sort keys', () => {
    const text = '* | dedup 3 a, b sortby -c';
    const c = lastCommandNode(text, 'dedup');
    expect(spanText(text, c.span)).toBe('dedup 3 a, b sortby -c');
    expect(c.fields.map((f) => spanText(text, f.span))).toEqual(['a', 'b']);
    expect(spanText(text, c.sortBy[0]!.span)).toBe('-c');
  });

  it('prints canonically and round-trips', () => {
    expect(roundTrip('* | dedup  host,process_name')).toEqual({ printed: '* | dedup host process_name', same: true });
    expect(roundTrip('* | dedup 2 keepempty=true x sortby - _time')).toEqual({ printed: '* | dedup 2 x keepempty=true sortby -_time', same: true });
    expect(roundTrip('* | dedup keepempty=true 2 x')).toEqual({ printed: '* | dedup "2" x keepempty=true', same: true });
    expect(roundTrip('* | dedup "3" "sortby"')).toEqual({ printed: '* | dedup "3" "sortby"', same: true });
  });
});

describe('dedup: every corpus use parses into a dedup node', () => {
  it('all of them', () => {
    const uses = corpusUses('dedup');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(20);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('dedup: syntax errors (P005 naming dedup)', () => {
  it.each([
    ['* | dedup', '', 'a field name', 'the end of the search'],
    ['* | dedup keepempty=true', '', 'a field name', 'the end of the search'],
    ['* | dedup 3 keepempty=true', '', 'a field name', 'the end of the search'],
    ['* | dedup x sortby', '', 'a field name', 'the end of the search'],
    ['* | dedup x sortby | head 1', '|', 'a field name', '"|"'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'dedup', expected, found } });
  });
});
