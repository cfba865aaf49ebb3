// foreach: options, wildcard fields, and a template pipeline whose <<FIELD>>/<<MATCHSTR>>/<<MATCHSEG1>>
// tokens stay in the AST exactly as written.
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/foreach
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('foreach: documented forms', () => {
  it('a wildcard field list and an eval template with <<FIELD>>', () => {
    expect(lastCommand("* | foreach test* [eval <<FIELD>> = '<<FIELD>>' + 1]")).toEqual({
      kind: 'foreach',
      options: [],
      fields: [{ name: 'test*' }],
      template: {
        kind: 'Pipeline',
        leadingPipe: false,
        commands: [{
          kind: 'eval',
          assignments: [{ field: '<<FIELD>>', expr: { kind: 'Binary', op: '+', left: { kind: 'Field', name: '<<FIELD>>' }, right: { kind: 'Literal', value: 1 } } }],
        }],
      },
    });
  });

  it('mode and mode options before and after the fields', () => {
    expect(lastCommand('* | foreach mode=multifield foo* bar* fieldstr=#f# matchstr=#m# [eval x=1]')).toMatchObject({
      options: [{ name: 'mode', value: 'multifield' }, { name: 'fieldstr', value: '#f#' }, { name: 'matchstr', value: '#m#' }],
      fields: [{ name: 'foo*' }, { name: 'bar*' }],
    });
    expect(lastCommand('* | foreach mode=multivalue mv [eval total=total + <<ITEM>>]')).toMatchObject({ fields: [{ name: 'mv' }] });
  });

  it('<<MATCHSTR>> and <<MATCHSEG1>> inside names and strings are kept as written', () => {
    const c = lastCommand(`* | foreach stdev_* [eval a=if('<<MATCHSTR>>' > 'avg_<<MATCHSTR>>', "<<MATCHSTR>> high", <<MATCHSEG1>>)]`);
    expect(JSON.stringify(c)).toContain('"name":"<<MATCHSTR>>"');
    expect(JSON.stringify(c)).toContain('"name":"avg_<<MATCHSTR>>"');
    expect(JSON.stringify(c)).toContain('"value":"<<MATCHSTR>> high"');
    expect(JSON.stringify(c)).toContain('"name":"<<MATCHSEG1>>"');
  });

  it('spans', () => {
    const text = '* | foreach a* b* [eval <<FIELD>>=1]';
    const c = lastCommandNode(text, 'foreach');
    expect(spanText(text, c.span)).toBe('foreach a* b* [eval <<FIELD>>=1]');
    expect(c.fields.map((f) => spanText(text, f.span))).toEqual(['a*', 'b*']);
    expect(spanText(text, c.template.span)).toBe('eval <<FIELD>>=1');
  });

  it('round-trips', () => {
    expect(roundTrip('* | foreach * [ eval <<FIELD>> = if(<<FIELD>>="null",null(),<<FIELD>>)]').same).toBe(true);
    expect(roundTrip('* | foreach mode=multifield a* [eval x=1]')).toEqual({ printed: '* | foreach mode=multifield a* [eval x=1]', same: true });
  });
});

describe('foreach: every corpus use parses into a foreach node', () => {
  it('all of them', () => {
    const uses = corpusUses('foreach');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(20);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('foreach: syntax errors (P005 naming foreach)', () => {
  it.each([
    ['* | foreach', '', 'a field name or wildcard pattern', 'the end of the search'],
    ['* | foreach [eval x=1]', '[', 'a field name or wildcard pattern', '"["'],
    ['* | foreach a*', '', '"["', 'the end of the search'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'foreach', expected, found } });
  });
});
