/**
 * `name=value` options of a command, read once at bind time: names are case-insensitive, the last
 * occurrence wins, and every error points at the option. Command families differ only in the
 * catalog codes they report and in the value spellings they take; those are `OptionRules`, so one
 * reader serves them all. Booleans follow "SPL data types and clauses" (true, t, 1 / false, f, 0).
 */
import type { SplError } from '../../errors/spl-error.js';
import type { CommandOption } from '../../spl/ast.js';
import { COMMAND_OPTION_RULES, type OptionRules } from './option-rules.js';

const DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

export class OptionReader {
  private readonly byName = new Map<string, CommandOption>();

  /**
   * Check every option against `known` (lower case) and index them; an unknown one throws
   * `rules.unknown`. `rules` defaults to the B201/B202 family most commands belong to.
   */
  constructor(
    private readonly command: string,
    options: readonly CommandOption[],
    known: readonly string[],
    private readonly rules: OptionRules = COMMAND_OPTION_RULES,
  ) {
    for (const o of options) {
      const name = o.name.toLowerCase();
      if (!known.includes(name)) throw rules.unknown(command, o, known);
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
    if (this.rules.spellings.true.test(o.value)) return true;
    if (this.rules.spellings.false.test(o.value)) return false;
    throw this.invalid(o, 'true or false');
  }

  /** A whole number >= `min`. */
  integer(name: string, fallback: number, min = 0): number {
    const o = this.byName.get(name);
    if (!o) return fallback;
    const { wholeNumber, maxWholeNumber } = this.rules.spellings;
    const n = wholeNumber.test(o.value) ? Number(o.value) : NaN;
    if (!(n >= min && n <= maxWholeNumber)) throw this.invalid(o, `a whole number of at least ${min}`);
    return n;
  }

  /** Any decimal number. */
  number(name: string): number | undefined {
    const o = this.byName.get(name);
    if (!o) return undefined;
    const n = DECIMAL.test(o.value) ? Number(o.value) : NaN;
    if (!Number.isFinite(n)) throw this.invalid(o, 'a number');
    return n;
  }

  /** One of `choices` (case-insensitive), returned in lower case. */
  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const o = this.byName.get(name);
    if (!o) return fallback;
    const v = o.value.toLowerCase() as T;
    if (!choices.includes(v)) throw this.invalid(o, choices.join(', '));
    return v;
  }

  /** The family's error for a value `o` that is not `expected` (e.g. "a count greater than 0"). */
  invalid(o: CommandOption, expected: string): SplError {
    return this.rules.invalid(this.command, o, expected);
  }
}
