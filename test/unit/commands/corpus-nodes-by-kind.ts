/**
 * Shared by the command syntax tests: the corpus searches that use a command (security_content's
 * `commands` field, nested uses included), expanded and parsed, with every AST node of that kind;
 * plus small parse helpers (shape without spans, round trip, syntax error with its highlighted text).
 */
import { join } from 'node:path';
import { expandWith, loadMacroEnvironment, StageError } from '../../../src/pipeline.js';
import { SplError } from '../../../src/errors/spl-error.js';
import type { Command, Pipeline } from '../../../src/spl/ast.js';
import { parse } from '../../../src/spl/parse.js';
import { printPipeline } from '../../../src/spl/print.js';
import { CORPUS_DIR, loadCorpusSearches, withoutSpans } from '../../helpers/corpus.js';

const env = loadMacroEnvironment({ defaultMacros: true, macroPaths: [], inlineMacros: [], strictMacros: false }, [join(CORPUS_DIR, 'macros')]);
const searches = loadCorpusSearches() as ReadonlyArray<ReturnType<typeof loadCorpusSearches>[number] & { commands?: string[] }>;

export interface CorpusUses {
  /** Searches whose `commands` list the command and whose macros all resolve. */
  readonly searches: number;
  readonly nodes: readonly { readonly path: string; readonly text: string; readonly node: Record<string, unknown> }[];
  /** Parse errors, searches without a node of the kind, and generic nodes left for the command. */
  readonly problems: readonly string[];
}

export function corpusUses(kind: string): CorpusUses {
  const found: { path: string; text: string; node: Record<string, unknown> }[] = [];
  const problems: string[] = [];
  let count = 0;
  for (const s of searches.filter((x) => x.commands?.includes(kind))) {
    const text = expanded(s.search);
    if (text === undefined) continue;
    count++;
    let ast: Pipeline;
    try {
      ast = parse(text);
    } catch (e) {
      problems.push(`${s.path}: ${(e as Error).message}`);
      continue;
    }
    const mine = collect(ast, (n) => n.kind === kind);
    if (mine.length === 0) problems.push(`${s.path}: no ${kind} node`);
    if (collect(ast, (n) => n.kind === 'generic' && n.name === kind).length > 0) problems.push(`${s.path}: generic ${kind} node`);
    for (const node of mine) found.push({ path: s.path, text, node });
  }
  return { searches: count, nodes: found, problems };
}

function expanded(text: string): string | undefined {
  try {
    return expandWith(env, { text, name: '<query>' }).text;
  } catch (e) {
    if (e instanceof StageError && e.error.code === 'M001') return undefined;
    throw e;
  }
}

function collect(value: unknown, match: (n: Record<string, unknown>) => boolean, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const v of value) collect(v, match, out);
  else if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (match(obj)) out.push(obj);
    for (const v of Object.values(obj)) collect(v, match, out);
  }
  return out;
}

/** The last command of a search, without spans. */
export function lastCommand(text: string): unknown {
  return withoutSpans(parse(text).commands.at(-1));
}

/** The last command of a search, with spans. */
export function lastCommandNode<C extends Command['kind']>(text: string, kind: C): Extract<Command, { kind: C }> {
  const cmd = parse(text).commands.at(-1)!;
  if (cmd.kind !== kind) throw new Error(`expected a ${kind} command, got ${cmd.kind}`);
  return cmd as Extract<Command, { kind: C }>;
}

/** parse(print(parse(x))) == parse(x) spans aside; returns the printed text. */
export function roundTrip(text: string): { printed: string; same: boolean } {
  const ast = parse(text);
  const printed = printPipeline(ast);
  return { printed, same: JSON.stringify(withoutSpans(parse(printed))) === JSON.stringify(withoutSpans(ast)) };
}

export interface SyntaxFailure {
  readonly code: string;
  /** The highlighted text (empty at the end of the search). */
  readonly at: string;
  readonly start: number;
  readonly params: Record<string, unknown>;
}

export function syntaxFailure(text: string): SyntaxFailure {
  try {
    parse(text);
  } catch (e) {
    if (!(e instanceof SplError)) throw e;
    const span = e.span!;
    return { code: e.code, at: text.slice(span.start, span.end), start: span.start, params: { ...e.params } };
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(text)}`);
}

/** The text a span covers. */
export function spanText(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}
