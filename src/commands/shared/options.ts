/**
 * `name=value` options of a command, read once at bind time: names are case-insensitive, the last
 * occurrence wins, an unknown name is an invalid argument (B201) and a bad value is B202, both
 * pointing at the option. Booleans take Splunk's spellings ("SPL data types and clauses": true, t,
 * 1 and false, f, 0, any case).
 */
import { SplError } from '../../errors/spl-error.js';
import type { CommandOption } from '../../spl/ast.js';

const TRUE = /^(true|t|1)$/i;
const FALSE = /^(false|f|0)$/i;

export class OptionReader {
  private readonly byName = new Map<string, CommandOption>();

  /** Check every option against `known` (lower case) and index them; throws B201 on an unknown one. */
  constructor(
    private readonly command: string,
    options: readonly CommandOption[],
    known: readonly string[],
  ) {
    for (const o of options) {
      const name = o.name.toLowerCase();
      if (!known.includes(name)) throw new SplError('B201', { command, arg: `${o.name}=${o.value}` }, { span: o.span });
      this.byName.set(name, o);
    }
  }

  get(name: string): CommandOption | undefined {
    return this.byName.get(name);
  }

  string(name: string, fallback: string): string {
    return this.byName.get(name)?.value ?? fallback;
  }

  boolean(name: string, fallback: boolean): boolean {
    const o = this.byName.get(name);
    if (!o) return fallback;
    if (TRUE.test(o.value)) return true;
    if (FALSE.test(o.value)) return false;
    throw this.invalid(o, 'true or false');
  }

  /** A whole number >= `min`. */
  integer(name: string, fallback: number, min = 0): number {
    const o = this.byName.get(name);
    if (!o) return fallback;
    if (!/^\d+$/.test(o.value.trim()) || Number(o.value) < min) throw this.invalid(o, `a whole number of at least ${min}`);
    return Number(o.value);
  }

  /** Any decimal number. */
  number(name: string): number | undefined {
    const o = this.byName.get(name);
    if (!o) return undefined;
    const n = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(o.value) ? Number(o.value) : NaN;
    if (!Number.isFinite(n)) throw this.invalid(o, 'a number');
    return n;
  }

  invalid(o: CommandOption, expected: string): SplError {
    return new SplError('B202', { command: this.command, name: o.name, value: o.value, expected }, { span: o.span });
  }
}
