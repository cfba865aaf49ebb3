// top: `top [<N>] [<top-options>...] <field-list> [BY <field-list>]`; options may come anywhere.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/top
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('top: documented forms', () => {
  it('one field; N; several fields and BY', () => {
    expect(lastCommand('* | top url')).toEqual({ kind: 'top', count: null, options: [], fields: [{ name: 'url' }], by: [] });
    expect(lastCommand('* | top 20 url')).toMatchObject({ count: 20, fields: [{ name: 'url' }] });
    expect(lastCommand('* | top clientip, uri BY host, status')).toMatchObject({
      fields: [{ name: 'clientip' }, { name: 'uri' }],
      by: [{ name: 'host' }, { name: 'status' }],
    });
  });

  it('top-options before, among and after the fields', () => {
    expect(lastCommand('* | top limit=5 countfield=c percentfield=p showcount=f showperc=t useother=t otherstr=rest user')).toMatchObject({
      options: ['limit', 'countfield', 'percentfield', 'showcount', 'showperc', 'useother', 'otherstr'].map((name) => ({ name })),
      fields: [{ name: 'user' }],
    });
    expect(lastCommand('* | top user limit=3 by host showperc=f')).toMatchObject({
      options: [{ name: 'limit' }, { name: 'showperc' }],
      fields: [{ name: 'user' }],
      by: [{ name: 'host' }],
    });
  });

  it('security_content: k8s field names with slashes and braces', () => {
    expect(lastCommand('* | top  sourceIPs{} user.username verb annotations.authorization.k8s.io/decision')).toMatchObject({
      fields: [{ name: 'sourceIPs{}' }, { name: 'user.username' }, { name: 'verb' }, { name: 'annotations.authorization.k8s.io/decision' }],
    });
  });

  it('spans', () => {
    const text = '* | top 5 a, b by c';
    const c = lastCommandNode(text, 'top');
    expect(spanText(text, c.span)).toBe('top 5 a, b by c');
    expect(c.fields.map((f) => spanText(text, f.span))).toEqual(['a', 'b']);
    expect(spanText(text, c.by[0]!.span)).toBe('c');
  });

  it('prints canonically and round-trips', () => {
    expect(roundTrip('* | top a limit=2 b by c,d')).toEqual({ printed: '* | top limit=2 a b BY c, d', same: true });
    expect(roundTrip('* | top "5"')).toEqual({ printed: '* | top "5"', same: true });
    expect(roundTrip('* | top 5 x')).toEqual({ printed: '* | top 5 x', same: true });
  });
});

describe('top: every corpus use parses into a top node', () => {
  it('all of them', () => {
    const uses = corpusUses('top');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThanOrEqual(3);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('top: syntax errors (P005 naming top)', () => {
  it.each([
    ['* | top', '', 'a field name', 'the end of the search'],
    ['* | top 5', '', 'a field name', 'the end of the search'],
    ['* | top limit=5', '', 'a field name', 'the end of the search'],
    ['* | top x by', '', 'a field name', 'the end of the search'],
    ['* | top by x', 'by', 'a field name', '"by"'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'top', expected, found } });
  });
});
