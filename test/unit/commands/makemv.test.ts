// makemv: split a field into a multivalue field by a delimiter or a tokenizer regex.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/makemv
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('makemv: documented forms', () => {
  it('delim= and the field', () => {
    expect(lastCommand('* | makemv delim=":" allowempty=true foo')).toEqual({
      kind: 'makemv',
      options: [
        { name: 'delim', value: ':', quoted: true },
        { name: 'allowempty', value: 'true', quoted: false },
      ],
      field: { name: 'foo' },
    });
  });

  it('a field alone (default delimiter: a space)', () => {
    expect(lastCommand('* | makemv current_answer')).toEqual({ kind: 'makemv', options: [], field: { name: 'current_answer' } });
  });

  it('tokenizer= holds a regex, unescaped like every quoted value (\\\\w and \\w are both PCRE \\w)', () => {
    expect(lastCommand('* | makemv tokenizer="([^,]+),?" setsv=true senders')).toMatchObject({
      options: [{ name: 'tokenizer', value: '([^,]+),?', quoted: true }, { name: 'setsv', value: 'true' }],
      field: { name: 'senders' },
    });
    expect(lastCommand('* | makemv tokenizer="([\\w\\d\\-]+)" process')).toMatchObject({ options: [{ value: '([\\w\\d\\-]+)' }] });
    expect(lastCommand('* | makemv tokenizer="([\\\\w]+)" process')).toMatchObject({ options: [{ value: '([\\w]+)' }] });
  });

  it('spans', () => {
    const text = '* | makemv delim=" " Scope';
    const c = lastCommandNode(text, 'makemv');
    expect(spanText(text, c.span)).toBe('makemv delim=" " Scope');
    expect(spanText(text, c.field.span)).toBe('Scope');
  });

  it.each([
    ['* | makemv delim=" "  type', '* | makemv delim=" " type'],
    ['* | makemv foo delim=","', '* | makemv delim="," foo'],
  ])('prints %s canonically', (text, printed) => {
    expect(roundTrip(text)).toEqual({ printed, same: true });
  });
});

describe('makemv: every corpus use parses into a makemv node', () => {
  it('all of them', () => {
    const uses = corpusUses('makemv');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThanOrEqual(5);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('makemv: syntax errors (P005, naming makemv)', () => {
  it.each([
    ['* | makemv', 10, '', 'a field name', 'the end of the search'],
    ['* | makemv delim=","', 20, '', 'a field name', 'the end of the search'],
    ['* | makemv a b', 13, 'b', 'delim=, tokenizer=, allowempty= or setsv=', '"b"'],
  ])('%s', (text, start, at, expected, found) => {
    expect(syntaxFailure(text)).toEqual({ code: 'P005', at, start, params: { command: 'makemv', expected, found } });
  });
});
