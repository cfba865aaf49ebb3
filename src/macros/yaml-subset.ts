/**
 * Answers one question without building anything: would the `yaml` package read this file without
 * an error? Only for the block YAML security_content files are made of (block mappings with simple
 * keys, block sequences whose items may be compact mappings, plain and quoted scalars over one or
 * more lines, block scalars, `[]`/`{}`), and only "yes" when certain: comments, tags, anchors,
 * aliases, flow collections, tabs or unusual indentation make it "not sure", and the caller parses
 * the whole file. The lexer rules followed are those of yaml's `parse/lexer.ts` (a value's next
 * lines belong to it when indented past its key or dash), YAML 1.2 sections 6.1, 7.3 and 8.
 */

import { YamlLines } from './yaml-lines.js';

/** A selected top-level `key:` and the text `[start, end)` of its entry. */
export interface TopLevelEntry {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  /** Set when the value is a checked plain or single-quoted scalar: its style and raw text. */
  readonly scalar?: RawScalar;
}

/** The source text `[start, end)` of a flow scalar (quotes included). */
export interface RawScalar {
  readonly style: 'PLAIN' | 'QUOTE_SINGLE';
  readonly start: number;
  readonly end: number;
}

const SPACE = 32;
const DASH = 45;
const COLON = 58;
const HASH = 35;
const QUESTION = 63;
const SINGLE = 39;
const DOUBLE = 34;
const BACKSLASH = 92;

/**
 * Characters not reasoned about: tabs, carriage returns, other control characters, the byte order
 * mark, Unicode line separators and non-characters.
 */
const UNCHECKED_CHARS = /[\0-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
/** What may not start a plain scalar (YAML 1.2 c-indicator, and yaml's BAD_SCALAR_START). */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));
/** The one-letter escapes of double-quoted scalars (`\U` is left out: not every value is valid). */
const ESCAPES = new Set([...'0abefnrtvN_LP "/\\'].map((c) => c.charCodeAt(0)));
const HEX = /^[0-9A-Fa-f]+$/;
/** A simple mapping key, the `:` and then a space or the line end (sticky, per line). */
const KEY = /[A-Za-z_][\w.-]{0,99}(?=:(?: |$))/my;
/** Plain keys the core schema reads as null or a boolean (and so as duplicates of each other). */
const NON_STRING_KEY = /^(?:null|true|false)$/i;

/**
 * Checks a document whose root is a block mapping with keys at column 0, and returns the entries
 * of the `selected` keys in document order. Their values are checked only when they are plain or
 * single-quoted scalars (`scalar` is then set); others are left for the caller to parse. Undefined
 * when not certain that the file parses without an error.
 */
export function checkRootMapping(text: string, selected: ReadonlySet<string>): TopLevelEntry[] | undefined {
  if (UNCHECKED_CHARS.test(text)) return undefined;
  const checker = new SubsetChecker(text, selected);
  return checker.root() ? checker.entries : undefined;
}

class SubsetChecker extends YamlLines {
  readonly entries: TopLevelEntry[] = [];
  /** The next line not yet consumed. */
  private line = 0;
  /** Where the raw text of the last plain or quoted scalar checked ends. */
  private scalarEnd = 0;

  constructor(
    text: string,
    private readonly selected: ReadonlySet<string>,
  ) {
    super(text);
  }

  root(): boolean {
    return this.indent(0) === 0 && this.mapping(0, 0) && this.line >= this.lineCount;
  }

  /** A block mapping whose keys are at column `col`, the first key at offset `pos`. */
  private mapping(col: number, pos: number): boolean {
    const keys = new Set<string>();
    for (;;) {
      if (!this.entry(col, pos, keys)) return false;
      const ind = this.peek();
      if (ind !== col) return ind < col;
      pos = this.start(this.line) + col;
    }
  }

