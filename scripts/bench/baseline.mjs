// The plain Node.js program the issue measures splq against, for workload (a): readline, JSON.parse
// every line, filter as the seed detection does, aggregate in a Map. Written for the bench only.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const file = process.argv[2];
const groups = new Map();
const lc = (v) => String(v).toLowerCase();
const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
for await (const line of rl) {
  if (!line) continue;
  const env = JSON.parse(line);
  const e = env.event;
  if (lc(env.sourcetype) !== 'aws:cloudwatchlogs:eks' || lc(e.user?.username) !== 'system:anonymous') continue;
  if (lc(e.verb) !== 'list' || lc(e.objectRef?.resource) !== 'pods' || lc(e.requestURI) !== '/api/v1/pods') continue;
  for (const ip of e.sourceIPs ?? []) {
    for (const g of e.user?.groups ?? []) {
      const key = `${ip}\u0000${env.source}\u0000${e.user.username}\u0000${g}`;
      let s = groups.get(key);
      if (!s) groups.set(key, (s = { count: 0, first: Infinity, last: -Infinity, ua: new Set() }));
      s.count++;
      s.first = Math.min(s.first, env.time);
      s.last = Math.max(s.last, env.time);
      if (e.userAgent) s.ua.add(e.userAgent);
    }
  }
}
process.stdout.write(`${groups.size} groups\n`);
