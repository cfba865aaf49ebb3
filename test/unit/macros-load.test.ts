// Loading macro files: macros.conf stanzas (MA1), security_content YAML (MA2), layering, inline
// --macro definitions, and positions of every definition character in its file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { SplError } from '../../src/errors/spl-error.js';
import { parseConf } from '../../src/macros/conf.js';
import { buildMacroTable, loadMacroFile, loadMacroPaths, parseInlineMacro } from '../../src/macros/load.js';
import { macroKey, SourceRegistry, type MacroDef } from '../../src/macros/types.js';
import { parseYamlMacro } from '../../src/macros/yaml.js';
import { LineIndex } from '../../src/source/line-index.js';
import { mapOffset } from '../../src/source/source-map.js';

const FIX = 'fixtures/macro-sets';
const CORPUS = '/work/shared/corpus/security_content';

function load(paths: string[]) {
  const registry = new SourceRegistry();
  const defs = loadMacroPaths(paths, registry, 'macros:test');
  return { registry, defs, table: buildMacroTable([defs]) };
}

/** line:column in the macro's file of definition character `i`. */
function posOf(registry: SourceRegistry, def: MacroDef, i: number): string {
  const src = registry.get(def.definition.source)!;
  const { line, column } = new LineIndex(src.text).lineCol(mapOffset(def.definition, i));
  return `${line}:${column}`;
}

/** Characters whose mapped file character differs from the definition character. */
function mismatches(registry: SourceRegistry, def: MacroDef): string[] {
  const file = registry.get(def.definition.source)!.text;
  const out: string[] = [];
  for (let i = 0; i < def.definition.text.length; i++) {
    const c = def.definition.text[i]!;
    const f = file[mapOffset(def.definition, i)];
    if (c !== f) out.push(`${JSON.stringify(c)}@${i}<-${JSON.stringify(f)}`);
  }
  return out;
}

function errorOf(f: () => unknown): SplError {
  try {
    f();
  } catch (e) {
    if (e instanceof SplError) return e;
    throw e;
  }
  throw new Error('expected an SplError');
}

describe('macros.conf (MA1)', () => {
  const { registry, table } = load([`${FIX}/test.conf`]);

  it('MA1: [name] and [name(N)] stanzas overload by arity', () => {
    expect(table.arities('foobar')).toEqual([0, 1, 2]);
    const foobar2 = table.get('foobar', 2);
    expect(foobar2).toMatchObject({ args: ['a', 'b'], line: 15, definition: { text: 'x=$a$ y=$b$' } });
    const cloudtrail = table.get('cloudtrail', 0);
    expect(cloudtrail).toMatchObject({ file: `${FIX}/test.conf`, layer: 'macros:test', line: 4 });
    expect(table.get('cloudtrail', 1)).toBeUndefined();
  });

  it('MA1: comment lines (also indented) and description/unknown keys are ignored', () => {
    expect(table.get('mm', 1)!.definition.text).toBe('search m=$v$ note="$v$"');
    expect(table.get('multi', 0)!.definition.text).not.toContain('three lines');
  });

  it('MA1: backslash continuation drops the backslash and keeps the newline', () => {
    const multi = table.get('multi', 0)!;
    expect(multi.definition.text).toBe('search a=1 \n| eval b=2 \n| stats count');
    expect(posOf(registry, multi, 0)).toBe('31:14');
    expect(posOf(registry, multi, multi.definition.text.indexOf('| eval'))).toBe('32:1');
    expect(posOf(registry, multi, multi.definition.text.indexOf('| stats'))).toBe('33:1');
  });

  it('MA1: every definition character maps to the same character in the file', () => {
    for (const def of table) expect(mismatches(registry, def), macroKey(def.name, def.arity)).toEqual([]);
  });

  it('MA7: iseval, validation and errormsg are read', () => {
    expect(table.get('evalmacro', 2)!.iseval).toBe(true);
    expect(table.get('checked', 1)).toMatchObject({
      iseval: false,
      validation: 'isint(n)',
      errormsg: 'n must be an integer',
    });
  });

  it('MA1: a repeated stanza header reopens the stanza; [default] is not a macro', () => {
    const text = [
      '[default]\ndefinition = nothing',
      '[a]\ndefinition = one',
      '[b]\ndefinition = two',
      '[a]\ndefinition = three\n',
    ].join('\n');
    const defs = parseConf(text, 'x.conf', 1, 'cli');
    expect(defs.map((d) => `${d.name}=${d.definition.text}@${d.line}`)).toEqual(['a=three@3', 'b=two@5']);
  });

  // prettier-ignore
  it.each([
    ['definition = x\n[a]\nbroken line\n', 3, 'expected "key = value" or "[stanza]", found "broken line"'],
    ['[a]\nargs = x\n', 1, 'stanza [a] has no definition'],
    ['[a(2)]\nargs = x\ndefinition = $x$\n', 2, '[a(2)]: expected 2 argument names in args, found 1'],
    ['[a(2)]\nargs = x, x\ndefinition = $x$\n', 2, '[a(2)]: argument name "x" is declared twice'],
    ['[a(1)]\nargs = x y\ndefinition = $x$\n', 2, '[a(1)]: invalid argument name "x y" (letters, digits, _ and - only)'],
    ['# ok\n\n[a(x)]\ndefinition = y\n', 3, 'invalid stanza header [a(x)]'],
    ['[a]\niseval = maybe\ndefinition = y\n', 2, 'iseval must be true or false'],
  ])('MA1: malformed conf %j -> M008 at line %i', (text, line, reason) => {
    const err = errorOf(() => parseConf(text, 'bad.conf', 1, 'cli'));
    expect(err.code).toBe('M008');
    expect(err.location).toEqual({ file: 'bad.conf', line, column: undefined });
    expect(err.params.reason).toBe(reason);
  });

  it('an unreadable file or path -> M007', () => {
    const err = errorOf(() => loadMacroFile(`${FIX}/nope.conf`, new SourceRegistry(), 'cli'));
    expect(err.code).toBe('M007');
    expect(err.params).toEqual({ file: `${FIX}/nope.conf`, reason: 'ENOENT' });
    expect(errorOf(() => loadMacroPaths([`${FIX}/nope`], new SourceRegistry(), 'cli')).code).toBe('M007');
  });
});

