// spath: input=, output=, and the data path as path=<p> or bare.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/spath
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('spath: documented forms', () => {
  it('no arguments: every path of _raw', () => {
    expect(lastCommand('* | spath')).toEqual({ kind: 'spath', options: [], datapath: null });
  });

  it('output= and path= as options', () => {
    expect(lastCommand('* | spath output=myfield path=vendorProductSet.product.desc.locDesc')).toEqual({
      kind: 'spath',
      options: [
        { name: 'output', value: 'myfield', quoted: false },
        { name: 'path', value: 'vendorProductSet.product.desc.locDesc', quoted: false },
      ],
      datapath: null,
    });
  });

  it('a bare data path, alone or after options (both in security_content)', () => {
    expect(lastCommand('* | spath eventName')).toEqual({ kind: 'spath', options: [], datapath: { name: 'eventName' } });
    expect(lastCommand('* | spath output=user userIdentity.arn')).toEqual({
      kind: 'spath',
      options: [{ name: 'output', value: 'user', quoted: false }],
      datapath: { name: 'userIdentity.arn' },
    });
  });

  it('a quoted data path with array braces', () => {
    expect(lastCommand('* | spath "query_type{}"')).toMatchObject({ datapath: { name: 'query_type{}' } });
  });

  it('input= with a dotted, slashed field name', () => {
    expect(lastCommand('* | spath input=responseObject.metadata.annotations.kubectl.kubernetes.io/last-applied-configuration')).toMatchObject({
      options: [{ name: 'input', value: 'responseObject.metadata.annotations.kubectl.kubernetes.io/last-applied-configuration' }],
    });
  });

  it('options after the bare path', () => {
    expect(lastCommand('* | spath a.b output=c')).toMatchObject({ options: [{ name: 'output', value: 'c' }], datapath: { name: 'a.b' } });
  });
});

describe('spath: spans, printing', () => {
  it('spans of the options and the data path', () => {
    const text = '* | spath input=Data path=ad output=alert_description';
    const c = lastCommandNode(text, 'spath');
    expect(spanText(text, c.span)).toBe('spath input=Data path=ad output=alert_description');
    expect(c.options.map((o) => spanText(text, o.span))).toEqual(['input=Data', 'path=ad', 'output=alert_description']);
    const bare = '* | spath output=arn userIdentity.arn';
    expect(spanText(bare, lastCommandNode(bare, 'spath').datapath!.span)).toBe('userIdentity.arn');
  });

  it.each([
    ['* | spath  "query_type{}"', '* | spath query_type{}'],
    ['* | spath a.b output=c', '* | spath output=c a.b'],
    ['* | spath path={} input=x', '* | spath path={} input=x'],
    ['* | spath "a b"', '* | spath "a b"'],
  ])('prints %s canonically', (text, printed) => {
    expect(roundTrip(text)).toEqual({ printed, same: true });
  });
});

describe('spath: every corpus use parses into a spath node', () => {
  it('all of them', () => {
    const uses = corpusUses('spath');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(50);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('spath: syntax errors (P005, naming spath)', () => {
  it.each([
    ['* | spath input=', 16, '', 'a field name', 'the end of the search'],
    ['* | spath a b', 12, 'b', 'input=, output= or path=', '"b"'],
    ['* | spath output=x a b', 21, 'b', 'input=, output= or path=', '"b"'],
  ])('%s', (text, start, at, expected, found) => {
    expect(syntaxFailure(text)).toEqual({ code: 'P005', at, start, params: { command: 'spath', expected, found } });
  });
});
