/**
 * PcreTree -> JavaScript RegExp source, always with the `u` flag (Splunk's PCRE runs in UTF-8 mode:
 * `\x{202E}` is accepted). Every construct is spelt out with PCRE's meaning rather than trusting the
 * JavaScript one: `.` excludes only \n, `$` also matches before a final newline, `\s` is ASCII.
 * Atomic groups and possessive quantifiers become `(?=(X))\N`, which adds hidden groups; the
 * returned map gives each PCRE group its JavaScript index.
 */
import type { PcreNode, PcreTree, SetNode } from './pcre-ast.js';
import { walk } from './pcre-ast.js';
import type { CharSet } from './pcre-charset.js';
import { caseVariants } from './pcre-fold.js';
import { PcreError } from './pcre-reader.js';

export interface EmittedRegex {
  readonly source: string;
  readonly flags: string;
  /** groupMap[i] = JavaScript group index of PCRE group i (groupMap[0] = 0). */
  readonly groupMap: readonly number[];
  /** Capture groups in the JavaScript source, hidden ones included. */
  readonly jsGroupCount: number;
}

interface EmitContext {
  readonly foldLiterals: boolean;
  readonly groupMap: number[];
  /** JavaScript index of the hidden group of each atomic group / possessive repeat. */
  readonly hidden: Map<PcreNode, number>;
  readonly pattern: string;
}

export function emitJavaScript(tree: PcreTree, pattern: string): EmittedRegex {
  const iFlag = canUseIgnoreCaseFlag(tree.root);
  const ctx: EmitContext = { foldLiterals: !iFlag, groupMap: [0], hidden: new Map(), pattern };
  const jsGroupCount = numberGroups(tree.root, ctx);
  return { source: emit(tree.root, ctx), flags: iFlag ? 'iu' : 'u', groupMap: ctx.groupMap, jsGroupCount };
}

/** Whether case matters for a literal: it has other cases (`k` has `K` and U+212A). */
function cased(cp: number): boolean {
  const ch = String.fromCodePoint(cp);
  return ch.toLowerCase() !== ch.toUpperCase();
}

/**
 * The `i` flag is exact only when every literal is caseless and nothing would be folded that PCRE
 * leaves alone (`\w`, `\b`, POSIX classes, properties). Otherwise literals are expanded to classes.
 */
function canUseIgnoreCaseFlag(root: PcreNode): boolean {
  let caseless = false;
  let ok = true;
  walk(root, (n) => {
    if (n.kind === 'Char' && cased(n.cp)) (n.caseless ? (caseless = true) : (ok = false));
    if (n.kind === 'Set' && (n.foldSensitive || (!n.caseless && setIsCased(n)))) ok = false;
    if (n.kind === 'Set' && n.caseless) caseless = true;
    if (n.kind === 'Backref') (n.caseless ? (caseless = true) : (ok = false));
    if (n.kind === 'Anchor' && (n.anchor === 'word' || n.anchor === 'notWord')) ok = false;
  });
  return ok && caseless;
}

function setIsCased(n: SetNode): boolean {
  if (n.set.props.length > 0) return true;
  const r = n.set.ranges;
  for (let i = 0; i < r.length; i += 2) {
    // Cheap test: any ASCII letter or any non-ASCII code point may have other cases.
    if (r[i + 1]! >= 0x80 || (r[i]! <= 0x7a && r[i + 1]! >= 0x41)) return true;
  }
  return false;
}

/** Assign JavaScript group numbers in source order; hidden groups open before their contents. */
function numberGroups(node: PcreNode, ctx: EmitContext, next = { n: 0 }): number {
  const hiddenGroup = (node.kind === 'Group' && node.group === 'atomic') || (node.kind === 'Repeat' && node.mode === 'possessive');
  if (hiddenGroup) ctx.hidden.set(node, ++next.n);
  if (node.kind === 'Group' && node.group === 'capture') ctx.groupMap[node.index!] = ++next.n;
  if (node.kind === 'Seq') node.items.forEach((n) => numberGroups(n, ctx, next));
  if (node.kind === 'Alt') node.alternatives.forEach((n) => numberGroups(n, ctx, next));
  if (node.kind === 'Group' || node.kind === 'Repeat') numberGroups(node.body, ctx, next);
  return next.n;
}

const ANCHORS: Readonly<Record<string, string>> = {
  start: '^',
  lineStart: '(?:^|(?<=\\n)(?!$))',
  end: '$',
  endNl: '(?=\\n?$)',
  lineEnd: '(?=\\n|$)',
  word: '\\b',
  notWord: '\\B',
};

