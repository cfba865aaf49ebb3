// Syntax errors as the user sees them (ARCHITECTURE 3.4, STYLE 3.5): rendered with renderError
// after the real stages (expandQuery/prepare, loadDetection/parseDetection), so the caret lands in
// the user's query, in the macro definition (as a note) or in the detection YAML file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorLocation, renderError } from '../src/errors/render.js';
import { loadDetection, parseDetection } from '../src/detections/load.js';
import { prepare, StageError, type MacroConfig, type QuerySource } from '../src/pipeline.js';

const EKS = 'fixtures/detections/amazon_eks_kubernetes_pod_scan_detection.yml';
/** The macros the EKS detection calls (its `_filter` macro defaults to nothing when not strict). */
const EKS_MACROS = [
  'aws_cloudwatchlogs_eks=sourcetype=aws:cloudwatchlogs:eks',
  'security_content_ctime(field)=convert timeformat="%Y-%m-%dT%H:%M:%S" ctime($field$)',
];

function config(inlineMacros: string[] = []): MacroConfig {
  return { defaultMacros: false, macroPaths: [], inlineMacros, strictMacros: false };
}

function stageError(query: QuerySource, macros: string[]): StageError {
  try {
    prepare(query, config(macros));
  } catch (e) {
    if (e instanceof StageError) return e;
    throw e;
  }
  throw new Error(`expected an error for ${query.text}`);
}

/** Expand and parse `query`; the rendered error. */
function rendered(query: QuerySource | string, macros: string[] = []): string {
  const q = typeof query === 'string' ? { text: query, name: '<query>' } : query;
  const e = stageError(q, macros);
  return renderError(e.error, { sourceMap: e.sourceMap });
}

/** file:line:column of the primary caret. */
function located(query: QuerySource, macros: string[] = []): string {
  const e = stageError(query, macros);
  const loc = errorLocation(e.error, { sourceMap: e.sourceMap })!;
  return `${loc.file}:${loc.line}:${loc.column}`;
}

describe('an error in the query', () => {
  it('unknown command', () => {
    expect(rendered('sourcetype=aws:cloudtrail | stast count by user')).toMatchInlineSnapshot(`
      "error[P001]: Unknown search command 'stast'.
       --> <query>:1:29
        |
      1 | sourcetype=aws:cloudtrail | stast count by user
        |                             ^^^^^"
    `);
  });

  it('rename without a target: the caret is just after the end', () => {
    expect(rendered('* | rename src_ip as')).toMatchInlineSnapshot(`
      "error[P005]: Error in 'rename' command: expected a field name, found the end of the search
       --> <query>:1:21
        |
      1 | * | rename src_ip as
        |                     ^"
    `);
  });

  it('unbalanced quotes on the second line of a query', () => {
    expect(rendered('sourcetype=x\n| search user="bob | stats count')).toMatchInlineSnapshot(`
      "error[L001]: Error in 'search' command: Unable to parse the search: unbalanced quotes.
       --> <query>:2:15
        |
      2 | | search user="bob | stats count
        |               ^"
    `);
  });

  it('unbalanced parentheses', () => {
    expect(rendered('(eventName=CreateUser OR eventName=DeleteUser | stats count')).toMatchInlineSnapshot(`
      "error[P002]: Error in 'search' command: Unable to parse the search: unbalanced parentheses.
       --> <query>:1:1
        |
      1 | (eventName=CreateUser OR eventName=DeleteUser | stats count
        | ^"
    `);
  });

  it('empty command between pipes', () => {
    expect(rendered('* | stats count || rename count as n')).toMatchInlineSnapshot(`
      "error[P004]: Error in 'SearchParser': Missing a search command before '|'.
       --> <query>:1:18
        |
      1 | * | stats count || rename count as n
        |                  ^"
    `);
  });
});

