// streamstats: `streamstats [reset_on_change=] [reset_before=(<expr>)] [reset_after=(<expr>)]
// [current=] [window=] [time_window=] [global=] [allnum=] <stats-agg-term>... [BY <field-list>]`
// (spec 03 T17). https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/streamstats
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('streamstats: documented forms', () => {
  it('options before the aggregations', () => {
    expect(lastCommand('* | streamstats window=5 current=f global=t reset_on_change=t time_window=1h count by x')).toEqual({
      kind: 'streamstats',
      options: ['window', 'current', 'global', 'reset_on_change', 'time_window'].map((name, i) => ({
        name, value: ['5', 'f', 't', 't', '1h'][i], quoted: false,
      })),
      resetBefore: null,
      resetAfter: null,
      aggregations: [{ fn: 'count', arg: null, text: 'count', as: null }],
      by: [{ name: 'x' }],
    });
  });

  it('options after the aggregations (spec 03 T17: `streamstats count current=f`) and after BY', () => {
    expect(lastCommand('* | streamstats count current=f')).toMatchObject({ options: [{ name: 'current', value: 'f' }], aggregations: [{ fn: 'count' }] });
    expect(lastCommand('* | streamstats count by action reset_on_change=true')).toMatchObject({ options: [{ name: 'reset_on_change' }], by: [{ name: 'action' }] });
  });

  it('reset_before/reset_after keep their expression as text, from (...) or a quoted string', () => {
    expect(lastCommand('* | streamstats reset_after=(action="REBOOT") sum(bytes) AS total_bytes BY host')).toMatchObject({
      options: [],
      resetAfter: { text: 'action="REBOOT"' },
      aggregations: [{ fn: 'sum', as: 'total_bytes' }],
    });
    expect(lastCommand('* | streamstats count reset_before="(x>1 AND y!=\\"a\\")"')).toMatchObject({ resetBefore: { text: 'x>1 AND y!="a"' }, options: [] });
  });

  it('security_content forms', () => {
    expect(lastCommand('* | streamstats window=2 current=1 range(_time) as TimeDelta by session_id')).toMatchObject({
      options: [{ name: 'window', value: '2' }, { name: 'current', value: '1' }],
      aggregations: [{ fn: 'range', arg: { name: '_time' }, as: 'TimeDelta' }],
    });
    expect(lastCommand('* | streamstats time_window=1d count values(dest_ip) as dcip by src_ip')).toMatchObject({
      aggregations: [{ fn: 'count' }, { fn: 'values', as: 'dcip' }],
    });
  });

  it('spans: the reset expression covers its text only', () => {
    const text = '* | streamstats reset_after=( x>1 ) count';
    const c = lastCommandNode(text, 'streamstats');
    expect(spanText(text, c.span)).toBe('streamstats reset_after=( x>1 ) count');
    expect(spanText(text, c.resetAfter!.span)).toBe('x>1');
  });

  it('prints canonically and round-trips', () => {
    expect(roundTrip('* | streamstats count reset_after="(n>3)" window=3')).toEqual({ printed: '* | streamstats window=3 reset_after=(n>3) count', same: true });
    expect(roundTrip('* | streamstats reset_before=(a == "x y") count by h')).toEqual({ printed: '* | streamstats reset_before=(a == "x y") count BY h', same: true });
  });
});

describe('streamstats: every corpus use parses into a streamstats node', () => {
  it('all of them', () => {
    const uses = corpusUses('streamstats');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThanOrEqual(3);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('streamstats: syntax errors (P005 naming streamstats)', () => {
  it.each([
    ['* | streamstats', '', 'an aggregation such as count', 'the end of the search'],
    ['* | streamstats window=5', '', 'an aggregation such as count', 'the end of the search'],
    ['* | streamstats reset_after=', '', 'a value', 'the end of the search'],
    ['* | streamstats window=(5) count', '(', 'a value', '"("'],
    ['* | streamstats count as', '', 'a field name', 'the end of the search'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'streamstats', expected, found } });
  });
});
