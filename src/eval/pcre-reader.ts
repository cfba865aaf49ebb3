/**
 * The cursor shared by the PCRE parser files: the pattern, the position, the option flags in force
 * and the group bookkeeping. Errors carry the offset of the offending construct in the pattern.
 */

/** A PCRE pattern that is invalid, or valid but not translatable exactly; `offset` is 0-based. */
export class PcreError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
    readonly pattern: string,
  ) {
    super(`${reason} at offset ${offset} of the regular expression "${pattern}"`);
    this.name = 'PcreError';
  }
}

/** PCRE option letters in force: i m s x U n (the letters of `(?imsxUn)`). */
export interface PcreFlags {
  readonly i: boolean;
  readonly m: boolean;
  readonly s: boolean;
  readonly x: boolean;
  readonly U: boolean;
  readonly n: boolean;
}

export const NO_FLAGS: PcreFlags = { i: false, m: false, s: false, x: false, U: false, n: false };

/** A backreference whose group is known only after the whole pattern is read (by name or number). */
export interface PendingRef {
  kind: 'Backref';
  index: number;
  caseless: boolean;
  readonly name?: string;
  readonly offset: number;
}

export class PcreReader {
  pos = 0;
  groupCount = 0;
  readonly names: (string | undefined)[] = [undefined];
  readonly refs: PendingRef[] = [];

  constructor(
    readonly pattern: string,
    public flags: PcreFlags,
  ) {}

  get done(): boolean {
    return this.pos >= this.pattern.length;
  }

  peek(offset = 0): string {
    return this.pattern[this.pos + offset] ?? '';
  }

  startsWith(text: string): boolean {
    return this.pattern.startsWith(text, this.pos);
  }

  /** The code point at the cursor, consumed. */
  nextCodePoint(): number {
    const cp = this.pattern.codePointAt(this.pos)!;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  fail(reason: string, at: number = this.pos): never {
    throw new PcreError(reason, at, this.pattern);
  }

  /** Refuse a construct JavaScript cannot run exactly, naming it. */
  unsupported(construct: string, at: number): never {
    this.fail(`${construct} is not supported`, at);
  }

  /** Read up to `terminator`; fails when the pattern ends first. */
  readUntil(terminator: string, what: string): string {
    const end = this.pattern.indexOf(terminator, this.pos);
    if (end < 0) this.fail(`missing terminator "${terminator}" for ${what}`);
    const text = this.pattern.slice(this.pos, end);
    this.pos = end + terminator.length;
    return text;
  }

  /** In extended mode (x): skip white space and `#` comments; always skip `(?#...)` comments. */
  skipIgnorable(): void {
    for (;;) {
      if (this.startsWith('(?#')) {
        const start = this.pos;
        this.pos += 3;
        if (this.pattern.indexOf(')', this.pos) < 0) this.fail('missing ) after (?# comment', start);
        this.readUntil(')', 'comment');
      } else if (this.flags.x && /[ \t\n\v\f\r]/.test(this.peek())) {
        this.pos++;
      } else if (this.flags.x && this.peek() === '#') {
        while (!this.done && this.peek() !== '\n') this.pos++;
      } else {
        return;
      }
    }
  }

  /** A new capture group number (and its name, checked for duplicates). */
  openGroup(name: string | undefined, at: number): number {
    if (name !== undefined && this.names.includes(name)) this.fail(`two named groups have the same name "${name}"`, at);
    this.groupCount++;
    this.names.push(name);
    return this.groupCount;
  }
}

/** PCRE group names: a letter or underscore, then letters, digits, underscores; at most 32. */
export const GROUP_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;