describe('security_content YAML (MA2)', () => {
  const { registry, defs, table } = load([`${FIX}/yaml`]);

  it('MA2: a directory loads every *.yml sorted by path; arguments make name(N)', () => {
    expect(defs.map((d) => macroKey(d.name, d.arity))).toEqual([
      'block_literal',
      'column0(1)',
      'double_quoted',
      'folded_list',
      'quoted_ctime(1)',
    ]);
    expect(table.get('quoted_ctime', 1)).toMatchObject({ args: ['field'], line: 3, layer: 'macros:test' });
  });

  it('MA2: single-line quoted scalars map character by character', () => {
    const def = table.get('quoted_ctime', 1)!;
    expect(def.definition.text).toBe('convert timeformat="%Y-%m-%dT%H:%M:%S" ctime($field$) it\'s');
    expect(mismatches(registry, def)).toEqual([]);
    expect(posOf(registry, def, 0)).toBe('3:14');
    expect(posOf(registry, def, def.definition.text.length - 1)).toBe('3:72');
  });

  it('MA2: escapes map to their backslash, the rest exactly', () => {
    const def = table.get('double_quoted', 0)!;
    expect(def.definition.text).toBe('search msg="hi" tab=\t end');
    expect(mismatches(registry, def)).toEqual(['"\\""@11<-"\\\\"', '"\\""@14<-"\\\\"', '"\\t"@20<-"\\\\"']);
    expect(posOf(registry, def, def.definition.text.indexOf('end'))).toBe('1:39');
  });

  it('MA2: folded plain and block scalars map each line to its line', () => {
    const folded = table.get('folded_list', 0)!;
    expect(folded.definition.text).toBe('(process_name="a.exe" OR process_name="b.exe" OR process_name="c.exe")');
    expect(mismatches(registry, folded)).toEqual(['" "@45<-"\\n"']);
    expect(posOf(registry, folded, folded.definition.text.lastIndexOf('OR'))).toBe('2:3');
    const block = table.get('block_literal', 0)!;
    expect(block.definition.text).toBe('search a=1\n| stats count');
    expect(posOf(registry, block, block.definition.text.indexOf('|'))).toBe('3:3');
  });

  it('MA2: quoted continuation lines at column 0 load as PyYAML reads them', () => {
    const def = table.get('column0', 1)!;
    expect(def.definition.text).toBe('eval x=split($b64in$,"") | eval y=mvjoin(x,"")');
    expect(posOf(registry, def, def.definition.text.indexOf('| eval'))).toBe('4:1');
    expect(posOf(registry, def, def.definition.text.length - 1)).toBe('4:21');
  });

  it.each([
    ['name: a\ndefinition: [x\n', 3],
    ['name: a\n', 1],
    ['definition: x\n', 1],
    ['name: a\ndefinition: x\narguments: x\n', 3],
    ['- a\n- b\n', 1],
  ])('MA2: malformed YAML %j -> M008 at line %i', (text, line) => {
    const err = errorOf(() => parseYamlMacro(text, 'bad.yml', 1, 'cli'));
    expect(err.code).toBe('M008');
    expect(err.location?.line).toBe(line);
  });

  it('MA2: all 189 security_content macro files load, with the definitions of macros.yml', () => {
    const corpus = load([`${CORPUS}/macros`]);
    const consolidated = parseYaml(readFileSync(`${CORPUS}/macros.yml`, 'utf8')) as {
      macros: { name: string; arguments: string[]; definition: string }[];
    };
    expect(corpus.defs).toHaveLength(189);
    expect(corpus.table.size).toBe(189);
    for (const m of consolidated.macros) {
      const def = corpus.table.get(m.name, m.arguments.length);
      expect(def?.definition.text, m.name).toBe(m.definition);
      expect(def?.args).toEqual(m.arguments);
    }
  });
});

