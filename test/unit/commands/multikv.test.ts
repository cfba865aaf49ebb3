// multikv: events from table-formatted events; fields/filter take lists without "=".
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/multikv
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('multikv: documented forms', () => {
  it('no arguments (security_content)', () => {
    expect(lastCommand('* | multikv')).toEqual({ kind: 'multikv', options: [], fields: null, filter: null });
  });

  it('fields <list> and options', () => {
    expect(lastCommand('* | multikv fields COMMAND filter splunkd')).toEqual({
      kind: 'multikv',
      options: [],
      fields: [{ name: 'COMMAND' }],
      filter: [{ text: 'splunkd', quoted: false }],
    });
    expect(lastCommand('* | multikv conf=top forceheader=1 noheader=false fields pid, cmd')).toEqual({
      kind: 'multikv',
      options: [
        { name: 'conf', value: 'top', quoted: false },
        { name: 'forceheader', value: '1', quoted: false },
        { name: 'noheader', value: 'false', quoted: false },
      ],
      fields: [{ name: 'pid' }, { name: 'cmd' }],
      filter: null,
    });
  });

  it('a list ends at the next option; repeated clauses join', () => {
    expect(lastCommand('* | multikv filter "a b" c rmorig=f fields x filter d')).toEqual({
      kind: 'multikv',
      options: [{ name: 'rmorig', value: 'f', quoted: false }],
      fields: [{ name: 'x' }],
      filter: [{ text: 'a b', quoted: true }, { text: 'c', quoted: false }, { text: 'd', quoted: false }],
    });
  });

  it('a keyword without words gives an empty list (left to bind)', () => {
    expect(lastCommand('* | multikv fields')).toMatchObject({ fields: [], filter: null });
  });

  it('spans', () => {
    const text = '* | multikv forceheader=1 fields a b';
    const c = lastCommandNode(text, 'multikv');
    expect(spanText(text, c.span)).toBe('multikv forceheader=1 fields a b');
    expect(c.fields!.map((f) => spanText(text, f.span))).toEqual(['a', 'b']);
  });

  it.each([
    ['* | multikv  fields a, b forceheader=1', '* | multikv forceheader=1 fields a b'],
    ['* | multikv fields "filter" x', '* | multikv fields "filter" x'],
    ['* | multikv fields filter', '* | multikv fields filter'],
  ])('prints %s canonically', (text, printed) => {
    expect(roundTrip(text)).toEqual({ printed, same: true });
  });
});

describe('multikv: every corpus use parses into a multikv node', () => {
  it('all of them', () => {
    const uses = corpusUses('multikv');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThanOrEqual(1);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('multikv: syntax errors (P005, naming multikv)', () => {
  it.each([
    ['* | multikv foo', 12, 'foo', 'an option, "fields" or "filter"', '"foo"'],
    ['* | multikv forceheader=', 24, '', 'a field name', 'the end of the search'],
  ])('%s', (text, start, at, expected, found) => {
    expect(syntaxFailure(text)).toEqual({ code: 'P005', at, start, params: { command: 'multikv', expected, found } });
  });
});
