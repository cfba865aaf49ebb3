/**
 * fast-check arbitraries for the fuzz suite: corpus searches and their mutations, random SPL-ish
 * text, valid sentences of the grammar (search expressions, eval expressions, the common
 * commands), rows of hostile values, and macro tables with cycles and fan-out. The run budget
 * comes from SPLQ_FUZZ_RUNS; the seed is fixed (SPLQ_FUZZ_SEED overrides it to replay a failure).
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import type { FieldValue } from '../../src/data/event.js';
import { SplError } from '../../src/errors/spl-error.js';
import { FUNCTIONS } from '../../src/eval/functions/registry.js';
import { loadCorpusSearches } from '../helpers/corpus.js';

// ---------------------------------------------------------------- budget

const RUNS = Number(process.env.SPLQ_FUZZ_RUNS ?? '') || 0;
const SEED = Number(process.env.SPLQ_FUZZ_SEED ?? '') || 20240506;

/** fc.assert parameters: a fixed seed, `base` runs by default, SPLQ_FUZZ_RUNS when set. */
export function budget(base: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: RUNS > 0 ? RUNS : base, endOnFailure: true };
}

/** The time one property may take: vitest's default for the CI budget, unbounded for long runs. */
export const TIMEOUT = RUNS > 0 ? 2 ** 31 - 1 : 60_000;

/** Time one input may take, in milliseconds: generous for slow CI machines, far below a hang. */
export const SLOW_MS = 5_000;

const TRACE = process.env.SPLQ_FUZZ_TRACE;

/**
 * With SPLQ_FUZZ_TRACE=<prefix>, each worker writes the input it is about to run to <prefix>.<pid>:
 * when an input hangs or runs out of memory the worker dies before fast-check can report it, and
 * that file holds the culprit.
 */
export function trace(input: unknown): void {
  if (TRACE) writeFileSync(`${TRACE}.${process.pid}`, JSON.stringify(input, (_k, v: unknown) => (v instanceof Map ? [...v] : v)));
}

// ---------------------------------------------------------------- the one property of every stage

/**
 * Run `f`; anything thrown must be an SplError whose span (when it has one) lies inside a text of
 * `length` characters. Returns the error, or undefined when `f` succeeded.
 */
export function onlySplErrors(f: () => unknown, length: number): SplError | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    if (!(e instanceof SplError)) throw e;
    if (e.span) {
      const { start, end } = e.span;
      if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= length)) {
        throw new Error(`span [${start}, ${end}) outside the text of ${length} characters for ${e.code}: ${e.message}`);
      }
    }
    return e;
  }
}

// ---------------------------------------------------------------- corpus and mutations

let corpus: string[] | undefined;

/** The security_content searches, read once in place from ../shared. */
export function corpusSearches(): string[] {
  corpus ??= loadCorpusSearches().map((s) => s.search);
  return corpus;
}

/** Characters that matter to the lexer, parser and expander. */
const SPECIAL = ['"', "'", '(', ')', '[', ']', '|', '`', '```', '=', '!=', ',', '\\', '$', '<', '>', '*', ' ', '\n', '{', '}', '<<', '>>', '.', '-', '%', '\u00e9', '\ud83d', '\0'];
const TOKENS = ['|', 'search', 'eval', 'stats', 'where', 'rename', 'AND', 'OR', 'NOT', 'IN', 'by', 'as', 'count', 'x=1', '[', ']', '(', ')', '"', '`m`', '`m(1,2)`', '$a$', 'eval(', 'if(', 'LIKE', '```', '1e309', '-', '9007199254740993'];

type Mutation =
  | { kind: 'delete' | 'duplicate'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'swap'; at: number; other: number }
  | { kind: 'tokens'; op: 'delete' | 'duplicate' | 'swap' | 'insert'; at: number; other: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ maxLength: 4 })) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({
    kind: fc.constant('tokens' as const),
    op: fc.constantFrom('delete' as const, 'duplicate' as const, 'swap' as const, 'insert' as const),
    at: fc.nat(),
    other: fc.nat(),
    text: fc.constantFrom(...TOKENS),
  }),
);

