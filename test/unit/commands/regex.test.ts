// regex: keep (=) or drop (!=) results whose field, _raw by default, matches a PCRE regex.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/regex
// Escaping rule: see src/spl/commands/regex-literal.ts and rex.test.ts.
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('regex: documented forms', () => {
  it('<field>=<regex>', () => {
    expect(lastCommand('* | regex _raw="(?<!\\d)10\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}(?!\\d)"')).toEqual({
      kind: 'regex',
      field: { name: '_raw' },
      negated: false,
      regex: { text: '(?<!\\d)10\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}(?!\\d)', quoted: true },
    });
  });

  it('<field>!=<regex> drops matches', () => {
    expect(lastCommand('* | regex src_ip!="^192\\.168\\."')).toEqual({
      kind: 'regex',
      field: { name: 'src_ip' },
      negated: true,
      regex: { text: '^192\\.168\\.', quoted: true },
    });
  });

  it('a regex alone applies to _raw (field null); a pipe inside quotes is part of it', () => {
    expect(lastCommand('* | regex "expression | with pipe"')).toEqual({
      kind: 'regex',
      field: null,
      negated: false,
      regex: { text: 'expression | with pipe', quoted: true },
    });
  });

  it('spaces around the operator (security_content: regex process = "(/d\\s+2)")', () => {
    expect(lastCommand('* | regex process = "(/d\\s+2)"')).toMatchObject({ field: { name: 'process' }, regex: { text: '(/d\\s+2)' } });
  });

  it('a bare regex', () => {
    expect(lastCommand('* | regex host=^web\\d+$')).toMatchObject({ field: { name: 'host' }, regex: { text: '^web\\d+$', quoted: false } });
  });

  it('escaping: "\\\\x{202E}" and "\\x{202E}" are both PCRE \\x{202E}', () => {
    expect(lastCommand('* | regex process="\\\\x{202E}"')).toMatchObject({ regex: { text: '\\x{202E}' } });
    expect(lastCommand('* | regex process="\\x{202E}"')).toMatchObject({ regex: { text: '\\x{202E}' } });
  });
});

describe('regex: spans', () => {
  it('the command, the field and the regex', () => {
    const text = '* | regex user!="^svc_"';
    const c = lastCommandNode(text, 'regex');
    expect(spanText(text, c.span)).toBe('regex user!="^svc_"');
    expect(spanText(text, c.field!.span)).toBe('user');
    expect(spanText(text, c.regex.span)).toBe('"^svc_"');
  });
});

describe('regex: canonical printing', () => {
  it.each([
    ['* | regex file_name =  "\\\\x{202E}"', '* | regex file_name="\\\\x{202E}"'],
    ['* | regex f!="a"', '* | regex f!="a"'],
    ['* | regex "x"', '* | regex "x"'],
    ['* | regex "a b"=x', '* | regex "a b"=x'],
  ])('%s', (text, printed) => {
    expect(roundTrip(text)).toEqual({ printed, same: true });
  });
});

describe('regex: every corpus use parses into a regex node', () => {
  it('all of them, each naming its field', () => {
    const uses = corpusUses('regex');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(20);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
    for (const { node } of uses.nodes) expect(node.field).not.toBeNull();
  });
});

describe('regex: syntax errors (P005, naming regex)', () => {
  it.each([
    ['* | regex', 9, '', 'the end of the search'],
    ['* | regex x=', 12, '', 'the end of the search'],
    ['* | regex x!= | head 1', 14, '|', '"|"'],
  ])('%s', (text, start, at, found) => {
    expect(syntaxFailure(text)).toEqual({ code: 'P005', at, start, params: { command: 'regex', expected: 'a regular expression', found } });
  });
});
