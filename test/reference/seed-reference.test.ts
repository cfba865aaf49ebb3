// Tests of the independent seed-detection reference itself, on tiny hand-written HEC events whose
// expected rows were worked out by hand (spec 03 T2/T3/T14, 04 C2, 06 J2, 07 O1/O3).
import { describe, expect, it } from 'vitest';
import { referenceSeedRows } from './seed-reference.js';

interface Audit {
  username?: string;
  groups?: string[];
  verb?: string;
  resource?: string;
  uri?: string;
  ips?: string[];
  ua?: string;
  code?: number;
  reason?: string;
}

/** One HEC line; defaults describe a matching anonymous scan. */
function hec(time: number, source: string, a: Audit, sourcetype = 'aws:cloudwatchlogs:eks'): string {
  const user: Record<string, unknown> = { username: a.username ?? 'system:anonymous' };
  if (a.groups) user.groups = a.groups;
  const event = {
    kind: 'Event',
    requestURI: a.uri ?? '/api/v1/pods',
    verb: a.verb ?? 'list',
    user,
    sourceIPs: a.ips,
    userAgent: a.ua,
    objectRef: { resource: a.resource ?? 'pods', apiVersion: 'v1' },
    responseStatus: { metadata: {}, code: a.code ?? 403, reason: a.reason },
  };
  return JSON.stringify({ time, host: 'h', source, sourcetype, index: 'main', event });
}

const A = '/aws/eks/a/cluster';
const B = '/aws/eks/b/cluster';
const ANON = ['system:unauthenticated'];

const FIVE = [
  // e1: two IPs x two groups -> four groups.
  hec(1714989600.75, A, { groups: ['system:unauthenticated', 'system:public'], ips: ['203.0.113.9', '10.0.0.5'], ua: 'curl/8.0', reason: 'Forbidden' }),
  // e2: every condition matched case-insensitively; joins e1's (203.0.113.9, unauthenticated) group.
  hec(1714989700.2, A, { groups: ANON, ips: ['203.0.113.9'], ua: 'Zgrab/0.x', code: 200, verb: 'LIST', resource: 'Pods', uri: '/API/V1/PODS' }, 'AWS:CloudWatchLogs:EKS'),
  // e3: matches but has no user.groups -> contributes to no group.
  hec(1714989800, A, { ips: ['203.0.113.9'], ua: 'curl/8.0', reason: 'Forbidden' }),
  // e4: upper-case username matches the search but stays its own group key; no userAgent.
  hec(1714989900.999, B, { username: 'SYSTEM:ANONYMOUS', groups: ANON, ips: ['198.51.100.1'], reason: 'Forbidden' }),
  // e5: same scan under another sourcetype -> not selected.
  hec(1714989950, B, { groups: ANON, ips: ['198.51.100.1'], ua: 'curl/8.0', reason: 'Forbidden' }, 'aws:cloudwatchlogs'),
].join('\n');

const base = (ip: string, cluster: string, groups: string, user = 'system:anonymous') => ({
  src_ip: ip,
  cluster_name: cluster,
  'user.username': user,
  'user.groups{}': groups,
});

const E1_ONLY = {
  count: '1',
  firstTime: '2024-05-06T10:00:00',
  lastTime: '2024-05-06T10:00:00',
  'values(responseStatus.reason)': 'Forbidden',
  'values(responseStatus.code)': '403',
  'values(userAgent)': 'curl/8.0',
  'values(verb)': 'list',
  'values(requestURI)': '/api/v1/pods',
};

describe('referenceSeedRows', () => {
  const rows = referenceSeedRows(FIVE);

  it('fans out multivalue BY fields, drops events missing a BY field, sorts rows by bytes', () => {
    expect(rows.map((r) => [r.src_ip, r.cluster_name, r['user.username'], r['user.groups{}'], r.count])).toEqual([
      ['10.0.0.5', A, 'system:anonymous', 'system:public', '1'],
      ['10.0.0.5', A, 'system:anonymous', 'system:unauthenticated', '1'],
      ['198.51.100.1', B, 'SYSTEM:ANONYMOUS', 'system:unauthenticated', '1'],
      ['203.0.113.9', A, 'system:anonymous', 'system:public', '1'],
      ['203.0.113.9', A, 'system:anonymous', 'system:unauthenticated', '2'],
    ]);
  });

  it('renders whole rows: key order, strings, one value plain, several as a byte-sorted array', () => {
    expect(rows[0]).toEqual({ ...base('10.0.0.5', A, 'system:public'), ...E1_ONLY });
    expect(Object.keys(rows[4])).toEqual([
      'src_ip', 'cluster_name', 'user.username', 'user.groups{}', 'count', 'firstTime', 'lastTime',
      'values(responseStatus.reason)', 'values(responseStatus.code)', 'values(userAgent)', 'values(verb)',
      'values(requestURI)',
    ]);
    expect(rows[4]).toEqual({
      ...base('203.0.113.9', A, 'system:unauthenticated'),
      count: '2',
      firstTime: '2024-05-06T10:00:00',
      lastTime: '2024-05-06T10:01:40',
      'values(responseStatus.reason)': 'Forbidden',
      'values(responseStatus.code)': ['200', '403'],
      'values(userAgent)': ['Zgrab/0.x', 'curl/8.0'],
      'values(verb)': ['LIST', 'list'],
      'values(requestURI)': ['/API/V1/PODS', '/api/v1/pods'],
    });
  });

  it('omits values() of a field no event in the group has, and truncates fractional seconds', () => {
    expect(rows[2]).toEqual({
      ...base('198.51.100.1', B, 'system:unauthenticated', 'SYSTEM:ANONYMOUS'),
      count: '1',
      firstTime: '2024-05-06T10:05:00',
      lastTime: '2024-05-06T10:05:00',
      'values(responseStatus.reason)': 'Forbidden',
      'values(responseStatus.code)': '403',
      'values(verb)': 'list',
      'values(requestURI)': '/api/v1/pods',
    });
  });

  it('matches whole values only, skips blank lines and payloads without an envelope', () => {
    const nearMisses = [
      hec(1, A, { username: 'system:anonymous-x', groups: ANON, ips: ['192.0.2.1'] }),
      hec(2, A, { groups: ANON, ips: ['192.0.2.1'], uri: '/api/v1/pods?limit=500' }),
      hec(3, A, { groups: ANON, ips: ['192.0.2.1'], uri: '/api/v1/namespaces/default/pods' }),
      hec(4, A, { groups: ANON, ips: ['192.0.2.1'], verb: 'get' }),
      hec(5, A, { groups: ANON, ips: ['192.0.2.1'], resource: 'secrets' }),
      '',
      JSON.stringify({ user: { username: 'system:anonymous', groups: ANON }, verb: 'list', sourceIPs: ['192.0.2.1'] }),
    ].join('\n');
    expect(referenceSeedRows(nearMisses)).toEqual([]);
  });

  it('counts a value repeated inside one event once per occurrence (dedup_splitvals=false)', () => {
    const twice = hec(1714989600, A, { groups: ANON, ips: ['192.0.2.1', '192.0.2.1'], ua: 'u' });
    expect(referenceSeedRows(twice).map((r) => [r.src_ip, r.count])).toEqual([['192.0.2.1', '2']]);
  });
});