  private entry(col: number, pos: number, keys: Set<string>): boolean {
    KEY.lastIndex = pos;
    const key = KEY.exec(this.text)?.[0];
    if (key === undefined || keys.has(key) || NON_STRING_KEY.test(key)) return false;
    keys.add(key);
    if (col === 0 && this.selected.has(key)) return this.selectedEntry(key, pos);
    const value = this.skipSpaces(pos + key.length + 1);
    if (value < this.end(this.line)) return this.scalar(value, col);
    this.line++;
    return this.nested(col);
  }

  /** A selected entry: a plain or single-quoted value on the key's line is checked, others skipped. */
  private selectedEntry(key: string, start: number): boolean {
    const line = this.line;
    const value = this.skipSpaces(start + key.length + 1);
    const quoted = this.text[value] === "'";
    if (value < this.end(line) && (quoted || this.plainStart(value)) && this.scalar(value, 0)) {
      const scalar: RawScalar = { style: quoted ? 'QUOTE_SINGLE' : 'PLAIN', start: value, end: this.scalarEnd };
      this.entries.push({ key, start, end: this.start(this.line), scalar });
      return true;
    }
    this.line = line;
    return this.skipEntry(key, start);
  }

  /** A top-level entry left to the caller: up to the next line at column 0 that is not a `- ` item. */
  private skipEntry(key: string, start: number): boolean {
    this.line++;
    while (this.line < this.lineCount && (this.indent(this.line) !== 0 || this.isDash(this.start(this.line)))) this.line++;
    this.entries.push({ key, start, end: this.start(this.line) });
    return true;
  }

  /** The value of `key:` with nothing after it: null, or a block collection on the next lines. */
  private nested(col: number): boolean {
    const ind = this.peek();
    if (ind < col) return true;
    const pos = this.start(this.line) + ind;
    // A sequence may sit at its key's own column (`data_source:` then `- Sysmon` at column 0).
    if (this.isDash(pos)) return this.sequence(ind);
    if (ind === col) return true;
    KEY.lastIndex = pos;
    if (KEY.test(this.text)) return this.mapping(ind, pos);
    // A plain or quoted value alone on the next line (`data:` then the URL, indented).
    return !'|>[{'.includes(this.text[pos]!) && this.scalar(pos, col);
  }

  /** A block sequence whose dashes are at column `col`. */
  private sequence(col: number): boolean {
    for (;;) {
      const ind = this.peek();
      if (ind !== col) return ind < col;
      const pos = this.start(this.line) + col;
      // Not an item: the next key of the mapping this sequence is a value of (its caller checks it).
      if (!this.isDash(pos)) return true;
      if (!this.item(col, pos + 2)) return false;
    }
  }

  /** The content of a `- ` item at `pos`: a compact mapping or a scalar (one space after the dash). */
  private item(col: number, pos: number): boolean {
    if (pos >= this.end(this.line) || this.text.charCodeAt(pos) === SPACE || this.isDash(pos)) return false;
    KEY.lastIndex = pos;
    return KEY.test(this.text) ? this.mapping(col + 2, pos) : this.scalar(pos, col);
  }

  /** A value starting at `pos`; its next lines must be indented past `col` (its key or dash). */
  private scalar(pos: number, col: number): boolean {
    const c = this.text[pos];
    if (c === "'" || c === '"') return this.quoted(pos, col);
    if (c === '|' || c === '>') return this.blockScalar(pos, col);
    if (c === '[' || c === '{') return this.emptyFlow(pos);
    return this.plainStart(pos) && this.plain(pos, col);
  }

  /** `-`, `?` and `:` may start a plain scalar when a non-space follows (`-90d@d`); others not. */
  private plainStart(pos: number): boolean {
    const c = this.text.charCodeAt(pos);
    if (c === DASH || c === QUESTION || c === COLON) return pos + 1 < this.end(this.line) && this.text.charCodeAt(pos + 1) !== SPACE;
    return !INDICATORS.has(c);
  }

