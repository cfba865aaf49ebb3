/**
 * The JSON document model behind the JSON eval functions (docs/eval/json.md): a strict RFC 8259
 * parser that keeps number text as written (`1.50` stays `1.50`) and builds objects as Maps, so a
 * key such as `__proto__` is data, never a prototype; compact serialization; Splunk's path syntax
 * (`a.b{0}.c`, `{}` for every element of an array).
 */

export type JsonNode =
  | { readonly kind: 'null' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'num'; readonly text: string }
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'arr'; readonly items: JsonNode[] }
  | { readonly kind: 'obj'; readonly members: Map<string, JsonNode> };

export const JSON_NULL: JsonNode = { kind: 'null' };

// Nesting deeper than this is refused (treated as invalid) rather than overflowing the stack.
const MAX_DEPTH = 512;
const WS = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const LITERALS: ReadonlyArray<readonly [string, JsonNode]> = [
  ['true', { kind: 'bool', value: true }],
  ['false', { kind: 'bool', value: false }],
  ['null', JSON_NULL],
];

/** Parse a whole JSON text (any value, surrounding whitespace allowed); undefined when invalid. */
export function parseJson(text: string): JsonNode | undefined {
  const p = { text, pos: 0 };
  const node = parseValue(p, 0);
  if (node === undefined) return undefined;
  skipWs(p);
  return p.pos === text.length ? node : undefined;
}

interface Cursor {
  readonly text: string;
  pos: number;
}

function skipWs(p: Cursor): void {
  WS.lastIndex = p.pos;
  WS.exec(p.text);
  p.pos = WS.lastIndex;
}

function match(p: Cursor, re: RegExp): string | undefined {
  re.lastIndex = p.pos;
  const m = re.exec(p.text);
  if (!m) return undefined;
  p.pos = re.lastIndex;
  return m[0];
}

function parseValue(p: Cursor, depth: number): JsonNode | undefined {
  if (depth > MAX_DEPTH) return undefined;
  skipWs(p);
  const c = p.text[p.pos];
  if (c === '{') return parseObject(p, depth);
  if (c === '[') return parseArray(p, depth);
  if (c === '"') {
    const s = match(p, STRING);
    return s === undefined ? undefined : { kind: 'str', value: JSON.parse(s) as string };
  }
  for (const [word, node] of LITERALS) {
    if (p.text.startsWith(word, p.pos)) {
      p.pos += word.length;
      return node;
    }
  }
  const n = match(p, NUMBER);
  return n === undefined ? undefined : { kind: 'num', text: n };
}

function parseArray(p: Cursor, depth: number): JsonNode | undefined {
  p.pos++;
  const items: JsonNode[] = [];
  skipWs(p);
  if (p.text[p.pos] === ']') {
    p.pos++;
    return { kind: 'arr', items };
  }
  for (;;) {
    const item = parseValue(p, depth + 1);
    if (item === undefined) return undefined;
    items.push(item);
    skipWs(p);
    const c = p.text[p.pos++];
    if (c === ']') return { kind: 'arr', items };
    if (c !== ',') return undefined;
  }
}

function parseObject(p: Cursor, depth: number): JsonNode | undefined {
  p.pos++;
  const members = new Map<string, JsonNode>();
  skipWs(p);
  if (p.text[p.pos] === '}') {
    p.pos++;
    return { kind: 'obj', members };
  }
  for (;;) {
    skipWs(p);
    const key = match(p, STRING);
    if (key === undefined) return undefined;
    skipWs(p);
    if (p.text[p.pos++] !== ':') return undefined;
    const value = parseValue(p, depth + 1);
    if (value === undefined) return undefined;
    members.set(JSON.parse(key) as string, value);
    skipWs(p);
    const c = p.text[p.pos++];
    if (c === '}') return { kind: 'obj', members };
    if (c !== ',') return undefined;
  }
}

/** Compact JSON text (no spaces), numbers exactly as written. */
export function stringifyJson(node: JsonNode): string {
  switch (node.kind) {
    case 'null': return 'null';
    case 'bool': return node.value ? 'true' : 'false';
    case 'num': return node.text;
    case 'str': return JSON.stringify(node.value);
    case 'arr': return `[${node.items.map(stringifyJson).join(',')}]`;
    case 'obj': return `{${[...node.members].map(([k, v]) => `${JSON.stringify(k)}:${stringifyJson(v)}`).join(',')}}`;
  }
}

