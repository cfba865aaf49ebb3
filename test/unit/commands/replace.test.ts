// replace: replace field values; wildcards in both strings; IN limits the fields.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/replace
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

const lit = (text: string, quoted: boolean) => ({ text, quoted });

describe('replace: documented forms', () => {
  it('one pair IN one field', () => {
    expect(lastCommand('* | replace 127.0.0.1 WITH localhost IN host')).toEqual({
      kind: 'replace',
      pairs: [{ from: lit('127.0.0.1', false), to: lit('localhost', false) }],
      fields: [{ name: 'host' }],
    });
  });

  it('several pairs separated by commas', () => {
    expect(lastCommand('* | replace 0 WITH Critical, 1 WITH Error IN msg_level')).toMatchObject({
      pairs: [{ from: lit('0', false), to: lit('Critical', false) }, { from: lit('1', false), to: lit('Error', false) }],
      fields: [{ name: 'msg_level' }],
    });
  });

  it('wildcards, and no IN: every field', () => {
    expect(lastCommand('* | replace *localhost WITH localhost')).toEqual({
      kind: 'replace',
      pairs: [{ from: lit('*localhost', false), to: lit('localhost', false) }],
      fields: [],
    });
  });

  it('quoted strings and lower-case with/in (security_content)', () => {
    expect(lastCommand('* | replace "%%14674" with "Value Added", "%%14675" with "Value Deleted" in OperationType')).toEqual({
      kind: 'replace',
      pairs: [
        { from: lit('%%14674', true), to: lit('Value Added', true) },
        { from: lit('%%14675', true), to: lit('Value Deleted', true) },
      ],
      fields: [{ name: 'OperationType' }],
    });
  });

  it('several fields after IN, with or without commas', () => {
    expect(lastCommand('* | replace a WITH b IN x, y z')).toMatchObject({ fields: [{ name: 'x' }, { name: 'y' }, { name: 'z' }] });
  });

  it('several fields after IN separated by spaces only (the documented start_month end_month)', () => {
    expect(lastCommand('* | replace aug WITH August IN start_month end_month')).toMatchObject({
      pairs: [{ from: { text: 'aug' } }],
      fields: [{ name: 'start_month' }, { name: 'end_month' }],
    });
  });

  it('a value spelled "in" is a value when WITH follows it', () => {
    expect(lastCommand('* | replace in WITH out IN dir')).toMatchObject({ pairs: [{ from: lit('in', false), to: lit('out', false) }], fields: [{ name: 'dir' }] });
  });

  it('a pair without a comma', () => {
    expect(lastCommand('* | replace a WITH b c WITH d')).toMatchObject({ pairs: [{ from: { text: 'a' } }, { from: { text: 'c' } }] });
  });
});

describe('replace: spans and printing', () => {
  it('spans of the pairs, their strings and the fields', () => {
    const text = '* | replace "::ffff:*" with * in src';
    const c = lastCommandNode(text, 'replace');
    expect(spanText(text, c.span)).toBe('replace "::ffff:*" with * in src');
    expect(spanText(text, c.pairs[0]!.span)).toBe('"::ffff:*" with *');
    expect(spanText(text, c.pairs[0]!.from.span)).toBe('"::ffff:*"');
    expect(spanText(text, c.fields[0]!.span)).toBe('src');
  });

  it.each([
    ['* | replace "::ffff:*" with * in src', '* | replace "::ffff:*" WITH * IN src'],
    ['* | replace a WITH b c WITH d', '* | replace a WITH b, c WITH d'],
    ['* | replace "a b" with "c" in x,y', '* | replace "a b" WITH "c" IN x, y'],
  ])('prints %s canonically', (text, printed) => {
    expect(roundTrip(text)).toEqual({ printed, same: true });
  });
});

describe('replace: every corpus use parses into a replace node', () => {
  it('all of them, each limited to fields', () => {
    const uses = corpusUses('replace');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThanOrEqual(4);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
    for (const { node } of uses.nodes) expect((node.fields as unknown[]).length).toBeGreaterThan(0);
  });
});

describe('replace: syntax errors (P005, naming replace)', () => {
  it.each([
    ['* | replace', 11, '', 'a value', 'the end of the search'],
    ['* | replace a b', 14, 'b', '"WITH"', '"b"'],
    ['* | replace a WITH', 18, '', 'a value', 'the end of the search'],
    ['* | replace a WITH b,', 21, '', 'a value', 'the end of the search'],
    ['* | replace a WITH b, c', 23, '', '"WITH"', 'the end of the search'],
    ['* | replace a WITH b IN', 23, '', 'a field name', 'the end of the search'],
  ])('%s', (text, start, at, expected, found) => {
    expect(syntaxFailure(text)).toEqual({ code: 'P005', at, start, params: { command: 'replace', expected, found } });
  });
});
