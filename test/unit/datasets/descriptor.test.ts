import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetDescriptor, loadDetectionDatasets } from '../../../src/datasets/index.js';
import { SplError } from '../../../src/errors/spl-error.js';

/** A copy of attack_data's layout: datasets/attack_techniques/T1526/scan/{scan.yml, eks.json}. */
function attackData(descriptor: string): { root: string; yml: string; dir: string } {
  const top = mkdtempSync(join(tmpdir(), 'splq-desc-'));
  const root = join(top, 'datasets');
  const dir = join(root, 'attack_techniques', 'T1526', 'scan');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'eks.json'), '{"verb":"list"}\n');
  writeFileSync(join(dir, 'local.log'), 'x\n');
  const yml = join(dir, 'scan.yml');
  writeFileSync(yml, descriptor);
  return { root, yml, dir };
}

const ATTACK_DATA = `author: Someone
id: cc9b25e1-efc9-11eb-926b-550bf0943fbb
mitre_technique:
- T1526
datasets:
- name: eks
  path: /datasets/attack_techniques/T1526/scan/eks.json
  sourcetype: aws:cloudwatchlogs:eks
  source: /aws/eks/prod/cluster
- name: local
  path: local.log
  sourcetype: linux_secure
  source: /var/log/secure
  host: web-1
  index: os
`;

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof SplError) return e.code;
    throw e;
  }
  return 'none';
}

describe('loadDatasetDescriptor', () => {
  it('reads an attack_data descriptor: /datasets/ paths under the data root, others beside the file', () => {
    const { root, yml, dir } = attackData(ATTACK_DATA);
    const d = loadDatasetDescriptor(yml, { dataRoot: root });
    expect(d.datasets).toEqual([
      { name: 'eks', path: join(root, 'attack_techniques/T1526/scan/eks.json'), sourcetype: 'aws:cloudwatchlogs:eks', source: '/aws/eks/prod/cluster', host: undefined, index: undefined },
      { name: 'local', path: join(dir, 'local.log'), sourcetype: 'linux_secure', source: '/var/log/secure', host: 'web-1', index: 'os' },
    ]);
    expect(d.time).toBeUndefined();
  });

  it('finds the data root from its own place inside attack_data when none is given', () => {
    const { root, yml } = attackData(ATTACK_DATA);
    expect(loadDatasetDescriptor(yml, {}).datasets[0]!.path).toBe(join(root, 'attack_techniques/T1526/scan/eks.json'));
  });

  it('reads time settings, resolving props against the descriptor folder', () => {
    const { yml, dir } = attackData(`datasets:\n- {name: e, path: eks.json, sourcetype: st}\ntime:\n  shift_to: now\n  tz: Europe/Berlin\n  props: props.conf\n  time_field: ts\n`);
    expect(loadDatasetDescriptor(yml, {}).time).toEqual({ shiftTo: 'now', tz: 'Europe/Berlin', props: [join(dir, 'props.conf')], timeField: 'ts' });
  });

  it("reads attack_data's older replay.yml shape (replay_parameters, update_timestamp)", () => {
    const { yml, dir } = attackData(`datasets:\n- name: e\n  path: eks.json\n  replay_parameters:\n    sourcetype: aws:cloudtrail\n    source: aws_cloudtrail\n    index: test\n    update_timestamp: true\n`);
    const d = loadDatasetDescriptor(yml, {});
    expect(d.datasets[0]).toMatchObject({ path: join(dir, 'eks.json'), sourcetype: 'aws:cloudtrail', source: 'aws_cloudtrail', index: 'test' });
    expect(d.time).toEqual({ shiftTo: 'now' });
  });

  it('reports a bad descriptor with I604, and a missing dataset file with I601', () => {
    expect(code(() => loadDatasetDescriptor(attackData('name: x\n').yml, {}))).toBe('I604');
    expect(code(() => loadDatasetDescriptor(attackData('datasets:\n- {name: x}\n').yml, {}))).toBe('I604');
    expect(code(() => loadDatasetDescriptor(attackData('datasets: []\ntime: {shift: now}\n').yml, {}))).toBe('I604');
    expect(code(() => loadDatasetDescriptor(attackData('datasets:\n- {path: nope.json}\n').yml, {}))).toBe('I601');
    expect(code(() => loadDatasetDescriptor(attackData('datasets: [\n').yml, {}))).toBe('I604');
  });
});

describe('loadDetectionDatasets', () => {
  it("resolves every test's attack_data once", () => {
    const { root, dir } = attackData(ATTACK_DATA);
    const url = 'https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/attack_techniques/T1526/scan/eks.json';
    const yml = join(dir, 'detection.yml');
    writeFileSync(yml, `name: d\nsearch: '| makeresults'\ntests:\n- name: True Positive Test\n  attack_data:\n  - data: ${url}\n    sourcetype: aws:cloudwatchlogs:eks\n    source: eks\n    update_timestamp: true\n- name: Again\n  attack_data:\n  - data: ${url}\n    sourcetype: aws:cloudwatchlogs:eks\n    source: eks\n  - data: local.log\n    sourcetype: linux_secure\n`);
    expect(loadDetectionDatasets(yml, { dataRoot: root })).toEqual([
      { path: join(root, 'attack_techniques/T1526/scan/eks.json'), sourcetype: 'aws:cloudwatchlogs:eks', source: 'eks', name: url },
      { path: join(dir, 'local.log'), sourcetype: 'linux_secure', source: undefined, name: 'local.log' },
    ]);
  });

  it('reports a detection without attack data (I606)', () => {
    const { dir } = attackData(ATTACK_DATA);
    writeFileSync(join(dir, 'd.yml'), "name: d\nsearch: '| makeresults'\n");
    expect(code(() => loadDetectionDatasets(join(dir, 'd.yml'), {}))).toBe('I606');
  });
});
