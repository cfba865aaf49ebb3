/**
 * A progress line on stderr for long runs (issue 5): bytes read of the total, and events per
 * second, redrawn at most five times a second; only on a terminal and without --quiet.
 */
import { statSync } from 'node:fs';

export interface Progress {
  readonly onProgress: (file: string, bytesRead: number, events: number) => void;
  done(): void;
}

export function progressReporter(enabled: boolean, out: NodeJS.WriteStream = process.stderr): Progress | undefined {
  if (!enabled) return undefined;
  const sizes = new Map<string, number>();
  const read = new Map<string, number>();
  const started = Date.now();
  let last = 0;
  let drawn = false;
  return {
    onProgress(file, bytesRead, events) {
      if (!sizes.has(file)) sizes.set(file, sizeOf(file));
      read.set(file, bytesRead);
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      drawn = true;
      out.write(`\r${line(sum(read), sum(sizes), events, (now - started) / 1000)}`);
    },
    done() {
      if (drawn) out.write('\r\x1b[K');
    },
  };
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function sum(m: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const v of m.values()) total += v;
  return total;
}

function line(bytes: number, total: number, events: number, seconds: number): string {
  const mb = (n: number): string => (n / 1e6).toFixed(1);
  const pct = total > 0 ? ` (${Math.min(100, (100 * bytes) / total).toFixed(0)}%)` : '';
  const rate = seconds > 0 ? Math.round(events / seconds).toLocaleString('en-US') : '-';
  return `reading ${mb(bytes)} MB of ${mb(total)} MB${pct}, ${events.toLocaleString('en-US')} events, ${rate} events/s\x1b[K`;
}
