// Request templates: routine control-plane and operator traffic, anonymous pod-listing scans,
// and near misses that look like scans but must not match the pod-scan detection.
import { AGENTS } from './cluster.mjs';

const core = (resource, namespace, name) => ({ resource, namespace, name, apiVersion: 'v1' });
const grouped = (apiGroup, resource, namespace, name) => ({ resource, namespace, name, apiGroup, apiVersion: 'v1' });
const rbac = (binding, role, subject) => `RBAC: allowed by ClusterRoleBinding "${binding}" of ClusterRole "${role}" to ${subject}`;

/** Routine traffic, as [weight, (rng, cluster) => request] pairs. */
export const NORMAL = [
  [20, (rng, c) => {
    const node = rng.pick(c.nodes);
    return { verb: 'update', uri: `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${node.host}?timeout=10s`,
      user: node.user, ips: [node.ip], ua: AGENTS.kubelet, code: rng.chance(0.03) ? 409 : 200,
      objectRef: grouped('coordination.k8s.io', 'leases', 'kube-node-lease', node.host), why: '' };
  }],
  [12, (rng, c) => {
    const node = rng.pick(c.nodes);
    return { verb: 'get', uri: `/api/v1/nodes/${node.host}?resourceVersion=0&timeout=10s`, user: node.user,
      ips: [node.ip], ua: AGENTS.kubelet, code: 200, objectRef: core('nodes', undefined, node.host) };
  }],
  [6, (rng, c) => {
    const node = rng.pick(c.nodes);
    return { verb: 'patch', uri: `/api/v1/nodes/${node.host}/status?timeout=10s`, user: node.user, ips: [node.ip],
      ua: AGENTS.kubelet, code: 200, objectRef: { ...core('nodes', undefined, node.host), subresource: 'status' } };
  }],
  [5, (rng, c) => {
    const node = rng.pick(c.nodes);
    const rv = rng.int(2000000, 9000000);
    return { verb: 'watch', user: node.user, ips: [node.ip], ua: AGENTS.kubelet, code: 200, objectRef: core('pods'),
      uri: `/api/v1/pods?allowWatchBookmarks=true&fieldSelector=spec.nodeName%3D${node.host}&resourceVersion=${rv}&timeoutSeconds=${rng.int(300, 600)}&watch=true` };
  }],
  [4, (rng, c) => {
    const node = rng.pick(c.nodes);
    const ns = rng.pick(['default', 'kube-system', c.appNamespace]);
    return { verb: 'create', uri: `/api/v1/namespaces/${ns}/events`, user: node.user, ips: [node.ip],
      ua: AGENTS.kubelet, code: 201, objectRef: core('events', ns) };
  }],
  [10, (rng, c) => {
    const [user, ua, lease] = rng.pick([
      [c.users.controllerManager, AGENTS.controller, 'kube-controller-manager'],
      [c.users.scheduler, AGENTS.scheduler, 'kube-scheduler'],
    ]);
    const verb = rng.pick(['get', 'update']);
    return { verb, uri: `/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/${lease}?timeout=5s`, user,
      ips: ['127.0.0.1'], ua, code: 200, objectRef: grouped('coordination.k8s.io', 'leases', 'kube-system', lease) };
  }],
  [4, (rng, c) => ({ verb: 'watch', user: c.users.coredns, ips: [`${c.net}.${rng.int(1, 3)}.${rng.int(10, 250)}`],
    ua: AGENTS.coredns, code: 200, objectRef: grouped('discovery.k8s.io', 'endpointslices'),
    why: rbac('system:coredns', 'system:coredns', 'ServiceAccount "coredns/kube-system"'),
    uri: `/apis/discovery.k8s.io/v1/endpointslices?allowWatchBookmarks=true&resourceVersion=${rng.int(2000000, 9000000)}&timeout=6m41s&timeoutSeconds=401&watch=true` })],
  [3, (rng, c) => {
    const node = rng.pick(c.nodes);
    return { verb: 'list', uri: '/api/v1/services?labelSelector=%21service.kubernetes.io%2Fheadless&limit=500&resourceVersion=0',
      user: c.users.kubeProxy, ips: [node.ip], ua: AGENTS.kubeProxy, code: 200, objectRef: core('services'),
      why: rbac('eks:kube-proxy', 'system:node-proxier', 'ServiceAccount "kube-proxy/kube-system"') };
  }],
  [5, (rng, c) => {
    const node = rng.pick(c.nodes);
    return { verb: 'get', uri: '/api/v1/namespaces/kube-system/configmaps/amazon-vpc-cni', user: c.users.awsNode,
      ips: [node.ip], ua: AGENTS.awsNode, code: rng.chance(0.1) ? 404 : 200,
      objectRef: core('configmaps', 'kube-system', 'amazon-vpc-cni'), why: rbac('aws-node', 'aws-node', 'ServiceAccount "aws-node/kube-system"') };
  }],
  [3, (rng, c) => ({ verb: 'create', uri: `/api/v1/namespaces/${c.appNamespace}/pods`, user: c.users.replicaset,
    ips: ['127.0.0.1'], ua: AGENTS.controller.replace('/leader-election', '/system:serviceaccount:kube-system:replicaset-controller'),
    code: 201, objectRef: core('pods', c.appNamespace) })],
  [4, (rng, c) => {
    const svc = rng.pick(['api', 'worker', 'frontend']);
    return { verb: 'update', uri: `/api/v1/namespaces/${c.appNamespace}/endpoints/${svc}`, user: c.users.endpoints,
      ips: ['127.0.0.1'], ua: AGENTS.controller, code: 200, objectRef: core('endpoints', c.appNamespace, svc) };
  }],
  [6, (rng, c) => {
    const [verb, uri, objectRef, code] = rng.pick([
      ['list', '/api/v1/namespaces/default/pods?limit=500', core('pods', 'default'), 200],
      ['list', '/api/v1/pods?limit=500', core('pods'), 200],
      ['get', `/api/v1/namespaces/${c.appNamespace}/configmaps/app-settings`, core('configmaps', c.appNamespace, 'app-settings'), 200],
      ['patch', `/apis/apps/v1/namespaces/${c.appNamespace}/deployments/api`, grouped('apps', 'deployments', c.appNamespace, 'api'), 200],
      ['create', `/api/v1/namespaces/${c.appNamespace}/configmaps`, core('configmaps', c.appNamespace), 201],
    ]);
    return { verb, uri, objectRef, code, user: c.users.admin, ips: ['10.20.0.15'], ua: AGENTS.kubectl };
  }],
  // Anonymous health probes: non-resource URLs, so no objectRef.
  [2, (rng, c) => ({ verb: 'get', uri: rng.pick(['/livez', '/readyz', '/version']), user: c.users.anonymous,
    ips: [c.lbIp], ua: 'ELB-HealthChecker/2.0', code: 200, why: rbac('system:public-info-viewer', 'system:public-info-viewer', 'Group "system:unauthenticated"') })],
];

