/**
 * security_content macro YAML reader: `name`, `definition`, optional `arguments` (a list) make the
 * stanza `name` or `name(N)`; `iseval`/`validation`/`errormsg` are read too when present.
 * The definition keeps each character's file offset (see yaml-align.ts) (spec 05 MA2).
 */
import { isMap, isScalar, isSeq, type Node, type Scalar, type YAMLError, type YAMLMap } from 'yaml';
import { LineIndex } from '../source/line-index.js';
import type { MappedText } from '../source/source-map.js';
import { checkArgs, malformed, parseBool, toMacroDef } from './settings.js';
import type { MacroDef } from './types.js';
import { alignMapped, type ScalarStyle } from './yaml-align.js';
import { parseYamlKeys } from './yaml-keys.js';
import type { ParsedYaml } from './yaml-lenient.js';

/** Reading context: the parsed document and how to turn its offsets into file lines. */
interface Reader {
  readonly parsed: ParsedYaml;
  readonly lines: LineIndex;
  readonly file: string;
}

/** The top-level keys read from a macro file (its `description:` is skipped). */
const MACRO_KEYS: ReadonlySet<string> = new Set(['name', 'definition', 'arguments', 'iseval', 'validation', 'errormsg']);

/** Parse one macro YAML file registered as `source`; throws M008 when it is not a macro. */
export function parseYamlMacro(text: string, file: string, source: number, layer: string): MacroDef[] {
  const parsed = parseYamlKeys(text, MACRO_KEYS);
  if (!('doc' in parsed)) throw yamlError(parsed, file);
  const rd: Reader = { parsed, lines: new LineIndex(text), file };
  const root = parsed.doc.contents;
  if (!isMap(root)) throw malformed(file, 1, 'expected a mapping with "name" and "definition"');
  const name = stringField(rd, root, 'name', true)!;
  const defNode = scalarField(rd, root, 'definition', true)!;
  const args = argumentNames(rd, root);
  const argError = checkArgs(args, args.length);
  if (argError) throw malformed(file, lineOf(rd, root.get('arguments', true) as Node), argError);
  const iseval = parseBool(stringField(rd, root, 'iseval', false) ?? 'false') ?? false;
  const raw = {
    name,
    arity: args.length,
    args,
    definition: mappedScalar(rd, defNode, source),
    iseval,
    line: lineOf(rd, defNode),
    validation: stringField(rd, root, 'validation', false),
    errormsg: stringField(rd, root, 'errormsg', false),
  };
  return [toMacroDef(raw, file, layer)];
}

function yamlError(err: YAMLError, file: string) {
  const pos = err.linePos?.[0];
  const reason = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return malformed(file, pos?.line ?? 1, reason, pos?.col);
}

function lineOf(rd: Reader, node: Node | undefined): number {
  const at = node?.range?.[0] ?? 0;
  return rd.lines.lineCol(rd.parsed.toOriginal(at)).line;
}

function scalarField(rd: Reader, map: YAMLMap, key: string, required: boolean): Scalar | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined || (isScalar(node) && node.value === null)) {
    if (required) throw malformed(rd.file, 1, `missing "${key}"`);
    return undefined;
  }
  if (!isScalar(node)) throw malformed(rd.file, lineOf(rd, node), `"${key}" must be a single value`);
  return node;
}

function stringField(rd: Reader, map: YAMLMap, key: string, required: boolean): string | undefined {
  const node = scalarField(rd, map, key, required);
  return node === undefined ? undefined : String(node.value);
}

/** `arguments: [a, b]` -> ['a', 'b']; absent or empty -> []. */
function argumentNames(rd: Reader, map: YAMLMap): string[] {
  const node = map.get('arguments', true) as Node | undefined;
  if (node === undefined || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) throw malformed(rd.file, lineOf(rd, node), '"arguments" must be a list of names');
  return node.items.map((item) => {
    if (!isScalar(item)) throw malformed(rd.file, lineOf(rd, item as Node), 'argument names must be plain text');
    return String(item.value);
  });
}

/** The scalar's value with each character mapped to its offset in the original file. */
function mappedScalar(rd: Reader, node: Scalar, source: number): MappedText {
  const value = String(node.value);
  const [start, end] = node.range ?? [0, 0];
  const raw = rd.parsed.text.slice(start, end);
  const style = (typeof node.value === 'string' ? node.type : 'PLAIN') as ScalarStyle;
  return alignMapped(value, raw, start, style ?? 'PLAIN', source, rd.parsed.toOriginal, rd.parsed.toOriginal(start));
}
