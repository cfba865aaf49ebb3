// extract (synonym kv): key-value extraction from _raw, with options and transforms.conf extractors.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/extract
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('extract: documented forms', () => {
  it('pairdelim and kvdelim (security_content)', () => {
    expect(lastCommand('* | extract pairdelim=";" kvdelim=":"')).toEqual({
      kind: 'extract',
      options: [
        { name: 'pairdelim', value: ';', quoted: true },
        { name: 'kvdelim', value: ':', quoted: true },
      ],
      extractors: [],
    });
  });

  it('no arguments', () => {
    expect(lastCommand('* | extract')).toEqual({ kind: 'extract', options: [], extractors: [] });
  });

  it('extractor names after options', () => {
    expect(lastCommand('* | extract reload=true access-extractions my_kv')).toEqual({
      kind: 'extract',
      options: [{ name: 'reload', value: 'true', quoted: false }],
      extractors: [{ name: 'access-extractions' }, { name: 'my_kv' }],
    });
  });

  it('the synonym kv builds the same node', () => {
    expect(lastCommand('* | kv pairdelim="|" kvdelim="="')).toMatchObject({ kind: 'extract', options: [{ value: '|' }, { value: '=' }] });
  });

  it('spans', () => {
    const text = '* | extract pairdelim=";" foo';
    const c = lastCommandNode(text, 'extract');
    expect(spanText(text, c.span)).toBe('extract pairdelim=";" foo');
    expect(spanText(text, c.options[0]!.span)).toBe('pairdelim=";"');
    expect(spanText(text, c.extractors[0]!.span)).toBe('foo');
  });

  it.each([
    ['* | extract  pairdelim=";" kvdelim=":"', '* | extract pairdelim=";" kvdelim=":"'],
    ['* | kv foo limit=5', '* | extract limit=5 foo'],
    // The docs' own example separates the options with a comma.
    ['* | extract pairdelim="|;", kvdelim="=:"', '* | extract pairdelim="|;" kvdelim="=:"'],
  ])('prints %s canonically', (text, printed) => {
    expect(roundTrip(text)).toEqual({ printed, same: true });
  });
});

describe('extract: every corpus use parses into an extract node', () => {
  it('all of them', () => {
    const uses = corpusUses('extract');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThanOrEqual(1);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('extract: syntax errors (P005, naming extract)', () => {
  it('an option without its value', () => {
    expect(syntaxFailure('* | extract kvdelim=')).toEqual({
      code: 'P005', at: '', start: 20, params: { command: 'extract', expected: 'a field name', found: 'the end of the search' },
    });
  });
});
