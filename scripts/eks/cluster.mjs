// The synthetic estate: EKS clusters (one CloudWatch log group each), their nodes and the
// identities that appear in audit events. All names, account ids and IPs are invented;
// external addresses come from the documentation ranges of RFC 5737.

const CLUSTERS = [
  { name: 'prod-payments', account: '111122223333', region: 'us-east-1', net: '10.0', weight: 4 },
  { name: 'prod-analytics', account: '111122223333', region: 'us-east-1', net: '10.4', weight: 3 },
  { name: 'staging-web', account: '444455556666', region: 'us-west-2', net: '10.1', weight: 2 },
  { name: 'dev-data', account: '777788889999', region: 'eu-west-1', net: '10.2', weight: 1 },
];

const K8S_VERSION = 'v1.29.3-eks-adc7111';

export const AGENTS = {
  kubelet: `kubelet/${K8S_VERSION} (linux/amd64) kubernetes/adc7111`,
  controller: `kube-controller-manager/${K8S_VERSION} (linux/amd64) kubernetes/adc7111/leader-election`,
  scheduler: `kube-scheduler/${K8S_VERSION} (linux/amd64) kubernetes/adc7111/leader-election`,
  coredns: 'coredns/v1.11.1',
  kubeProxy: `kube-proxy/${K8S_VERSION} (linux/amd64) kubernetes/adc7111`,
  awsNode: 'aws-node/v1.18.1 (linux/amd64) kubernetes/$Format',
  kubectl: 'kubectl/v1.29.2 (darwin/arm64) kubernetes/4b8e819',
  prometheus: 'prometheus/2.51.2',
};

/** A node's DNS name as EKS prints it (`ip-10-0-1-23.ec2.internal` in us-east-1). */
function nodeHost(ip, region) {
  const dns = region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`;
  return `ip-${ip.replaceAll('.', '-')}.${dns}`;
}

function iamExtra(rng, account, role, session) {
  const principal = `AROA${rng.hex(16).toUpperCase()}`;
  return {
    accessKeyId: [`ASIA${rng.hex(16).toUpperCase()}`],
    arn: [`arn:aws:sts::${account}:assumed-role/${role}/${session}`],
    canonicalArn: [`arn:aws:iam::${account}:role/${role}`],
    principalId: [principal],
    sessionName: [session],
  };
}

/** A service-account user as the token authenticator reports it. */
function serviceAccount(rng, ns, name) {
  return {
    username: `system:serviceaccount:${ns}:${name}`,
    uid: rng.uuid(),
    groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'],
  };
}

function buildCluster(rng, spec) {
  const nodes = Array.from({ length: 3 }, (_, i) => {
    const ip = `${spec.net}.${i + 1}.${rng.int(10, 250)}`;
    const host = nodeHost(ip, spec.region);
    const role = `${spec.name}-node-role`;
    const instance = `i-0${rng.hex(16)}`;
    const user = {
      username: `system:node:${host}`,
      uid: `aws-iam-authenticator:${spec.account}:AROA${rng.hex(16).toUpperCase()}`,
      groups: ['system:nodes', 'system:authenticated'],
      extra: iamExtra(rng, spec.account, role, instance),
    };
    return { ip, host, user };
  });
  const sa = (ns, name) => serviceAccount(rng, ns, name);
  return {
    ...spec,
    source: `/aws/eks/${spec.name}/cluster`,
    nodes,
    appNamespace: spec.name.split('-')[1],
    lbIp: `${spec.net}.0.${rng.int(2, 60)}`,
    users: {
      controllerManager: { username: 'system:kube-controller-manager', groups: ['system:authenticated'] },
      scheduler: { username: 'system:kube-scheduler', groups: ['system:authenticated'] },
      coredns: sa('kube-system', 'coredns'),
      kubeProxy: sa('kube-system', 'kube-proxy'),
      awsNode: sa('kube-system', 'aws-node'),
      replicaset: sa('kube-system', 'replicaset-controller'),
      endpoints: sa('kube-system', 'endpoint-controller'),
      prometheus: sa('monitoring', 'prometheus'),
      admin: {
        username: 'kubernetes-admin',
        uid: `aws-iam-authenticator:${spec.account}:AIDA${rng.hex(16).toUpperCase()}`,
        groups: ['system:masters', 'system:authenticated'],
        extra: iamExtra(rng, spec.account, 'EKSClusterAdmin', `ops-${rng.hex(6)}`),
      },
      anonymous: { username: 'system:anonymous', groups: ['system:unauthenticated'] },
    },
  };
}

/** Builds the clusters (drawing their random parts from `rng`) and a weighted picker. */
export function buildEstate(rng) {
  const clusters = CLUSTERS.map((spec) => buildCluster(rng, spec));
  return { clusters, pickCluster: () => rng.weighted(clusters.map((c) => [c.weight, c])) };
}