function emit(node: PcreNode, ctx: EmitContext): string {
  switch (node.kind) {
    case 'Empty': return '';
    case 'Char': return emitChar(node.cp, node.caseless && ctx.foldLiterals);
    case 'Set': return emitSet(node.set);
    case 'Dot': return node.dotall ? '[\\s\\S]' : '[^\\n]';
    case 'Newline': return '(?:\\r\\n|\\r(?!\\n)|[\\n\\v\\f\\x85\\u2028\\u2029])';
    case 'Anchor': return ANCHORS[node.anchor]!;
    case 'Seq': return node.items.map((n) => emit(n, ctx)).join('');
    case 'Alt': return node.alternatives.map((n) => emit(n, ctx)).join('|');
    case 'Group': return emitGroup(node, ctx);
    case 'Repeat': return emitRepeat(node, ctx);
    case 'Backref': return emitBackref(node, ctx);
    case 'Fail': return '(?!)';
  }
}

function emitGroup(node: Extract<PcreNode, { kind: 'Group' }>, ctx: EmitContext): string {
  const body = emit(node.body, ctx);
  switch (node.group) {
    case 'capture': return node.name !== undefined ? `(?<${node.name}>${body})` : `(${body})`;
    case 'plain': return `(?:${body})`;
    case 'atomic': return `(?=(${body}))(?:\\${ctx.hidden.get(node)!})`;
    case 'ahead': return `(?=${body})`;
    case 'notAhead': return `(?!${body})`;
    case 'behind': return `(?<=${body})`;
    case 'notBehind': return `(?<!${body})`;
  }
}

/** Quantifiers need an atom: lookarounds, anchors and sequences are wrapped in `(?:...)`. */
function emitRepeat(node: Extract<PcreNode, { kind: 'Repeat' }>, ctx: EmitContext): string {
  const b = node.body;
  const bare = b.kind === 'Char' || b.kind === 'Set' || b.kind === 'Dot' || b.kind === 'Backref' || b.kind === 'Newline'
    || (b.kind === 'Group' && (b.group === 'capture' || b.group === 'plain'));
  const atom = bare ? emit(b, ctx) : `(?:${emit(b, ctx)})`;
  const q = quantifier(node.min, node.max) + (node.mode === 'lazy' ? '?' : '');
  if (node.mode !== 'possessive') return atom + q;
  return `(?=(${atom}${q}))(?:\\${ctx.hidden.get(node)!})`;
}

function quantifier(min: number, max: number): string {
  if (max === Infinity) return min === 0 ? '*' : min === 1 ? '+' : `{${min},}`;
  if (min === 0 && max === 1) return '?';
  return min === max ? `{${min}}` : `{${min},${max}}`;
}

function emitBackref(node: Extract<PcreNode, { kind: 'Backref' }>, ctx: EmitContext): string {
  if (node.caseless && ctx.foldLiterals) {
    throw new PcreError('a case-insensitive backreference in a pattern with case-sensitive parts cannot be translated', 0, ctx.pattern);
  }
  return `(?:\\${ctx.groupMap[node.index]!})`;
}

const SYNTAX = new Set('^$\\.*+?()[]{}|/');

function literal(cp: number, inClass: boolean): string {
  const ch = String.fromCodePoint(cp);
  if (inClass ? '\\]^-['.includes(ch) : SYNTAX.has(ch)) return `\\${ch}`;
  if (cp < 0x20 || cp >= 0x7f) return `\\u{${cp.toString(16)}}`;
  return ch;
}

function emitChar(cp: number, fold: boolean): string {
  if (!fold) return literal(cp, false);
  const variants = caseVariants(cp);
  return variants.length === 1 ? literal(cp, false) : `[${variants.map((v) => literal(v, true)).join('')}]`;
}

export function emitSet(set: CharSet): string {
  let body = '';
  const r = set.ranges;
  for (let i = 0; i < r.length; i += 2) {
    const [lo, hi] = [r[i]!, r[i + 1]!];
    body += lo === hi ? literal(lo, true) : hi === lo + 1 ? literal(lo, true) + literal(hi, true) : `${literal(lo, true)}-${literal(hi, true)}`;
  }
  for (const p of set.props) body += `\\${p.negated ? 'P' : 'p'}{${p.name}}`;
  return `[${set.negated ? '^' : ''}${body}]`;
}
