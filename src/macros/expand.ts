/**
 * Macro expansion: a textual pass before parsing. Comments (```...```) go, each backtick
 * reference is replaced by its macro's definition with arguments substituted, and the inserted
 * text is expanded again, with a cycle check, a depth limit and a size limit. The result's source
 * map tells, for every expanded character, the query or macro-file offset it came from.
 * Splunk: "Use search macros in searches"; limits.conf max_macro_depth (spec 05 MA3-MA8).
 */
import { SplError } from '../errors/spl-error.js';
import type { Expansion, MappedText, SourceMap } from '../source/source-map.js';
import { span } from '../source/span.js';
import { ChunkBuilder, chunkOfMapped, sourceSpanOf, type Chunk } from './chunk.js';
import { ExpansionError } from './expansion-error.js';
import { bindArguments, fail, resolveMacro, substitute, type Resolved } from './resolve.js';
import { parseCall, scanMacroText, type ScanItem } from './scan.js';
import { definedIn, type MacroTable, type SourceRegistry } from './types.js';

export interface ExpandOptions {
  /** Report undefined `*_filter` macros (M001) instead of defaulting them to `search *`. */
  readonly strictMacros?: boolean;
  /** Nesting limit, Splunk's max_macro_depth (default 100). */
  readonly maxDepth?: number;
  /** Limit on the expanded text's length in characters (default 1,000,000). */
  readonly maxSize?: number;
  /** Limit on the number of references expanded (default DEFAULT_MAX_EXPANSIONS). */
  readonly maxExpansions?: number;
}

/**
 * max_macro_expansions: references one search may expand (security_content needs 20 at most).
 * Macros that call others twice, 30 levels deep, make 2^30 references that add little or no
 * text, so the size limit alone would not stop them.
 */
export const DEFAULT_MAX_EXPANSIONS = 10_000;

/** One macro the search used: `name(n)`, where it is defined, how many times it expanded. */
export interface UsedMacro {
  readonly macro: string;
  /** "file:line (layer)"; `<default *_filter>:1 (contentctl)` for a defaulted filter. */
  readonly definedIn: string;
  /** An undefined `*_filter` macro that expanded to `search *`. */
  readonly defaulted: boolean;
  count: number;
}

export interface ExpandResult {
  readonly text: string;
  readonly sourceMap: SourceMap;
  /** In order of first use. */
  readonly used: readonly UsedMacro[];
  /** Things the expansion did not check (e.g. a macro's `validation`), for the user to see. */
  readonly notes: readonly string[];
}

interface Context {
  readonly table: MacroTable;
  readonly registry: SourceRegistry;
  readonly strict: boolean;
  readonly maxDepth: number;
  readonly maxSize: number;
  readonly maxExpansions: number;
  readonly out: ChunkBuilder;
  readonly expansions: Expansion[];
  readonly used: Map<string, UsedMacro>;
  readonly notes: string[];
  /** Keys of the macros being expanded, outermost first (cycle check and depth). */
  readonly stack: string[];
}

/** A positioned failure unwinding the recursion; each level appends its unexpanded rest. */
class Abort {
  constructor(
    readonly error: SplError,
    readonly span: { start: number; end: number },
  ) {}
}

/** Expand every macro reference of `query`; throws an `ExpansionError` (a SplError) on failure. */
export function expandMacros(
  query: MappedText,
  table: MacroTable,
  registry: SourceRegistry,
  options: ExpandOptions = {},
): ExpandResult {
  const ctx: Context = {
    table,
    registry,
    strict: options.strictMacros ?? false,
    maxDepth: options.maxDepth ?? 100,
    maxSize: options.maxSize ?? 1_000_000,
    maxExpansions: options.maxExpansions ?? DEFAULT_MAX_EXPANSIONS,
    out: new ChunkBuilder(),
    expansions: [],
    used: new Map(),
    notes: [],
    stack: [],
  };
  try {
    expandChunk(chunkOfMapped(query, -1), ctx, -1);
  } catch (e) {
    if (!(e instanceof Abort)) throw e;
    const partial = ctx.out.build();
    throw new ExpansionError(e.error, span(e.span.start, e.span.end), sourceMapOf(partial, ctx), partial.text);
  }
  const out = ctx.out.build();
  return { text: out.text, sourceMap: sourceMapOf(out, ctx), used: [...ctx.used.values()], notes: ctx.notes };
}

