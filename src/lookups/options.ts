/**
 * The `name=value` options of the lookup commands and makeresults, read once at bind time: names
 * are case-insensitive, the last one written wins, an unknown name or a bad value is B008 at the
 * option. Booleans take Splunk's spellings (true/false, t/f, yes/no, 1/0, any case).
 */
import { SplError } from '../errors/spl-error.js';
import type { CommandOption } from '../spl/ast.js';

export class CommandOptions {
  private readonly byName = new Map<string, CommandOption>();

  constructor(
    private readonly command: string,
    options: readonly CommandOption[],
    known: readonly string[],
  ) {
    for (const o of options) {
      const name = o.name.toLowerCase();
      if (!known.includes(name)) throw this.fail(o, `unknown option '${o.name}'; expected one of ${known.join(', ')}`);
      this.byName.set(name, o);
    }
  }

  get(name: string): CommandOption | undefined {
    return this.byName.get(name);
  }

  boolean(name: string, fallback: boolean): boolean {
    const o = this.byName.get(name);
    if (!o) return fallback;
    if (/^(true|t|yes|y|1)$/i.test(o.value.trim())) return true;
    if (/^(false|f|no|n|0)$/i.test(o.value.trim())) return false;
    throw this.fail(o, `option '${o.name}' needs true or false, not '${o.value}'`);
  }

  /** A whole number of at least `min`. */
  integer(name: string, fallback: number, min = 0): number {
    const o = this.byName.get(name);
    if (!o) return fallback;
    const v = /^\+?\d+$/.test(o.value.trim()) ? Number(o.value) : NaN;
    if (Number.isSafeInteger(v) && v >= min) return v;
    throw this.fail(o, `option '${o.name}' needs a whole number of at least ${min}, not '${o.value}'`);
  }

  fail(o: CommandOption, reason: string): SplError {
    return new SplError('B008', { command: this.command, reason }, { span: o.span });
  }
}
