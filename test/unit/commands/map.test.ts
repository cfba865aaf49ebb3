// map: `search="..."` (kept as text with its span: `$field$` tokens and macros are resolved per
// result at run time), a saved search name, or a subsearch; maxsearches.
// https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/map
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('map: documented forms', () => {
  it('search="..." with $field$ tokens, kept as text', () => {
    expect(lastCommand('* | map search="search index=_internal earliest=$myearliest$ latest=$mylatest$"')).toEqual({
      kind: 'map',
      search: { kind: 'text', text: 'search index=_internal earliest=$myearliest$ latest=$mylatest$', quoted: true },
      options: [],
    });
  });

  it('escaped quotes inside the search are unescaped (security_content)', () => {
    expect(lastCommand('* | map maxsearches=70 search="| tstats count WHERE src=\\"$src$\\""')).toMatchObject({
      search: { kind: 'text', text: '| tstats count WHERE src="$src$"' },
      options: [{ name: 'maxsearches', value: '70' }],
    });
  });

  it('a saved search name, and a subsearch', () => {
    expect(lastCommand('* | map mysavedsearch maxsearches=5')).toMatchObject({ search: { kind: 'saved', name: 'mysavedsearch' }, options: [{ name: 'maxsearches' }] });
    expect(lastCommand('* | map [search index=a host=$host$]')).toMatchObject({ search: { kind: 'subsearch', pipeline: { kind: 'Pipeline' } } });
  });

  it('spans: the option, and the quoted text', () => {
    const text = '* | map search="search a=$b$" maxsearches=2';
    const c = lastCommandNode(text, 'map');
    expect(spanText(text, c.span)).toBe('map search="search a=$b$" maxsearches=2');
    expect(spanText(text, c.search.span)).toBe('search="search a=$b$"');
    if (c.search.kind !== 'text') throw new Error('text');
    expect(spanText(text, c.search.textSpan)).toBe('"search a=$b$"');
  });

  it('round-trips', () => {
    expect(roundTrip('* | map maxsearches=70 search="| tstats count WHERE src=\\"$src$\\""')).toEqual({
      printed: '* | map search="| tstats count WHERE src=\\"$src$\\"" maxsearches=70',
      same: true,
    });
    expect(roundTrip('* | map [search a]').same).toBe(true);
    expect(roundTrip('* | map saved').same).toBe(true);
  });
});

describe('map: every corpus use parses into a map node', () => {
  it('all of them', () => {
    const uses = corpusUses('map');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(5);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
    for (const { node } of uses.nodes) expect(node.search).toMatchObject({ kind: 'text', quoted: true });
  });
});

describe('map: syntax errors (P005 naming map)', () => {
  const expects = 'search="<search>", a saved search name or a subsearch';
  it.each([
    ['* | map', '', expects, 'the end of the search'],
    ['* | map maxsearches=3', '', expects, 'the end of the search'],
    ['* | map search=', '', 'a field name', 'the end of the search'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'map', expected, found } });
  });
});