function applyMutation(text: string, m: Mutation): string {
  const n = text.length;
  const at = n === 0 ? 0 : m.at % (n + 1);
  switch (m.kind) {
    case 'delete': return text.slice(0, at) + text.slice(at + m.length);
    case 'duplicate': return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case 'insert': return text.slice(0, at) + m.text + text.slice(at);
    case 'swap': {
      if (n < 2) return text;
      const [i, j] = [m.at % n, m.other % n].sort((a, b) => a - b) as [number, number];
      return text.slice(0, i) + text[j] + text.slice(i + 1, j) + text[i] + text.slice(j + 1);
    }
    case 'tokens': return mutateTokens(text, m);
  }
}

/** Token-level edits: whitespace-separated words deleted, duplicated, swapped or inserted. */
function mutateTokens(text: string, m: Extract<Mutation, { kind: 'tokens' }>): string {
  const words = text.split(/(\s+)/);
  const n = words.length;
  const i = m.at % n;
  const j = m.other % n;
  if (m.op === 'delete') words.splice(i, 1);
  else if (m.op === 'duplicate') words.splice(i, 0, words[i]!);
  else if (m.op === 'insert') words.splice(i, 0, ` ${m.text} `);
  else [words[i], words[j]] = [words[j]!, words[i]!];
  return words.join('');
}

/** A corpus search with one to eight mutations. */
export function mutatedCorpusSearch(): fc.Arbitrary<string> {
  const searches = corpusSearches();
  return fc
    .tuple(fc.nat({ max: searches.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }))
    .map(([i, ms]) => ms.reduce(applyMutation, searches[i]!));
}

/** Short random text over SPL's significant characters and words. */
export function splishText(): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...SPECIAL, ...TOKENS) },
    { weight: 2, arbitrary: fc.constantFrom('a', 'b', 'x', '1', '0.5', '*', ' ', ' | ') },
    { weight: 1, arbitrary: fc.string({ maxLength: 3, unit: 'binary' }) },
  );
  return fc.array(piece, { maxLength: 30 }).map((ps) => ps.join(''));
}

// ---------------------------------------------------------------- grammar sentences

const FIELDS = ['a', 'b', 'x', 'user', 'src_ip', 'Processes.dest', 'count2', 'n'];
const QUOTED_FIELDS = ['"with space"', '"a=b"', '"x|y"'];
const WORDS = ['foo', 'bar*', '*', 'a*b', '10.0.0.1', '404', '-1', 'C:\\\\Windows', 'x.y', 'é', 'OR1', '"quoted value"', '"a|b"', '"with \\"esc\\""', '""', '"NOT"'];

/** Any text, in double quotes with `\\` and `\"` escaped: the printer must quote it back the same way. */
const quotedText = fc
  .string({ unit: fc.constantFrom('a', ' ', '"', '\\', '|', '=', '(', ')', '[', ']', ',', "'", '*', '!', '<', '>', '`', '.', '\t', 'é', 'AND', 'OR', 'NOT', 'by', 'as'), maxLength: 6 })
  .map((t) => `"${t.replace(/[\\"]/g, '\\$&')}"`);
/** A bare word: no break characters, no quotes, not a keyword. */
const bareWord = fc
  .string({ unit: fc.constantFrom('a', 'Z', '0', '9', '*', '.', ':', '-', '/', "'", '!', '$', '{', '}', '@', '%', '_', '+', '~', '#', '&', ';', '?', '^', 'é'), minLength: 1, maxLength: 6 })
  .filter((w) => !/^(AND|OR|NOT|search)$/i.test(w) && !w.startsWith('!=') && !w.includes('!='));

const field = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...FIELDS) },
  { weight: 1, arbitrary: fc.constantFrom(...QUOTED_FIELDS) },
  { weight: 1, arbitrary: quotedText.filter((q) => q !== '""') },
);
const word = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: quotedText }, { weight: 1, arbitrary: bareWord });
const compareOp = fc.constantFrom('=', '!=', '<', '>', '<=', '>=');

