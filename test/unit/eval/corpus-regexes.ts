/**
 * Every regex literal of the security_content corpus (read in place): the pattern of `rex` (the
 * regex part of `mode=sed s/.../.../`), of `regex`, and the literal second argument of `match()`,
 * `replace()` and `mvfind()`, found by walking the parsed AST of each expanded search.
 */
import { join } from 'node:path';
import { expandWith, loadMacroEnvironment, StageError } from '../../../src/pipeline.js';
import { parse } from '../../../src/spl/parse.js';
import { CORPUS_DIR, loadCorpusSearches } from '../../helpers/corpus.js';

export interface CorpusRegex {
  readonly pattern: string;
  readonly where: string;
  readonly path: string;
}

type Node = { readonly [key: string]: unknown };

/** The regex of a sed `s<d>regex<d>replacement<d>flags` expression (y/// has none). */
function sedRegex(expr: string): string | undefined {
  if (!expr.startsWith('s') || expr.length < 2) return undefined;
  const d = expr[1]!;
  let out = '';
  for (let i = 2; i < expr.length; i++) {
    if (expr[i] === '\\' && expr[i + 1] === d) {
      out += d;
      i++;
    } else if (expr[i] === d) {
      return out;
    } else {
      out += expr[i];
    }
  }
  return undefined;
}

function fromCommand(n: Node, add: (pattern: string, where: string) => void): void {
  const regex = n.regex as { text?: string } | undefined;
  if ((n.kind === 'rex' || n.kind === 'regex') && typeof regex?.text === 'string') {
    const options = (n.options as { name: string }[] | undefined) ?? [];
    const sed = options.some((o) => o.name === 'mode');
    const pattern = sed ? sedRegex(regex.text) : regex.text;
    if (pattern !== undefined) add(pattern, sed ? 'rex mode=sed' : String(n.kind));
  }
  if (n.kind === 'generic' && (n.name === 'rex' || n.name === 'regex')) {
    for (const a of n.args as Node[]) {
      if (a.kind === 'word' && String(a.image).startsWith('"')) add(String(a.text), String(n.name));
      if (a.kind === 'option' && n.name === 'regex') add(String((a.option as Node).value), 'regex');
    }
  }
}

function fromCall(n: Node, add: (pattern: string, where: string) => void): void {
  if (n.kind !== 'Call' || !['match', 'replace', 'mvfind'].includes(String(n.name).toLowerCase())) return;
  const arg = (n.args as Node[])[1];
  if (arg?.kind === 'Literal' && typeof arg.value === 'string') add(arg.value, `${String(n.name).toLowerCase()}()`);
}

export function corpusRegexes(): CorpusRegex[] {
  const env = loadMacroEnvironment({ defaultMacros: true, macroPaths: [], inlineMacros: [], strictMacros: false }, [join(CORPUS_DIR, 'macros')]);
  const seen = new Map<string, CorpusRegex>();
  for (const s of loadCorpusSearches()) {
    let text: string;
    try {
      text = expandWith(env, { text: s.search, name: '<query>' }).text;
    } catch (e) {
      if (e instanceof StageError && e.error.code === 'M001') continue;
      throw e;
    }
    const add = (pattern: string, where: string): void => {
      if (!seen.has(`${where}\0${pattern}`)) seen.set(`${where}\0${pattern}`, { pattern, where, path: s.path });
    };
    const visit = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(visit);
      if (v === null || typeof v !== 'object') return;
      fromCommand(v as Node, add);
      fromCall(v as Node, add);
      Object.values(v).forEach(visit);
    };
    visit(parse(text));
  }
  return [...seen.values()];
}
