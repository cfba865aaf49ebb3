// The golden case loader (test/helpers/cases.ts): exactly one of `spl`/`detection`, unknown keys
// rejected, and a corpus detection's repository folders found the way the runner loads them.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryLookups } from '../../../src/lookups/locate.js';
import { repositoryRoot } from '../../../src/testing/discover.js';
import { CASES_DIR, REPO_ROOT, parseCase } from '../../helpers/cases.js';

const FILE = join(CASES_DIR, 'corpus', 'x-fires.json');
const DETECTION = '../shared/corpus/security_content/detections/cloud/o365_privileged_role_assigned.yml';
const BASE = { description: 'd', now: '2024-06-01T00:00:00Z', tz: 'UTC', expected: { rows: [] }, provenance: 'derived: unit' };

describe('golden case loader', () => {
  it('accepts a detection case and keeps its path', () => {
    const c = parseCase(FILE, { ...BASE, detection: DETECTION, events: [] });
    expect(c).toMatchObject({ group: 'corpus', detection: DETECTION });
    expect(c.spl).toBeUndefined();
  });

  it('joins spl lines as before', () => {
    expect(parseCase(FILE, { ...BASE, spl: ['*', '| stats count'] }).spl).toBe('*\n| stats count');
  });

  it.each([
    ['both', { spl: '*', detection: DETECTION }],
    ['neither', {}],
  ])('rejects %s of spl and detection', (_, extra) => {
    expect(() => parseCase(FILE, { ...BASE, ...extra })).toThrow('give exactly one of spl, detection');
  });

  it('rejects a detection that is not a path string and unknown keys', () => {
    expect(() => parseCase(FILE, { ...BASE, detection: 1 })).toThrow('"detection" must be a path string');
    expect(() => parseCase(FILE, { ...BASE, spl: '*', detections: DETECTION })).toThrow('unknown key "detections"');
  });

  it('finds the corpus repository folders of a detection', () => {
    const corpus = join(REPO_ROOT, '..', 'shared', 'corpus', 'security_content');
    expect(repositoryRoot(join(REPO_ROOT, DETECTION))).toBe(corpus);
    expect(repositoryLookups(join(REPO_ROOT, DETECTION))).toBe(join(corpus, 'lookups'));
  });
});