function sourceMapOf(out: Chunk, ctx: Context): SourceMap {
  return { sources: ctx.registry.all(), segments: out.segs, expansions: [...ctx.expansions] };
}

/** Copy `chunk` to the output, dropping comments and expanding references (`context`: its expansion). */
function expandChunk(chunk: Chunk, ctx: Context, context: number): void {
  let pos = 0;
  for (const item of scanMacroText(chunk.text)) {
    ctx.out.appendChunk(chunk, pos, item.start);
    pos = item.end;
    if (item.kind === 'comment') continue;
    try {
      if (item.kind === 'unterminated-ref') throw new SplError('M004');
      if (item.kind === 'unterminated-comment') throw new SplError('M012');
      expandReference(chunk, item, ctx, context);
    } catch (e) {
      throw settle(e, chunk, item, ctx);
    }
  }
  ctx.out.appendChunk(chunk, pos, chunk.text.length);
}

/**
 * Position a failure in the output: a fresh error gets the span of the reference (copied as
 * written); an abort from deeper down passes through after the rest of this chunk is copied.
 */
function settle(e: unknown, chunk: Chunk, item: ScanItem, ctx: Context): unknown {
  if (e instanceof Abort) {
    ctx.out.appendChunk(chunk, item.end, chunk.text.length);
    return e;
  }
  if (!(e instanceof SplError)) return e;
  const at = ctx.out.length;
  ctx.out.appendChunk(chunk, item.start, chunk.text.length);
  return new Abort(e, { start: at, end: at + (item.end - item.start) });
}

function expandReference(chunk: Chunk, item: ScanItem, ctx: Context, context: number): void {
  const call = parseCall(chunk.text, item.start, item.end);
  const written = chunk.text.slice(item.start + 1, item.end - 1).trim();
  if (typeof call === 'string') fail('M005', { name: written, reason: call });
  if (call.name === '') throw new SplError('M013');
  const resolved = resolveMacro(call, ctx.table, ctx.registry, ctx.strict);
  guard(resolved, ctx);
  const values = bindArguments(resolved, call, chunk);
  const id = ctx.expansions.length;
  ctx.expansions.push({
    id,
    macro: resolved.key,
    callSite: sourceSpanOf(chunk, item.start, item.end),
    parent: context,
    definedIn: definedIn(resolved.def),
  });
  recordUse(resolved, ctx);
  const outStart = ctx.out.length;
  ctx.stack.push(resolved.key);
  expandChunk(substitute(resolved.def, values, id), ctx, id);
  ctx.stack.pop();
  if (ctx.out.length > ctx.maxSize) {
    const error = new SplError('M011', { size: ctx.out.length, limit: ctx.maxSize });
    throw new Abort(error, { start: outStart, end: ctx.out.length });
  }
}

/** Cycles first (a -> b -> a names the loop), then the depth limit, then unsupported macros. */
function guard(r: Resolved, ctx: Context): void {
  const seen = ctx.stack.indexOf(r.key);
  if (seen !== -1) fail('M003', { name: r.key, cycle: [...ctx.stack.slice(seen), r.key].join(' -> ') });
  if (ctx.stack.length >= ctx.maxDepth) fail('M002', { depth: ctx.maxDepth });
  if (ctx.expansions.length >= ctx.maxExpansions) throw new SplError('M014', { limit: ctx.maxExpansions });
  // There is no eval evaluator at this stage yet; expanding the definition as text would be wrong.
  if (r.def.iseval) fail('M006', { name: r.key, reason: 'eval-based macros (iseval = true) are not supported yet' });
  // spec 05 MA7: without an eval evaluator, refuse rather than expand what Splunk might reject.
  if (r.def.validation !== undefined) fail('M006', { name: r.key, reason: 'macro validation (validation = ...) is not supported yet' });
}

function recordUse(r: Resolved, ctx: Context): void {
  const seen = ctx.used.get(r.key);
  if (seen) {
    seen.count++;
    return;
  }
  ctx.used.set(r.key, { macro: r.key, definedIn: definedIn(r.def), defaulted: r.defaulted, count: 1 });
}
