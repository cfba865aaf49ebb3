/**
 * AST -> canonical SPL (`splq fmt`). Printing then parsing gives the same AST, spans aside: words
 * print bare only when they lex back to the same token, quoted otherwise; expressions get the
 * parentheses their precedence needs and no more. Each command prints itself (commands/*.ts).
 */
import type * as A from './ast.js';
import { commandName, lookupCommand } from './commands/index.js';
import type { Printer } from './syntax/types.js';

export function printPipeline(p: A.Pipeline): string {
  return PRINTER.pipeline(p);
}

const PRINTER: Printer = {
  pipeline: (p) => {
    const parts = p.commands.map(printCommand);
    return (p.leadingPipe ? '| ' : '') + parts.join(' | ');
  },
  search: printSearch,
  expression: (e) => printExpr(e, 0),
  field: printField,
  exprField: printExprField,
  value: (text) => printValue(text, false),
  option: (o) => `${o.name}=${o.quoted ? quote(o.value) : printValue(o.value, false)}`,
  aggregation: printAggregation,
  genericArg: printGenericArg,
};

function printCommand(c: A.Command): string {
  const syntax = lookupCommand(commandName(c))!;
  return (syntax.print as (n: A.Command, p: Printer) => string)(c, PRINTER);
}

// ---------------------------------------------------------------- words

const UNSAFE = /[\s"\\()[\]|=<>,]|!=|!$/;
const KEYWORD = /^(and|or|not|as|by|in)$/i;

export function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&')}"`;
}

/** A field name: bare when it lexes back as one plain word. */
function printField(name: string): string {
  return name === '' || UNSAFE.test(name) || KEYWORD.test(name) ? quote(name) : name;
}

/**
 * A search value. A value written unquoted that needs quoting anyway prints as `""` followed by
 * the quoted text: one word, not wholly quoted, so it parses back as the same unquoted value.
 */
function printValue(text: string, quoted: boolean): string {
  if (quoted) return quote(text);
  // A bare `by`/`as`/`in` is a search term only where no clause can start: `tstats ... where x=1
  // AND by` ends its WHERE with the term "by", which printed bare would open the BY clause.
  if (text === '' || UNSAFE.test(text) || /^(AND|OR|NOT)$/.test(text) || /^(by|as|in)$/i.test(text)) return `""${quote(text)}`;
  return text;
}

function printSearchValue(v: A.SearchValue): string {
  const inner = printValue(v.text, v.quoted);
  if (v.term) return `TERM(${inner})`;
  if (v.caseSensitive) return `CASE(${inner})`;
  return inner;
}

// ---------------------------------------------------------------- search expressions

function printSearch(e: A.SearchExpr): string {
  switch (e.kind) {
    case 'And': return e.items.map((i) => (i.kind === 'And' ? `(${printSearch(i)})` : printSearch(i))).join(' ');
    case 'Or': return e.items.map((i) => (i.kind === 'And' || i.kind === 'Or' ? `(${printSearch(i)})` : printSearch(i))).join(' OR ');
    case 'Not': return `NOT ${e.operand.kind === 'And' || e.operand.kind === 'Or' ? `(${printSearch(e.operand)})` : printSearch(e.operand)}`;
    case 'Term': return printSearchValue(e.value);
    case 'Compare': return `${printField(e.field)}${e.op}${printSearchValue(e.value)}`;
    case 'In': return `${printField(e.field)} IN (${e.values.map(printSearchValue).join(', ')})`;
    case 'Subsearch': return `[${printPipeline(e.pipeline)}]`;
  }
}

// ---------------------------------------------------------------- eval expressions

const PRECEDENCE: Record<A.BinaryOp, number> = {
  OR: 1, XOR: 2, AND: 3, '=': 5, '==': 5, '!=': 5, LIKE: 5, '<': 6, '>': 6, '<=': 6, '>=': 6,
  '+': 7, '-': 7, '.': 7, '*': 8, '/': 8, '%': 8,
};
const NOT_LEVEL = 4;
const IN_LEVEL = 5;
const UNARY_LEVEL = 9;

function printExpr(e: A.Expr, context: number): string {
  const [text, level] = exprText(e);
  return level < context ? `(${text})` : text;
}

function exprText(e: A.Expr): [string, number] {
  switch (e.kind) {
    case 'Literal': return [printLiteral(e.value), 10];
    case 'Field': return [printExprField(e.name), 10];
    case 'Call': return [`${e.name}(${e.args.map((a) => printExpr(a, 0)).join(', ')})`, 10];
    case 'Unary':
      if (e.op === 'NOT') return [`NOT ${printExpr(e.operand, NOT_LEVEL)}`, NOT_LEVEL];
      return [`${e.op}${printExpr(e.operand, UNARY_LEVEL)}`, UNARY_LEVEL];
    case 'In': return [`${printExpr(e.operand, IN_LEVEL + 1)} IN (${e.values.map((v) => printExpr(v, 0)).join(', ')})`, IN_LEVEL];
    case 'Binary': {
      const level = PRECEDENCE[e.op];
      // Left-associative: the right operand needs parentheses at the same level.
      return [`${printExpr(e.left, level)} ${e.op} ${printExpr(e.right, level + 1)}`, level];
    }
  }
}

function printLiteral(v: string | number | boolean | null): string {
  if (typeof v === 'string') return quote(v);
  // `1e309` reads as Infinity, which String() would print as a field name.
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '1e999';
  return v === null ? 'null()' : v ? 'true()' : 'false()';
}

const IDENTIFIER = /^[A-Za-z_@$\u0080-\uffff][\w@${}\u0080-\uffff]*(\.[A-Za-z_@$\u0080-\uffff][\w@${}\u0080-\uffff]*)*$/;
const EXPR_KEYWORD = /^(and|or|xor|not|like|in)$/i;

function printExprField(name: string): string {
  // foreach templates substitute `<<FIELD>>` textually: keep it bare where it was bare-able.
  const plain = name.replace(/<<\w+>>/g, 'x');
  if (IDENTIFIER.test(plain) && !EXPR_KEYWORD.test(name)) return name;
  return `'${name.replace(/['\\]/g, '\\$&')}'`;
}

// ---------------------------------------------------------------- shared command parts

function printAggregation(a: A.Aggregation): string {
  // An eval or sparkline argument prints as written: that text is the output field's default name (spec 03 T1).
  const call = a.sparkline ? a.text : a.arg === null ? a.fn : a.arg.kind === 'eval' ? a.text : `${a.fn}(${printField(a.arg.name)})`;
  return a.as === null ? call : `${call} AS ${printField(a.as)}`;
}

function printGenericArg(a: A.GenericArg): string {
  switch (a.kind) {
    case 'option': return PRINTER.option(a.option);
    case 'assign': return `${a.name}=${printGenericArg(a.value)}`;
    case 'word': return a.image;
    case 'group': return `(${a.args.map(printGenericArg).join(' ')})`;
    case 'subsearch': return `[${printPipeline(a.pipeline)}]`;
    case 'eval': return `eval(${printExpr(a.expr, 0)})`;
  }
}
