// join: options and fields in any order, then the subsearch as a nested Pipeline.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/join
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('join: documented forms', () => {
  it('type=outer with one field', () => {
    expect(lastCommand('* | join type=outer host [search index=errors]')).toMatchObject({
      kind: 'join',
      options: [{ name: 'type', value: 'outer', quoted: false }],
      fields: [{ name: 'host' }],
      subsearch: { kind: 'Pipeline', leadingPipe: false, commands: [{ kind: 'search', implicit: false }] },
    });
  });

  it('usetime, earlier, overwrite, max', () => {
    const c = lastCommand('* | join usetime=true earlier=false overwrite=false max=0 id [search b]') as { options: { name: string }[] };
    expect(c.options.map((o) => o.name)).toEqual(['usetime', 'earlier', 'overwrite', 'max']);
  });

  it('no fields: joins on the fields both sides share', () => {
    expect(lastCommand('* | join [| tstats count]')).toMatchObject({ options: [], fields: [], subsearch: { leadingPipe: true } });
  });

  it('options after the fields and commas between fields (security_content)', () => {
    expect(lastCommand('* | join ObjectDN type=inner [search a]')).toMatchObject({ options: [{ name: 'type', value: 'inner' }], fields: [{ name: 'ObjectDN' }] });
    expect(lastCommand('* | join process_guid, _time [search a]')).toMatchObject({ fields: [{ name: 'process_guid' }, { name: '_time' }] });
    expect(lastCommand('* | join max=0 dest join_guid  [search a]')).toMatchObject({ options: [{ name: 'max', value: '0' }], fields: [{ name: 'dest' }, { name: 'join_guid' }] });
  });

  it('a subsearch may start with a command and no pipe (`[ summary model ]`, security_content)', () => {
    expect(lastCommand('* | join user HourOfDay [ summary cloud_model_v1]')).toMatchObject({
      fields: [{ name: 'user' }, { name: 'HourOfDay' }],
      subsearch: { leadingPipe: false, commands: [{ kind: 'summary', model: { name: 'cloud_model_v1' } }] },
    });
  });

  it('spans: the command, each field and the subsearch pipeline', () => {
    const text = '* | join type=left host, id [search a | head 1] | table x';
    const c = lastCommandNode(text.replace(' | table x', ''), 'join');
    expect(spanText(text, c.span)).toBe('join type=left host, id [search a | head 1]');
    expect(c.fields.map((f) => spanText(text, f.span))).toEqual(['host', 'id']);
    expect(spanText(text, c.subsearch.span)).toBe('search a | head 1');
    expect(spanText(text, c.options[0]!.span)).toBe('type=left');
  });

  it('prints canonically and round-trips', () => {
    expect(roundTrip('* | join  ObjectDN type=outer [| search a ]')).toEqual({ printed: '* | join type=outer ObjectDN [| search a]', same: true });
    expect(roundTrip('* | join process_guid, _time [search a]')).toEqual({ printed: '* | join process_guid, _time [search a]', same: true });
  });
});

describe('join: every corpus use parses into a join node', () => {
  const uses = corpusUses('join');
  it('all of them', () => {
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(60);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
    for (const { node } of uses.nodes) expect((node.subsearch as { kind: string }).kind).toBe('Pipeline');
  });
});

describe('join: syntax errors (P005 naming join)', () => {
  it.each([
    ['* | join user', '', '"["', 'the end of the search'],
    ['* | join type=outer', '', '"["', 'the end of the search'],
    ['* | join user > 3 [search a]', '>', '"["', '">"'],
    ['* | join type= [search a]', '[', 'a field name', '"["'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'join', expected, found } });
  });
});
