// Guards for the synthetic EKS fixture: it is exactly what the documented generator command
// produces, it is well-formed, and the seed case's expected rows agree with the reference.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { referenceSeedRows } from './seed-reference.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixturePath = `${root}fixtures/events/eks-audit.ndjson`;
const fixture = readFileSync(fixturePath, 'utf8');

function generate(args: string[]): string {
  return execFileSync(process.execPath, ['scripts/gen-eks-events.mjs', ...args], { cwd: root, encoding: 'utf8' });
}

describe('fixtures/events/eks-audit.ndjson', () => {
  it('is byte-identical to the command in fixtures/events/README.md', () => {
    const readme = readFileSync(`${root}fixtures/events/README.md`, 'utf8');
    const command = /node scripts\/gen-eks-events\.mjs (.*) --out fixtures\/events\/eks-audit\.ndjson/.exec(readme);
    expect(command).not.toBeNull();
    expect(generate(command![1].split(' '))).toBe(fixture);
  });

  it('has increasing times and request timestamps equal to the envelope time', () => {
    const lines = fixture.trimEnd().split('\n');
    expect(lines).toHaveLength(400);
    let previous = -Infinity;
    for (const line of lines) {
      const { time, sourcetype, event } = JSON.parse(line);
      const timeText = /^\{"time":(\d+\.\d{6}),/.exec(line)![1];
      const [seconds, micros] = timeText.split('.');
      const iso = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
      expect(event.requestReceivedTimestamp).toBe(`${iso}.${micros}Z`);
      expect(event.stageTimestamp > event.requestReceivedTimestamp).toBe(true);
      expect(time).toBeGreaterThan(previous);
      expect(['aws:cloudwatchlogs:eks', 'aws:cloudwatchlogs']).toContain(sourcetype);
      previous = time;
    }
  });

  it('agrees with the expected rows of fixtures/cases/seed/seed-fixture.json', () => {
    const golden = JSON.parse(readFileSync(`${root}fixtures/cases/seed/seed-fixture.json`, 'utf8'));
    expect(golden.dataset).toBe('eks-audit.ndjson');
    expect(referenceSeedRows(fixture)).toEqual(golden.expected.rows);
  });
});

describe('scripts/gen-eks-events.mjs', () => {
  it('is deterministic per seed and varies with the seed', () => {
    const a = generate(['--events', '30', '--seed', '5', '--anomaly-rate', '0.5']);
    expect(generate(['--events', '30', '--seed', '5', '--anomaly-rate', '0.5'])).toBe(a);
    expect(generate(['--events', '30', '--seed', '6', '--anomaly-rate', '0.5'])).not.toBe(a);
  });

  it('honours --start', () => {
    const first = JSON.parse(generate(['--events', '1', '--seed', '1', '--start', '2030-01-01T00:00:00Z']));
    expect(first.time).toBeGreaterThan(Date.parse('2030-01-01T00:00:00Z') / 1000);
    expect(first.event.requestReceivedTimestamp.startsWith('2030-01-01T00:')).toBe(true);
  });
});
