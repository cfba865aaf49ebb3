// Preloaded into every timed process (NODE_OPTIONS=--import): reports the peak resident set size
// and the CPU time used (user + system, all threads) on exit to the file named by SPLQ_BENCH_RSS,
// so the bench measures the real CLI unchanged.
import { appendFileSync } from 'node:fs';

const target = process.env.SPLQ_BENCH_RSS;
if (target) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    appendFileSync(target, `${u.maxRSS} ${(u.userCPUTime + u.systemCPUTime) / 1e6}\n`);
  });
}
