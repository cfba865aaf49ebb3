/**
 * Flatten JSON *text* into fields (spec 06 J2-J4) in one pass, without building objects. Unlike
 * walking a JSON.parse value it keeps each number exactly as written (`1.50`, `1e3`,
 * `9007199254740993`), keeps document order for integer-like keys, and turns a key repeated in one
 * object into a multivalue field (J3) instead of keeping only the last one.
 */
import type { FieldValue } from './event.js';
import { addLeaf, ALL_FIELDS, elementName, JsonTooDeep, MAX_JSON_DEPTH, memberName, ROOT_PATH, type FlattenFilter } from './flatten.js';

const NO_KEYS: ReadonlySet<string> = new Set();
import { skipSpace, stringEnd, valueEnd } from './json-scan.js';

const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
const LOWER_F = 102;
const LOWER_N = 110;
const LOWER_T = 116;

/** Thrown inside the scanner when the text is not JSON; never escapes this module. */
class Malformed extends Error {}

function isNumberChar(c: number): boolean {
  // 0-9 . + - e E
  return (c >= 48 && c <= 57) || c === 46 || c === 43 || c === 45 || c === 101 || c === 69;
}

class TextFlattener {
  private pos = 0;
  /** Position of the next backslash at or after `pos` (-1: none left), so string decoding stays O(n). */
  private nextBackslash = -2;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly into: Map<string, FieldValue>,
    private readonly filter: FlattenFilter,
  ) {}

  run(): void {
    this.pos = skipSpace(this.text, 0);
    this.value(null);
    if (skipSpace(this.text, this.pos) !== this.text.length) throw new Malformed();
  }

  private value(name: string | null): void {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === LBRACE || c === LBRACKET) {
      if (++this.depth > MAX_JSON_DEPTH) throw new JsonTooDeep();
      if (c === LBRACE) this.object(name);
      else this.array(elementName(name));
      this.depth--;
      return;
    }
    let leaf: string;
    if (c === QUOTE) leaf = this.string();
    else if (c === LOWER_T) leaf = this.literal('true');
    else if (c === LOWER_F) leaf = this.literal('false');
    else if (c === LOWER_N) leaf = this.literal('null');
    else leaf = this.number();
    if (name !== null) addLeaf(this.into, name, leaf, this.filter);
  }

  private object(prefix: string | null): void {
    const t = this.text;
    this.pos = skipSpace(t, this.pos + 1);
    if (t.charCodeAt(this.pos) === RBRACE) {
      this.pos++;
      return;
    }
    // Projection: the keys under this path that lead to a wanted field (undefined = every key).
    const keys = this.keysUnder(prefix);
    for (;;) {
      if (t.charCodeAt(this.pos) !== QUOTE) throw new Malformed();
      const key = this.string();
      this.pos = skipSpace(t, this.pos);
      if (t.charCodeAt(this.pos) !== COLON) throw new Malformed();
      this.pos = skipSpace(t, this.pos + 1);
      if (keys === undefined || keys.has(key)) this.value(memberName(prefix, key));
      else this.skipValue();
      if (this.endOfMember(RBRACE)) return;
    }
  }

  /** The keys worth descending into under `prefix`; undefined without projection. */
  private keysUnder(prefix: string | null): ReadonlySet<string> | undefined {
    const { wanted, memberKeys } = this.filter;
    if (wanted === null || memberKeys === undefined) return undefined;
    return memberKeys.get(prefix ?? ROOT_PATH) ?? NO_KEYS;
  }

  private skipValue(): void {
    const end = valueEnd(this.text, this.pos);
    if (end < 0) throw new Malformed();
    this.pos = end;
  }

  private array(name: string): void {
    const t = this.text;
    this.pos = skipSpace(t, this.pos + 1);
    if (t.charCodeAt(this.pos) === RBRACKET) {
      this.pos++;
      return;
    }
    for (;;) {
      this.value(name);
      if (this.endOfMember(RBRACKET)) return;
    }
  }

  /** After a member: true at the closing bracket, false after a comma (positioned on the next one). */
  private endOfMember(close: number): boolean {
    const t = this.text;
    this.pos = skipSpace(t, this.pos);
    const c = t.charCodeAt(this.pos++);
    if (c === close) return true;
    if (c !== COMMA) throw new Malformed();
    this.pos = skipSpace(t, this.pos);
    return false;
  }

  private string(): string {
    const t = this.text;
    const start = this.pos;
    const end = stringEnd(t, start);
    if (end < 0) throw new Malformed();
    this.pos = end;
    if (this.nextBackslash !== -1 && this.nextBackslash < start) this.nextBackslash = t.indexOf('\\', start);
    if (this.nextBackslash === -1 || this.nextBackslash >= end) return t.slice(start + 1, end - 1);
    // Escapes: let the engine's JSON decoder handle \uXXXX, surrogate pairs and friends.
    return JSON.parse(t.slice(start, end)) as string;
  }

  private literal(word: string): string {
    if (!this.text.startsWith(word, this.pos)) throw new Malformed();
    this.pos += word.length;
    return word;
  }

  private number(): string {
    const t = this.text;
    const start = this.pos;
    let j = start;
    while (j < t.length && isNumberChar(t.charCodeAt(j))) j++;
    if (j === start) throw new Malformed();
    this.pos = j;
    return t.slice(start, j);
  }
}

/**
 * Flatten the JSON document in `text` into `into`. Returns false (with `into` possibly partly
 * filled) when the text is not JSON; callers that validated it with JSON.parse never see that.
 * Throws JsonTooDeep past MAX_JSON_DEPTH levels.
 */
export function flattenJsonText(
  text: string,
  into: Map<string, FieldValue>,
  filter: FlattenFilter = ALL_FIELDS,
): boolean {
  try {
    new TextFlattener(text, into, filter).run();
    return true;
  } catch (e) {
    if (e instanceof Malformed || e instanceof SyntaxError) return false;
    throw e;
  }
}