  /**
   * A plain scalar and its continuation lines (those indented past `col`): no `: ` and no ` #`
   * on any line. A continuation line is text whatever it starts with (`  - DNSTwist` is text).
   */
  private plain(pos: number, col: number): boolean {
    if (!this.plainText(pos, this.end(this.line))) return false;
    for (;;) {
      this.scalarEnd = this.trimEnd(this.end(this.line));
      this.line++;
      const ind = this.peek();
      if (ind <= col) return true;
      if (!this.plainText(this.start(this.line) + ind, this.end(this.line))) return false;
    }
  }

  /** Line text of a plain scalar: `:` before a space or the line end maps, ` #` comments. */
  private plainText(from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const c = this.text.charCodeAt(i);
      if (c === COLON && (i + 1 === to || this.text.charCodeAt(i + 1) === SPACE)) return false;
      if (c === HASH && this.text.charCodeAt(i - 1) === SPACE) return false;
    }
    return true;
  }

  /** A quoted scalar, closed, with only spaces after it; inner lines blank or indented past `col`. */
  private quoted(pos: number, col: number): boolean {
    const quote = this.text.charCodeAt(pos);
    let end = this.end(this.line);
    for (let i = pos + 1; ; i++) {
      if (i >= end) {
        this.line++;
        if (this.line >= this.lineCount) return false;
        const ind = this.indent(this.line);
        if (ind !== -1 && ind <= col) return false;
        i = this.start(this.line) - 1;
        end = this.end(this.line);
        continue;
      }
      const c = this.text.charCodeAt(i);
      if (c === quote) {
        if (quote === SINGLE && this.text.charCodeAt(i + 1) === SINGLE) i++;
        else {
          this.scalarEnd = i + 1;
          return this.restIsSpaces(i + 1);
        }
      } else if (quote === DOUBLE && c === BACKSLASH) {
        const skip = this.escapeLength(i + 1, end);
        if (skip < 0) return false;
        i += skip;
      }
    }
  }

  /**
   * Characters after the backslash of a valid double-quoted escape at `pos`: `\n`, `\x41`,
   * `\u00e9`; 0 for an escaped line break (the backslash ends the line); -1 when not certain.
   */
  private escapeLength(pos: number, lineEnd: number): number {
    if (pos === lineEnd) return 0;
    const c = this.text[pos];
    const digits = c === 'x' ? 2 : c === 'u' ? 4 : 0;
    if (digits === 0) return ESCAPES.has(this.text.charCodeAt(pos)) ? 1 : -1;
    return HEX.test(this.text.slice(pos + 1, pos + 1 + digits)) && pos + digits < lineEnd ? digits + 1 : -1;
  }

  /** `|`, `>`, `|-`, `>+`...: content lines indented alike past `col`; whitespace-only lines empty. */
  private blockScalar(pos: number, col: number): boolean {
    const chomp = this.text[pos + 1];
    if (!this.restIsSpaces(chomp === '-' || chomp === '+' ? pos + 2 : pos + 1)) return false;
    let contentIndent = -1;
    for (; this.line < this.lineCount; this.line++) {
      const ind = this.indent(this.line);
      if (ind === -1) {
        // More-indented leading blank lines would need an indentation indicator.
        if (this.start(this.line) !== this.end(this.line)) return false;
      } else if (ind <= col) return true;
      else if (contentIndent === -1) contentIndent = ind;
      else if (ind < contentIndent) return false;
    }
    return true;
  }

  /** `[]` or `{}` alone. */
  private emptyFlow(pos: number): boolean {
    const close = this.text[pos] === '[' ? ']' : '}';
    return this.text[pos + 1] === close && this.restIsSpaces(pos + 2);
  }

  /** Only spaces from `pos` to the end of the current line, which is then consumed. */
  private restIsSpaces(pos: number): boolean {
    if (this.skipSpaces(pos) !== this.end(this.line)) return false;
    this.line++;
    return true;
  }

  /** Skips blank lines; the indentation of the next line, or -1 at the end of the text. */
  private peek(): number {
    while (this.line < this.lineCount) {
      const ind = this.indent(this.line);
      if (ind !== -1) return ind;
      this.line++;
    }
    return -1;
  }
}
