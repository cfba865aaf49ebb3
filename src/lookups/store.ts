/**
 * The lookups a search may use, confined to the configured locations: folders (their CSV files,
 * security_content lookup YAML, transforms.conf) and single files (a CSV, a transforms.conf).
 * A name resolves, in order, to a definition, a file of that name, or `<name>.csv`; the first
 * location that has it wins. Names with a path (`/`, `\`, `..`, a drive) are refused, a
 * definition's `filename` is reduced to its last segment and must be a plain name, and a file that
 * is a symbolic link leading out of its folder is refused (B508), so nothing outside is ever read.
 * Tables are read once per search, at first use. Search Reference: lookup, inputlookup.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SplError } from '../errors/spl-error.js';
import { PLAIN_MATCHING, type LookupDefinition, type MatchType } from './definition.js';
import { parseDefinitionYaml, parseTransformsConf } from './read-definitions.js';
import { tableFromCsv, type LookupTable } from './table.js';

export interface LookupConfig {
  /** Folders or files, searched in order; the first folder is where `outputlookup` writes. */
  readonly paths: readonly string[];
  /** Folders searched after `paths` and never written (a content repository's lookups/ found from -d). */
  readonly readOnly?: readonly string[];
}

/** Matching rules and the file of a resolved lookup. */
export interface ResolvedLookup {
  readonly name: string;
  readonly file: string;
  readonly matchTypes: ReadonlyMap<string, MatchType>;
  readonly caseSensitive: boolean;
  readonly minMatches: number;
  readonly maxMatches: number;
  readonly defaultMatch: string;
  readonly definition?: LookupDefinition;
}

interface Location {
  /** As configured, for messages. */
  readonly text: string;
  readonly path: string;
  readonly kind: 'dir' | 'file';
  readonly writable: boolean;
}

export class LookupStore {
  private readonly definitions = new Map<string, LookupDefinition>();
  private readonly tables = new Map<string, LookupTable>();

  private constructor(private readonly locations: readonly Location[]) {
    for (const loc of locations) {
      for (const def of readDefinitions(loc)) if (!this.definitions.has(def.name)) this.definitions.set(def.name, def);
    }
  }

  /** Read the locations' definitions (not their tables); a missing folder is an empty one. */
  static load(config: LookupConfig): LookupStore {
    const locs = [...config.paths.map((p) => location(p, true)), ...(config.readOnly ?? []).map((p) => location(p, false))];
    return new LookupStore(locs);
  }

  /** The configured locations, for messages: `fixtures/lookups, users.csv`. */
  where(): string {
    if (this.locations.length === 0) return 'no lookup locations (give --lookups <dir>)';
    return this.locations.map((l) => l.text).join(', ');
  }

  /** The first writable folder, where `outputlookup` writes. */
  writeDir(): string | undefined {
    return this.locations.find((l) => l.kind === 'dir' && l.writable)?.path;
  }

  definition(name: string): LookupDefinition | undefined {
    return this.definitions.get(name);
  }

  /**
   * Whether a search may name this lookup (`splq validate`): a definition's name or filename, a
   * file, or a CSV file's name without `.csv`.
   */
  knows(name: string): boolean {
    if (lookupNameProblem(name)) return false;
    if (this.definitions.has(name)) return true;
    for (const d of this.definitions.values()) if (d.filename === name) return true;
    return this.findFile(name) !== undefined || (!/\.csv(\.gz)?$/i.test(name) && this.findFile(`${name}.csv`) !== undefined);
  }

  /** The table file and matching rules of a lookup name; SplError B501-B504 when there is none. */
  resolve(name: string, command: string): ResolvedLookup {
    checkLookupName(name, command);
    const def = this.definitions.get(name);
    if (def) return this.resolveDefinition(def, command);
    const names = /\.csv(\.gz)?$/i.test(name) ? [name] : [name, `${name}.csv`];
    const file = this.findFile(names[0]!) ?? (names[1] === undefined ? undefined : this.findFile(names[1]));
    if (!file) {
      for (const n of names) this.refuseEscapingLink(n, command);
      throw new SplError('B501', { command, name, where: this.where() });
    }
    return { name, file, ...PLAIN_MATCHING };
  }