// ---------------------------------------------------------------- paths

export type PathStep =
  | { readonly kind: 'key'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'all' };

const BRACES = /\{(\d*)\}/y;

/**
 * `a.b{0}.c` -> key a, key b, index 0, key c; `{}` is every element. A key cannot contain `.` or
 * `{` (Splunk: use json_extract_exact for such keys); undefined for a malformed path.
 */
export function parsePath(path: string): PathStep[] | undefined {
  if (path === '') return [];
  const steps: PathStep[] = [];
  for (const segment of path.split('.')) {
    const brace = segment.indexOf('{');
    const name = brace < 0 ? segment : segment.slice(0, brace);
    if (name !== '') steps.push({ kind: 'key', name });
    else if (brace < 0) return undefined;
    let pos = brace < 0 ? segment.length : brace;
    while (pos < segment.length) {
      BRACES.lastIndex = pos;
      const m = BRACES.exec(segment);
      if (!m) return undefined;
      steps.push(m[1] === '' ? { kind: 'all' } : { kind: 'index', index: Number(m[1]) });
      pos = BRACES.lastIndex;
    }
  }
  return steps;
}

/**
 * The value a path designates: one node, or, when a `{}` expanded an array, a JSON array of every
 * match (`{}.name` -> `["London","Venice"]`). `{}` on a value that is not an array leaves it as
 * it is (the doc's `json_extract(cities, "{}")` returns the whole object). Undefined: no match.
 */
export function selectPath(root: JsonNode, steps: readonly PathStep[]): JsonNode | undefined {
  let nodes: JsonNode[] = [root];
  let many = false;
  for (const step of steps) {
    const next: JsonNode[] = [];
    for (const n of nodes) {
      if (step.kind === 'key') {
        const child = n.kind === 'obj' ? n.members.get(step.name) : undefined;
        if (child) next.push(child);
      } else if (step.kind === 'index') {
        const child = n.kind === 'arr' ? n.items[step.index] : undefined;
        if (child) next.push(child);
      } else if (n.kind === 'arr') {
        many = true;
        next.push(...n.items);
      } else next.push(n);
    }
    nodes = next;
  }
  if (nodes.length === 0) return undefined;
  return many ? { kind: 'arr', items: nodes } : nodes[0];
}

/**
 * Rewrite the nodes a path designates, in place. `change` receives the current node (undefined
 * when the last key is missing) and returns its replacement, or undefined to leave it. Missing
 * intermediate keys are created as objects only when `create` is set (json_set); a step that does
 * not fit the document (a key on a string, an index past the end) skips the update silently.
 */
export function updatePath(
  node: JsonNode,
  steps: readonly PathStep[],
  change: (old: JsonNode | undefined) => JsonNode | undefined,
  create: boolean,
): JsonNode | undefined {
  if (steps.length === 0) return change(node);
  const [step, ...rest] = steps as [PathStep, ...PathStep[]];
  if (step.kind === 'key' && node.kind === 'obj') {
    const child = node.members.get(step.name);
    const replaced = child ? updatePath(child, rest, change, create) : create ? build(rest, change) : undefined;
    if (replaced) node.members.set(step.name, replaced);
  } else if (step.kind === 'index' && node.kind === 'arr' && step.index < node.items.length) {
    const replaced = updatePath(node.items[step.index]!, rest, change, create);
    if (replaced) node.items[step.index] = replaced;
  } else if (step.kind === 'all' && node.kind === 'arr') {
    node.items.forEach((item, i) => {
      const replaced = updatePath(item, rest, change, create);
      if (replaced) node.items[i] = replaced;
    });
  }
  return node;
}

/** A new value for a missing key: nested objects for the remaining keys (an index cannot be built). */
function build(steps: readonly PathStep[], change: (old: JsonNode | undefined) => JsonNode | undefined): JsonNode | undefined {
  if (steps.length === 0) return change(undefined);
  const [step, ...rest] = steps as [PathStep, ...PathStep[]];
  if (step.kind !== 'key') return undefined;
  const inner = build(rest, change);
  return inner ? { kind: 'obj', members: new Map([[step.name, inner]]) } : undefined;
}
