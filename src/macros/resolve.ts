/**
 * From a reference to a macro body: find the definition by name and arity (or the contentctl
 * default for an undefined `*_filter`), bind positional or named arguments, and substitute them
 * for `$arg$` everywhere in the definition, quotes included. Spec 05 MA3, MA5, MA8.
 */
import { SplError } from '../errors/spl-error.js';
import { sliceOf } from '../source/source-map.js';
import { ChunkBuilder, sliceChunk, type Chunk } from './chunk.js';
import type { ArgSpan, Call } from './scan.js';
import { macroKey, type MacroDef, type MacroTable, type SourceRegistry } from './types.js';

export interface Resolved {
  readonly def: MacroDef;
  /** `name` or `name(n)`. */
  readonly key: string;
  /** True for an undefined `*_filter` macro replaced by `search *`. */
  readonly defaulted: boolean;
}

/** Name of the synthetic source holding the default filter text. */
export const DEFAULT_FILTER_SOURCE = '<default *_filter>';
const DEFAULT_FILTER_TEXT = 'search *';

/** The definition a call refers to; M001 (with an arity hint) when there is none. */
export function resolveMacro(call: Call, table: MacroTable, registry: SourceRegistry, strict: boolean): Resolved {
  const arity = call.args.length;
  const key = macroKey(call.name, arity);
  const def = table.get(call.name, arity);
  if (def) return { def, key, defaulted: false };
  const arities = table.arities(call.name);
  // contentctl generates every missing `<detection>_filter` as `search *`, which keeps all results.
  if (!strict && arity === 0 && arities.length === 0 && call.name.endsWith('_filter')) {
    return { def: defaultFilter(call.name, registry), key, defaulted: true };
  }
  const hint = arities.length > 0 ? arityHint(call.name, arities) : similarName(call.name, table);
  return fail('M001', { name: key }, hint);
}

function defaultFilter(name: string, registry: SourceRegistry): MacroDef {
  const source = registry.intern(DEFAULT_FILTER_SOURCE, DEFAULT_FILTER_TEXT);
  const definition = sliceOf(DEFAULT_FILTER_TEXT, source);
  const file = DEFAULT_FILTER_SOURCE;
  return { name, arity: 0, args: [], definition, iseval: false, file, layer: 'contentctl', line: 1 };
}

/** "'foo' is defined with 1 argument: foo(1)" / "... with 0 or 2 arguments: foo, foo(2)". */
function arityHint(name: string, arities: readonly number[]): string {
  const counts = arities.length === 1 ? String(arities[0]) : `${arities.slice(0, -1).join(', ')} or ${arities.at(-1)}`;
  const noun = arities.length === 1 && arities[0] === 1 ? 'argument' : 'arguments';
  return `'${name}' is defined with ${counts} ${noun}: ${arities.map((n) => macroKey(name, n)).join(', ')}`;
}

/** "Did you mean 'x'?" for a name at most two edits away from a defined one. */
function similarName(name: string, table: MacroTable): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const def of table) {
    const d = editDistance(name, def.name);
    if (d <= 2 && d < name.length / 2 && (!best || d < best.distance)) best = { name: def.name, distance: d };
  }
  return best && `Did you mean '${best.name}'?`;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The argument texts in declared order, as chunks of the call site. Named mode applies only when
 * every argument is `<declared name>=value` (`argmacro(hi=300, lo=120)`); otherwise all are
 * positional, so `f(a=b)` with `args = x` passes the text `a=b` (spec 05 MA5, our reading).
 */
export function bindArguments(r: Resolved, call: Call, chunk: Chunk): Chunk[] {
  const named = namedArguments(r, call.args, chunk.text);
  const spans = named ? r.def.args.map((n) => named.get(n)!) : call.args;
  return spans.map((s) => sliceChunk(chunk, s.start, s.end));
}

function namedArguments(r: Resolved, args: readonly ArgSpan[], text: string): Map<string, ArgSpan> | undefined {
  const named = new Map<string, ArgSpan>();
  for (const arg of args) {
    const m = /^([A-Za-z0-9_-]+)\s*=\s*/.exec(text.slice(arg.start, arg.end));
    if (!m || !r.def.args.includes(m[1]!)) return undefined;
    if (named.has(m[1]!)) fail('M005', { name: r.key, reason: `argument "${m[1]}" is given twice` });
    named.set(m[1]!, { start: arg.start + m[0].length, end: arg.end });
  }
  return args.length > 0 ? named : undefined;
}

/** The definition with each `$arg$` replaced by the argument's chunk (it keeps its call-site origin). */
export function substitute(def: MacroDef, values: readonly Chunk[], expansion: number): Chunk {
  const b = new ChunkBuilder();
  const text = def.definition.text;
  const placeholder = /\$([A-Za-z0-9_-]+)\$/y;
  let literal = 0;
  for (let i = def.arity > 0 ? text.indexOf('$') : -1; i !== -1; i = text.indexOf('$', i + 1)) {
    placeholder.lastIndex = i;
    const m = placeholder.exec(text);
    const index = m ? def.args.indexOf(m[1]!) : -1;
    if (index === -1) continue;
    b.appendMapped(def.definition, literal, i, expansion);
    b.appendChunk(values[index]!, 0, values[index]!.text.length);
    literal = i + m![0].length;
    i = literal - 1;
  }
  b.appendMapped(def.definition, literal, text.length, expansion);
  return b.build();
}

type PositionedCode = 'M001' | 'M002' | 'M003' | 'M005' | 'M006';

/** Throw a macro error without a position; the expander attaches the reference's span. */
export function fail(code: PositionedCode, params: Record<string, string | number>, hint?: string): never {
  throw new SplError(code, params, { hints: hint ? [hint] : [] });
}
