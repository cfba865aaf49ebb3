import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverTests, sidecarOf } from '../../../src/testing/discover.js';
import { loadDetectionTests } from '../../../src/testing/load.js';

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'splq-discover-'));
  for (const d of ['detections/cloud', 'baselines', 'macros', 'lookups']) mkdirSync(join(root, d), { recursive: true });
  writeFileSync(join(root, 'detections', 'cloud', 'b.yml'), "name: B\nsearch: 'x'\nstatus: deprecated\ntests: []\n");
  writeFileSync(join(root, 'detections', 'cloud', 'a.yml'), "name: A\nsearch: 'x'\ndeployment:\n  scheduling:\n    earliest_time: -1h@h\n    latest_time: '@h'\n");
  writeFileSync(join(root, 'detections', 'cloud', 'a.test.yml'), 'tests:\n- name: t\n  attack_data: []\n');
  writeFileSync(join(root, 'detections', 'cloud', 'notes.yml'), 'just: data\n');
  writeFileSync(join(root, 'baselines', 'c.yml'), "name: C\nsearch: 'x'\n");
  return root;
}

describe('discoverTests', () => {
  it('a repository: its detections/ (sidecars excepted), sorted; its macros/ and lookups/', () => {
    const root = tree();
    const t = discoverTests([root]);
    expect(t.files).toEqual([join(root, 'detections/cloud/a.yml'), join(root, 'detections/cloud/b.yml'), join(root, 'detections/cloud/notes.yml')]);
    expect(t.macroDirs).toEqual([join(root, 'macros')]);
    expect(t.lookupDirs).toEqual([join(root, 'lookups')]);
  });

  it('a single file finds its repository by walking up; a sidecar names its detection', () => {
    const root = tree();
    const t = discoverTests([join(root, 'detections/cloud/a.test.yml')]);
    expect(t.files).toEqual([join(root, 'detections/cloud/a.yml')]);
    expect(t.macroDirs).toEqual([join(root, 'macros')]);
    expect(sidecarOf(join(root, 'detections/cloud/a.yml'))).toBe(join(root, 'detections/cloud/a.test.yml'));
  });

  it('loads tests from the detection and its sidecar, its schedule, and why contentctl would skip it', () => {
    const root = tree();
    const a = loadDetectionTests(join(root, 'detections/cloud/a.yml'), false)!;
    expect(a.tests.map((t) => t.name)).toEqual(['t']);
    expect(a.schedule).toEqual({ earliest: '-1h@h', latest: '@h' });
    expect(loadDetectionTests(join(root, 'detections/cloud/b.yml'), false)!.skip).toBe('deprecated detection');
    expect(loadDetectionTests(join(root, 'detections/cloud/notes.yml'), false)).toBeUndefined();
    expect(loadDetectionTests(join(root, 'detections/cloud/notes.yml'), true)!.problem).toContain('has no search');
  });
});
