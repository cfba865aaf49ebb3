/**
 * Option reading for the stats-family and charting commands: every option is checked against the
 * command's list at bind time (B302), and values are parsed once with a span error (B301). When
 * an option is written twice, the last one wins.
 */
import { SplError } from '../errors/spl-error.js';
import type { CommandOption } from '../spl/ast.js';

const TRUE = /^(true|t|1|yes|y)$/i;
const FALSE = /^(false|f|0|no|n)$/i;

export class OptionReader {
  private readonly byName = new Map<string, CommandOption>();

  constructor(
    readonly command: string,
    options: readonly CommandOption[],
    known: readonly string[],
  ) {
    for (const o of options) {
      const name = o.name.toLowerCase();
      if (!known.includes(name)) throw new SplError('B302', { command, option: o.name }, { span: o.span });
      this.byName.set(name, o);
    }
  }

  get(name: string): CommandOption | undefined {
    return this.byName.get(name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  string(name: string, fallback: string): string {
    return this.byName.get(name)?.value ?? fallback;
  }

  bool(name: string, fallback: boolean): boolean {
    const o = this.byName.get(name);
    if (!o) return fallback;
    if (TRUE.test(o.value)) return true;
    if (FALSE.test(o.value)) return false;
    throw this.invalid(o, 'true or false');
  }

  /** A whole number of at least `min`. */
  int(name: string, fallback: number, min = 0): number {
    const o = this.byName.get(name);
    if (!o) return fallback;
    if (!/^\d+$/.test(o.value) || Number(o.value) < min) throw this.invalid(o, `a whole number of at least ${min}`);
    return Number(o.value);
  }

  invalid(o: CommandOption, expected: string): SplError {
    return new SplError('B301', { command: this.command, option: o.name, value: o.value, expected }, { span: o.span });
  }
}