/** A search expression (spec 01): terms, comparisons, IN lists, NOT, AND, OR, groups, subsearches. */
export const searchExpr: fc.Arbitrary<string> = fc.letrec<{ expr: string; primary: string }>((tie) => ({
  primary: fc.oneof(
    { weight: 4, arbitrary: fc.tuple(field, compareOp, word).map(([f, op, v]) => `${f}${op}${v}`) },
    { weight: 3, arbitrary: word },
    { weight: 1, arbitrary: fc.tuple(field, fc.array(word, { minLength: 1, maxLength: 3 })).map(([f, vs]) => `${f} IN (${vs.join(', ')})`) },
    { weight: 1, arbitrary: fc.constantFrom('TERM(10.0.0.1)', 'CASE(Foo)') },
    { weight: 1, arbitrary: tie('primary').map((p) => `NOT ${p}`) },
    { weight: 1, arbitrary: tie('expr').map((e) => `(${e})`) },
    { weight: 1, arbitrary: fc.constantFrom('[search a=1 | fields a]', '[| makeresults count=1 | eval x=1 | return x]') },
  ),
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('primary'),
    fc.tuple(tie('expr'), fc.constantFrom(' ', ' AND ', ' OR '), tie('expr')).map(([a, op, b]) => `${a}${op}${b}`),
  ),
})).expr;

const NUMBERS = ['0', '1', '2.5', '.5', '1e3', '1.5E-2', '9007199254740993', '1e308', '1e309', '123456789012345678901234567890', '0.1'];
const STRINGS = ['""', '"a"', '"10"', '"1e3"', '" 5 "', '"%a_"', '"x,y"', '"\\"q\\""', '"\\\\"', '"é"', '"NaN"', '"-Infinity"', '"0x1F"'];
const EXPR_FIELDS = ['a', 'b', 'x', 'mv', 'n', 'big', 's', "'with space'", "'a.b'", 'absent'];

/** Every eval function with the argument counts it accepts (capped at five). */
const CALLABLE = [...FUNCTIONS.values()].map((f) => ({ name: f.name, min: f.minArgs, max: Math.min(f.maxArgs, Math.max(f.minArgs, 5)) }));

/** Eval expressions over EXPR_FIELDS, calling any registered function with a valid arity. */
export function evalExpr(functions = CALLABLE): fc.Arbitrary<string> {
  return fc.letrec<{ expr: string; atom: string }>((tie) => ({
    atom: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...EXPR_FIELDS) },
      { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
      { weight: 2, arbitrary: fc.constantFrom(...STRINGS) },
      { weight: 1, arbitrary: quotedText },
      { weight: 1, arbitrary: quotedText.map((q) => `'${q.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`) },
      { weight: 1, arbitrary: fc.constantFrom('null()', 'true()', 'false()', 'now()', 'random()') },
    ),
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 3, arbitrary: tie('atom') },
      { weight: 3, arbitrary: callOf(functions, tie('expr')) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '%', '.', '=', '==', '!=', '<', '>', '<=', '>=', 'AND', 'OR', 'XOR', 'LIKE'), tie('expr'))
          .map(([l, op, r]) => `${l} ${op} ${r}`),
      },
      { weight: 1, arbitrary: tie('expr').map((e) => `(${e})`) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('-', '+'), tie('atom')).map(([op, e]) => `${op}${e}`) },
      // NOT binds looser than comparisons: `a == NOT b` is not an expression, `a == (NOT b)` is.
      { weight: 1, arbitrary: tie('expr').map((e) => `(NOT ${e})`) },
      { weight: 1, arbitrary: fc.tuple(tie('atom'), fc.array(tie('atom'), { minLength: 1, maxLength: 3 })).map(([e, vs]) => `(${e} IN (${vs.join(', ')}))`) },
    ),
  })).expr;
}

function callOf(functions: typeof CALLABLE, arg: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .constantFrom(...functions)
    .chain((f) => fc.array(arg, { minLength: f.min, maxLength: f.max }).map((args) => `${f.name}(${args.join(', ')})`));
}

/** Functions that are plain enough to appear in the round-trip sentences (the grammar does not care). */
const SENTENCE_FUNCTIONS = CALLABLE.filter((f) => ['if', 'len', 'lower', 'coalesce', 'round', 'substr', 'mvcount', 'case', 'tostring', 'match', 'isnull', 'null'].includes(f.name));
const expr = evalExpr(SENTENCE_FUNCTIONS);

