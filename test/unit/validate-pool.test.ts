// Validation on several threads (src/validate/pool.ts) gives the reports of one thread, in file
// order. Workers run only from the compiled build, so that part uses dist/ when it is built.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadMacroEnvironment } from '../../src/pipeline.js';
import { checkFile } from '../../src/validate/check.js';
import { discoverTargets } from '../../src/validate/discover.js';
import { loadLookupCatalog } from '../../src/validate/lookup-catalog.js';
import { checkFiles } from '../../src/validate/pool.js';
import { REPO_ROOT } from '../helpers/cases.js';

const MACROS = { defaultMacros: true, macroPaths: [], inlineMacros: [], strictMacros: false };
const BUILT_POOL = join(REPO_ROOT, 'dist', 'validate', 'pool.js');
const FIXTURES = [join(REPO_ROOT, 'fixtures', 'validate', 'lookups-repo'), join(REPO_ROOT, 'fixtures', 'detections')];

describe('checkFiles', () => {
  it('in this thread: the reports of checkFile, file by file, in order', async () => {
    const targets = discoverTargets(FIXTURES);
    const env = loadMacroEnvironment(MACROS, targets.macroDirs);
    const lookups = loadLookupCatalog(targets.lookupDirs);
    const expected = targets.files.map((f) => checkFile(f, env, { lookups }));
    expect(await checkFiles({ ...targets, macros: MACROS }, 4, { inThread: true })).toEqual(expected);
  });

  it.runIf(existsSync(BUILT_POOL))('on worker threads (the build): the same reports in the same order', async () => {
    const built = (await import(pathToFileURL(BUILT_POOL).href)) as { checkFiles: typeof checkFiles };
    // Enough files (copies of the fixtures) that this thread is still busy when the workers start.
    const targets = discoverTargets(FIXTURES);
    const job = { ...targets, files: Array.from({ length: 300 }, () => targets.files).flat(), macros: MACROS };
    const one = await built.checkFiles(job, 1);
    expect(await built.checkFiles(job, 3, { filesPerWorker: 1 })).toEqual(one);
    expect(one.map((r) => r.path)).toEqual(job.files);
  });
});
