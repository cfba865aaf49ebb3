/**
 * One pass over an NDJSON line that decides, exactly as JSON.parse would, whether it is JSON, and
 * notes where the members of a top-level object lie, without building any value. The reader uses
 * it instead of JSON.parse on the hot path (issue 5): an event's fields are extracted later from
 * its text (flatten-text.ts), so the parsed tree would only be garbage. A line it rejects, or one
 * nested deeper than it walks, goes down the JSON.parse path, which reports the problem.
 * With a projection it also picks out the wanted leaves on the way (the walk extraction would do).
 */
import { elementName, memberName, ROOT_PATH, type FlattenFilter } from './flatten.js';
import { KeyIndex } from './key-index.js';

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const UPPER_E = 69;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const LOWER_E = 101;
const LBRACE = 123;
const RBRACE = 125;

/** Deeper lines are left to JSON.parse (and to the flattener's own depth limit). */
const MAX_DEPTH = 200;
/** Any character JSON forbids unescaped inside a string (U+0000-U+001F). */
const CONTROL = /[\u0000-\u001f]/;


/** A member of the top-level object: where its value lies in the line. */
export interface MemberSpan {
  readonly start: number;
  readonly end: number;
}

/** A line that is one JSON object: the spans of the members asked for, and whether it has others. */
export interface ObjectLine {
  /** The last occurrence of each key asked for (JSON.parse keeps the last of a repeated key). */
  readonly members: Map<string, MemberSpan>;
  /** A key outside those asked for is present. */
  readonly otherKeys: boolean;
  /** No whitespace outside strings: any member's text is already compact. */
  readonly compact: boolean;
  /**
   * With a projection: the wanted leaves (name, value, name, value...) of the `event` member's value
   * taken as a document (a HEC envelope's payload), and of the whole line taken as the document;
   * null when not collected. The reader keeps the one that applies, so extraction need not walk the
   * text again.
   */
  readonly eventLeaves: string[] | null;
  readonly lineLeaves: string[] | null;
}

class Invalid extends Error {}
const INVALID = new Invalid();

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

class Scanner {
  /** Strings must be checked character by character for control characters. */
  private readonly checkControl: boolean;
  /** Next backslash at or after the current string (-1: none in the rest of the line). */
  private nextBackslash: number;

  constructor(private readonly t: string) {
    this.checkControl = CONTROL.test(t);
    this.nextBackslash = t.indexOf('\\');
  }

  /** Whitespace was seen outside strings (so the text is not in compact form). */
  spaced = false;

  space(i: number): number {
    const t = this.t;
    const from = i;
    while (i < t.length && isSpace(t.charCodeAt(i))) i++;
    if (i !== from) this.spaced = true;
    return i;
  }

  /** End of the value at `i` (after whitespace), checking its syntax; throws INVALID. */
  value(i: number, depth: number): number {
    const c = this.t.charCodeAt(i);
    if (c === QUOTE) return this.string(i);
    if (c === LBRACE) return this.object(i, depth + 1);
    if (c === LBRACKET) return this.array(i, depth + 1);
    if (c === 116) return this.word(i, 'true');
    if (c === 102) return this.word(i, 'false');
    if (c === 110) return this.word(i, 'null');
    return this.number(i);
  }

  private word(i: number, w: string): number {
    if (!this.t.startsWith(w, i)) throw INVALID;
    return i + w.length;
  }

  /** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
  private number(i: number): number {
    const t = this.t;
    if (t.charCodeAt(i) === MINUS) i++;
    const first = t.charCodeAt(i);
    if (first === ZERO) i++;
    else if (isDigit(first)) while (isDigit(t.charCodeAt(++i)));
    else throw INVALID;
    if (t.charCodeAt(i) === DOT) {
      if (!isDigit(t.charCodeAt(++i))) throw INVALID;
      while (isDigit(t.charCodeAt(++i)));
    }
    const e = t.charCodeAt(i);
    if (e === LOWER_E || e === UPPER_E) {
      const s = t.charCodeAt(++i);
      if (s === PLUS || s === MINUS) i++;
      if (!isDigit(t.charCodeAt(i))) throw INVALID;
      while (isDigit(t.charCodeAt(++i)));
    }
    return i;
  }

  /** The last string scanned held escape sequences. */
  lastEscaped = false;

  /** End of the string whose opening quote is at `i`: jump between quotes and backslashes. */
  string(i: number): number {
    const t = this.t;
    let from = i + 1;
    this.lastEscaped = false;
    for (;;) {
      const q = t.indexOf('"', from);
      if (q < 0) throw INVALID;
      if (this.nextBackslash >= 0 && this.nextBackslash < from) this.nextBackslash = t.indexOf('\\', from);
      const b = this.nextBackslash;
      if (b < 0 || b > q) {
        this.noControl(from, q);
        return q + 1;
      }
      this.noControl(from, b);
      this.lastEscaped = true;
      from = this.escape(b);
    }
  }

