/**
 * Renders an SplError for people, rustc-style: the message, the primary place in the user's query
 * (the error itself, or the outermost macro call it came through), then one note per macro
 * expansion level, innermost first, each with the definition line and a caret under the culprit.
 * The only module that maps expanded-text spans back through the macro source map (spec 08).
 */
import { LineIndex } from '../source/line-index.js';
import type { Expansion, SourceMap, SourceText } from '../source/source-map.js';
import type { Span } from '../source/span.js';
import type { SplError } from './spl-error.js';

export interface RenderContext {
  /** The map of the text the error's span refers to (an expansion error carries its own). */
  readonly sourceMap?: SourceMap;
  /** File text for errors with a file `location` (macro files, event files). */
  readonly readSource?: (file: string) => string | undefined;
}

export interface ErrorLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A span inside one source text. */
interface Place {
  readonly source: number;
  readonly start: number;
  readonly end: number;
}

/** Where the user should look: the primary place, and the macro levels it went through. */
interface Trace {
  readonly primary: Place;
  readonly levels: readonly { readonly expansion: Expansion; readonly place: Place }[];
}

/** Longest excerpt line shown whole; longer lines are cut to a window around the caret. */
const MAX_LINE = 120;

/** The error as text, lines joined with `\n`, no trailing newline. */
export function renderError(err: SplError, ctx: RenderContext = {}): string {
  const out = [`error[${err.code}]: ${err.message}`];
  const map = mapFor(err, ctx);
  const trace = err.span && map ? traceSpan(map, err.span) : undefined;
  const excerpts = trace && map ? traceExcerpts(map, trace) : locationExcerpts(err, ctx);
  const width = Math.max(1, ...excerpts.map((e) => String(e.line).length));
  const pad = ' '.repeat(width);
  excerpts.forEach((e, i) => {
    if (i === 0) out.push(`${pad}--> ${e.where}`, `${pad} |`);
    else out.push(`${pad} = note: ${e.note} (${e.where})`);
    if (e.text !== undefined) out.push(`${String(e.line).padStart(width)} | ${e.text}`);
    if (e.caret !== undefined) out.push(`${pad} | ${e.caret}`);
  });
  for (const note of err.notes) out.push(`${pad} = note: ${note}`);
  for (const hint of err.hints) out.push(`${pad} = hint: ${hint}`);
  return out.join('\n');
}

/** file:line:column of the primary place (as `renderError` shows it after `-->`). */
export function errorLocation(err: SplError, ctx: RenderContext = {}): ErrorLocation | undefined {
  const map = mapFor(err, ctx);
  if (err.span && map) {
    const { primary } = traceSpan(map, err.span);
    const src = map.sources[primary.source];
    if (!src) return undefined;
    const { line, column } = new LineIndex(src.text).lineCol(primary.start);
    return { file: src.name, line, column };
  }
  if (err.location) return { file: err.location.file, line: err.location.line, column: err.location.column ?? 1 };
  return undefined;
}

function mapFor(err: SplError, ctx: RenderContext): SourceMap | undefined {
  // Macro expansion errors carry the map of the partly expanded text their span is in.
  return (err as { sourceMap?: SourceMap }).sourceMap ?? ctx.sourceMap;
}

/** Map a span of the expanded text to its origin; a span crossing segments is clamped to the first. */
function traceSpan(map: SourceMap, span: Span): Trace {
  const segs = map.segments;
  const seg = segs.find((s) => s.start <= span.start && span.start < s.end) ?? segs[segs.length - 1];
  if (!seg) return { primary: { source: 0, start: span.start, end: span.end }, levels: [] };
  const start = seg.sourceStart + (span.start - seg.start);
  const end = seg.sourceStart + (Math.min(span.end, seg.end) - seg.start);
  const chain: Expansion[] = [];
  for (let e = seg.expansion; e >= 0; e = map.expansions[e]!.parent) chain.push(map.expansions[e]!);
  const origin: Place = { source: seg.source, start, end: Math.max(start, end) };
  if (chain.length === 0) return { primary: origin, levels: [] };
  const levels = chain.map((expansion, k) => ({ expansion, place: k === 0 ? origin : chain[k - 1]!.callSite }));
  return { primary: chain[chain.length - 1]!.callSite, levels };
}

/** One displayed place: header text, and the excerpt line with its caret line. */
interface Excerpt {
  readonly where: string;
  readonly note?: string;
  readonly line: number;
  readonly text?: string;
  readonly caret?: string;
}

function traceExcerpts(map: SourceMap, trace: Trace): Excerpt[] {
  const primary = excerpt(map.sources[trace.primary.source], trace.primary);
  const notes = trace.levels.map(({ expansion, place }) => ({
    ...excerpt(map.sources[place.source], place),
    note: `in expansion of macro \`${expansion.macro}\``,
  }));
  return [primary, ...notes];
}

function locationExcerpts(err: SplError, ctx: RenderContext): Excerpt[] {
  const loc = err.location;
  if (!loc) return [];
  const where = `${loc.file}:${loc.line}${loc.column !== undefined ? `:${loc.column}` : ''}`;
  const text = ctx.readSource?.(loc.file);
  if (text === undefined) return [{ where, line: loc.line }];
  const lineText = new LineIndex(text).lineText(loc.line);
  if (loc.column === undefined) return [{ where, line: loc.line, ...window(lineText, 0, 0, false) }];
  return [{ where, line: loc.line, ...window(lineText, loc.column - 1, 1, true) }];
}

/** The line of `place` with a caret under it (to the end of the line for multi-line spans). */
function excerpt(src: SourceText | undefined, place: Place): Excerpt {
  if (!src) return { where: `<source ${place.source}>:?`, line: 0 };
  const index = new LineIndex(src.text);
  const { line, column } = index.lineCol(place.start);
  const lineText = index.lineText(line);
  const width = Math.max(1, Math.min(place.end - place.start, lineText.length - (column - 1)));
  return { where: `${src.name}:${line}:${column}`, line, ...window(lineText, column - 1, width, true) };
}

/** The displayed line and caret, cut around the caret when the line is long. */
function window(lineText: string, col: number, width: number, caret: boolean): { text: string; caret?: string } {
  let text = lineText;
  let at = col;
  let w = width;
  if (text.length > MAX_LINE) {
    const from = Math.max(0, Math.min(col - 40, text.length - MAX_LINE));
    const to = Math.min(text.length, from + MAX_LINE);
    const head = from > 0 ? '...' : '';
    text = head + text.slice(from, to) + (to < lineText.length ? '...' : '');
    at = col - from + head.length;
    w = Math.max(1, Math.min(w, to - col));
  }
  if (!caret) return { text };
  // Keep tabs in the padding so the caret lines up under tab-indented text.
  const padding = text.slice(0, at).replace(/[^\t]/g, ' ');
  return { text, caret: padding + '^'.repeat(w) };
}
