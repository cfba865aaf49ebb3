import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { datasetsRelative, resolveAttackData, resolveDataPath } from '../../../src/datasets/index.js';
import { SplError } from '../../../src/errors/spl-error.js';

const URL_T1526 = 'https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/attack_techniques/T1526/x/y.json';

function tree(): { root: string; base: string } {
  const dir = mkdtempSync(join(tmpdir(), 'splq-resolve-'));
  const root = join(dir, 'datasets');
  mkdirSync(join(root, 'attack_techniques', 'T1526', 'x'), { recursive: true });
  writeFileSync(join(root, 'attack_techniques', 'T1526', 'x', 'y.json'), '{}\n');
  const base = join(dir, 'detections');
  mkdirSync(join(base, 'data'), { recursive: true });
  writeFileSync(join(base, 'data', 'local.json'), '{}\n');
  return { root, base };
}

function caught(f: () => unknown): SplError {
  try {
    f();
  } catch (e) {
    if (e instanceof SplError) return e;
    throw e;
  }
  throw new Error('expected an SplError');
}

describe('resolveAttackData', () => {
  it('maps an attack_data URL to the file under the data root by its path after datasets/', () => {
    const { root, base } = tree();
    const input = resolveAttackData({ data: URL_T1526, sourcetype: 'aws:cloudtrail', source: 'aws_cloudtrail' }, { dataRoot: root, baseDir: base });
    expect(input).toEqual({
      path: join(root, 'attack_techniques', 'T1526', 'x', 'y.json'),
      sourcetype: 'aws:cloudtrail',
      source: 'aws_cloudtrail',
      name: URL_T1526,
    });
  });

  it('reads the other GitHub URL shapes the same way', () => {
    expect(datasetsRelative('https://raw.githubusercontent.com/splunk/attack_data/master/datasets/a/b%20c.log')).toBe('a/b c.log');
    expect(datasetsRelative('https://github.com/splunk/attack_data/raw/master/datasets/a/b.json?raw=true')).toBe('a/b.json');
  });

  it('reads a plain path relative to the YAML folder, and keeps absolute and file: paths', () => {
    const { base } = tree();
    const local = join(base, 'data', 'local.json');
    expect(resolveAttackData({ data: 'data/local.json' }, { baseDir: base }).path).toBe(local);
    expect(resolveAttackData({ data: local }, { baseDir: '/nowhere' }).path).toBe(local);
    expect(resolveAttackData({ data: pathToFileURL(local).href }, { baseDir: '/nowhere' }).path).toBe(local);
  });

  it('names both the URL and the path tried when the file is missing', () => {
    const { root, base } = tree();
    const data = URL_T1526.replace('y.json', 'missing.json');
    const e = caught(() => resolveAttackData({ data }, { dataRoot: root, baseDir: base }));
    expect(e.code).toBe('I601');
    expect(e.message).toContain(data);
    expect(e.message).toContain(join(root, 'attack_techniques', 'T1526', 'x', 'missing.json'));
  });

  it('asks for --data-root when a URL is given without one, showing where it would look', () => {
    const e = caught(() => resolveAttackData({ data: URL_T1526 }, { baseDir: '/tmp' }));
    expect(e.code).toBe('I602');
    expect(e.message).toContain('--data-root');
    expect(e.message).toContain('attack_techniques/T1526/x/y.json');
  });

  it('refuses URLs without a datasets/ segment or leaving the data root', () => {
    expect(caught(() => resolveDataPath('https://example.com/files/y.json', { dataRoot: '/r', baseDir: '/' })).code).toBe('I603');
    expect(caught(() => resolveDataPath('https://example.com/datasets/../../etc/passwd', { dataRoot: '/r', baseDir: '/' })).code).toBe('I603');
    expect(caught(() => resolveDataPath('https://example.com/datasets/%2e%2e/x', { dataRoot: '/r', baseDir: '/' })).code).toBe('I603');
  });

  it('reads /datasets/ paths of attack_data descriptors under the data root', () => {
    const { root } = tree();
    expect(resolveDataPath('/datasets/attack_techniques/T1526/x/y.json', { dataRoot: root, baseDir: '/' })).toBe(join(root, 'attack_techniques/T1526/x/y.json'));
  });
});