describe('layers and inline definitions', () => {
  it('later layers win; the table keeps the other arities', () => {
    const registry = new SourceRegistry();
    const base = loadMacroPaths([`${FIX}/test.conf`], registry, 'default');
    const over = loadMacroPaths([`${FIX}/override.conf`], registry, 'macros:override');
    const cli = [parseInlineMacro('foobar(a)=x=cli-$a$', registry)];
    const table = buildMacroTable([base, over, cli]);
    expect(table.get('cloudtrail', 0)).toMatchObject({ layer: 'macros:override', line: 2 });
    expect(table.get('cloudtrail', 0)!.definition.text).toBe('index=aws sourcetype=aws:cloudtrail');
    expect(table.get('foobar', 1)).toMatchObject({ layer: 'cli', definition: { text: 'x=cli-$a$' } });
    expect(table.get('foobar', 2)!.layer).toBe('default');
    expect(buildMacroTable([over, base]).get('cloudtrail', 0)!.layer).toBe('default');
  });

  it.each([
    ['foo=sourcetype=x', 'foo', [], 'sourcetype=x'],
    ['  foo =  a b  ', 'foo', [], 'a b'],
    ['foo()=bar', 'foo', [], 'bar'],
    ['range(lo, hi)=x>$lo$ x<$hi$', 'range', ['lo', 'hi'], 'x>$lo$ x<$hi$'],
  ])('inline --macro %j', (text, name, args, definition) => {
    const registry = new SourceRegistry();
    const def = parseInlineMacro(text, registry);
    expect(def).toMatchObject({ name, arity: args.length, args, layer: 'cli', file: '<--macro>', line: 1 });
    expect(def.definition.text).toBe(definition);
    expect(registry.get(def.definition.source)).toMatchObject({ name: '<--macro>', text });
    expect(mismatches(registry, def)).toEqual([]);
  });

  it.each(['nodefinition', '=x', 'f(a,a)=x', 'f(a b)=x'])('inline --macro %j is malformed -> M009', (text) => {
    expect(errorOf(() => parseInlineMacro(text, new SourceRegistry())).code).toBe('M009');
  });

  it('the source registry reserves id 0 for the query', () => {
    const registry = new SourceRegistry();
    expect(registry.add('a.conf', 'x')).toBe(1);
    registry.setQuery('search *');
    expect(registry.get(0)).toEqual({ id: 0, name: '<query>', text: 'search *' });
    expect(registry.intern('<s>', 't')).toBe(2);
    expect(registry.intern('<s>', 't')).toBe(2);
    expect(registry.all().map((s) => s.id)).toEqual([0, 1, 2]);
  });
});