/** External scanners; each prefers one client but sometimes switches tools. */
const SCANNERS = [
  { ip: '203.0.113.45', ua: 'kube-hunter' },
  { ip: '198.51.100.23', ua: 'curl/7.68.0' },
  { ip: '192.0.2.77', ua: 'python-requests/2.28.1' },
  { ip: '203.0.113.201', ua: 'Go-http-client/1.1' },
];
const OTHER_AGENTS = ['curl/7.68.0', 'python-requests/2.28.1', 'kube-hunter', 'Mozilla/5.0 zgrab/0.x'];

/** An anonymous request from a scanner; the caller sets verb/uri/objectRef. */
function anonymous(rng, c) {
  const s = rng.pick(SCANNERS);
  const ua = rng.chance(0.15) ? undefined : rng.chance(0.2) ? rng.pick(OTHER_AGENTS) : s.ua;
  // Behind a load balancer the API server records X-Forwarded-For first, then the peer.
  const ips = rng.chance(0.12) ? [s.ip, c.lbIp] : [s.ip];
  return { user: c.users.anonymous, ips, ua, code: 403 };
}

const scan = (rng, c) => ({ ...anonymous(rng, c), verb: 'list', uri: '/api/v1/pods', objectRef: core('pods'),
  ...(rng.chance(0.15) ? { code: 200, why: rbac('anonymous-pod-reader', 'view', 'User "system:anonymous"') } : {}) });

/** Anomalies: scans that match the detection, and near misses that must not. */
export const ANOMALIES = [
  [10, scan],
  [2, (rng, c) => ({ ...anonymous(rng, c), verb: 'list', uri: '/api/v1/namespaces/default/pods', objectRef: core('pods', 'default') })],
  [1, (rng, c) => ({ ...anonymous(rng, c), verb: 'get', uri: '/api/v1/pods', objectRef: core('pods') })],
  [1, (rng, c) => ({ ...anonymous(rng, c), verb: 'list', uri: '/api/v1/pods?limit=500', objectRef: core('pods') })],
  [2, (rng, c) => ({ ...anonymous(rng, c), verb: 'list', uri: '/api/v1/secrets', objectRef: core('secrets') })],
  [2, (rng, c) => ({ verb: 'list', uri: '/api/v1/pods', objectRef: core('pods'), user: c.users.prometheus, code: 200,
    ips: [`${c.net}.${rng.int(1, 3)}.${rng.int(10, 250)}`], ua: AGENTS.prometheus,
    why: rbac('prometheus', 'prometheus', 'ServiceAccount "prometheus/monitoring"') })],
  // The same scan forwarded under the generic CloudWatch Logs sourcetype.
  [2, (rng, c) => ({ ...scan(rng, c), sourcetype: 'aws:cloudwatchlogs' })],
];
