// Reading selected top-level keys of a YAML file (src/macros/yaml-keys.ts) must give exactly what
// the full parse gives: the same values, styles and file offsets, the same errors at the same
// places. Checked over every YAML file of the shared corpus, hand-written tricky files, and
// generated ones; and the subset check must never call a file with a YAML error certain.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isScalar, parseDocument } from 'yaml';
import { parseDetection } from '../../src/detections/load.js';
import { fromOffsets } from '../../src/macros/mapped.js';
import { alignScalar, type ScalarStyle } from '../../src/macros/yaml-align.js';
import { parseYamlKeys, readTopLevelScalars } from '../../src/macros/yaml-keys.js';
import { parseYamlLenient } from '../../src/macros/yaml-lenient.js';
import { checkRootMapping } from '../../src/macros/yaml-subset.js';
import { TRICKY_YAML } from './macros-yaml-keys.cases.js';

const CORPUS = '/work/shared/corpus';
const DETECTION_KEYS = new Set(['search', 'name', 'id']);
const MACRO_KEYS = new Set(['name', 'definition', 'arguments', 'iseval', 'validation', 'errormsg']);

/** What a reader reports for each key, offsets in the file: comparable across both paths. */
type Outcome = { error: string; at: unknown } | Record<string, { value: unknown; style: unknown; start: number; end: number }>;

function viaFullParse(text: string, keys: ReadonlySet<string>): Outcome {
  const parsed = parseYamlLenient(text);
  if (!('doc' in parsed)) return { error: parsed.message, at: parsed.linePos };
  const out: Record<string, { value: unknown; style: unknown; start: number; end: number }> = {};
  for (const key of keys) {
    const node = parsed.doc.get(key, true);
    if (isScalar(node) && node.range) out[key] = { value: node.value, style: node.type, start: parsed.toOriginal(node.range[0]), end: parsed.toOriginal(node.range[1]) };
  }
  return out;
}

function viaSelectedKeys(text: string, keys: ReadonlySet<string>): Outcome {
  const read = readTopLevelScalars(text, keys);
  if (!('scalars' in read)) return { error: read.message, at: read.linePos };
  const out: Record<string, { value: unknown; style: unknown; start: number; end: number }> = {};
  for (const [key, s] of read.scalars) out[key] = { value: s.value, style: s.style, start: read.toOriginal(s.start), end: read.toOriginal(s.end) };
  return out;
}

/** Each selected key's node as parseYamlKeys returns it, against the full parse's. */
function docKeys(text: string, keys: ReadonlySet<string>, read: typeof parseYamlKeys | typeof parseYamlLenient): unknown {
  const parsed = read(text, keys);
  if (!('doc' in parsed)) return { error: parsed.message, at: parsed.linePos };
  return [...keys].map((key) => {
    const node = parsed.doc.get(key, true) as { range?: number[]; toJSON?: () => unknown } | undefined;
    const json = node && typeof node === 'object' && 'toJSON' in node ? node.toJSON!() : node;
    return { key, json, range: node?.range?.map(parsed.toOriginal) };
  });
}

/**
 * What the subset check calls certain has no YAML error: with nothing selected; with the selected
 * values all checked scalars (decoded without the parser); and when the selected entries it left
 * to the parser parse without error on their own.
 */
function expectSound(text: string, label: string): void {
  const entries = checkRootMapping(text, DETECTION_KEYS);
  const certain =
    checkRootMapping(text, new Set()) !== undefined ||
    (entries !== undefined && (entries.every((e) => e.scalar) || parseDocument(entries.map((e) => text.slice(e.start, e.end)).join('')).errors.length === 0));
  if (certain) expect(parseDocument(text).errors, label).toEqual([]);
}

/** parseDetection as it was before the selected-keys path: the whole file parsed. */
function detectionViaFullParse(text: string, path: string): unknown {
  const parsed = parseYamlLenient(text);
  if (!('doc' in parsed)) throw parsed;
  const node = parsed.doc.get('search', true);
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) throw new Error('no search');
  const [start, end] = node.range;
  const offsets = alignScalar(node.value, parsed.text.slice(start, end), start, node.type as ScalarStyle).map(parsed.toOriginal);
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    name: str(parsed.doc.get('name')),
    id: str(parsed.doc.get('id')),
    query: { text: node.value, name: path, container: { text, mapped: fromOffsets(node.value, 0, offsets, parsed.toOriginal(start)) } },
  };
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
    })
    .sort();
}

