/**
 * `name=value` options of the subsearch commands (join, append, format, map, foreach), read once
 * at bind time: unknown names are B601, values that are not booleans or whole numbers B602.
 */
import { SplError } from '../errors/spl-error.js';
import type { CommandOption } from '../spl/ast.js';

export class CommandOptions {
  private readonly byName = new Map<string, CommandOption>();

  /** The last option of a name wins, as Splunk reads them. */
  constructor(
    private readonly command: string,
    options: readonly CommandOption[],
    allowed: readonly string[],
  ) {
    for (const o of options) {
      const name = o.name.toLowerCase();
      if (!allowed.includes(name)) throw new SplError('B601', { command, arg: `${o.name}=${o.value}` }, { span: o.span });
      this.byName.set(name, o);
    }
  }

  get(name: string): CommandOption | undefined {
    return this.byName.get(name);
  }

  string(name: string, fallback: string): string {
    return this.byName.get(name)?.value ?? fallback;
  }

  /** true/false, t/f, 1/0, yes/no in any case. */
  bool(name: string, fallback: boolean): boolean {
    const o = this.byName.get(name);
    if (!o) return fallback;
    const v = o.value.trim().toLowerCase();
    if (['true', 't', '1', 'yes', 'y'].includes(v)) return true;
    if (['false', 'f', '0', 'no', 'n'].includes(v)) return false;
    throw this.bad(o, 'true or false');
  }

  /** A whole number of at least `min`. */
  int(name: string, fallback: number, min = 0): number {
    const o = this.byName.get(name);
    if (!o) return fallback;
    const v = /^\s*\+?\d+\s*$/.test(o.value) ? Number(o.value) : NaN;
    if (!Number.isSafeInteger(v) || v < min) throw this.bad(o, `a whole number of at least ${min}`);
    return v;
  }

  /** One of `choices` (case-insensitive), returned in lower case. */
  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const o = this.byName.get(name);
    if (!o) return fallback;
    const v = o.value.toLowerCase() as T;
    if (!choices.includes(v)) throw this.bad(o, choices.join(', '));
    return v;
  }

  private bad(o: CommandOption, expected: string): SplError {
    return new SplError('B602', { command: this.command, name: o.name, value: o.value, expected }, { span: o.span });
  }
}
