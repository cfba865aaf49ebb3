/**
 * What `splq test PATH...` runs: detection YAML files from a content repository (its detections/:
 * baselines and investigations have no tests),
 * folders (every *.yml below, sidecars excepted) or single files; for each, the macros/ and
 * lookups/ of the content repository it belongs to (found by walking up to a `detections` folder,
 * as `splq run -d` finds lookups). Files are listed sorted, so reports are stable.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { repositoryRoot } from '../lookups/locate.js';

export interface TestTargets {
  /** Detection YAML files, in order, each once. */
  readonly files: readonly string[];
  /** Files given explicitly: a YAML without `search:` among them is reported, not skipped. */
  readonly explicit: ReadonlySet<string>;
  /** macros/ folders of the repositories involved, loaded after the shipped macros. */
  readonly macroDirs: readonly string[];
  /** lookups/ folders of the repositories involved. */
  readonly lookupDirs: readonly string[];
}

/** Folders of a content repository that hold searches; only detections/ holds tests. */
const SEARCH_DIRS = ['detections', 'baselines', 'investigations'];
const YAML_FILE = /\.ya?ml$/i;
/** `<detection>.test.yml`: the sidecar holding more tests of `<detection>.yml`. */
export const SIDECAR = /\.test\.ya?ml$/i;

export function discoverTests(paths: readonly string[]): TestTargets {
  const files: string[] = [];
  const explicit = new Set<string>();
  const roots = new Set<string>();
  for (const path of paths) {
    if (!existsSync(path)) throw new Error(`no such file or directory: ${path}`);
    if (!isDir(path)) {
      const file = SIDECAR.test(path) ? detectionOfSidecar(path) : path;
      files.push(file);
      explicit.add(file);
    } else if (SEARCH_DIRS.some((d) => isDir(join(path, d)))) {
      roots.add(resolve(path));
      if (isDir(join(path, 'detections'))) files.push(...yamlFiles(join(path, 'detections')));
    } else files.push(...yamlFiles(path));
  }
  for (const file of files) {
    const root = repositoryRoot(file);
    if (root) roots.add(root);
  }
  const unique = [...new Set(files)];
  return { files: unique, explicit, macroDirs: subdirs(roots, 'macros'), lookupDirs: subdirs(roots, 'lookups') };
}

/** The sidecar of a detection file, if there is one (`x.yml` -> `x.test.yml`). */
export function sidecarOf(detection: string): string | undefined {
  const stem = detection.replace(/\.ya?ml$/i, '');
  return ['.test.yml', '.test.yaml'].map((ext) => stem + ext).find((p) => existsSync(p));
}

function detectionOfSidecar(sidecar: string): string {
  const stem = sidecar.replace(SIDECAR, '');
  const found = ['.yml', '.yaml'].map((ext) => stem + ext).find((p) => existsSync(p));
  if (!found) throw new Error(`${sidecar}: no detection ${basename(stem)}.yml beside it`);
  return found;
}

export { repositoryRoot } from '../lookups/locate.js';

function subdirs(roots: ReadonlySet<string>, name: string): string[] {
  return [...roots].map((r) => join(r, name)).filter(isDir);
}

function isDir(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return yamlFiles(p);
      return YAML_FILE.test(e.name) && !SIDECAR.test(e.name) ? [p] : [];
    });
}
