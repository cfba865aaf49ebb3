/**
 * Loading macros: files (macros.conf syntax, or security_content YAML by extension), directories of
 * them, and `--macro 'name(a,b)=definition'` given on the command line; then one table where later
 * layers win (shipped `macros/` < `--macros` paths < `--macro`). Spec 05 MA1, MA2.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { SplError } from '../errors/spl-error.js';
import { sliceOf } from '../source/source-map.js';
import { parseConf } from './conf.js';
import { sliceMapped, trimMapped } from './mapped.js';
import { checkArgs, splitArgNames } from './settings.js';
import { MacroTable, type MacroDef, type SourceRegistry } from './types.js';
import { parseYamlMacro } from './yaml.js';

const MACRO_EXTENSIONS = new Set(['.conf', '.yml', '.yaml']);

/** Read one macro file (`.yml`/`.yaml`: security_content YAML; anything else: macros.conf). */
export function loadMacroFile(path: string, registry: SourceRegistry, layer: string): MacroDef[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw unreadable(path, e);
  }
  const source = registry.add(path, text);
  const ext = extname(path).toLowerCase();
  if (ext === '.yml' || ext === '.yaml') return parseYamlMacro(text, path, source, layer);
  return parseConf(text, path, source, layer);
}

/**
 * Load files and directories in the order given; a directory contributes every `*.conf`, `*.yml`
 * and `*.yaml` below it, sorted by path so that which duplicate wins never depends on the disk.
 */
export function loadMacroPaths(paths: readonly string[], registry: SourceRegistry, layer: string): MacroDef[] {
  const defs: MacroDef[] = [];
  for (const path of paths) {
    for (const file of macroFilesOf(path)) defs.push(...loadMacroFile(file, registry, layer));
  }
  return defs;
}

function macroFilesOf(path: string): string[] {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (e) {
    throw unreadable(path, e);
  }
  if (!isDir) return [path];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (MACRO_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(full);
    }
  };
  walk(path);
  // Plain code-unit order, not localeCompare: the same on every machine.
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function unreadable(path: string, e: unknown): SplError {
  const reason = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
  return new SplError('M007', { file: path, reason });
}

/**
 * `name=definition` or `name(a,b)=definition` from `--macro`: the arity is the number of names in
 * the parentheses (`name()` is arity 0). The text is registered so errors can point into it.
 */
export function parseInlineMacro(def: string, registry: SourceRegistry, layer = 'cli'): MacroDef {
  const m = /^\s*([^\s=()`]+)\s*(?:\(([^()]*)\))?\s*=/.exec(def);
  if (!m) throw new SplError('M009', { text: def });
  const args = splitArgNames(m[2] ?? '');
  const argError = checkArgs(args, args.length);
  if (argError) throw new SplError('M009', { text: def }, { hints: [argError] });
  const source = registry.add('<--macro>', def);
  const definition = trimMapped(sliceMapped(sliceOf(def, source), m[0].length, def.length));
  return {
    name: m[1]!,
    arity: args.length,
    args,
    definition,
    iseval: false,
    file: '<--macro>',
    layer,
    line: 1,
  };
}

/** One table from layers in increasing priority: a later definition of `name(n)` wins. */
export function buildMacroTable(layers: readonly (readonly MacroDef[])[]): MacroTable {
  return new MacroTable(layers.flat());
}
