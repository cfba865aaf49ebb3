// multisearch: two or more subsearches, each a nested Pipeline (no corpus use in security_content).
// https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/multisearch
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('multisearch: documented forms', () => {
  it('two and three subsearches', () => {
    expect(lastCommand('| multisearch [search index=a | eval x=1] [search index=b]')).toMatchObject({
      kind: 'multisearch',
      searches: [{ kind: 'Pipeline', commands: [{ kind: 'search' }, { kind: 'eval' }] }, { kind: 'Pipeline', commands: [{ kind: 'search' }] }],
    });
    expect((lastCommand('| multisearch [search a] [search b] [search c]') as { searches: unknown[] }).searches).toHaveLength(3);
  });

  it('spans', () => {
    const text = '| multisearch [search a] [search b]';
    const c = lastCommandNode(text, 'multisearch');
    expect(spanText(text, c.span)).toBe('multisearch [search a] [search b]');
    expect(c.searches.map((s) => spanText(text, s.span))).toEqual(['search a', 'search b']);
  });

  it('round-trips', () => {
    expect(roundTrip('| multisearch [ search a ][search b]')).toEqual({ printed: '| multisearch [search a] [search b]', same: true });
  });

  it('has no use in the corpus to check', () => {
    expect(corpusUses('multisearch')).toMatchObject({ searches: 0, problems: [] });
  });
});

describe('multisearch: syntax errors (P005 naming multisearch)', () => {
  it.each([
    ['| multisearch', '', '"["', 'the end of the search'],
    ['| multisearch [search a]', '', '"["', 'the end of the search'],
    ['| multisearch a [search b]', 'a', '"["', '"a"'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'multisearch', expected, found } });
  });
});
