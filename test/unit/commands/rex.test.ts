// rex: options on either side of the expression; the regex or sed expression as PCRE receives it.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/rex
// Escaping: https://docs.splunk.com/Documentation/Splunk/9.4.0/Search/SPLandregularexpressions
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

const regexOf = (text: string): unknown => (lastCommand(text) as { regex: unknown }).regex;

describe('rex: documented forms', () => {
  it('field= and a quoted regex with named groups', () => {
    expect(lastCommand('* | rex field=_raw "From: (?<from>.*) To: (?<to>.*)"')).toEqual({
      kind: 'rex',
      options: [{ name: 'field', value: '_raw', quoted: false }],
      regex: { text: 'From: (?<from>.*) To: (?<to>.*)', quoted: true },
    });
  });

  it('no field: the expression applies to _raw (no option recorded)', () => {
    expect(lastCommand('* | rex "(?<n>\\d+)"')).toMatchObject({ options: [], regex: { text: '(?<n>\\d+)' } });
  });

  it('max_match and offset_field, before or after the expression (security_content puts max_match last)', () => {
    expect(lastCommand('* | rex max_match=0 offset_field=off "(?<n>\\d)"')).toMatchObject({
      options: [{ name: 'max_match', value: '0' }, { name: 'offset_field', value: 'off' }],
    });
    expect(lastCommand('* | rex field=b64x_join "(?<b64x_by8>.{8})" max_match=0')).toMatchObject({
      options: [{ name: 'field', value: 'b64x_join' }, { name: 'max_match', value: '0' }],
      regex: { text: '(?<b64x_by8>.{8})' },
    });
  });

  it('mode=sed: the sed expression takes the regex slot', () => {
    expect(lastCommand('* | rex field=ccnumber mode=sed "s/(\\d{4}-){3}/XXXX-XXXX-XXXX-/g"')).toEqual({
      kind: 'rex',
      options: [{ name: 'field', value: 'ccnumber', quoted: false }, { name: 'mode', value: 'sed', quoted: false }],
      regex: { text: 's/(\\d{4}-){3}/XXXX-XXXX-XXXX-/g', quoted: true },
    });
  });

  it('a quoted field value keeps quoted: true', () => {
    expect(lastCommand('* | rex field="file_name" "\\.(?<extension>[^\\.]*$)"')).toMatchObject({
      options: [{ name: 'field', value: 'file_name', quoted: true }],
    });
  });
});

describe('rex: escaping (SPL unescapes \\\\, \\" and \\| once; other sequences reach PCRE unchanged)', () => {
  it('"\\d+" and "\\\\d+" both give PCRE \\d+', () => {
    expect(regexOf('* | rex "\\d+"')).toEqual({ text: '\\d+', quoted: true });
    expect(regexOf('* | rex "\\\\d+"')).toEqual({ text: '\\d+', quoted: true });
  });

  it('a literal backslash: \\\\\\\\ or \\\\\\ before another character (corpus: ".+\\\\\\)")', () => {
    expect(regexOf('* | rex "(?<p>C:\\\\\\\\temp)"')).toMatchObject({ text: '(?<p>C:\\\\temp)' });
    expect(regexOf('* | rex field=Image "(?<ImageFolderPath>.+\\\\\\)"')).toMatchObject({ text: '(?<ImageFolderPath>.+\\\\)' });
  });

  it('\\" is a quote inside the regex', () => {
    expect(regexOf('* | rex "(?<m>\\"MethodType\\")"')).toMatchObject({ text: '(?<m>"MethodType")' });
  });

  it('PCRE escapes such as \\x{202E} and \\x00 pass through', () => {
    expect(regexOf('* | rex field=f "(?<r>\\\\x{202E})"')).toMatchObject({ text: '(?<r>\\x{202E})' });
    expect(regexOf('* | rex mode=sed "s/\\x00//g"')).toMatchObject({ text: 's/\\x00//g' });
  });
});

describe('rex: a bare expression (security_content writes one unquoted)', () => {
  it('the touching tokens are one literal, quoted: false', () => {
    const text = '* | rex field="cs_content_type" (?<suspicious_strings>cmd.exe)';
    const c = lastCommandNode(text, 'rex');
    expect(c.regex).toMatchObject({ text: '(?<suspicious_strings>cmd.exe)', quoted: false });
    expect(spanText(text, c.regex.span)).toBe('(?<suspicious_strings>cmd.exe)');
  });

  it('a space ends it; options may follow', () => {
    expect(lastCommand('* | rex field=findings{}.Resources{}.Id .*instance/(?<instance>.*) max_match=2')).toMatchObject({
      options: [{ name: 'field' }, { name: 'max_match', value: '2' }],
      regex: { text: '.*instance/(?<instance>.*)', quoted: false },
    });
  });
});

describe('rex: spans', () => {
  it('the command, each option and the expression', () => {
    const text = '* | rex field=x max_match=0 "(?<y>\\w+)" | table y';
    const c = lastCommandNode(text.replace(' | table y', ''), 'rex');
    expect(spanText(text, c.span)).toBe('rex field=x max_match=0 "(?<y>\\w+)"');
    expect(c.options.map((o) => spanText(text, o.span))).toEqual(['field=x', 'max_match=0']);
    expect(spanText(text, c.regex.span)).toBe('"(?<y>\\w+)"');
  });
});

describe('rex: canonical printing', () => {
  it.each([
    ['* | rex  "(?<n>\\d+)"   field=x', '* | rex field=x "(?<n>\\\\d+)"'],
    ['* | rex field="cs_content_type" (?<s>cmd.exe)', '* | rex field="cs_content_type" (?<s>cmd.exe)'],
    ['* | rex mode=sed field=f "s/a/b/g"', '* | rex mode=sed field=f "s/a/b/g"'],
    ['* | rex (?<a>x\\|y)', '* | rex (?<a>x\\|y)'],
    ['* | rex "a""b c"', '* | rex """ab c"'],
  ])('%s', (text, printed) => {
    expect(roundTrip(text)).toEqual({ printed, same: true });
  });
});

describe('rex: every corpus use parses into a rex node', () => {
  const uses = corpusUses('rex');
  it('all of them, each with a non-empty expression', () => {
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(80);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
    for (const { node } of uses.nodes) expect((node.regex as { text: string }).text).not.toBe('');
  });

  it('some are written bare (no quotes)', () => {
    expect(uses.nodes.filter(({ node }) => (node.regex as { quoted: boolean }).quoted === false).length).toBeGreaterThanOrEqual(2);
  });
});

describe('rex: syntax errors (P005, naming rex)', () => {
  it.each([
    ['* | rex', 7, '', 'a regular expression', 'the end of the search'],
    ['* | rex field=x', 15, '', 'a regular expression', 'the end of the search'],
    ['* | rex field=x | table y', 16, '|', 'a regular expression', '"|"'],
    ['* | rex field=x [a-z]', 16, '[', 'a regular expression', '"["'],
    ['* | rex "a" b', 12, 'b', 'field=, max_match=, offset_field= or mode=', '"b"'],
  ])('%s', (text, start, at, expected, found) => {
    expect(syntaxFailure(text)).toEqual({ code: 'P005', at, start, params: { command: 'rex', expected, found } });
  });

  it('an option without its value fails inside rex', () => {
    expect(syntaxFailure('* | rex field=')).toMatchObject({ code: 'P005', start: 14, params: { command: 'rex', found: 'the end of the search' } });
  });
});
