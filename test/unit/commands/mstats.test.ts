// mstats: metric aggregations, WHERE ending before BY or span=, BY with span=.
// https://help.splunk.com/en/splunk-enterprise/search/spl-search-reference/10.0/search-commands/mstats
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

const cmp = (field: string, text: string) => ({ kind: 'Compare', field, op: '=', value: { text } });

describe('mstats: documented forms', () => {
  it('avg of a metric, WHERE index= metric_name=, BY and span=', () => {
    expect(lastCommand('| mstats avg(cpu.usage) WHERE index=metrics metric_name=cpu.* BY host span=1m')).toEqual({
      kind: 'mstats',
      options: [],
      aggregations: [{ fn: 'avg', arg: { kind: 'field', name: 'cpu.usage' }, text: 'avg(cpu.usage)', as: null }],
      where: { kind: 'And', items: [cmp('index', 'metrics'), cmp('metric_name', 'cpu.*')].map((c) => ({ ...c, value: { ...c.value, quoted: false, caseSensitive: false, term: false } })) },
      by: [{ name: 'host' }],
      timespan: { name: 'span', value: '1m', quoted: false },
    });
  });

  it('span= right after WHERE (with or without BY after it) ends the search', () => {
    expect(lastCommand('| mstats avg(_value) WHERE index=m span=30s')).toMatchObject({ where: cmp('index', 'm'), by: [], timespan: { value: '30s' } });
    expect(lastCommand('| mstats avg(_value) WHERE index=m span=30s BY host')).toMatchObject({ by: [{ name: 'host' }], timespan: { value: '30s' } });
  });

  it('wildcard aggregations and aliases, count(x) as y, options first', () => {
    expect(lastCommand('| mstats prestats=t avg(tcp.*) as avg_tcp.* count(x) as y where index=m')).toMatchObject({
      options: [{ name: 'prestats', value: 't' }],
      aggregations: [{ fn: 'avg', arg: { name: 'tcp.*' }, as: 'avg_tcp.*' }, { fn: 'count', as: 'y' }],
    });
  });

  it('spans of the WHERE expression and span=', () => {
    const text = '| mstats avg(x) where index=m AND earliest=-1h by a span=10s';
    const c = lastCommandNode(text, 'mstats');
    expect(spanText(text, c.where!.span)).toBe('index=m AND earliest=-1h');
    expect(spanText(text, c.timespan!.span)).toBe('span=10s');
  });

  it('prints canonically and round-trips', () => {
    expect(roundTrip('| mstats avg(x)  where index=m span=1m')).toEqual({ printed: '| mstats avg(x) WHERE index=m span=1m', same: true });
    expect(roundTrip('| mstats avg(x) as y where index=m by a b span=10s')).toEqual({ printed: '| mstats avg(x) AS y WHERE index=m BY a, b span=10s', same: true });
  });
});

describe('mstats: security_content searches', () => {
  const uses = corpusUses('mstats');

  it('every corpus use parses into an mstats node', () => {
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThanOrEqual(18);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
    for (const { node } of uses.nodes) expect((node.where as { kind: string }).kind).toMatch(/^(And|Compare)$/);
  });

  it('kubernetes_anomalous_inbound_network_activity_from_process (first mstats)', () => {
    const node = uses.nodes.find((u) => u.path === 'detections/cloud/kubernetes_anomalous_inbound_network_activity_from_process.yml')!.node;
    expect(node).toMatchObject({
      aggregations: [{ fn: 'avg', arg: { name: 'tcp.*' }, as: 'tcp.*' }, { fn: 'avg', arg: { name: 'udp.*' }, as: 'udp.*' }],
      where: { kind: 'And', items: [cmp('index', 'kubernetes_metrics'), cmp('earliest', '-1h')] },
      by: [{ name: 'k8s.cluster.name' }, { name: 'dest.workload.name' }, { name: 'dest.process.name' }],
      timespan: { value: '10s' },
    });
  });
});

describe('mstats: syntax errors (P005 naming mstats)', () => {
  it.each([
    ['| mstats where index=m', 'where', 'an aggregation such as avg(<metric>)'],
    ['| mstats avg(x) where', '', '"NOT", "(", "[" or a search term'],
    ['| mstats avg(x) where index=m by', '', 'a field name'],
  ])('%s', (text, at, expected) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'mstats', expected } });
  });
});
