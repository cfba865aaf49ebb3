/**
 * No code execution (issue 7): nothing in src/ can turn text into code. Every source file is parsed
 * with the TypeScript compiler (so `eval(` inside SPL strings, regexes and comments does not count)
 * and searched for eval(), Function() and new Function(), string timers, dynamic import(), and vm
 * calls on anything but a constant string (limit-guard.ts reaches V8's `gc` that way).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/cases.js';

const SRC = join(REPO_ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(e.name) ? [path] : [];
  });
}

/** `eval`, `Function`, `globalThis.eval`, `window['Function']`...: the callee's last name. */
function calleeName(e: ts.Expression): string | undefined {
  const inner = ts.isParenthesizedExpression(e) ? e.expression : e;
  // `(0, eval)(x)` is an indirect eval.
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.CommaToken) return calleeName(inner.right);
  if (ts.isIdentifier(inner)) return inner.text;
  if (ts.isPropertyAccessExpression(inner)) return inner.name.text;
  if (ts.isElementAccessExpression(inner) && ts.isStringLiteralLike(inner.argumentExpression)) return inner.argumentExpression.text;
  return undefined;
}

/** node:vm's ways of running source text. */
const VM_RUNNERS = new Set(['runInNewContext', 'runInThisContext', 'runInContext', 'compileFunction', 'Script', 'SourceTextModule']);

/** Every place in `file` that could run text as code, as "path:line: what". */
function findings(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${relative(REPO_ROOT, file)}:${line + 1}: ${what}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calleeName(node.expression);
      if (name === 'eval' || name === 'Function') report(node, `${name}(...)`);
      const first = node.arguments?.[0];
      if ((name === 'setTimeout' || name === 'setInterval') && first && (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first))) report(node, `${name} with a string`);
    }
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && VM_RUNNERS.has(calleeName(node.expression) ?? '')) {
      const first = node.arguments?.[0];
      if (!first || !ts.isStringLiteral(first)) report(node, `${calleeName(node.expression)} on text that is not a constant`);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) report(node, 'dynamic import()');
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no code execution', () => {
  const files = sourceFiles(SRC);

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('nothing in src/ calls eval, Function or new Function, passes strings to timers, or runs text with vm', () => {
    expect(files.flatMap((f) => findings(f))).toEqual([]);
  });

  it('the scan sees through strings and comments, and catches the forms it looks for', () => {
    const clean = "const q = '| eval x=eval(1)'; // eval(x)\nconst re = /Function\\(/; const t = `eval(${q})`;\nconst gc = runInNewContext('gc');\n";
    expect(findings(join(SRC, 'clean.ts'), clean)).toEqual([]);
    const bad = [
      'eval(text);',
      'new Function("a", body);',
      'Function(body)();',
      '(0, eval)(text);',
      "globalThis['eval'](text);",
      'window.Function(body);',
      'setTimeout("run()", 1);',
      'vm.runInNewContext(code);',
      'new Script(`${text}`);',
      'await import(name);',
    ];
    for (const line of bad) expect(findings(join(SRC, 'bad.ts'), line), line).toHaveLength(1);
  });
});
