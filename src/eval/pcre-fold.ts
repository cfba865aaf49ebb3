/**
 * Case folding for caseless PCRE parts that cannot use JavaScript's `i` flag (scoped `(?i:...)`,
 * the linear engine). The equivalence is Unicode simple case folding, which both PCRE2 in UTF mode
 * and JavaScript's `iu` use (`k`, `K` and U+212A KELVIN SIGN are one class). The table is built
 * lazily from String case mappings and each member is confirmed with the engine's own `iu` match.
 */
import { normalize } from './pcre-charset.js';

/** Code points below this bound are scanned; no cased characters exist above U+1E943. */
const SCAN_LIMIT = 0x1ffff;
/** Code points tested together: a block no case mapping changes is skipped as a whole (divides SCAN_LIMIT + 1). */
const BLOCK = 256;

/** Code points grouped by the keys they fold to (`cased`: members of groups of two or more). */
export interface FoldTable {
  readonly buckets: ReadonlyMap<number, readonly number[]>;
  readonly cased: readonly number[];
}

let table: FoldTable | undefined;
const variantCache = new Map<number, readonly number[]>();

function single(s: string): number | undefined {
  const cp = s.codePointAt(0);
  return cp !== undefined && String.fromCodePoint(cp).length === s.length ? cp : undefined;
}

/**
 * Every code point up to SCAN_LIMIT (surrogates excepted) in the buckets of its keys (its lowercase
 * and the lowercase of its uppercase). A code point no case mapping changes keys only itself, so
 * it is added only to the buckets other code points reach; most blocks (CJK, Hangul, symbols) are
 * all such, which one lowering and uppering of the whole block shows.
 */
export function buildFoldTable(): FoldTable {
  const map = new Map<number, number[]>();
  const add = (key: number | undefined, cp: number): void => {
    if (key === undefined) return;
    const list = map.get(key);
    if (!list) map.set(key, [cp]);
    else if (!list.includes(cp)) list.push(cp);
  };
  const members = new Array<number>(BLOCK);
  for (let base = 0; base <= SCAN_LIMIT; base += BLOCK) {
    if (isSurrogate(base)) continue;
    for (let i = 0; i < BLOCK; i++) members[i] = base + i;
    const block = String.fromCodePoint(...members);
    if (block.toLowerCase() === block && block.toUpperCase() === block) continue;
    for (let cp = base; cp < base + BLOCK; cp++) {
      const ch = String.fromCodePoint(cp);
      const lower = ch.toLowerCase();
      const upper = ch.toUpperCase();
      // Keys only itself, like the skipped blocks: added below where others reach it.
      if (lower === ch && upper === ch) continue;
      add(single(lower), cp);
      add(single(upper.toLowerCase()), cp);
    }
  }
  for (const [key, list] of map) if (!list.includes(key) && isUncased(key)) list.push(key);
  const all = new Set<number>();
  for (const list of map.values()) if (list.length > 1) list.forEach((cp) => all.add(cp));
  return { buckets: map, cased: [...all].sort((a, b) => a - b) };
}

function isSurrogate(cp: number): boolean {
  return cp >= 0xd800 && cp <= 0xdfff;
}

/** A scanned code point that no case mapping changes: it keys only itself. */
function isUncased(cp: number): boolean {
  if (cp > SCAN_LIMIT || isSurrogate(cp)) return false;
  const ch = String.fromCodePoint(cp);
  return ch.toLowerCase() === ch && ch.toUpperCase() === ch;
}

function keysOf(cp: number): number[] {
  const ch = String.fromCodePoint(cp);
  return [single(ch.toLowerCase()), single(ch.toUpperCase().toLowerCase())].filter((k): k is number => k !== undefined);
}

/** Every code point equal to `cp` under caseless matching, `cp` included, sorted. */
export function caseVariants(cp: number): readonly number[] {
  const hit = variantCache.get(cp);
  if (hit) return hit;
  table ??= buildFoldTable();
  const candidates = new Set<number>([cp]);
  for (const key of keysOf(cp)) for (const x of table.buckets.get(key) ?? []) candidates.add(x);
  const re = new RegExp(`^\\u{${cp.toString(16)}}$`, 'iu');
  const out = [...candidates].filter((x) => x === cp || re.test(String.fromCodePoint(x))).sort((a, b) => a - b);
  variantCache.set(cp, out);
  return out;
}

/** Ranges closed under caseless matching: every variant of every member is added. */
export function foldRanges(r: readonly number[]): number[] {
  const { cased } = (table ??= buildFoldTable());
  const extra: number[] = [];
  for (let i = 0; i < r.length; i += 2) {
    const [lo, hi] = [r[i]!, r[i + 1]!];
    for (let k = lowerBound(cased, lo); k < cased.length && cased[k]! <= hi; k++) {
      for (const v of caseVariants(cased[k]!)) extra.push(v, v);
    }
  }
  return extra.length === 0 ? [...r] : normalize([...r, ...extra]);
}

function lowerBound(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
