/**
 * macros.conf reader: `[name]` / `[name(N)]` stanzas, `key = value` settings, `#` comment lines,
 * values continued with a trailing backslash. Every definition character keeps its file offset.
 * Splunk: macros.conf.spec; contentctl writes multi-line definitions as `text \` + newline (MA1).
 */
import type { MappedText } from '../source/source-map.js';
import { sliceOf } from '../source/source-map.js';
import { joinMapped, trimMapped } from './mapped.js';
import { checkArgs, malformed, parseBool, parseStanzaName, splitArgNames, toMacroDef } from './settings.js';
import { macroKey, type MacroDef } from './types.js';

interface Line {
  /** Without the line break (and without a `\r` before it). */
  readonly text: string;
  readonly start: number;
  readonly number: number;
}

interface Setting {
  readonly value: MappedText;
  readonly line: number;
}

interface Stanza {
  readonly name: string;
  readonly arity: number;
  readonly line: number;
  readonly settings: Map<string, Setting>;
}

/** Parse a macros.conf text registered as `source`; throws M008 for malformed lines. */
export function parseConf(text: string, file: string, source: number, layer: string): MacroDef[] {
  const lines = splitLines(text);
  const stanzas = new Map<string, Stanza>();
  let current: Stanza | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (trimmed.startsWith('[')) {
      current = openStanza(trimmed, line, file, stanzas);
      continue;
    }
    const key = /^\s*([^=\s]+)\s*=[ \t]*/.exec(line.text);
    if (!key) throw malformed(file, line.number, `expected "key = value" or "[stanza]", found "${trimmed}"`);
    const { value, next } = readValue(lines, i, key[0].length, source);
    i = next;
    // Settings before the first stanza or in [default] apply to no macro in particular.
    current?.settings.set(key[1]!, { value: trimMapped(value), line: line.number });
  }
  return [...stanzas.values()].map((s) => stanzaToDef(s, file, layer));
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let number = 1;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ text: text.slice(start, end).replace(/\r$/, ''), start, number: number++ });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

/** `[name(N)]`: a repeated header reopens the stanza, as Splunk merges duplicate stanzas. */
function openStanza(trimmed: string, line: Line, file: string, stanzas: Map<string, Stanza>): Stanza | undefined {
  const m = /^\[(.*)\]$/.exec(trimmed);
  const parsed = m ? parseStanzaName(m[1]!) : undefined;
  if (!m || !parsed) throw malformed(file, line.number, `invalid stanza header ${trimmed}`);
  if (parsed.name === 'default' && parsed.arity === 0) return undefined;
  const key = macroKey(parsed.name, parsed.arity);
  const existing = stanzas.get(key);
  if (existing) return existing;
  const stanza: Stanza = { ...parsed, line: line.number, settings: new Map() };
  stanzas.set(key, stanza);
  return stanza;
}

/**
 * The value starting at column `from` of line `i`, joined with the following lines while a line
 * ends with a backslash: the backslash goes, the newline stays (newlines are whitespace to SPL).
 */
function readValue(lines: readonly Line[], i: number, from: number, source: number) {
  const parts: MappedText[] = [];
  let line = lines[i]!;
  let col = from;
  while (line.text.endsWith('\\') && i + 1 < lines.length) {
    const body = line.text.slice(col, -1);
    parts.push(sliceOf(body, source, line.start + col));
    parts.push(sliceOf('\n', source, line.start + line.text.length));
    line = lines[++i]!;
    col = 0;
  }
  const last = line.text.slice(col).replace(/\\$/, '');
  parts.push(sliceOf(last, source, line.start + col));
  return { value: joinMapped(parts, source), next: i };
}

function stanzaToDef(stanza: Stanza, file: string, layer: string): MacroDef {
  const { settings, name, arity, line } = stanza;
  const definition = settings.get('definition');
  if (!definition) throw malformed(file, line, `stanza [${macroKey(name, arity)}] has no definition`);
  const args = arity === 0 ? [] : splitArgNames(settings.get('args')?.value.text ?? '');
  const argError = arity === 0 ? undefined : checkArgs(args, arity);
  if (argError) throw malformed(file, settings.get('args')?.line ?? line, `[${macroKey(name, arity)}]: ${argError}`);
  const iseval = parseBool(settings.get('iseval')?.value.text ?? 'false');
  if (iseval === undefined) {
    throw malformed(file, settings.get('iseval')!.line, `iseval must be true or false`);
  }
  const raw = { name, arity, args, definition: definition.value, iseval, line };
  const validation = settings.get('validation')?.value.text;
  const errormsg = settings.get('errormsg')?.value.text;
  return toMacroDef({ ...raw, validation, errormsg }, file, layer);
}