  private noControl(from: number, to: number): void {
    if (!this.checkControl) return;
    const t = this.t;
    for (let j = from; j < to; j++) if (t.charCodeAt(j) < SPACE) throw INVALID;
  }

  /** Past the escape sequence at `b` (a backslash): \" \\ \/ \b \f \n \r \t \uXXXX. */
  private escape(b: number): number {
    const t = this.t;
    const c = t.charCodeAt(b + 1);
    if (c === 117) {
      for (let k = b + 2; k < b + 6; k++) if (!isHex(t.charCodeAt(k))) throw INVALID;
      return b + 6;
    }
    if (c === QUOTE || c === BACKSLASH || c === 47 || c === 98 || c === 102 || c === 110 || c === 114 || c === 116) return b + 2;
    throw INVALID;
  }

  private object(i: number, depth: number): number {
    if (depth > MAX_DEPTH) throw INVALID;
    const t = this.t;
    let j = this.space(i + 1);
    if (t.charCodeAt(j) === RBRACE) return j + 1;
    for (;;) {
      if (t.charCodeAt(j) !== QUOTE) throw INVALID;
      j = this.space(this.string(j));
      if (t.charCodeAt(j) !== COLON) throw INVALID;
      j = this.space(this.value(this.space(j + 1), depth));
      const c = t.charCodeAt(j);
      if (c === RBRACE) return j + 1;
      if (c !== COMMA) throw INVALID;
      j = this.space(j + 1);
    }
  }

  private array(i: number, depth: number): number {
    if (depth > MAX_DEPTH) throw INVALID;
    const t = this.t;
    let j = this.space(i + 1);
    if (t.charCodeAt(j) === RBRACKET) return j + 1;
    for (;;) {
      j = this.space(this.value(j, depth));
      const c = t.charCodeAt(j);
      if (c === RBRACKET) return j + 1;
      if (c !== COMMA) throw INVALID;
      j = this.space(j + 1);
    }
  }

  /** The top-level object at `i`, noting the members in `wanted` (and collecting leaves for `projection`). */
  topObject(i: number, wanted: KeyIndex<string>, projection: ProjectionIndex | undefined): { end: number; line: ObjectLine } {
    const t = this.t;
    const members = new Map<string, MemberSpan>();
    const rootIndex = projection?.get(ROOT_PATH);
    let lineLeaves: string[] | null = projection ? [] : null;
    let eventLeaves: string[] | null = null;
    let otherKeys = false;
    let j = this.space(i + 1);
    const done = (end: number) => ({ end, line: { members, otherKeys, compact: !this.spaced, eventLeaves, lineLeaves } });
    if (t.charCodeAt(j) === RBRACE) return done(j + 1);
    for (;;) {
      if (t.charCodeAt(j) !== QUOTE) throw INVALID;
      const keyEnd = this.string(j);
      const lineKey = wanted.find(t, j, keyEnd, this.lastEscaped);
      const rootName = rootIndex?.find(t, j, keyEnd, this.lastEscaped);
      j = this.space(keyEnd);
      if (t.charCodeAt(j) !== COLON) throw INVALID;
      const start = this.space(j + 1);
      let end: number;
      if (projection && lineKey === 'event') {
        // Collected as a payload of its own; a search wanting `event.*` of the line is left to the text walk.
        eventLeaves = [];
        end = this.collect(start, 1, null, rootIndex ?? EMPTY_INDEX, eventLeaves, projection);
        if (rootName !== undefined) lineLeaves = null;
      } else if (rootName !== undefined && lineLeaves !== null) {
        end = this.collect(start, 1, rootName, undefined, lineLeaves, projection!);
      } else end = this.value(start, 1);
      if (lineKey !== undefined) members.set(lineKey, { start, end });
      else otherKeys = true;
      j = this.space(end);
      const c = t.charCodeAt(j);
      if (c === RBRACE) return done(j + 1);
      if (c !== COMMA) throw INVALID;
      j = this.space(j + 1);
    }
  }

