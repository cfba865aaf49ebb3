// format: mvsep/maxresults/emptystr options and the six layout strings (no corpus use).
// https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/format
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('format: documented forms', () => {
  it('no arguments: the default layout', () => {
    expect(lastCommand('* | format')).toEqual({ kind: 'format', options: [], layout: null });
  });

  it('options and the six layout strings', () => {
    expect(lastCommand('* | format maxresults=2 mvsep="||" "[" "[" "&&" "]" "||" "]" emptystr="NOT FOUND"')).toEqual({
      kind: 'format',
      options: [
        { name: 'maxresults', value: '2', quoted: false },
        { name: 'mvsep', value: '||', quoted: true },
        { name: 'emptystr', value: 'NOT FOUND', quoted: true },
      ],
      layout: { rowPrefix: '[', columnPrefix: '[', columnSeparator: '&&', columnEnd: ']', rowSeparator: '||', rowEnd: ']' },
    });
  });

  it('spans', () => {
    const text = '* | format "(" "(" "AND" ")" "OR" ")"';
    const c = lastCommandNode(text, 'format');
    expect(spanText(text, c.layout!.span)).toBe('"(" "(" "AND" ")" "OR" ")"');
  });

  it('round-trips', () => {
    expect(roundTrip('* | format "(" "(" "AND" ")" "OR" ")" emptystr="x"')).toEqual({
      printed: '* | format emptystr="x" "(" "(" "AND" ")" "OR" ")"',
      same: true,
    });
    expect(roundTrip('* | format mvsep="\\"" maxresults=3').same).toBe(true);
  });

  it('has no use in the corpus to check', () => {
    expect(corpusUses('format')).toMatchObject({ searches: 0, problems: [] });
  });
});

describe('format: syntax errors (P005 naming format)', () => {
  const six = 'a quoted string (format takes six layout strings)';
  it.each([
    ['* | format "(" "("', '', six, 'the end of the search'],
    ['* | format "(" "(" "AND" ")" "OR" | head 1', '|', six, '"|"'],
    ['* | format mvsep=', '', 'a field name', 'the end of the search'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'format', expected, found } });
  });
});
