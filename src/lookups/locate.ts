/**
 * The lookups/ folder of the content repository a detection belongs to: security_content keeps
 * searches under detections/ (and baselines/, investigations/), one or more levels deep, and
 * lookups/ beside them (`repo/detections/endpoint/x.yml` → `repo/lookups/`).
 */
import { statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

const SEARCH_FOLDERS = new Set(['detections', 'baselines', 'investigations']);

export function repositoryLookups(searchFile: string): string | undefined {
  let dir = dirname(resolve(searchFile));
  for (;;) {
    const parent = dirname(dir);
    if (SEARCH_FOLDERS.has(basename(dir)) && isDir(join(parent, 'lookups'))) return join(parent, 'lookups');
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
