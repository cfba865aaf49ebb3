/**
 * Lookup definitions from the files that hold them: Splunk `transforms.conf` (stanzas with
 * `filename`, `collection`, `external_cmd` or `external_type`; `key = value` lines, `#`
 * comments, values continued by a trailing backslash) and security_content lookup YAML
 * (`name:`, `filename:` or `collection:`, and the same matching settings as keys).
 */
import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { definitionFrom, LOOKUP_KEYS, type LookupDefinition } from './definition.js';

/** The lookup stanzas of a transforms.conf text; other stanzas (REGEX transforms...) are skipped. */
export function parseTransformsConf(text: string, file: string, dir: string): LookupDefinition[] {
  const stanzas = new Map<string, { line: number; settings: Map<string, string> }>();
  let current: Map<string, string> | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i]!.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const header = /^\[(.*)\]$/.exec(trimmed);
    if (header) {
      const name = header[1]!.trim();
      const existing = stanzas.get(name);
      current = name === 'default' ? undefined : (existing?.settings ?? new Map());
      if (current && !existing) stanzas.set(name, { line: i + 1, settings: current });
      continue;
    }
    const kv = /^([^=]+?)\s*=\s*(.*)$/.exec(trimmed);
    if (!kv) continue;
    let value = kv[2]!;
    while (value.endsWith('\\') && i + 1 < lines.length) value = `${value.slice(0, -1)}\n${lines[++i]!.trim()}`;
    current?.set(kv[1]!, value);
  }
  return [...stanzas]
    .filter(([, s]) => LOOKUP_KEYS.some((k) => s.settings.has(k)))
    .map(([name, s]) => definitionFrom(name, s.settings, `${file}:${s.line}`, dir));
}

const YAML_KEYS = [
  'name', 'filename', 'collection', 'match_type', 'case_sensitive_match', 'min_matches', 'max_matches',
  'default_match', 'external_cmd', 'external_type', 'time_field',
];

/**
 * A security_content lookup YAML; undefined when the file defines no lookup. A file the YAML
 * parser rejects is read line by line (`key: value`), as some corpus files need.
 */
export function parseDefinitionYaml(text: string, file: string, dir: string): LookupDefinition | undefined {
  const settings = yamlSettings(text) ?? lineSettings(text);
  const name = settings.get('name') ?? basename(file).replace(/\.ya?ml$/i, '');
  if (!LOOKUP_KEYS.some((k) => settings.has(k))) return undefined;
  return definitionFrom(name, settings, file, dir);
}

function yamlSettings(text: string): Map<string, string> | undefined {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    return undefined;
  }
  const settings = new Map<string, string>();
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return settings;
  for (const key of YAML_KEYS) {
    const v = (doc as Record<string, unknown>)[key];
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') settings.set(key, String(v));
  }
  return settings;
}

function lineSettings(text: string): Map<string, string> {
  const settings = new Map<string, string>();
  for (const m of text.matchAll(/^([a-z_]+):[ \t]*(['"]?)(.*?)\2[ \t]*$/gm)) {
    if (YAML_KEYS.includes(m[1]!) && !settings.has(m[1]!)) settings.set(m[1]!, m[3]!);
  }
  return settings;
}
