// tstats: options, aggregations, FROM datamodel=, a WHERE search that ends before BY, BY with span=.
// Spec 09 TS1-TS8; https://help.splunk.com/en/splunk-enterprise/search/spl-search-reference/10.0/search-commands/tstats
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

const cmp = (field: string, text: string) => ({ kind: 'Compare', field, op: '=', value: { text } });
const SUMMARIES = [
  { name: 'summariesonly', value: 'false' },
  { name: 'allow_old_summaries', value: 'true' },
  { name: 'fillnull_value', value: 'null' },
];

describe('tstats: documented forms', () => {
  it('macro-expanded options, aggregations with and without AS, FROM, WHERE and BY', () => {
    const text =
      '| tstats summariesonly=false allow_old_summaries=true fillnull_value=null count min(_time) as firstTime ' +
      'values(Processes.process) from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest Processes.user';
    expect(lastCommand(text)).toEqual({
      kind: 'tstats',
      options: SUMMARIES.map((o) => ({ ...o, quoted: false })),
      aggregations: [
        { fn: 'count', arg: null, text: 'count', as: null },
        { fn: 'min', arg: { kind: 'field', name: '_time' }, text: 'min(_time)', as: 'firstTime' },
        { fn: 'values', arg: { kind: 'field', name: 'Processes.process' }, text: 'values(Processes.process)', as: null },
      ],
      from: { kind: 'datamodel', datamodel: { model: 'Endpoint', dataset: ['Processes'] } },
      where: { kind: 'Compare', field: 'Processes.process_name', op: '=', value: { text: 'cmd.exe', quoted: false, caseSensitive: false, term: false } },
      by: [{ name: 'Processes.dest' }, { name: 'Processes.user' }],
      timespan: null,
    });
  });

  it('the data model alone, a child lineage, sid= and a namespace', () => {
    expect(lastCommand('| tstats count from datamodel=Web')).toMatchObject({ from: { kind: 'datamodel', datamodel: { model: 'Web', dataset: [] } } });
    expect(lastCommand('| tstats count FROM datamodel=Change.All_Changes.Account_Management')).toMatchObject({
      from: { datamodel: { model: 'Change', dataset: ['All_Changes', 'Account_Management'] } },
    });
    expect(lastCommand('| tstats count from sid=1234.5')).toMatchObject({ from: { kind: 'sid', sid: '1234.5' } });
    expect(lastCommand('| tstats count from mydata')).toMatchObject({ from: { kind: 'namespace', name: 'mydata' } });
  });

  it('no FROM: WHERE index= over indexed fields; keywords in any case', () => {
    expect(lastCommand('| tstats count WHERE index=main BY host')).toMatchObject({ from: null, where: cmp('index', 'main'), by: [{ name: 'host' }] });
    expect(lastCommand('| TSTATS count Where index=main')).toMatchObject({ kind: 'tstats', where: cmp('index', 'main'), by: [] });
  });

  it('WHERE ends before BY; BY is still a plain word inside parentheses and IN lists', () => {
    expect(lastCommand('| tstats count from datamodel=Web where (a=1 OR b=by) c IN (x, by) BY d')).toMatchObject({
      where: { kind: 'And', items: [{ kind: 'Or' }, { kind: 'In', field: 'c', values: [{ text: 'x' }, { text: 'by' }] }] },
      by: [{ name: 'd' }],
    });
  });

  it('span= anywhere among the BY fields, commas allowed (`BY _time span=1h, dest`)', () => {
    const expected = { by: [{ name: '_time' }, { name: 'Filesystem.dest' }], timespan: { name: 'span', value: '1h' } };
    expect(lastCommand('| tstats count FROM datamodel=Endpoint.Filesystem by _time span=1h, Filesystem.dest')).toMatchObject(expected);
    expect(lastCommand('| tstats count FROM datamodel=Endpoint.Filesystem by _time Filesystem.dest span=1h')).toMatchObject(expected);
    expect(lastCommand('| tstats count by span=1d')).toMatchObject({ by: [], timespan: { value: '1d' } });
  });

  it('options between aggregations (`tstats count summariesonly=false ...`, two corpus searches)', () => {
    expect(lastCommand('| tstats count summariesonly=false values(a) AS a from datamodel=X')).toMatchObject({
      options: [{ name: 'summariesonly' }],
      aggregations: [{ fn: 'count' }, { fn: 'values', as: 'a' }],
    });
  });

  it('a subsearch in WHERE and quoted BY fields', () => {
    expect(lastCommand('| tstats count from datamodel=Endpoint.Processes where [| inputlookup tools | fields process_name] by "Processes.dest"')).toMatchObject({
      where: { kind: 'Subsearch', pipeline: { leadingPipe: true, commands: [{ kind: 'inputlookup', lookup: { name: 'tools' } }, {}] } },
      by: [{ name: 'Processes.dest' }],
    });
  });

  it('a value glued to the next comparison runs on through "=" (`p="* Nul*"p="*&gt;*"`, security_content)', () => {
    expect(lastCommand('| tstats count from datamodel=E where p="* Nul*"p="*&gt;*" q=1 by d')).toMatchObject({
      where: { kind: 'And', items: [{ kind: 'Compare', field: 'p', value: { text: '* Nul*p=*&gt;*', quoted: false } }, cmp('q', '1')] },
    });
  });

  it('spans: the command, the data model value, the WHERE expression, BY fields and span=', () => {
    const text = '| tstats count from datamodel=Endpoint.Processes where a=1 by host span=1h';
    const c = lastCommandNode(text, 'tstats');
    expect(spanText(text, c.span)).toBe(text.slice(2));
    expect(c.from?.kind === 'datamodel' && spanText(text, c.from.datamodel.span)).toBe('Endpoint.Processes');
    expect(spanText(text, c.where!.span)).toBe('a=1');
    expect(spanText(text, c.by[0]!.span)).toBe('host');
    expect(spanText(text, c.timespan!.span)).toBe('span=1h');
  });

  it('prints canonically and round-trips', () => {
    expect(roundTrip('| tstats  count  from datamodel=Web  where Web.status=200 by _time span=1h, Web.dest')).toEqual({
      printed: '| tstats count FROM datamodel=Web WHERE Web.status=200 BY _time, Web.dest span=1h',
      same: true,
    });
    expect(roundTrip('| tstats count by span=1h').printed).toBe('| tstats count BY span=1h');
    expect(roundTrip('| tstats count from sid="a b"').same).toBe(true);
  });
});