const fieldList = fc.array(field, { minLength: 1, maxLength: 3 });
const aggregation = fc.oneof(
  fc.constant('count'),
  fc.tuple(fc.constantFrom('count', 'sum', 'avg', 'min', 'max', 'dc', 'values', 'list', 'first', 'latest', 'perc95', 'median', 'stdev'), field).map(([f, a]) => `${f}(${a})`),
  expr.map((e) => `count(eval(${e}))`),
);
const aggregations = fc
  .array(fc.tuple(aggregation, fc.option(fc.constantFrom('total', 'n', '"out name"'), { nil: null })), { minLength: 1, maxLength: 3 })
  .map((as) => as.map(([a, name]) => (name ? `${a} AS ${name}` : a)).join(', '));
const byClause = fc.option(fieldList.map((fs) => ` by ${fs.join(', ')}`), { nil: '' });

/** One command after `|`, over the commands of src/spl/commands/index.ts that the corpus uses most. */
export const command: fc.Arbitrary<string> = fc.oneof(
  searchExpr.map((e) => `search ${e}`),
  expr.map((e) => `where ${e}`),
  fc.array(fc.tuple(fc.constantFrom('y', 'x', 'new', "'out field'"), expr), { minLength: 1, maxLength: 3 }).map((as) => `eval ${as.map(([f, e]) => `${f}=${e}`).join(', ')}`),
  fc.tuple(fc.constantFrom('stats', 'eventstats', 'streamstats'), aggregations, byClause).map(([c, a, b]) => `${c} ${a}${b}`),
  fc.array(fc.tuple(field, fc.constantFrom(' AS ', ' as '), field), { minLength: 1, maxLength: 3 }).map((ps) => `rename ${ps.map((p) => p.join('')).join(', ')}`),
  fieldList.map((fs) => `table ${fs.join(' ')}`),
  fc.tuple(fc.constantFrom('', '- ', '+ '), fieldList).map(([s, fs]) => `fields ${s}${fs.join(', ')}`),
  fc.tuple(fc.constantFrom('', '10 ', '0 '), fc.array(fc.tuple(fc.constantFrom('', '-', '+'), field), { minLength: 1, maxLength: 3 })).map(([n, ks]) => `sort ${n}${ks.map((k) => k.join('')).join(', ')}`),
  fc.tuple(fc.constantFrom('', '2 '), fieldList).map(([n, fs]) => `dedup ${n}${fs.join(' ')}`),
  fc.constantFrom('head', 'head 5', 'head limit=3', 'tail 2', 'makeresults count=2', 'fillnull', 'fillnull value=0 a b', 'mvexpand mv', 'makemv delim="," a', 'spath input=a path=b.c output=d', 'bin span=1h _time', 'convert ctime(a) AS b', 'rex field=a "(?<x>\\d+)"', 'regex a="^foo"', 'top limit=5 a by b', 'rare a', 'timechart span=1h count by a', 'chart count over a by b', 'lookup t a AS b OUTPUT c', 'append [search a | head 1]', 'join a [search b=1]', 'transaction a maxspan=1h', 'addtotals', 'iplocation src_ip'),
);

/** A valid pipeline: a first segment (search expression or `| generating`), then commands. */
export const sentence: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof({ weight: 3, arbitrary: searchExpr }, { weight: 1, arbitrary: fc.constant('| makeresults') }, { weight: 1, arbitrary: searchExpr.map((e) => `search ${e}`) }),
    fc.array(command, { maxLength: 4 }),
  )
  .map(([first, cmds]) => [first, ...cmds].join(' | '));

// ---------------------------------------------------------------- rows

