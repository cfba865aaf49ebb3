// Rendered error messages (ARCHITECTURE 3.4, spec 08): primary caret in the query, one note per
// macro expansion level with the definition line, file locations, hints. Expected texts were
// written by hand; they are the product, so keep them readable.
import { describe, expect, it } from 'vitest';
import { errorLocation, renderError } from '../../src/errors/render.js';
import { SplError } from '../../src/errors/spl-error.js';
import { parseConf } from '../../src/macros/conf.js';
import { expandMacros } from '../../src/macros/expand.js';
import { buildMacroTable, loadMacroPaths, parseInlineMacro } from '../../src/macros/load.js';
import { SourceRegistry } from '../../src/macros/types.js';
import { parseYamlMacro } from '../../src/macros/yaml.js';
import { identityMap, sliceOf } from '../../src/source/source-map.js';
import { span, type Span } from '../../src/source/span.js';

const FIX = 'fixtures/macro-sets';
const registry = new SourceRegistry();
const table = buildMacroTable([
  loadMacroPaths([`${FIX}/test.conf`], registry, 'macros:test'),
  [parseInlineMacro('agg(f)=stats $f$ by host', registry)],
]);

function expand(query: string) {
  registry.setQuery(query);
  return expandMacros(sliceOf(query, 0), table, registry);
}

/** Render the error that expanding `query` throws. */
function expansionFailure(query: string): string {
  try {
    expand(query);
  } catch (e) {
    return renderError(e as SplError);
  }
  throw new Error('expected an error');
}

function thrown(f: () => unknown): SplError {
  try {
    f();
  } catch (e) {
    return e as SplError;
  }
  throw new Error('expected an error');
}

/** A later-phase error on the expanded text, whose culprit is the first `needle`. */
function laterError(query: string, needle: string, error: (s: Span) => SplError) {
  const r = expand(query);
  const at = r.text.indexOf(needle);
  const err = error(span(at, at + needle.length));
  return { err, ctx: { sourceMap: r.sourceMap } };
}

describe('errors in the query', () => {
  it('MA8: an undefined macro: caret under the reference', () => {
    expect(expansionFailure('index=main `nope` | stats count')).toMatchInlineSnapshot(`
      "error[M001]: Error in 'SearchParser': The search specifies a macro 'nope' that cannot be found. Reasons include: the macro name is misspelled, you do not have "read" permission for the macro, or the macro has not been shared with this application. Click Settings, Advanced search, Search Macros to view macro information.
       --> <query>:1:12
        |
      1 | index=main \`nope\` | stats count
        |            ^^^^^^"
    `);
  });

  it('MA8: a wrong arity gets the arities hint', () => {
    expect(expansionFailure('`foobar(1,2,3)`').split('\n').slice(1)).toMatchInlineSnapshot(`
      [
        " --> <query>:1:1",
        "  |",
        "1 | \`foobar(1,2,3)\`",
        "  | ^^^^^^^^^^^^^^^",
        "  = hint: 'foobar' is defined with 0, 1 or 2 arguments: foobar, foobar(1), foobar(2)",
      ]
    `);
  });

  it('MA5: an error in a macro argument points at the argument in the query', () => {
    const invalid = (s: Span) => new SplError('B001', { arg: 'coutn' }, { span: s });
    const { err, ctx } = laterError('x | `agg(coutn)`', 'coutn', invalid);
    expect(renderError(err, ctx)).toMatchInlineSnapshot(`
      "error[B001]: Error in 'stats' command: The argument 'coutn' is invalid.
       --> <query>:1:10
        |
      1 | x | \`agg(coutn)\`
        |          ^^^^^"
    `);
    expect(errorLocation(err, ctx)).toEqual({ file: '<query>', line: 1, column: 10 });
  });

  it('a span over several lines is underlined to the end of its first line', () => {
    const err = new SplError('P009', {}, { span: span(0, 16) });
    expect(renderError(err, { sourceMap: identityMap('index=main\n| stats foo(x)') })).toMatchInlineSnapshot(`
      "error[P009]: Empty search
       --> <query>:1:1
        |
      1 | index=main
        | ^^^^^^^^^^"
    `);
  });

  it('a long line is cut to a window around the caret', () => {
    const query = `index=main ${'f=1 '.repeat(40)}\`nope\` | stats count`;
    expect(expansionFailure(query).split('\n').slice(1)).toMatchInlineSnapshot(`
      [
        " --> <query>:1:172",
        "  |",
        "1 | ...f=1 f=1 f=1 f=1 f=1 f=1 f=1 f=1 f=1 f=1 f=1 f=1 f=1 f=1 f=1 f=1 f=1 f=1 f=1 f=1 f=1 f=1 f=1 f=1 f=1 \`nope\` | stats count",
        "  |                                                                                                        ^^^^^^",
      ]
    `);
  });
});

