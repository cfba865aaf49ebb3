/**
 * spath location paths (Search Reference: spath, "path"): steps separated by `.`, each a name with
 * optional `{...}` suffixes: `{N}` an array position, `{}` every element, `{@attr}` an XML
 * attribute. JSON positions count from 0 (as json_extract's `{N}`), XML positions from 1 (as
 * XPath); the page only says the two differ. Paths are evaluated on the text, so an object or
 * array comes back exactly as written and numbers keep their text.
 */
import { arrayElementSpans, memberValueSpan, skipSpace, valueEnd, type TextSpan } from '../data/json-scan.js';
import type { XmlElement } from '../data/xml.js';

export type PathIndex =
  | { readonly kind: 'all' }
  | { readonly kind: 'position'; readonly n: number }
  | { readonly kind: 'attribute'; readonly name: string };

export interface PathStep {
  /** The key or element name; '' for a step that is only suffixes (`{}` at the root). */
  readonly name: string;
  readonly indexes: readonly PathIndex[];
}

/** Parse a location path; undefined when a `{...}` suffix is malformed. */
export function parseSpathPath(path: string): PathStep[] | undefined {
  const steps: PathStep[] = [];
  let name = '';
  let indexes: PathIndex[] = [];
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (c === '{') {
      const close = path.indexOf('}', i);
      if (close < 0) return undefined;
      const index = parseIndex(path.slice(i + 1, close));
      if (!index) return undefined;
      indexes.push(index);
      i = close;
    } else if (c === '.') {
      steps.push({ name, indexes });
      name = '';
      indexes = [];
    } else if (indexes.length > 0) {
      return undefined;
    } else {
      name += c;
    }
  }
  steps.push({ name, indexes });
  return steps;
}

function parseIndex(body: string): PathIndex | undefined {
  if (body === '') return { kind: 'all' };
  if (/^\d+$/.test(body)) return { kind: 'position', n: Number(body) };
  if (body.startsWith('@') && body.length > 1) return { kind: 'attribute', name: body.slice(1) };
  return undefined;
}

/** The JSON values the path selects, as text spans. */
export function selectJson(text: string, steps: readonly PathStep[]): TextSpan[] {
  const start = skipSpace(text, 0);
  const end = valueEnd(text, start);
  if (end < 0) return [];
  let current: TextSpan[] = [{ start, end }];
  for (const step of steps) {
    if (step.name !== '') current = current.flatMap((s) => nonNull(memberValueSpan(text, s.start, step.name)));
    for (const index of step.indexes) current = current.flatMap((s) => jsonIndex(text, s, index));
  }
  return current;
}

function nonNull(s: TextSpan | null): TextSpan[] {
  return s ? [s] : [];
}

function jsonIndex(text: string, span: TextSpan, index: PathIndex): TextSpan[] {
  if (index.kind === 'attribute') return [];
  const elements = arrayElementSpans(text, span.start) ?? [];
  if (index.kind === 'all') return elements;
  return nonNull(elements[index.n] ?? null);
}

/** What an XML path selects: elements, or attribute values (always last). */
export type XmlSelection = { readonly element: XmlElement } | { readonly attribute: string };

/** The first step names the root element; `{N}` counts from 1 among the elements of its step. */
export function selectXml(roots: readonly XmlElement[], steps: readonly PathStep[]): XmlSelection[] {
  let current: XmlSelection[] = [];
  steps.forEach((step, i) => {
    const pool = i === 0 ? roots : current.flatMap((s) => ('element' in s ? s.element.children : []));
    let matched: XmlSelection[] = pool.filter((e) => step.name === '' || e.name === step.name).map((element) => ({ element }));
    for (const index of step.indexes) matched = xmlIndex(matched, index);
    current = matched;
  });
  return current;
}

function xmlIndex(selection: XmlSelection[], index: PathIndex): XmlSelection[] {
  if (index.kind === 'all') return selection;
  if (index.kind === 'position') {
    const picked = selection[index.n - 1];
    return picked ? [picked] : [];
  }
  return selection.flatMap((s) => {
    if (!('element' in s)) return [];
    const found = s.element.attributes.find(([k]) => k === index.name);
    return found ? [{ attribute: found[1] }] : [];
  });
}
