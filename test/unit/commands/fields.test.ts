// fields: `fields [+|-] <wc-field-list>`.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/fields
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('fields: documented forms', () => {
  it('keep (no sign or +) and remove (-)', () => {
    expect(lastCommand('* | fields a, b c*')).toEqual({ kind: 'fields', remove: false, fields: [{ name: 'a' }, { name: 'b' }, { name: 'c*' }] });
    expect(lastCommand('* | fields + dest_mac')).toEqual({ kind: 'fields', remove: false, fields: [{ name: 'dest_mac' }] });
    expect(lastCommand('* | fields -  match')).toEqual({ kind: 'fields', remove: true, fields: [{ name: 'match' }] });
  });

  it('a sign against the name is part of the name (the documented form has a space)', () => {
    expect(lastCommand('* | fields -x')).toMatchObject({ remove: false, fields: [{ name: '-x' }] });
  });

  it('quoted names and `predicted(...)` names (security_content)', () => {
    expect(lastCommand('* | fields PSWA_Running, "PSWA Host"')).toMatchObject({ fields: [{ name: 'PSWA_Running' }, { name: 'PSWA Host' }] });
    expect(lastCommand('* | fields - unusual_cmdline* predicted(unusual_cmdline_logits) orig_process')).toMatchObject({
      remove: true,
      fields: [{ name: 'unusual_cmdline*' }, { name: 'predicted(unusual_cmdline_logits)' }, { name: 'orig_process' }],
    });
  });

  it('spans of the fields', () => {
    const text = '* | fields - a, b';
    const c = lastCommandNode(text, 'fields');
    expect(spanText(text, c.span)).toBe('fields - a, b');
    expect(c.fields.map((f) => spanText(text, f.span))).toEqual(['a', 'b']);
  });

  it('prints canonically and round-trips', () => {
    expect(roundTrip('* | fields + a,b')).toEqual({ printed: '* | fields a b', same: true });
    expect(roundTrip('* | fields - req_* auth_*')).toEqual({ printed: '* | fields - req_* auth_*', same: true });
    expect(roundTrip('* | fields "-" "+" -x')).toEqual({ printed: '* | fields "-" "+" -x', same: true });
  });
});

describe('fields: every corpus use parses into a fields node', () => {
  it('all of them', () => {
    const uses = corpusUses('fields');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(70);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('fields: syntax errors (P005 naming fields)', () => {
  it.each([
    ['* | fields', '', 'a field name', 'the end of the search'],
    ['* | fields -', '', 'a field name', 'the end of the search'],
    ['* | fields - | head 1', '|', 'a field name', '"|"'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'fields', expected, found } });
  });
});
