// apply (Splunk Machine Learning Toolkit): a saved model, [as <name>], options.
// https://docs.splunk.com/Documentation/MLApp/latest/User/Customsearchcommands
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('apply: documented forms', () => {
  it.each([
    ['* | apply sla_model', { model: { name: 'sla_model' }, as: null, options: [] }],
    ['* | apply cmdline_pdfmodel threshold=0.01', { model: { name: 'cmdline_pdfmodel' }, options: [{ name: 'threshold', value: '0.01' }] }],
    ['* | apply m as predicted', { model: { name: 'm' }, as: { name: 'predicted' } }],
    ['* | apply m AS p threshold=0.1', { as: { name: 'p' }, options: [{ name: 'threshold' }] }],
  ])('%s', (text, shape) => {
    expect(lastCommand(text)).toMatchObject({ kind: 'apply', ...shape });
  });

  it('spans and round trip', () => {
    const text = '* | apply m as p threshold=0.1';
    const c = lastCommandNode(text, 'apply');
    expect(spanText(text, c.model.span)).toBe('m');
    expect(spanText(text, c.as!.span)).toBe('p');
    expect(roundTrip(text)).toEqual({ printed: '* | apply m as p threshold=0.1', same: true });
  });
});

describe('apply: every corpus use parses into an apply node', () => {
  it('all of them', () => {
    const uses = corpusUses('apply');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(10);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('apply: syntax errors (P005 naming apply)', () => {
  it.each([
    ['* | apply', '', 'a field name', 'the end of the search'],
    ['* | apply threshold=0.1', '', 'a field name', 'the end of the search'],
    ['* | apply m as', '', 'a field name', 'the end of the search'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'apply', expected, found } });
  });
});
