// lookup: options, the lookup name, input fields with AS, OUTPUT/OUTPUTNEW in any case, commas.
// https://help.splunk.com/en/splunk-enterprise/search/spl-search-reference/10.0/search-commands/lookup
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

const map = (lookupField: string, eventField: string | null = null) => ({ lookupField, eventField });

describe('lookup: documented forms', () => {
  it('input field with AS, OUTPUT with AS', () => {
    expect(lastCommand('* | lookup usertogroup user as local_user OUTPUT group as user_group')).toEqual({
      kind: 'lookup',
      options: [],
      lookup: { name: 'usertogroup' },
      inputs: [map('user', 'local_user')],
      output: { mode: 'OUTPUT', fields: [map('group', 'user_group')] },
    });
  });

  it('local=/update= options, several inputs, no output clause', () => {
    expect(lastCommand('* | lookup local=t update=true dnslookup clienthost AS host, ip')).toMatchObject({
      options: [{ name: 'local', value: 't' }, { name: 'update', value: 'true' }],
      inputs: [map('clienthost', 'host'), map('ip')],
      output: null,
    });
  });

  it('outputnew in lower case, comma lists, a comma before the keyword, quoted names', () => {
    expect(lastCommand('* | lookup t a, b, outputnew c,d AS "Known x"')).toMatchObject({
      inputs: [map('a'), map('b')],
      output: { mode: 'OUTPUTNEW', fields: [map('c'), map('d', 'Known x')] },
    });
  });

  it('a field named like the keyword is quoted, and prints quoted', () => {
    expect(lastCommand('* | lookup t "output" OUTPUT x')).toMatchObject({ inputs: [map('output')], output: { fields: [map('x')] } });
    expect(roundTrip('* | lookup t "output" AS "OUTPUTNEW"')).toEqual({ printed: '* | lookup t "output" AS "OUTPUTNEW"', same: true });
  });

  it('spans: the lookup name, each mapping and the output clause', () => {
    const text = '* | lookup t a AS b OUTPUT c';
    const c = lastCommandNode(text, 'lookup');
    expect(spanText(text, c.lookup.span)).toBe('t');
    expect(spanText(text, c.inputs[0]!.span)).toBe('a AS b');
    expect(spanText(text, c.output!.span)).toBe('OUTPUT c');
  });

  it('prints canonically and round-trips', () => {
    expect(roundTrip('* | lookup update=true t a as b c outputnew d,e')).toEqual({ printed: '* | lookup update=true t a AS b, c OUTPUTNEW d, e', same: true });
  });
});

describe('lookup: security_content searches', () => {
  const uses = corpusUses('lookup');

  it('every corpus use parses into a lookup node', () => {
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThanOrEqual(86);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });

  const byName = (name: string) => uses.nodes.find((u) => (u.node.lookup as { name: string }).name === name)!.node;

  it.each([
    ['previously_seen_aws_cross_account_activity', { inputs: [map('requestingAccountId'), map('requestedAccountId')], output: { mode: 'OUTPUTNEW', fields: [map('firstTime')] } }],
    ['lookup_uncommon_processes_local', { options: [{ name: 'update', value: 'true' }], inputs: [map('process_name', 'process_name')], output: { mode: 'OUTPUTNEW', fields: [map('uncommon_local'), {}, {}, {}, map('mitre_attack_local')] } }],
    ['ransomware_notes_lookup', { inputs: [map('ransomware_notes', 'file_name')], output: { mode: 'OUTPUT', fields: [map('status', 'Known Ransomware Notes')] } }],
    ['k8s_process_resource_baseline', { inputs: [map('key')], output: null }],
  ])('%s', (name, shape) => {
    expect(byName(name)).toMatchObject(shape);
  });
});

describe('lookup: syntax errors (P005 naming lookup)', () => {
  it.each([
    ['* | lookup', '', 'a lookup name'],
    ['* | lookup t', '', 'a field name'],
    ['* | lookup t a OUTPUT', '', 'a field name'],
    ['* | lookup t a AS', '', 'a field name'],
  ])('%s', (text, at, expected) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, start: text.length, params: { command: 'lookup', expected } });
  });
});
