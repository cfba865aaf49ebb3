/**
 * `spath [input=<field>] [output=<field>] [path=<datapath> | <datapath>]` (Search Reference:
 * spath; spec 06 J2-J5). With a path, the values it selects in the JSON or XML of the input field
 * (`_raw` by default) go to `output`, or to a field named as the path: a leaf as its text, an
 * object, array or XML element with children as written in the input; several values make a
 * multivalue field; a path that selects nothing leaves the results as they were. Without a path
 * spath extracts every field as KV_MODE=json names them (J2-J4), or for XML `root.child` for
 * element text and `root.child{@attr}` for attributes, from the first 5000 characters of the input
 * (limits.conf [spath] extraction_cutoff). Each value of a multivalue input is read.
 */
import type { FieldValue, Scalar } from '../data/event.js';
import { addLeaf, ALL_FIELDS, JsonTooDeep } from '../data/flatten.js';
import { flattenJsonText } from '../data/flatten-text.js';
import { skipSpace } from '../data/json-scan.js';
import { parseXml, type XmlElement } from '../data/xml.js';
import { scalarText } from '../eval/values.js';
import type { SpathCommand } from '../spl/commands/spath.js';
import { FIELD_COMMAND_OPTION_RULES } from './shared/option-rules.js';
import { OptionReader } from './shared/options.js';
import { parseSpathPath, selectJson, selectXml, type PathStep } from './spath-path.js';
import { streaming, type CommandImpl } from './types.js';

/** limits.conf [spath] extraction_cutoff: auto-extraction reads this many characters. */
export const EXTRACTION_CUTOFF = 5000;

export const spathCommand: CommandImpl<SpathCommand> = {
  kind: 'spath',
  needsOrder: false,
  compile(cmd) {
    const opts = new OptionReader('spath', cmd.options, ['input', 'output', 'path'], FIELD_COMMAND_OPTION_RULES);
    const input = opts.get('input')?.value ?? '_raw';
    const pathOption = opts.get('path');
    const path = pathOption?.value ?? cmd.datapath?.name;
    if (path === undefined) {
      return streaming((row, next) => {
        const v = row.fields.get(input);
        if (v !== undefined) for (const [k, x] of extractAll(valuesOf(v))) row.fields.set(k, x);
        next.push(row);
      });
    }
    const steps = parseSpathPath(path);
    if (!steps) throw pathOption ? opts.invalid(pathOption, 'a path such as a.b{0}.c') : badPath(cmd, path);
    const output = opts.get('output')?.value ?? path;
    return streaming((row, next) => {
      const v = row.fields.get(input);
      const found = v === undefined ? [] : valuesOf(v).flatMap((text) => selectPath(text, steps));
      if (found.length > 0) row.fields.set(output, found.length === 1 ? found[0]! : found);
      next.push(row);
    });
  },
};

function badPath(cmd: SpathCommand, path: string): Error {
  const o = { name: 'path', value: path, quoted: false, span: cmd.datapath!.span };
  return FIELD_COMMAND_OPTION_RULES.invalid('spath', o, 'a path such as a.b{0}.c');
}

function valuesOf(v: FieldValue): string[] {
  return Array.isArray(v) ? (v as readonly Scalar[]).map(scalarText) : [scalarText(v as Scalar)];
}

const isXml = (text: string): boolean => text.charCodeAt(skipSpace(text, 0)) === 60; // '<'

/** The values a path selects in one input text. */
export function selectPath(text: string, steps: readonly PathStep[]): string[] {
  if (isXml(text)) {
    return selectXml(parseXml(text), steps).map((s) => ('attribute' in s ? s.attribute : elementValue(s.element, text)));
  }
  return selectJson(text, steps).map(({ start, end }) => jsonText(text.slice(start, end)));
}

/** A JSON value's text: strings decoded, everything else as written. */
function jsonText(raw: string): string {
  if (raw.charCodeAt(0) !== 34) return raw;
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

/** A leaf element's text, or the inner XML of an element with children. */
function elementValue(e: XmlElement, source: string): string {
  return e.children.length > 0 ? source.slice(e.contentStart, e.contentEnd) : e.text;
}

/** Auto-extract: every field of each input text, in document order, repeated names multivalue. */
export function extractAll(texts: readonly string[]): Map<string, FieldValue> {
  const out = new Map<string, FieldValue>();
  for (const full of texts) {
    const text = full.slice(0, EXTRACTION_CUTOFF);
    if (isXml(text)) parseXml(text).forEach((e) => flattenXml(e, null, out));
    else flattenJsonDepthSafe(text, out);
  }
  return out;
}

/** JSON nested deeper than the flattener follows gives no fields, as text that is not JSON gives none. */
function flattenJsonDepthSafe(text: string, out: Map<string, FieldValue>): void {
  try {
    flattenJsonText(text, out);
  } catch (e) {
    if (!(e instanceof JsonTooDeep)) throw e;
  }
}

function flattenXml(e: XmlElement, prefix: string | null, out: Map<string, FieldValue>): void {
  const name = prefix === null ? e.name : `${prefix}.${e.name}`;
  for (const [k, v] of e.attributes) addLeaf(out, `${name}{@${k}}`, v, ALL_FIELDS);
  if (e.children.length === 0) {
    if (e.text.trim() !== '') addLeaf(out, name, e.text, ALL_FIELDS);
    return;
  }
  for (const child of e.children) flattenXml(child, name, out);
}
