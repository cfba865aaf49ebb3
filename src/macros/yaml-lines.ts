/**
 * A text as lines, for the YAML subset check (yaml-subset.ts): where each line starts and ends,
 * its indentation (spaces only: the checked text has no tabs), and `- ` sequence dashes.
 */
const SPACE = 32;
const NL = 10;
const DASH = 45;

export class YamlLines {
  /** Offset of the start of each line. */
  protected readonly starts: number[] = [0];

  constructor(protected readonly text: string) {
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) this.starts.push(nl + 1);
  }

  protected get lineCount(): number {
    return this.starts.length;
  }

  /** Offset where line `i` starts, or the text's length past the last line. */
  protected start(i: number): number {
    return i < this.starts.length ? this.starts[i]! : this.text.length;
  }

  /** End of line `i`, before its line break. */
  protected end(i: number): number {
    return i + 1 < this.starts.length ? this.starts[i + 1]! - 1 : this.text.length;
  }

  /** Leading spaces of line `i`, or -1 when it has nothing else. */
  protected indent(i: number): number {
    const start = this.starts[i]!;
    const first = this.skipSpaces(start);
    return first === this.end(i) ? -1 : first - start;
  }

  /** A `-` followed by a space or the line end: a block sequence item. */
  protected isDash(pos: number): boolean {
    if (this.text.charCodeAt(pos) !== DASH) return false;
    const next = this.text.charCodeAt(pos + 1);
    return next === SPACE || next === NL || pos + 1 === this.text.length;
  }

  protected skipSpaces(pos: number): number {
    while (this.text.charCodeAt(pos) === SPACE) pos++;
    return pos;
  }

  /** Back over the spaces before `pos`. */
  protected trimEnd(pos: number): number {
    while (this.text.charCodeAt(pos - 1) === SPACE) pos--;
    return pos;
  }
}