  /**
   * As value(), also adding the leaves under `name` (null: the document root) to `leaves`, named
   * as flatten-text.ts names them. `keys`: the member keys worth following at this path (with
   * their full names), when the caller already has them.
   */
  private collect(i: number, depth: number, name: string | null, keys: KeyIndex<string> | undefined, leaves: string[], projection: ProjectionIndex): number {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (c === LBRACE) return this.collectObject(i, depth + 1, keys ?? projection.get(name ?? ROOT_PATH) ?? EMPTY_INDEX, leaves, projection);
    if (c === LBRACKET) return this.collectArray(i, depth + 1, elementName(name), leaves, projection);
    const end = this.value(i, depth);
    if (name !== null) leaves.push(name, c === QUOTE ? stringValue(t, i, end) : t.slice(i, end));
    return end;
  }

  // The same walk as object(), kept apart on purpose: object() runs for every value nobody wants
  // and stays free of key lookups, which are most of this loop's cost.
  private collectObject(i: number, depth: number, keys: KeyIndex<string>, leaves: string[], projection: ProjectionIndex): number {
    if (depth > MAX_DEPTH) throw INVALID;
    const t = this.t;
    let j = this.space(i + 1);
    if (t.charCodeAt(j) === RBRACE) return j + 1;
    for (;;) {
      if (t.charCodeAt(j) !== QUOTE) throw INVALID;
      const keyEnd = this.string(j);
      const name = keys.find(t, j, keyEnd, this.lastEscaped);
      j = this.space(keyEnd);
      if (t.charCodeAt(j) !== COLON) throw INVALID;
      const start = this.space(j + 1);
      const end = name !== undefined ? this.collect(start, depth, name, undefined, leaves, projection) : this.value(start, depth);
      j = this.space(end);
      const c = t.charCodeAt(j);
      if (c === RBRACE) return j + 1;
      if (c !== COMMA) throw INVALID;
      j = this.space(j + 1);
    }
  }

  private collectArray(i: number, depth: number, name: string, leaves: string[], projection: ProjectionIndex): number {
    if (depth > MAX_DEPTH) throw INVALID;
    const t = this.t;
    let j = this.space(i + 1);
    if (t.charCodeAt(j) === RBRACKET) return j + 1;
    for (;;) {
      j = this.space(this.collect(j, depth, name, undefined, leaves, projection));
      const c = t.charCodeAt(j);
      if (c === RBRACKET) return j + 1;
      if (c !== COMMA) throw INVALID;
      j = this.space(j + 1);
    }
  }
}

/** Per object path of a projection, its member keys that lead to wanted fields, with their full names. */
type ProjectionIndex = ReadonlyMap<string, KeyIndex<string>>;

const EMPTY_INDEX = new KeyIndex<string>([]);

/**
 * What the scan of a line looks for, built once per input (not per line): the top-level members
 * asked for, and, with a projection, the member keys to follow under each object path.
 */
export interface LineShape {
  readonly wanted: KeyIndex<string>;
  readonly projection: ProjectionIndex | undefined;
}

export function lineShape(wanted: ReadonlySet<string>, projection?: FlattenFilter): LineShape {
  return { wanted: new KeyIndex([...wanted].map((k) => [k, k] as const)), projection: projection && projectionIndex(projection) };
}

function projectionIndex(filter: FlattenFilter): ProjectionIndex | undefined {
  const keys = filter.memberKeys;
  if (keys === undefined) return undefined;
  const index = new Map<string, KeyIndex<string>>();
  for (const [path, members] of keys) index.set(path, new KeyIndex([...members].map((k) => [k, memberName(path === ROOT_PATH ? null : path, k)] as const)));
  return index;
}

/** A validated string's value: sliced out, or decoded by JSON.parse when it holds escapes. */
function stringValue(t: string, start: number, end: number): string {
  const inner = t.slice(start + 1, end - 1);
  return inner.includes('\\') ? (JSON.parse(t.slice(start, end)) as string) : inner;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * Whether `text` is one JSON object, as JSON.parse decides; if so, the spans of its members the
 * shape asks for (and the leaves of its projection). Null for anything else: not JSON, another kind of value, or nested deeper than
 * MAX_DEPTH (callers then parse the line with JSON.parse, which has the last word).
 */
export function scanObjectLine(text: string, shape: LineShape): ObjectLine | null {
  const s = new Scanner(text);
  const i = s.space(0);
  if (text.charCodeAt(i) !== LBRACE) return null;
  try {
    const { end, line } = s.topObject(i, shape.wanted, shape.projection);
    return s.space(end) === text.length ? line : null;
  } catch (e) {
    if (e === INVALID) return null;
    throw e;
  }
}

/** Whether `text` is valid JSON, as JSON.parse decides (within MAX_DEPTH levels); for tests. */
export function isJsonText(text: string): boolean {
  const s = new Scanner(text);
  try {
    return s.space(s.value(s.space(0), 0)) === text.length;
  } catch (e) {
    if (e === INVALID) return false;
    throw e;
  }
}
