// transaction: group events by fields and constraints; startswith=/endswith= take a filter.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/transaction
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

const cmp = (field: string, op: string, text: string, quoted = false) => ({ kind: 'Compare', field, op, value: { text, quoted } });

describe('transaction: documented forms', () => {
  it('fields and constraint options', () => {
    expect(lastCommand('* | transaction host cookie maxspan=30s maxpause=5s')).toEqual({
      kind: 'transaction',
      fields: [{ name: 'host' }, { name: 'cookie' }],
      options: [
        { name: 'maxspan', value: '30s', quoted: false },
        { name: 'maxpause', value: '5s', quoted: false },
      ],
      startswith: null,
      endswith: null,
    });
  });

  it('a comma-separated field list', () => {
    expect(lastCommand('* | transaction host,cookie')).toMatchObject({ fields: [{ name: 'host' }, { name: 'cookie' }] });
  });

  it('no arguments', () => {
    expect(lastCommand('* | transaction')).toEqual({ kind: 'transaction', fields: [], options: [], startswith: null, endswith: null });
  });

  it('startswith/endswith as quoted search strings', () => {
    expect(lastCommand('* | transaction clientip startswith="signon" endswith="purchase"')).toMatchObject({
      startswith: { kind: 'string', search: { text: 'signon', quoted: true } },
      endswith: { kind: 'string', search: { text: 'purchase', quoted: true } },
    });
  });

  it('a parenthesised search filter', () => {
    expect(lastCommand('* | transaction ObjectDN startswith=(EventCode=5137) endswith=(EventCode=5141)')).toMatchObject({
      fields: [{ name: 'ObjectDN' }],
      startswith: { kind: 'search', expr: cmp('EventCode', '=', '5137') },
      endswith: { kind: 'search', expr: cmp('EventCode', '=', '5141') },
    });
  });

  it('an eval filter', () => {
    expect(lastCommand('* | transaction startswith=eval(speed_field < max_speed_field/12)')).toMatchObject({
      startswith: {
        kind: 'eval',
        expr: { kind: 'Binary', op: '<', left: { kind: 'Field', name: 'speed_field' }, right: { kind: 'Binary', op: '/' } },
      },
    });
  });

  it('option names in mixed case (security_content: startsWith=, endsWith=)', () => {
    expect(lastCommand('* | transaction user startsWith=(operationName="Enable account") endsWith=(operationName="Reset password (by admin)") maxspan=2m')).toEqual({
      kind: 'transaction',
      fields: [{ name: 'user' }],
      options: [{ name: 'maxspan', value: '2m', quoted: false }],
      startswith: { kind: 'search', expr: { ...cmp('operationName', '=', 'Enable account', true), value: { text: 'Enable account', quoted: true, caseSensitive: false, term: false } } },
      endswith: { kind: 'search', expr: { ...cmp('operationName', '=', 'Reset password (by admin)', true), value: { text: 'Reset password (by admin)', quoted: true, caseSensitive: false, term: false } } },
    });
  });

  it('a filter with several terms', () => {
    expect(lastCommand('* | transaction ObjectDN startswith=(EventCode=5136 OperationType="%%14674")')).toMatchObject({
      startswith: { kind: 'search', expr: { kind: 'And', items: [cmp('EventCode', '=', '5136'), cmp('OperationType', '=', '%%14674', true)] } },
    });
  });

  it('memory and rendering options stay in options, in order', () => {
    const c = lastCommand('* | transaction dest connected=false keepevicted=true mvlist=true name=t1') as { options: { name: string }[] };
    expect(c.options.map((o) => o.name)).toEqual(['connected', 'keepevicted', 'mvlist', 'name']);
  });
});

describe('transaction: spans', () => {
  it('the command, each field, option and filter', () => {
    const text = '* | transaction user startsWith=(a=1) maxspan=2m';
    const c = lastCommandNode(text, 'transaction');
    expect(spanText(text, c.span)).toBe('transaction user startsWith=(a=1) maxspan=2m');
    expect(spanText(text, c.fields[0]!.span)).toBe('user');
    expect(spanText(text, c.options[0]!.span)).toBe('maxspan=2m');
    expect(spanText(text, c.startswith!.span)).toBe('(a=1)');
  });
});

describe('transaction: canonical printing', () => {
  it.each([
    [
      '* | transaction user startsWith=(operationName="Enable account") endsWith=(operationName="Reset password (by admin)") maxspan=2m',
      '* | transaction user maxspan=2m startswith=(operationName="Enable account") endswith=(operationName="Reset password (by admin)")',
    ],
    ['* | transaction Task_Name  startswith=(EventCode=4698) endswith=(EventCode=4699)', '* | transaction Task_Name startswith=(EventCode=4698) endswith=(EventCode=4699)'],
    ['* | transaction host,cookie startswith="login" endswith=eval(x>1)', '* | transaction host cookie startswith="login" endswith=eval(x > 1)'],
    ['* | transaction maxspan=5m src startswith=login', '* | transaction src maxspan=5m startswith=login'],
  ])('%s', (text, printed) => {
    expect(roundTrip(text)).toEqual({ printed, same: true });
  });
});

describe('transaction: every corpus use parses into a transaction node', () => {
  it('all of them', () => {
    const uses = corpusUses('transaction');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThanOrEqual(8);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
    for (const { node } of uses.nodes) expect((node.fields as unknown[]).length).toBeGreaterThan(0);
  });
});

describe('transaction: syntax errors (P005, naming transaction)', () => {
  it.each([
    ['* | transaction a startswith=', 29, '', 'a value', 'the end of the search'],
    ['* | transaction a maxspan=(5m)', 26, '(', 'a value', '"("'],
    ['* | transaction a maxspan=eval(1)', 26, 'eval', 'a value', '"eval"'],
    ['* | transaction a startswith=()', 30, ')', '"NOT", "(", "[" or a search term', '")"'],
    ['* | transaction a endswith=eval()', 32, ')', 'an expression', '")"'],
  ])('%s', (text, start, at, expected, found) => {
    expect(syntaxFailure(text)).toEqual({ code: 'P005', at, start, params: { command: 'transaction', expected, found } });
  });
});
