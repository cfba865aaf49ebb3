/**
 * What `splq validate PATH...` checks: a content repository (its detections/, baselines/,
 * investigations/ searches, with its macros/ and lookups/), folders of YAML or .spl files, or
 * single files. Files are listed sorted, so reports are stable.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ValidationTargets {
  /** YAML (detection/baseline/investigation) and .spl files, in order. */
  readonly files: readonly string[];
  /** macros/ folders of content repositories, loaded after the shipped macros. */
  readonly macroDirs: readonly string[];
  /** lookups/ folders of content repositories. */
  readonly lookupDirs: readonly string[];
}

const SEARCH_DIRS = ['detections', 'baselines', 'investigations'];
const SEARCH_FILE = /\.(ya?ml|spl)$/i;

export function isContentRepository(dir: string): boolean {
  return SEARCH_DIRS.some((d) => isDir(join(dir, d)));
}

export function discoverTargets(paths: readonly string[]): ValidationTargets {
  const files: string[] = [];
  const macroDirs: string[] = [];
  const lookupDirs: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) throw new Error(`no such file or directory: ${path}`);
    if (!isDir(path)) files.push(path);
    else if (isContentRepository(path)) {
      for (const d of SEARCH_DIRS) if (isDir(join(path, d))) files.push(...listFiles(join(path, d)));
      if (isDir(join(path, 'macros'))) macroDirs.push(join(path, 'macros'));
      if (isDir(join(path, 'lookups'))) lookupDirs.push(join(path, 'lookups'));
    } else files.push(...listFiles(path));
  }
  return { files, macroDirs, lookupDirs };
}

function isDir(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return listFiles(p);
      // `<detection>.test.yml` sidecars hold tests for `splq test`, not searches.
      return SEARCH_FILE.test(e.name) && !/\.test\.ya?ml$/i.test(e.name) ? [p] : [];
    });
}
