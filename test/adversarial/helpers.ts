/**
 * Shared by the adversarial tests (issue 7): a scratch folder per test file, searches run in
 * process through the real pipeline, and the built CLI run as a child process (optionally with a
 * small heap, to prove memory stays bounded). `npm run build` comes first, as for test/cli.test.ts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LIMITS, type Limits } from '../../src/commands/services.js';
import type { FieldValue } from '../../src/data/event.js';
import type { InputProblem } from '../../src/data/load.js';
import { runSearch, StageError, type RunResult } from '../../src/pipeline.js';
import { REPO_ROOT } from '../helpers/cases.js';

export const CLI = join(REPO_ROOT, 'dist', 'splq.js');

/** A fresh scratch folder. */
export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `splq-adv-${prefix}-`));
}

/** Write a file (text or bytes) into `dir` and return its path. */
export function put(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

export interface SearchOutcome {
  readonly rows: Map<string, FieldValue>[];
  readonly problems: readonly InputProblem[];
  readonly codes: string[];
  readonly events: number;
  readonly result: RunResult;
}

/** Run a search in process, with the shipped defaults and the given limits. */
export async function search(spl: string, inputs: string[], limits: Partial<Limits> = {}, extra: { lookups?: string[] } = {}): Promise<SearchOutcome> {
  const result = await runSearch({
    query: { text: spl, name: '<query>' },
    macros: { defaultMacros: false, macroPaths: [], inlineMacros: [], strictMacros: false },
    inputs,
    read: {},
    clock: { now: 1_700_000_000, zone: 'UTC' },
    limits: { ...DEFAULT_LIMITS, ...limits },
    lookups: extra.lookups ? { paths: extra.lookups } : undefined,
  });
  const rows = result.results.rows.map((r) => new Map(r));
  return { rows, problems: result.problems, codes: result.problems.map((p) => p.code), events: result.events, result };
}

/** The code of the error a search fails with (StageError or SplError), or 'none'. */
export async function failureCode(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return 'none';
  } catch (e) {
    if (e instanceof StageError) return e.error.code;
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' ? code : `thrown: ${(e as Error).message}`;
  }
}

export interface CliOutcome {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The built CLI as a child process; `heapMb` caps node's heap (--max-old-space-size). */
export function splq(args: string[], options: { heapMb?: number; input?: string; timeoutMs?: number } = {}): Promise<CliOutcome> {
  const node = options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...node, CLI, ...args], { cwd: REPO_ROOT });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** The rows of a `--format json` run. */
export function jsonRows(stdout: string): Record<string, unknown>[] {
  return JSON.parse(stdout) as Record<string, unknown>[];
}