describe('every YAML file of the corpus', () => {
  const files = yamlFiles(CORPUS).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

  it('gives the same detection keys as the full parse, mostly without parsing', () => {
    expect(files.length).toBeGreaterThan(2000);
    let decoded = 0;
    for (const { path, text } of files) {
      expect(viaSelectedKeys(text, DETECTION_KEYS), path).toEqual(viaFullParse(text, DETECTION_KEYS));
      const read = readTopLevelScalars(text, DETECTION_KEYS);
      if ('scalars' in read && read.text === text) decoded++;
    }
    // The fast path must really be the common one, or this test proves nothing.
    expect(decoded / files.length).toBeGreaterThan(0.9);
  });

  it('gives the same macro keys as the full parse', () => {
    for (const { path, text } of files) expect(docKeys(text, MACRO_KEYS, parseYamlKeys), path).toEqual(docKeys(text, MACRO_KEYS, parseYamlLenient));
  });

  it('gives every detection the same search, positions and metadata as the full parse', () => {
    for (const { path, text } of files.filter((f) => /\/(detections|baselines|investigations)\//.test(f.path))) {
      expect(parseDetection(text, path), path).toEqual(detectionViaFullParse(text, path));
    }
  });

  it('never calls a file with YAML errors certain', () => {
    for (const { path, text } of files) expectSound(text, path);
  });
});

describe('hand-written YAML', () => {
  it.each(TRICKY_YAML)('$name', ({ text }) => {
    expect(viaSelectedKeys(text, DETECTION_KEYS)).toEqual(viaFullParse(text, DETECTION_KEYS));
    expect(docKeys(text, MACRO_KEYS, parseYamlKeys)).toEqual(docKeys(text, MACRO_KEYS, parseYamlLenient));
    expectSound(text, 'hand-written');
  });
});

describe('generated YAML', () => {
  it('agrees with the full parse, and is only certain of error-free files', () => {
    fc.assert(
      fc.property(yamlDocument(), (text) => {
        expectSound(text, 'generated');
        expect(viaSelectedKeys(text, DETECTION_KEYS)).toEqual(viaFullParse(text, DETECTION_KEYS));
      }),
      { numRuns: 3000 },
    );
  });
});

/** Scalars made of the characters that matter to YAML, on one or more lines. */
function scalarText(): fc.Arbitrary<string> {
  const piece = fc.constantFrom(
    ...['a', 'b c', ' ', '  ', ':', ': ', ' #', '#', '-', '- ', "'", "''", '"', '\\', '\\n', '\\x41', '\\u00e9', '\\q', '[', ']', '{', '}', ','],
    ...['&x', '*x', '!t', '@', '`', '%', '|', '>', '?', '~', '0', '1.5', '0x1F', 'null', 'true', '.inf', 'é', '\n', '\n  ', '\n\n   ', '\n- ', '\t'],
  );
  return fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
}

/** A value: a scalar in one of the styles, a nested block, or something odd. */
function value(depth: number): fc.Arbitrary<string> {
  const scalars = [
    scalarText().map((s) => ` ${s}`),
    scalarText().map((s) => ` '${s}'`),
    scalarText().map((s) => ` "${s}"`),
    fc.tuple(fc.constantFrom('|', '|-', '>', '>+', '|2'), scalarText()).map(([h, s]) => ` ${h}\n  ${s}`),
    fc.constantFrom('', ' []', ' {}', ' [a, b]', ' &a x', ' *a', ' !!str 1', ' 123', ' ~'),
    // Alone on the next line, at various indentations.
    fc.tuple(fc.constantFrom('\n', '\n ', '\n   '), fc.constantFrom('', "'", '"'), scalarText()).map(([nl, q, s]) => `${nl}${q}${s}${q}`),
  ];
  if (depth >= 2) return fc.oneof(...scalars);
  return fc.oneof(...scalars, block(depth + 1).map((lines) => '\n' + lines));
}

/** A block mapping or sequence, indented by `depth` levels (sometimes off by one). */
function block(depth: number): fc.Arbitrary<string> {
  const indent = fc.constantFrom(0, 1, 2, 2, 2, 3, 4).map((n) => ' '.repeat(depth === 0 ? 0 : n + (depth - 1) * 2));
  const key = fc.constantFrom('search', 'name', 'id', 'a', 'b', 'tags', 'true', 'a b', '- x');
  const mapEntry = fc.tuple(key, value(depth)).map(([k, v]) => `${k}:${v}`);
  const seqEntry = fc.oneof(value(depth).map((v) => `-${v}`), mapEntry.map((e) => `- ${e}`));
  return fc.tuple(indent, fc.array(fc.oneof(mapEntry, seqEntry), { minLength: 1, maxLength: 4 })).map(([ind, entries]) =>
    entries.map((e) => ind + e.split('\n').join('\n' + ind)).join('\n'),
  );
}

function yamlDocument(): fc.Arbitrary<string> {
  const entry = fc.tuple(fc.constantFrom('search', 'name', 'id', 'description', 'tags', 'tests'), value(0)).map(([k, v]) => `${k}:${v}`);
  return fc.tuple(fc.array(entry, { minLength: 1, maxLength: 6 }), fc.constantFrom('', '\n', '\n\n')).map(([entries, end]) => entries.join('\n') + end);
}
