// summary (Splunk Machine Learning Toolkit): a saved model's description; in security_content only
// as a subsearch without a pipe (`join ... [ summary <model> ]`).
// https://docs.splunk.com/Documentation/MLApp/latest/User/Customsearchcommands
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, roundTrip, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('summary: documented forms', () => {
  it('a model', () => {
    expect(lastCommand('| summary sla_model')).toEqual({ kind: 'summary', model: { name: 'sla_model' }, options: [] });
  });

  it('a subsearch that starts with summary', () => {
    expect(lastCommand('* | join HourOfDay isWeekend [summary cloud_v1]')).toMatchObject({ subsearch: { leadingPipe: false, commands: [{ kind: 'summary' }] } });
  });

  it('round-trips', () => {
    expect(roundTrip('* | join x [ summary m ]')).toEqual({ printed: '* | join x [summary m]', same: true });
  });
});

describe('summary: every corpus use parses into a summary node', () => {
  it('all of them', () => {
    const uses = corpusUses('summary');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(3);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
  });
});

describe('summary: syntax errors (P005 naming summary)', () => {
  it.each([
    ['| summary', '', 'a field name', 'the end of the search'],
    ['* | join x [summary]', ']', 'a field name', '"]"'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'summary', expected, found } });
  });
});