describe('tstats: security_content searches', () => {
  const uses = corpusUses('tstats');

  it('every corpus use parses into a tstats node', () => {
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(950);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
    for (const { node } of uses.nodes) expect(node.aggregations).not.toEqual([]);
  });

  const at = (path: string) => uses.nodes.find((u) => u.path === path)!.node;

  it.each([
    [
      'detections/endpoint/spike_in_file_writes.yml',
      { from: { datamodel: { model: 'Endpoint', dataset: ['Filesystem'] } }, where: cmp('Filesystem.action', 'created'), by: [{ name: '_time' }, { name: 'Filesystem.dest' }], timespan: { value: '1h' } },
    ],
    [
      'detections/deprecated/detect_usb_device_insertion.yml',
      { from: { datamodel: { model: 'Change_Analysis', dataset: [] } }, where: { kind: 'And', items: [cmp('nodename', 'All_Changes'), cmp('All_Changes.result', 'Removable Storage device'), { kind: 'Or' }, cmp('All_Changes.src_priority', 'high')] } },
    ],
    [
      'detections/network/smb_traffic_spike.yml',
      { options: SUMMARIES, where: { kind: 'Or', items: [cmp('All_Traffic.dest_port', '139'), cmp('All_Traffic.dest_port', '445'), cmp('All_Traffic.app', 'smb')] }, by: [{ name: '_time' }, { name: 'All_Traffic.src' }] },
    ],
    [
      'detections/endpoint/suspicious_linux_discovery_commands.yml',
      { where: { kind: 'Subsearch', pipeline: { leadingPipe: true, commands: [{ kind: 'inputlookup', lookup: { name: 'linux_tool_discovery_process.csv' } }, {}, {}] } } },
    ],
    [
      'investigations/investigate_failed_logins_for_multiple_destinations.yml',
      { options: SUMMARIES, aggregations: [{ fn: 'count' }, { fn: 'earliest', as: 'first_login' }, { fn: 'latest' }, { fn: 'dc' }, { fn: 'values' }, { fn: 'values' }] },
    ],
  ])('%s', (path, shape) => {
    expect(at(path)).toMatchObject(shape);
  });

  it('every FROM names a data model, and WHERE never follows BY', () => {
    for (const { node, text } of uses.nodes) {
      expect((node.from as { kind: string }).kind).toBe('datamodel');
      const by = node.by as { span: { start: number } }[];
      const where = node.where as { span: { end: number } } | null;
      if (where && by.length > 0) expect(where.span.end).toBeLessThan(by[0]!.span.start);
      expect(text).toBeTruthy();
    }
  });
});

describe('tstats: syntax errors (P005 naming tstats)', () => {
  it.each([
    ['| tstats from datamodel=Web', 'from', 'an aggregation such as count'],
    ['| tstats count from', '', 'datamodel=<model>[.<dataset>], sid=<job id> or a namespace'],
    ['| tstats count from datamodel=Web where by host', 'by', '"NOT", "(", "[" or a search term'],
    ['| tstats count from datamodel=Web where', '', '"NOT", "(", "[" or a search term'],
    ['| tstats count by', '', 'a field name'],
    ['| tstats count from datamodel=', '', 'a field name'],
  ])('%s', (text, at, expected) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'tstats', expected } });
  });

  it('positions: at the token, or just past the end of the search', () => {
    expect(syntaxFailure('| tstats count from datamodel=Web where by host').start).toBe(40);
    expect(syntaxFailure('| tstats count from').start).toBe(19);
  });
});
