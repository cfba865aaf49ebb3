/**
 * `splq test` end to end in this thread: the seed detection's fixture tests, and a small content
 * repository with every outcome (pass, fail, error, skipped), repository macros, sidecars,
 * attack_data URLs under a data root, and overrides applied to every detection.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTestSuite } from '../../../src/testing/suite.js';
import type { TestRunConfig } from '../../../src/testing/types.js';
import { REPO_ROOT } from '../../helpers/cases.js';

const CONFIG: TestRunConfig = {
  defaultMacros: true,
  macroPaths: [],
  inlineMacros: [],
  strictMacros: false,
  lookups: [],
  props: [],
  window: {},
  tz: 'UTC',
};
const EKS = join(REPO_ROOT, 'fixtures', 'events', 'eks-audit.ndjson');
const URL = 'https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/attack_techniques/T1526/eks/eks.ndjson';
const SEARCH = '`pods_listed` | stats count by sourceIPs{} | rename sourceIPs{} as src_ip | `pod_scan_filter`';

function repository(): { root: string; dataRoot: string } {
  const root = mkdtempSync(join(tmpdir(), 'splq-suite-'));
  const dataRoot = join(root, 'attack_data', 'datasets');
  mkdirSync(join(dataRoot, 'attack_techniques', 'T1526', 'eks'), { recursive: true });
  copyFileSync(EKS, join(dataRoot, 'attack_techniques', 'T1526', 'eks', 'eks.ndjson'));
  const repo = join(root, 'content');
  mkdirSync(join(repo, 'detections', 'cloud'), { recursive: true });
  mkdirSync(join(repo, 'macros'));
  writeFileSync(join(repo, 'macros', 'pods_listed.yml'), 'name: pods_listed\ndefinition: sourcetype="aws:cloudwatchlogs:eks" verb=list requestURI="/api/v1/pods" "user.username"="system:anonymous"\n');
  const det = (name: string, body: string) => writeFileSync(join(repo, 'detections', 'cloud', `${name}.yml`), `name: ${name}\nsearch: '${SEARCH}'\n${body}`);
  const tp = (extra = '') => `tests:\n- name: True Positive Test\n  attack_data:\n  - data: ${URL}\n    source: eks\n    sourcetype: aws:cloudwatchlogs:eks\n${extra}`;
  det('a_scan', tp('  all_time: true\n'));
  writeFileSync(
    join(repo, 'detections', 'cloud', 'a_scan.test.yml'),
    `tests:\n- name: must not fire\n  attack_data:\n  - data: ${URL}\n  all_time: true\n  expect: {none: true}\n` +
      `- name: trusted scanners filtered\n  attack_data:\n  - data: ${URL}\n  all_time: true\n  macros: {pod_scan_filter: 'search NOT src_ip IN (192.0.2.77, 203.0.113.45)'}\n  expect: {rows: [{src_ip: "10.1.0.10"}, {src_ip: "198.51.100.23"}, {src_ip: "203.0.113.201"}]}\n`,
  );
  det('b_missing', `tests:\n- name: True Positive Test\n  attack_data:\n  - data: https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/nope/x.log\n`);
  det('c_broken', `tests:\n- name: typo\n  attack_data:\n  - data: ${URL}\n  expcet: {none: true}\n`);
  writeFileSync(join(repo, 'detections', 'cloud', 'd_tstats.yml'), `name: d_tstats\nsearch: '| tstats count from datamodel=Endpoint.Processes by Processes.user'\n${tp()}`);
  det('e_untested', '');
  det('f_window', tp());
  return { root: repo, dataRoot };
}

describe('runTestSuite', () => {
  it("passes the seed detection's own tests (fixtures/)", async () => {
    const { outcomes, summary } = await runTestSuite([join(REPO_ROOT, 'fixtures', 'detections')], { config: CONFIG, jobs: 2, inThread: true });
    expect(outcomes.map((o) => [o.status, o.results, o.reason])).toEqual([
      ['pass', 10, undefined],
      ['pass', 0, undefined],
      ['pass', 8, undefined],
    ]);
    expect(summary).toMatchObject({ tests: 3, passed: 3, detections: 1, withoutTests: 0 });
  });

  it('reports pass, fail, error and skipped, with reasons, in file order', async () => {
    const { root, dataRoot } = repository();
    const { outcomes, summary } = await runTestSuite([root], { config: { ...CONFIG, dataRoot }, jobs: 3, inThread: true });
    const brief = outcomes.map((o) => [o.detection, o.test, o.status, o.results]);
    expect(brief).toEqual([
      ['a_scan', 'True Positive Test', 'pass', 5],
      ['a_scan', 'must not fire', 'fail', 5],
      ['a_scan', 'trusted scanners filtered', 'pass', 3],
      ['b_missing', 'True Positive Test', 'skipped', undefined],
      ['c_broken', 'typo', 'error', undefined],
      ['d_tstats', 'True Positive Test', 'skipped', undefined],
      ['f_window', 'True Positive Test', 'pass', 4],
    ]);
    expect(outcomes[1]!.reason).toBe('expected no results (none: true), got 5');
    expect(outcomes[3]!.reason).toContain('dataset missing: Dataset https://media.githubusercontent.com/');
    expect(outcomes[3]!.reason).toContain(join(dataRoot, 'nope', 'x.log'));
    expect(outcomes[4]!.reason).toContain('unknown key in test: expcet');
    expect(outcomes[5]!.reason).toMatch(/^search cannot execute yet \(B007\)/);
    expect(summary).toMatchObject({ tests: 7, passed: 3, failed: 1, errors: 1, skipped: 2, detections: 6, withoutTests: 1 });
  });

  it('runs in the scheduled window by default: the last hour of the data, 10:23 to 11:23', async () => {
    const { root, dataRoot } = repository();
    const { outcomes } = await runTestSuite([join(root, 'detections', 'cloud', 'f_window.yml')], { config: { ...CONFIG, dataRoot }, jobs: 1, inThread: true });
    expect(outcomes[0]!.window).toEqual({ now: Date.parse('2024-05-06T11:33:00Z') / 1000, earliest: Date.parse('2024-05-06T10:23:00Z') / 1000, latest: Date.parse('2024-05-06T11:23:00Z') / 1000, shift: 0 });
    // --now moves the events into a window at that time: the same events are in it.
    const now = Date.parse('2030-01-01T00:00:00Z') / 1000;
    const moved = await runTestSuite([join(root, 'detections', 'cloud', 'f_window.yml')], { config: { ...CONFIG, dataRoot, now }, jobs: 1, inThread: true });
    expect(moved.outcomes[0]).toMatchObject({ status: 'pass', results: 4 });
    expect(moved.outcomes[0]!.window!.latest).toBe(now - 600);
  });

  it('applies --macro overrides to every detection; a test\'s own macros still win', async () => {
    const { root, dataRoot } = repository();
    const config = { ...CONFIG, dataRoot, inlineMacros: ['pod_scan_filter=search src_ip=192.0.2.77'] };
    const { outcomes } = await runTestSuite([join(root, 'detections', 'cloud', 'a_scan.yml')], { config, jobs: 1, inThread: true });
    expect(outcomes.map((o) => [o.status, o.results])).toEqual([['pass', 1], ['fail', 1], ['pass', 3]]);
  });
});