  private resolveDefinition(def: LookupDefinition, command: string): ResolvedLookup {
    const origin = def.origin;
    if (def.problem) throw new SplError('B504', { command, name: def.name, origin, reason: def.problem });
    if (def.unusable) throw new SplError('B503', { command, name: def.name, origin, reason: def.unusable });
    const fileName = def.collection ? `${def.collection}.csv` : def.filename;
    if (!fileName) throw new SplError('B504', { command, name: def.name, origin, reason: 'it names no filename' });
    const fileProblem = lookupNameProblem(fileName);
    if (fileProblem) throw new SplError('B504', { command, name: def.name, origin, reason: `its file '${fileName}' is not a plain file name: ${fileProblem}` });
    const extra = [def.dir, join(def.dir, '..', 'lookups')];
    const file = this.findFile(fileName, extra);
    if (!file) {
      this.refuseEscapingLink(fileName, command, extra);
      const what = def.collection ? `KV store collection '${def.collection}', read offline from ${fileName}` : `file ${fileName}`;
      const notes = [`${origin} defines it with ${what}`];
      throw new SplError('B501', { command, name: def.name, where: this.where() }, { notes });
    }
    const { matchTypes, caseSensitive, minMatches, maxMatches, defaultMatch } = def;
    return { name: def.name, file, matchTypes, caseSensitive, minMatches, maxMatches, defaultMatch, definition: def };
  }

  /**
   * A file by name in each location (a folder, or a file of that name), then in the extra folders
   * (a transforms.conf's own folder and its app's lookups/). Locations come first, so a table
   * `outputlookup` wrote shadows the one beside a read-only definition.
   */
  findFile(name: string, extraDirs: readonly string[] = []): string | undefined {
    for (const loc of this.locations) {
      if (loc.kind === 'file' && basename(loc.path) === name) return loc.path;
      if (loc.kind === 'dir' && isFileWithin(join(loc.path, name), loc.path)) return join(loc.path, name);
    }
    for (const dir of extraDirs) if (isFileWithin(join(dir, name), dir)) return join(dir, name);
    return undefined;
  }

  /** B508 when findFile passed over a file of this name because it is a link leading outside. */
  private refuseEscapingLink(name: string, command: string, extraDirs: readonly string[] = []): void {
    const dirs = [...this.locations.filter((l) => l.kind === 'dir').map((l) => l.path), ...extraDirs];
    for (const dir of dirs) {
      const file = join(dir, name);
      if (isFile(file) && !isFileWithin(file, dir)) throw new SplError('B508', { command, file, dir });
    }
  }

  /** The table in a file, read once; I501 when it cannot be read. */
  table(file: string): LookupTable {
    let table = this.tables.get(file);
    if (!table) {
      table = tableFromCsv(readText(file));
      this.tables.set(file, table);
    }
    return table;
  }

  /** Drop a cached table after the file changed (`outputlookup`). */
  forget(file: string): void {
    this.tables.delete(file);
  }
}

/** Lookup names are plain names: no directories, no parent references, no absolute paths. */
export function checkLookupName(name: string, command: string): void {
  const reason = lookupNameProblem(name);
  if (reason) throw new SplError('B502', { command, name, reason });
}

/** Why a name cannot name a lookup, or undefined. */
export function lookupNameProblem(name: string): string | undefined {
  return name.trim() === '' ? 'the name is empty'
    : /[/\\]/.test(name) ? 'a lookup name cannot contain a path separator'
    : name.includes('..') ? 'a lookup name cannot contain ".."'
    : /^[A-Za-z]:/.test(name) ? 'a lookup name cannot be an absolute path'
    : name.includes('\0') ? 'a lookup name cannot contain a NUL character'
    : undefined;
}

function location(text: string, writable: boolean): Location {
  const path = resolve(text);
  const kind = existsSync(path) && !statSync(path).isDirectory() ? 'file' : 'dir';
  return { text, path, kind, writable };
}

function readDefinitions(loc: Location): LookupDefinition[] {
  if (loc.kind === 'file') {
    return /\.conf$/i.test(loc.path) ? parseTransformsConf(readText(loc.path), loc.path, dirname(loc.path)) : [];
  }
  if (!existsSync(loc.path)) return [];
  const defs: LookupDefinition[] = [];
  for (const entry of readdirSync(loc.path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isFile()) continue;
    const file = join(loc.path, entry.name);
    if (/\.ya?ml$/i.test(entry.name)) {
      const def = parseDefinitionYaml(readText(file), file, loc.path);
      if (def) defs.push(def);
    } else if (entry.name === 'transforms.conf') defs.push(...parseTransformsConf(readText(file), file, loc.path));
  }
  return defs;
}

/**
 * Whether `path` is a regular file that, with every symbolic link followed, lies inside `dir`:
 * a link in a lookups folder (a cloned content repository can hold one) must not reach
 * `~/.ssh/id_rsa` or `/etc/passwd`.
 */
export function isFileWithin(path: string, dir: string): boolean {
  if (!isFile(path)) return false;
  try {
    const root = realpathSync(dir);
    const real = realpathSync(path);
    return real.startsWith(root.endsWith(sep) ? root : root + sep);
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readText(file: string): string {
  try {
    const bytes = readFileSync(file);
    return (/\.gz$/i.test(file) ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (e) {
    throw new SplError('I501', { file, reason: (e as Error).message });
  }
}
