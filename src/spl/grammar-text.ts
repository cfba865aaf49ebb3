/**
 * The supported grammar in readable form, generated from the parser itself (grammar/spl.ebnf and
 * grammar/diagrams.html), so the documentation cannot drift: a test compares the files with this.
 */
import type { ISerializedGast } from 'chevrotain';
import { createSyntaxDiagramsCode } from './chevrotain.js';
import { splParser } from './parser.js';

type Node = ISerializedGast & { name?: string; definition?: Node[]; separator?: { name: string }; label?: string };

const HEADER = `(* splq SPL grammar - generated from src/spl/parser.ts by \`npm run grammar\`; do not edit.
   Terminals come from the context-aware lexer (src/spl/lexer.ts):
     Word          a search-mode word: any run without whitespace or ( ) [ ] | = < > , !=
                   (quoted sections and backslash escapes stay inside the word)
     QuotedString  "double-quoted text"         QuotedField  'single-quoted field name' (eval)
     Identifier    eval field or function name  NumberLit    eval number
     And Or Not    upper-case AND OR NOT (search); ExprAnd ExprOr ExprXor ExprNot ExprLike ExprIn: eval keywords, any case
     As By In      AS / BY in any case; IN only before "("
     EvalFn        "eval" directly followed by "(" in a command that takes eval arguments (stats)
     <Name>Cmd     a command name after "|" (UnknownCommand: any other name; rejected with P001)
     CompareOp     = == != < > <= >=
   The first word of a search is a search term unless it is "search"; in a subsearch, a known
   command name may also start it. *)
`;

function item(n: Node): string {
  switch (n.type) {
    case 'NonTerminal': return n.name!;
    case 'Terminal': return n.name!;
    case 'Alternative': return seq(n.definition!);
    case 'Alternation': return `( ${n.definition!.map(item).join(' | ')} )`;
    case 'Option': return `[ ${seq(n.definition!)} ]`;
    case 'Repetition': return `{ ${seq(n.definition!)} }`;
    case 'RepetitionMandatory': return `${group(n.definition!)} { ${seq(n.definition!)} }`;
    case 'RepetitionWithSeparator': return `[ ${group(n.definition!)} { ${n.separator!.name} ${seq(n.definition!)} } ]`;
    case 'RepetitionMandatoryWithSeparator': return `${group(n.definition!)} { ${n.separator!.name} ${seq(n.definition!)} }`;
    default: return `?${n.type}?`;
  }
}

function seq(defs: Node[]): string {
  return defs.map(item).join(' ');
}

function group(defs: Node[]): string {
  return defs.length === 1 ? item(defs[0]!) : `( ${seq(defs)} )`;
}

export function grammarEbnf(): string {
  const rules = splParser.getSerializedGastProductions() as Node[];
  const body = rules.map((r) => `${r.name} ::= ${seq(r.definition!)} ;`).join('\n\n');
  return `${HEADER}\n${body}\n`;
}

export function grammarDiagramsHtml(): string {
  return createSyntaxDiagramsCode(splParser.getSerializedGastProductions());
}