describe('errors inside macros', () => {
  it('MA6: nested expansion: the query call site, then each level innermost first', () => {
    expect(expansionFailure('index=main `outer` | stats count').split('\n').slice(1)).toMatchInlineSnapshot(`
      [
        "  --> <query>:1:12",
        "   |",
        " 1 | index=main \`outer\` | stats count",
        "   |            ^^^^^^^",
        "   = note: in expansion of macro \`inner\` (fixtures/macro-sets/test.conf:41:29)",
        "41 | definition = sourcetype=web \`nope\`",
        "   |                             ^^^^^^",
        "   = note: in expansion of macro \`outer\` (fixtures/macro-sets/test.conf:38:25)",
        "38 | definition = index=main \`inner\`",
        "   |                         ^^^^^^^",
      ]
    `);
  });

  it('MA6: a cycle shows the loop', () => {
    expect(expansionFailure('`loop_a`')).toMatchInlineSnapshot(`
      "error[M003]: Macro \`loop_a\` expands into itself: loop_a -> loop_b -> loop_a
        --> <query>:1:1
         |
       1 | \`loop_a\`
         | ^^^^^^^^
         = note: in expansion of macro \`loop_b\` (fixtures/macro-sets/test.conf:48:18)
      48 | definition = y=2 \`loop_a\`
         |                  ^^^^^^^^
         = note: in expansion of macro \`loop_a\` (fixtures/macro-sets/test.conf:45:18)
      45 | definition = x=1 \`loop_b\`
         |                  ^^^^^^^^"
    `);
  });

  it('a later-phase error in macro text lands on the continued definition line', () => {
    const invalid = (s: Span) => new SplError('B001', { arg: 'count' }, { span: s });
    const { err, ctx } = laterError('x | `multi`', 'count', invalid);
    expect(renderError(err, ctx)).toMatchInlineSnapshot(`
      "error[B001]: Error in 'stats' command: The argument 'count' is invalid.
        --> <query>:1:5
         |
       1 | x | \`multi\`
         |     ^^^^^^^
         = note: in expansion of macro \`multi\` (fixtures/macro-sets/test.conf:33:9)
      33 | | stats count
         |         ^^^^^"
    `);
    expect(errorLocation(err, ctx)).toEqual({ file: '<query>', line: 1, column: 5 });
  });
});

describe('errors in files and without a position', () => {
  it('a file location shows file:line:column and the line when the text is available', () => {
    const text = 'name: a\ndefinition: x: y\n';
    const err = thrown(() => parseYamlMacro(text, 'bad.yml', 1, 'cli'));
    expect(renderError(err, { readSource: (f) => (f === 'bad.yml' ? text : undefined) })).toMatchInlineSnapshot(`
      "error[M008]: Malformed macro file bad.yml: Nested mappings are not allowed in compact mappings
       --> bad.yml:2:13
        |
      2 | definition: x: y
        |             ^"
    `);
    expect(errorLocation(err)).toEqual({ file: 'bad.yml', line: 2, column: 13 });
  });

  it('a location without a column shows the line; without the text, only the place', () => {
    const text = 'definition = x\n[a]\nbroken line\n';
    const err = thrown(() => parseConf(text, 'bad.conf', 1, 'cli'));
    expect(renderError(err, { readSource: () => text })).toMatchInlineSnapshot(`
      "error[M008]: Malformed macro file bad.conf: expected "key = value" or "[stanza]", found "broken line"
       --> bad.conf:3
        |
      3 | broken line"
    `);
    expect(renderError(err).split('\n').slice(1)).toMatchInlineSnapshot(`
      [
        " --> bad.conf:3",
        "  |",
      ]
    `);
    expect(errorLocation(err)).toEqual({ file: 'bad.conf', line: 3, column: 1 });
  });

  it('no span and no location: the message, then notes and hints', () => {
    const err = thrown(() => parseInlineMacro('f(a,a)=x', new SourceRegistry())).withNote('from --macro');
    expect(renderError(err)).toMatchInlineSnapshot(`
      "error[M009]: Malformed inline macro "f(a,a)=x": expected name=definition or name(a,b)=definition
        = note: from --macro
        = hint: argument name "a" is declared twice"
    `);
    expect(errorLocation(err)).toBeUndefined();
  });
});