const hostileScalar: fc.Arbitrary<string | number> = fc.oneof(
  fc.constantFrom('', ' ', '0', '-0', '1', '1.50', '1e3', '1e309', '-1e309', 'NaN', 'Infinity', '0x1F', '9007199254740993', 'true', 'null', 'é', '\u0000', '%', '\\', '"', '10.0.0.1', '2024-05-06T12:00:00Z'),
  fc.string({ maxLength: 8 }),
  fc.constantFrom(0, -0, 1, -1, 0.5, 2 ** 53 + 2, -(2 ** 63), 1e308, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN),
  fc.double(),
  fc.integer(),
);

/** A field value: text, a number (computed values), or a multivalue list (possibly empty). */
export const fieldValue: fc.Arbitrary<FieldValue> = fc.oneof(
  { weight: 4, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 4 }) },
);

/** Rows over the fields the expressions read; absent fields are left out. */
export const row: fc.Arbitrary<Map<string, FieldValue>> = fc
  .dictionary(fc.constantFrom('a', 'b', 'x', 'mv', 'n', 'big', 's', 'with space', 'a.b', '_time'), fieldValue, { maxKeys: 8 })
  .map((d) => new Map(Object.entries(d)));

// ---------------------------------------------------------------- macro tables

const MACRO_NAMES = ['a', 'b', 'c', 'd_filter', 'e'];

/** Pieces of macro bodies and queries: text, references (some to undefined macros), arguments, quotes, comments. */
const macroPiece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('x', ' ', 'y=1', '| stats count', '(', ')', ',', '"', '\\"', '$', '=') },
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...MACRO_NAMES), fc.array(fc.constantFrom('1', 'q', '"a,b"', '$x$', 'x=2', 'y=3'), { maxLength: 2 })).map(([n, args]) => reference(n, args)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('zz', '', ' a ', 'a b'), fc.array(fc.constantFrom('`a`', '', '(', ')'), { maxLength: 3 })).map(([n, args]) => reference(n, args)) },
  { weight: 2, arbitrary: fc.constantFrom('$x$', '$y$', '$z$', '$$') },
  { weight: 1, arbitrary: fc.constantFrom('"`a`"', '```c```', '```', '`', '`a(`', '`a)`') },
);

function reference(name: string, args: readonly string[]): string {
  return args.length === 0 ? `\`${name}\`` : `\`${name}(${args.join(',')})\``;
}

export const macroBody = fc.array(macroPiece, { maxLength: 8 }).map((ps) => ps.join(''));

/**
 * Inline definitions (`name(x,y)=body`): every name at arities 0, 1 and 2, so most references
 * resolve and nest (cycles and fan-out included), with an occasional definition left out.
 */
export const macroDefinitions: fc.Arbitrary<string[]> = fc
  .tuple(fc.array(macroBody, { minLength: 15, maxLength: 15 }), fc.subarray([...Array(15).keys()], { minLength: 12 }))
  .map(([bodies, kept]) =>
    kept.map((k) => {
      const name = MACRO_NAMES[k % 5]!;
      const args = ['', '(x)', '(x,y)'][Math.floor(k / 5)]!;
      return `${name}${args}=${bodies[k]}`;
    }),
  );

/**
 * Acyclic tables that nest deep and fan out: `n<i>` and `n<i>(x)` reference only `n<j>`, j > i,
 * up to four times each, so a reference to `n0` can expand thousands of references.
 */
export const macroDag: fc.Arbitrary<{ definitions: string[]; query: string }> = fc
  .array(
    fc.array(
      fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom('x', ' ', '"', '(', ')', '$x$', '```c```', 'a=1 ', '| eval y=2 ') },
        { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.constantFrom('', '(1)', '($x$)', '("a,b")')) },
      ),
      { maxLength: 6 },
    ),
    { minLength: 16, maxLength: 16 },
  )
  .map((bodies) => {
    const body = (i: number, pieces: (string | [number, string])[]) =>
      pieces.map((p) => (typeof p === 'string' ? p : i >= 7 ? 'z' : `\`n${i + 1 + (p[0] % Math.min(2, 7 - i))}${p[1]}\``)).join('');
    const definitions = bodies.map((pieces, k) => {
      const i = k % 8;
      return k < 8 ? `n${i}=${body(i, pieces)}` : `n${i}(x)=${body(i, pieces)}`;
    });
    return { definitions, query: 'a `n0` b `n0(q)`' };
  });
