import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FieldValue, RawEvent } from '../../src/data/event.js';
import { extractFields } from '../../src/data/extract.js';
import { readEvents, type InputProblem } from '../../src/data/load.js';

// The shared datasets are read in place (shared/ sits beside the repository), never copied.
const DATASETS = fileURLToPath(new URL('../../../shared/datasets', import.meta.url));
const FALCO = `${DATASETS}/falco-k8s-audit/k8s_audit`;
const EKS = `${DATASETS}/panther-analysis-tests/Amazon.EKS.Audit.jsonl`;

interface Loaded {
  events: RawEvent[];
  rows: Map<string, FieldValue>[];
  problems: InputProblem[];
}

async function load(input: string): Promise<Loaded> {
  const events: RawEvent[] = [];
  const problems: InputProblem[] = [];
  for await (const ev of readEvents([input], { zone: 'UTC' }, (p) => problems.push(p))) events.push(ev);
  return { events, rows: events.map((ev) => extractFields(ev).fields), problems };
}

describe('falco k8s_audit directory', async () => {
  const { events, rows, problems } = await load(FALCO);

  it('52 events: 51 audit events and the {"kind": 0} record; nothing reported', () => {
    expect(events).toHaveLength(52);
    expect(problems).toEqual([]);
    expect(rows.filter((r) => r.get('kind') === 'Event')).toHaveLength(51);
    expect(events.map((e) => e.seq)).toEqual([...Array(52).keys()]);
  });

  it('files in path order; create_configmap_sensitive_values.json holds 6 events', () => {
    const files = events.map((e) => e.origin.file.slice(FALCO.length + 1));
    expect(files).toEqual([...files].sort());
    expect(files.filter((f) => f === 'create_configmap_sensitive_values.json')).toHaveLength(6);
  });

  it('fal_01_003.json is valid JSON: an event with kind=0 and no _time', () => {
    const i = events.findIndex((e) => e.origin.file.endsWith('fal_01_003.json'));
    expect(events[i].raw).toBe('{"kind": 0}');
    expect(events[i].time).toBeUndefined();
    expect([...rows[i]]).toEqual([
      ['_raw', '{"kind": 0}'],
      ['host', 'unknown'],
      ['source', `${FALCO}/fal_01_003.json`],
      ['sourcetype', '_json'],
      ['index', 'main'],
      ['linecount', '1'],
      ['splunk_server', 'splq'],
      ['kind', '0'],
    ]);
  });

  it('every audit event has _time from requestReceivedTimestamp', () => {
    const audit = events.filter((e, i) => rows[i].get('kind') === 'Event');
    expect(audit.every((e) => typeof e.time === 'number')).toBe(true);
  });

  it('the anonymous namespace creation, field by field', () => {
    const row = rows[events.findIndex((e) => e.origin.file.endsWith('anonymous_creates_namespace_foo.json'))];
    expect(row.get('user.username')).toBe('system:anonymous');
    expect(row.get('verb')).toBe('create');
    expect(row.get('objectRef.resource')).toBe('namespaces');
    expect(row.get('sourceIPs{}')).toBe('192.168.99.1');
    expect(row.has('userAgent')).toBe(false);
  });

  it('attach_cluster_admin_role: names with dots, arrays of objects, multivalue groups', () => {
    const i = events.findIndex((e) => e.origin.file.endsWith('attach_cluster_admin_role.json'));
    const row = rows[i];
    expect(events[i].time).toBe(1540563994.238974); // 2018-10-26T14:26:34.238974Z
    expect(row.get('annotations.authorization.k8s.io/decision')).toBe('allow');
    expect(row.get('annotations.authorization.k8s.io/reason')).toBe('');
    expect(row.get('requestObject.roleRef.name')).toBe('cluster-admin');
    expect(row.get('requestObject.subjects{}.name')).toBe('minikube');
    expect(row.get('user.groups{}')).toEqual(['system:masters', 'system:authenticated']);
    expect(row.get('responseStatus.code')).toBe('201');
  });
});

describe('panther Amazon.EKS.Audit.jsonl', async () => {
  const { events, rows, problems } = await load(EKS);

  it('186 events, nothing reported', () => {
    expect(events).toHaveLength(186);
    expect(problems).toEqual([]);
  });

  it('_time from requestReceivedTimestamp (16 events) or else p_event_time (lines 25, 98); the rest have none', () => {
    const timed = events.filter((e) => e.time !== undefined);
    expect(timed).toHaveLength(18);
    expect(events[24].raw).not.toContain('requestReceivedTimestamp');
    expect(events[24].time).toBe(1669680544.38);
    expect(events[97].time).toBe(1707828306.073); // "2024-02-13 12:45:06.073"
  });

  it('line 1: anonymous get of a pod', () => {
    const row = rows[0];
    expect(events[0].origin.line).toBe(1);
    expect(events[0].time).toBe(1669680544.38); // "2022-11-29 00:09:04.38", read in UTC
    expect(row.get('user.username')).toBe('system:anonymous');
    expect(row.get('objectRef.name')).toBe('test-pod');
    expect(row.get('objectRef.namespace')).toBe('default');
    expect(row.get('sourceIPs{}')).toBe('8.8.8.8');
    expect(row.get('p_any_aws_arns{}')).toBe('arn:aws:iam::123412341234:role/DevAdministrator');
    expect(row.get('responseStatus.code')).toBe('200');
    expect(row.get('annotations.authorization.k8s.io/decision')).toBe('allow');
  });

  it('line 6: health check without verb or timestamp', () => {
    const row = rows[5];
    expect(events[5].time).toBeUndefined();
    expect(row.get('requestURI')).toBe('/healthz');
    expect(row.get('userAgent')).toBe('ELB-HealthChecker/2.0');
    expect(row.has('verb')).toBe(false);
  });

  it('line 186: admin gets clusterrole system:admin', () => {
    const row = rows[185];
    expect(events[185].origin.line).toBe(186);
    expect(row.get('verb')).toBe('get');
    expect(row.get('user.username')).toBe('admin@example.com');
    expect(row.get('objectRef.resource')).toBe('clusterroles');
    expect(row.get('objectRef.apiGroup')).toBe('rbac.authorization.k8s.io');
  });

  it('verb counts', () => {
    const verbs = new Map<string, number>();
    for (const row of rows) {
      const verb = String(row.get('verb') ?? '(none)');
      verbs.set(verb, (verbs.get(verb) ?? 0) + 1);
    }
    expect(Object.fromEntries(verbs)).toEqual({
      create: 109,
      get: 30,
      update: 12,
      '(none)': 11,
      watch: 11,
      list: 11,
      propfind: 1,
      patch: 1,
    });
  });
});
