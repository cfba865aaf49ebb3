// eventstats: `eventstats [allnum=<bool>] <stats-agg-term>... [BY <field-list>]` (spec 03 T16).
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.0/search-commands/eventstats
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('eventstats: documented forms', () => {
  it('one aggregation with AS and BY', () => {
    expect(lastCommand('* | eventstats avg(duration) AS avgdur BY date_minute')).toEqual({
      kind: 'eventstats',
      options: [],
      aggregations: [{ fn: 'avg', arg: { kind: 'field', name: 'duration' }, text: 'avg(duration)', as: 'avgdur' }],
      by: [{ name: 'date_minute' }],
    });
  });

  it('allnum, several aggregations with and without commas, BY with commas', () => {
    expect(lastCommand('* | eventstats allnum=t avg(a) as x , stdev(a) as y count by s, t')).toMatchObject({
      options: [{ name: 'allnum', value: 't' }],
      aggregations: [{ fn: 'avg', as: 'x' }, { fn: 'stdev', as: 'y' }, { fn: 'count', arg: null, as: null }],
      by: [{ name: 's' }, { name: 't' }],
    });
  });

  it('eval(...) arguments (security_content)', () => {
    expect(lastCommand('* | eventstats avg(eval(if(_time < relative_time(now(), "@d"), bytes_out, null))) as a')).toMatchObject({
      aggregations: [{ fn: 'avg', arg: { kind: 'eval', expr: { kind: 'Call', name: 'if' } }, as: 'a' }],
    });
  });

  it('spans', () => {
    const text = '* | eventstats max(x) as m by h';
    const c = lastCommandNode(text, 'eventstats');
    expect(spanText(text, c.span)).toBe('eventstats max(x) as m by h');
    expect(spanText(text, c.aggregations[0]!.span)).toBe('max(x) as m');
    expect(spanText(text, c.by[0]!.span)).toBe('h');
  });

  it('prints canonically and round-trips', () => {
    expect(roundTrip('* | eventstats  avg(a) as x, count by b allnum=f')).toEqual({ printed: '* | eventstats allnum=f avg(a) AS x count BY b', same: true });
  });
});

describe('eventstats: every corpus use parses into an eventstats node', () => {
  it('all of them', () => {
    const uses = corpusUses('eventstats');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(60);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('eventstats: syntax errors (P005 naming eventstats)', () => {
  it.each([
    ['* | eventstats', '', 'an aggregation such as count', 'the end of the search'],
    ['* | eventstats allnum=t', '', 'an aggregation such as count', 'the end of the search'],
    ['* | eventstats count by', '', 'a field name', 'the end of the search'],
    ['* | eventstats avg(x) as', '', 'a field name', 'the end of the search'],
    ['* | eventstats by x', 'by', 'an aggregation such as count', '"by"'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'eventstats', expected, found } });
  });
});
