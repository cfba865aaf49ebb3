/**
 * Macro definitions, the table that looks them up by name and arity, and the registry of source
 * texts (the query and every macro file) that the source map refers to by id.
 * Splunk: macros.conf, "[name]" or "[name(<numargs>)]" stanzas; arities overload (spec 05 MA1).
 */
import type { MappedText, SourceText } from '../source/source-map.js';

/** One macro as loaded from a file or the command line. */
export interface MacroDef {
  readonly name: string;
  /** Number of arguments; part of the identity: `foo`, `foo(1)` and `foo(2)` are three macros. */
  readonly arity: number;
  /** Declared argument names in positional order (length = arity). */
  readonly args: readonly string[];
  /** The definition text, mapped character by character into its file (source id). */
  readonly definition: MappedText;
  readonly iseval: boolean;
  readonly validation?: string;
  readonly errormsg?: string;
  /** Display name of the file the macro came from (or `<--macro N>` for inline definitions). */
  readonly file: string;
  /** 'default' (shipped macros), 'macros:<path>' (--macros), 'cli' (--macro). */
  readonly layer: string;
  /** 1-based line of the stanza header (conf), the `definition:` key (YAML) or 1 (inline). */
  readonly line: number;
}

/** `name` for arity 0, else `name(n)`: the stanza name, and how errors quote a reference. */
export function macroKey(name: string, arity: number): string {
  return arity === 0 ? name : `${name}(${arity})`;
}

/** "file:line (layer)", as shown in expansion notes and `UsedMacro.definedIn`. */
export function definedIn(def: MacroDef): string {
  return `${def.file}:${def.line} (${def.layer})`;
}

/** Macros by name and arity. Setting a macro that exists replaces it (later layers win). */
export class MacroTable implements Iterable<MacroDef> {
  private readonly byKey = new Map<string, MacroDef>();

  constructor(defs: Iterable<MacroDef> = []) {
    for (const def of defs) this.set(def);
  }

  set(def: MacroDef): void {
    // Delete first so iteration order follows the winning definition's position.
    const key = macroKey(def.name, def.arity);
    this.byKey.delete(key);
    this.byKey.set(key, def);
  }

  get(name: string, arity: number): MacroDef | undefined {
    return this.byKey.get(macroKey(name, arity));
  }

  /** The arities `name` is defined with, ascending (for "defined with 1 argument" hints). */
  arities(name: string): number[] {
    const found: number[] = [];
    for (const def of this.byKey.values()) if (def.name === name) found.push(def.arity);
    return found.sort((a, b) => a - b);
  }

  get size(): number {
    return this.byKey.size;
  }

  [Symbol.iterator](): Iterator<MacroDef> {
    return this.byKey.values();
  }
}

/**
 * The texts a source map can point into. Id 0 is reserved for the query: it exists from the start
 * (empty) and `setQuery` fills it, so macro files can be loaded before the query is known and one
 * registry can serve several queries in turn (each expansion snapshots the sources it saw).
 */
export class SourceRegistry {
  private readonly texts: SourceText[];

  constructor(queryText = '', queryName = '<query>') {
    this.texts = [{ id: 0, name: queryName, text: queryText }];
  }

  /** Set the text of source 0 (the query, or a whole detection file the query is mapped into). */
  setQuery(text: string, name = '<query>'): void {
    this.texts[0] = { id: 0, name, text };
  }

  /** Register a file's whole text; returns its id (1, 2, ...). */
  add(name: string, text: string): number {
    const id = this.texts.length;
    this.texts.push({ id, name, text });
    return id;
  }

  /** The id of a source with this name and text, adding it the first time (synthetic texts). */
  intern(name: string, text: string): number {
    const found = this.texts.find((s) => s.id > 0 && s.name === name && s.text === text);
    return found ? found.id : this.add(name, text);
  }

  get(id: number): SourceText | undefined {
    return this.texts[id];
  }

  /** A snapshot of every source, indexed by id. */
  all(): SourceText[] {
    return [...this.texts];
  }
}
