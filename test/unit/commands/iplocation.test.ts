// iplocation: location fields (City, Country, lat, lon, Region) for an IP address field.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/iplocation
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('iplocation: documented forms', () => {
  it('a field', () => {
    expect(lastCommand('* | iplocation clientip')).toEqual({ kind: 'iplocation', options: [], field: { name: 'clientip' } });
  });

  it('prefix=, allfields=, lang= before the field', () => {
    expect(lastCommand('* | iplocation prefix=iploc_ allfields=true lang=es clientip')).toEqual({
      kind: 'iplocation',
      options: [
        { name: 'prefix', value: 'iploc_', quoted: false },
        { name: 'allfields', value: 'true', quoted: false },
        { name: 'lang', value: 'es', quoted: false },
      ],
      field: { name: 'clientip' },
    });
  });

  it('a field with braces (security_content: iplocation sourceIPs{})', () => {
    expect(lastCommand('* | iplocation sourceIPs{}')).toMatchObject({ field: { name: 'sourceIPs{}' } });
  });

  it('spans', () => {
    const text = '* | iplocation prefix=auth_ dest';
    const c = lastCommandNode(text, 'iplocation');
    expect(spanText(text, c.span)).toBe('iplocation prefix=auth_ dest');
    expect(spanText(text, c.field.span)).toBe('dest');
    expect(spanText(text, c.options[0]!.span)).toBe('prefix=auth_');
  });

  it('prints canonically', () => {
    expect(roundTrip('* | iplocation src  lang=de')).toEqual({ printed: '* | iplocation lang=de src', same: true });
  });
});

describe('iplocation: every corpus use parses into an iplocation node', () => {
  it('all of them', () => {
    const uses = corpusUses('iplocation');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(25);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('iplocation: syntax errors (P005, naming iplocation)', () => {
  it.each([
    ['* | iplocation', 14, '', 'a field name', 'the end of the search'],
    ['* | iplocation prefix=a_', 24, '', 'a field name', 'the end of the search'],
    ['* | iplocation a b', 17, 'b', 'prefix=, allfields= or lang=', '"b"'],
  ])('%s', (text, start, at, expected, found) => {
    expect(syntaxFailure(text)).toEqual({ code: 'P005', at, start, params: { command: 'iplocation', expected, found } });
  });
});
