// appendpipe: the brackets hold a subpipeline of commands (no leading `search` or `|` needed).
// https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/appendpipe
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('appendpipe: documented forms', () => {
  it('a subpipeline starting with a command', () => {
    expect(lastCommand('index=_audit | stats count by action user | appendpipe [stats sum(count) as count by action | eval user = "TOTAL"]')).toMatchObject({
      kind: 'appendpipe',
      options: [],
      pipeline: { kind: 'Pipeline', leadingPipe: false, commands: [{ kind: 'stats' }, { kind: 'eval' }] },
    });
  });

  it('run_in_preview', () => {
    expect(lastCommand('* | appendpipe run_in_preview=false [stats count]')).toMatchObject({ options: [{ name: 'run_in_preview', value: 'false' }] });
  });

  it('a leading pipe (security_content: `appendpipe [| map search="..."]`)', () => {
    expect(lastCommand('* | appendpipe [| map search="search a=$b$"]')).toMatchObject({
      pipeline: { leadingPipe: true, commands: [{ kind: 'map', search: { kind: 'text', text: 'search a=$b$' } }] },
    });
  });

  it('spans', () => {
    const text = '* | appendpipe [stats count | eval x=1]';
    const c = lastCommandNode(text, 'appendpipe');
    expect(spanText(text, c.span)).toBe('appendpipe [stats count | eval x=1]');
    expect(spanText(text, c.pipeline.span)).toBe('stats count | eval x=1');
  });

  it('round-trips', () => {
    expect(roundTrip('* | appendpipe [stats count]')).toEqual({ printed: '* | appendpipe [stats count]', same: true });
    expect(roundTrip('* | appendpipe run_in_preview=f [| timechart count]').same).toBe(true);
  });
});

describe('appendpipe: every corpus use parses into an appendpipe node', () => {
  it('all of them', () => {
    const uses = corpusUses('appendpipe');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(5);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('appendpipe: syntax errors (P005 naming appendpipe)', () => {
  it.each([
    ['* | appendpipe', '', '"["', 'the end of the search'],
    ['* | appendpipe run_in_preview=f', '', '"["', 'the end of the search'],
    ['* | appendpipe stats count', 'stats', '"["', '"stats"'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'appendpipe', expected, found } });
  });
});
