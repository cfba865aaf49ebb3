/**
 * The lookups a content repository defines in its lookups/ folders: a definition `<name>.yml`
 * (its `name:` and `filename:`; KV-store ones have `collection:` instead) or a CSV file, which
 * searches name with or without `.csv` (`inputlookup legit_domains.csv`, `lookup legit_domains`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface LookupCatalog {
  /** The folders read, for messages. */
  readonly dirs: readonly string[];
  has(name: string): boolean;
}

export function loadLookupCatalog(dirs: readonly string[]): LookupCatalog {
  const names = new Set<string>();
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = entry.name;
      if (/\.csv$/i.test(file)) names.add(file).add(file.replace(/\.csv$/i, ''));
      else if (/\.ya?ml$/i.test(file)) for (const n of definitionNames(readFileSync(join(dir, file), 'utf8'))) names.add(n);
    }
  }
  return { dirs, has: (name) => names.has(name) };
}

/** `name:` and `filename:` of a lookup definition; a file YAML cannot read is scanned line by line. */
function definitionNames(text: string): string[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    doc = Object.fromEntries([...text.matchAll(/^(name|filename):[ \t]*['"]?([^'"\r\n]*?)['"]?[ \t]*$/gm)].map((m) => [m[1], m[2]]));
  }
  if (doc === null || typeof doc !== 'object') return [];
  const { name, filename } = doc as { name?: unknown; filename?: unknown };
  return [name, filename].filter((v): v is string => typeof v === 'string' && v !== '');
}
