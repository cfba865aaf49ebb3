// Turns a request description into a Kubernetes audit.k8s.io/v1 Event (as EKS writes it to
// CloudWatch Logs) wrapped in a Splunk HEC envelope, serialised as one JSON line.
// Times are integer microseconds since the epoch so the text is exact and reproducible.

const HOST = 'http-inputs-acme.splunkcloud.com';
const pad = (n, width) => String(n).padStart(width, '0');

/** RFC 3339 with microseconds in UTC: `2024-05-06T10:01:02.123456Z`. */
export function rfc3339Micros(us) {
  const seconds = Math.floor(us / 1e6);
  return `${new Date(seconds * 1000).toISOString().slice(0, 19)}.${pad(us % 1e6, 6)}Z`;
}

/** Epoch seconds with a six-digit fraction, written as a JSON number: `1714989662.123456`. */
export function epochText(us) {
  return `${Math.floor(us / 1e6)}.${pad(us % 1e6, 6)}`;
}

/** The responseStatus block the API server writes for `code`. */
function responseStatus(req) {
  const { code, verb, objectRef, user } = req;
  if (code < 400) return { metadata: {}, code };
  const resource = objectRef?.resource ?? 'resource';
  const failures = {
    403: ['Forbidden', `${resource} is forbidden: User "${user.username}" cannot ${verb} resource "${resource}" in API group "" ${objectRef?.namespace ? `in the namespace "${objectRef.namespace}"` : 'at the cluster scope'}`],
    404: ['NotFound', `${resource} "${objectRef?.name}" not found`],
    409: ['Conflict', `Operation cannot be fulfilled on ${resource} "${objectRef?.name}": the object has been modified; please apply your changes to the latest version and try again`],
  };
  const [reason, message] = failures[code];
  return { metadata: {}, status: 'Failure', message, reason, details: { name: objectRef?.name, kind: resource }, code };
}

function annotations(req) {
  if (req.code === 403) return { 'authorization.k8s.io/decision': 'forbid', 'authorization.k8s.io/reason': '' };
  return { 'authorization.k8s.io/decision': 'allow', 'authorization.k8s.io/reason': req.why ?? '' };
}

/**
 * One HEC line. `req`: { cluster, verb, uri, user, ips, ua?, objectRef?, code, why?, sourcetype? }.
 * `receivedUs` is the request time; the envelope `time` carries the same instant.
 */
export function hecLine(rng, receivedUs, req) {
  const event = {
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Metadata',
    auditID: rng.uuid(),
    stage: 'ResponseComplete',
    requestURI: req.uri,
    verb: req.verb,
    user: req.user,
    sourceIPs: req.ips,
    userAgent: req.ua,
    objectRef: req.objectRef,
    responseStatus: responseStatus(req),
    requestReceivedTimestamp: rfc3339Micros(receivedUs),
    stageTimestamp: rfc3339Micros(receivedUs + rng.int(400, 45000)),
    annotations: annotations(req),
  };
  const rest = {
    host: HOST,
    source: req.cluster.source,
    sourcetype: req.sourcetype ?? 'aws:cloudwatchlogs:eks',
    index: 'main',
    event,
  };
  // JSON.stringify drops undefined members (absent userAgent/objectRef) and would shorten the time.
  return `{"time":${epochText(receivedUs)},${JSON.stringify(rest).slice(1)}`;
}
