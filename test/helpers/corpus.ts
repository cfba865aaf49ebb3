/** The security_content corpus, read in place from ../shared (never copied into the project). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './cases.js';

export const CORPUS_DIR = join(REPO_ROOT, '..', 'shared', 'corpus', 'security_content');

export interface CorpusSearch {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly search: string;
}

export function loadCorpusSearches(): CorpusSearch[] {
  return readFileSync(join(CORPUS_DIR, 'searches.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusSearch);
}

/** An AST without positions, for comparing parses of different texts. */
export function withoutSpans(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v) => (/^(span|\w+Span)$/.test(key) ? undefined : v)));
}
