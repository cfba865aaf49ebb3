// bin (alias bucket): `bin [<bin-options>...] <field> [AS <newfield>]`; options also after the field.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/bin
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('bin: documented forms', () => {
  it('span before or after the field; bucket is the same command', () => {
    const node = { kind: 'bin', options: [{ name: 'span', value: '5m', quoted: false }], field: { name: '_time' }, as: null };
    expect(lastCommand('* | bin span=5m _time')).toEqual(node);
    expect(lastCommand('* | bucket _time span=5m')).toEqual(node);
    expect(lastCommand('* | BUCKET span=5m _time')).toEqual(node);
  });

  it('AS, bins, start/end, aligntime, minspan', () => {
    expect(lastCommand('* | bin bins=10 size AS bin_size')).toMatchObject({ options: [{ name: 'bins', value: '10' }], field: { name: 'size' }, as: 'bin_size' });
    expect(lastCommand('* | bin end=1000 start=0 amount')).toMatchObject({ options: [{ name: 'end' }, { name: 'start' }], field: { name: 'amount' } });
    expect(lastCommand('* | bin span=12h aligntime=@d+3h _time')).toMatchObject({ options: [{ name: 'span' }, { name: 'aligntime', value: '@d+3h' }] });
    expect(lastCommand('* | bin _time as bin_time span=10m')).toMatchObject({ field: { name: '_time' }, as: 'bin_time', options: [{ name: 'span', value: '10m' }] });
    expect(lastCommand('* | bin minspan=1h _time')).toMatchObject({ options: [{ name: 'minspan', value: '1h' }] });
  });

  it('spans', () => {
    const text = '* | bucket _time AS t span=1h';
    const c = lastCommandNode(text, 'bin');
    expect(spanText(text, c.span)).toBe('bucket _time AS t span=1h');
    expect(spanText(text, c.field.span)).toBe('_time');
  });

  it('prints canonically (as bin) and round-trips', () => {
    expect(roundTrip('* | bucket _time span=1h')).toEqual({ printed: '* | bin span=1h _time', same: true });
    expect(roundTrip('* | bin x as "y z" bins=3')).toEqual({ printed: '* | bin bins=3 x AS "y z"', same: true });
  });
});

describe('bin: every corpus use parses into a bin node', () => {
  it('bin and bucket', () => {
    for (const name of ['bin', 'bucket']) {
      const uses = corpusUses(name);
      // corpusUses looks for nodes of kind <name>: bucket searches hold bin nodes.
      const problems = uses.problems.filter((p) => !(name === 'bucket' && p.endsWith('no bucket node')));
      expect(problems).toEqual([]);
      expect(uses.searches).toBeGreaterThan(10);
    }
    const bin = corpusUses('bin');
    expect(bin.nodes.length).toBeGreaterThanOrEqual(bin.searches);
  });
});

describe('bin: syntax errors (P005 naming bin)', () => {
  it.each([
    ['* | bin', '', 'a field name', 'the end of the search'],
    ['* | bin span=1h', '', 'a field name', 'the end of the search'],
    ['* | bucket _time AS', '', 'a field name', 'the end of the search'],
    ['* | bin x AS | head 1', '|', 'a field name', '"|"'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'bin', expected, found } });
  });
});
