/**
 * The content repository a detection belongs to: security_content keeps searches under detections/
 * (and baselines/, investigations/), one or more levels deep, with macros/ and lookups/ beside
 * them (`repo/detections/endpoint/x.yml` → `repo/lookups/`, `repo/macros/`).
 */
import { statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

const SEARCH_FOLDERS = new Set(['detections', 'baselines', 'investigations']);

/** The parent of the nearest search folder above the file that has macros/ or lookups/ beside it. */
export function repositoryRoot(searchFile: string): string | undefined {
  let dir = dirname(resolve(searchFile));
  for (;;) {
    const parent = dirname(dir);
    if (SEARCH_FOLDERS.has(basename(dir)) && (isDir(join(parent, 'macros')) || isDir(join(parent, 'lookups')))) return parent;
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The repository's `lookups/` (or `macros/`) folder, when it has one. */
export function repositoryFolder(searchFile: string, name: 'lookups' | 'macros'): string | undefined {
  const root = repositoryRoot(searchFile);
  return root !== undefined && isDir(join(root, name)) ? join(root, name) : undefined;
}

export function repositoryLookups(searchFile: string): string | undefined {
  return repositoryFolder(searchFile, 'lookups');
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
