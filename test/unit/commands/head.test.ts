// head: `head [<N> | (<eval-expression>)] [limit=<int>] [null=<bool>] [keeplast=<bool>]`; the
// arguments lex as an expression. https://help.splunk.com/splunk-enterprise/spl-search-reference/9.3/search-commands/head
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('head: documented forms', () => {
  it('no argument, a count, limit=', () => {
    expect(lastCommand('* | head')).toEqual({ kind: 'head', count: null, while: null, options: [] });
    expect(lastCommand('* | head 20')).toEqual({ kind: 'head', count: 20, while: null, options: [] });
    expect(lastCommand('* | head limit=20')).toMatchObject({ count: null, options: [{ name: 'limit', value: '20', quoted: false }] });
  });

  it('an eval expression in parentheses, with keeplast and null', () => {
    expect(lastCommand('* | head (timerange<100)')).toMatchObject({
      while: { kind: 'Binary', op: '<', left: { kind: 'Field', name: 'timerange' }, right: { kind: 'Literal', value: 100 } },
    });
    expect(lastCommand('* | head keeplast=true null=false (action="startup")')).toMatchObject({
      while: { kind: 'Binary', op: '=', right: { kind: 'Literal', value: 'startup' } },
      options: [{ name: 'keeplast', value: 'true' }, { name: 'null', value: 'false' }],
    });
  });

  it('inside a subsearch', () => {
    expect(lastCommand('* | join x [search a | head 1]')).toMatchObject({ subsearch: { commands: [{}, { kind: 'head', count: 1 }] } });
  });

  it('spans: the command, the expression and each option', () => {
    const text = '* | head (x > 1) keeplast=t';
    const c = lastCommandNode(text, 'head');
    expect(spanText(text, c.span)).toBe('head (x > 1) keeplast=t');
    expect(spanText(text, c.while!.span)).toBe('x > 1');
    expect(spanText(text, c.options[0]!.span)).toBe('keeplast=t');
  });

  it('prints canonically and round-trips', () => {
    expect(roundTrip('* | head  limit=5 null="f"')).toEqual({ printed: '* | head limit=5 null="f"', same: true });
    expect(roundTrip('* | head keeplast=t (a>1 AND b="x")')).toEqual({ printed: '* | head (a > 1 AND b = "x") keeplast=t', same: true });
  });
});

describe('head: corpus uses', () => {
  it('security_content has none; nothing left generic', () => {
    expect(corpusUses('head').problems).toEqual([]);
  });
});

describe('head: syntax errors (P005 naming head)', () => {
  it.each([
    ['* | head ()', ')', 'an expression', '")"'],
    ['* | head (x >)', ')', 'an expression', '")"'],
    ['* | head limit=', '', 'a value', 'the end of the search'],
    ['* | head limit', '', '"="', 'the end of the search'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'head', expected, found } });
  });
});