describe('an error inside a macro definition', () => {
  it('the caret is on the call site in the query; a note shows the definition', () => {
    expect(rendered('index=main `ab` | stats count', ['ab=search (a OR b'])).toMatchInlineSnapshot(`
      "error[P002]: Error in 'search' command: Unable to parse the search: unbalanced parentheses.
       --> <query>:1:12
        |
      1 | index=main \`ab\` | stats count
        |            ^^^^
        = note: in expansion of macro \`ab\` (<--macro>:1:11)
      1 | ab=search (a OR b
        |           ^"
    `);
  });

  it('nested macros: one note per level, innermost first', () => {
    expect(rendered('index=main `outer` | stats count', ['outer=x `inner`', 'inner=(a OR b'])).toMatchInlineSnapshot(`
      "error[P002]: Error in 'search' command: Unable to parse the search: unbalanced parentheses.
       --> <query>:1:12
        |
      1 | index=main \`outer\` | stats count
        |            ^^^^^^^
        = note: in expansion of macro \`inner\` (<--macro>:1:7)
      1 | inner=(a OR b
        |       ^
        = note: in expansion of macro \`outer\` (<--macro>:1:9)
      1 | outer=x \`inner\`
        |         ^^^^^^^"
    `);
  });

  it('an error in the macro body after an argument was substituted', () => {
    expect(rendered('* | `pair(src)`', ['pair(f)=rename $f$ as | stats count'])).toMatchInlineSnapshot(`
      "error[P005]: Error in 'rename' command: expected a field name, found "|"
       --> <query>:1:5
        |
      1 | * | \`pair(src)\`
        |     ^^^^^^^^^^^
        = note: in expansion of macro \`pair(1)\` (<--macro>:1:23)
      1 | pair(f)=rename $f$ as | stats count
        |                       ^"
    `);
  });
});

describe('an error in a macro argument', () => {
  it('points at the characters the user wrote in the call', () => {
    expect(rendered('* | `m(a b)`', ['m(f)=rename $f$ | stats count'])).toMatchInlineSnapshot(`
      "error[P005]: Error in 'rename' command: expected "AS", "TO" or "->", found "b"
       --> <query>:1:10
        |
      1 | * | \`m(a b)\`
        |          ^"
    `);
  });
});

describe('an error in a detection YAML: line:column inside the file', () => {
  it('single-quoted scalar with escaped quotes before the error', () => {
    const det = parseDetection("name: x\nsearch: 'user=''bob'' | stast count'\n", 'detections/x.yml');
    expect(located(det.query)).toBe('detections/x.yml:2:25');
    expect(rendered(det.query)).toMatchInlineSnapshot(`
      "error[P001]: Unknown search command 'stast'.
       --> detections/x.yml:2:25
        |
      2 | search: 'user=''bob'' | stast count'
        |                         ^^^^^"
    `);
  });

  it('block scalar: the line of the search inside the file', () => {
    const yaml = ['name: x', 'search: |-', '  sourcetype=x', '  | stats count by', '  | rename a as b', ''].join('\n');
    const det = parseDetection(yaml, 'detections/y.yml');
    expect(located(det.query)).toBe('detections/y.yml:5:3');
    expect(rendered(det.query)).toMatchInlineSnapshot(`
      "error[P005]: Error in 'stats' command: expected a field name, found "|"
       --> detections/y.yml:5:3
        |
      5 |   | rename a as b
        |   ^"
    `);
  });

  it('the EKS detection file with a broken macro: caret on the call in the YAML, note on the definition', () => {
    const det = loadDetection(EKS);
    const macros = [...EKS_MACROS, 'aws_cloudwatchlogs_eks=sourcetype=aws:cloudwatchlogs:eks)'];
    expect(located(det.query, macros)).toBe(`${EKS}:17:10`);
    expect(rendered(det.query, macros)).toMatchInlineSnapshot(`
      "error[P002]: Error in 'search' command: Unable to parse the search: unbalanced parentheses.
        --> fixtures/detections/amazon_eks_kubernetes_pod_scan_detection.yml:17:10
         |
      17 | search: '\`aws_cloudwatchlogs_eks\` "user.username"="system:anonymous" verb=list objectRef.resource=pods requestURI="/api/...
         |          ^^^^^^^^^^^^^^^^^^^^^^^^
         = note: in expansion of macro \`aws_cloudwatchlogs_eks\` (<--macro>:1:57)
       1 | aws_cloudwatchlogs_eks=sourcetype=aws:cloudwatchlogs:eks)
         |                                                         ^"
    `);
  });

  it('the EKS detection file parses with its macros', () => {
    expect(() => prepare(loadDetection(EKS).query, config(EKS_MACROS))).not.toThrow();
  });

  it('the EKS detection file with a typo in the search', () => {
    const broken = parseDetection(readFileSync(EKS, 'utf8').replace('| rename source', '| renam source'), EKS);
    expect(located(broken.query, EKS_MACROS)).toBe(`${EKS}:17:132`);
    expect(rendered(broken.query, EKS_MACROS)).toMatchInlineSnapshot(`
      "error[P001]: Unknown search command 'renam'.
        --> fixtures/detections/amazon_eks_kubernetes_pod_scan_detection.yml:17:132
         |
      17 | ...source=pods requestURI="/api/v1/pods" | renam source as cluster_name sourceIPs{} as src_ip | stats count min(_time) as f...
         |                                            ^^^^^"
    `);
  });
});
