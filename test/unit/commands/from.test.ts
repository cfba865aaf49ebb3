// from: `<type>:<dataset>` or `<type> <dataset>` (spec 09 TS12).
// https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/from
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('from: documented forms', () => {
  it('datamodel with a colon or a space gives the same node', () => {
    const expected = { kind: 'from', datasetType: 'datamodel', dataset: 'Web.Web', datamodel: { model: 'Web', dataset: ['Web'] } };
    expect(lastCommand('| from datamodel:Web.Web')).toEqual(expected);
    expect(lastCommand('| from datamodel Web.Web')).toEqual(expected);
  });

  it('other dataset types; quoted names', () => {
    expect(lastCommand('| from inputlookup:geo_attr_countries.csv')).toEqual({ kind: 'from', datasetType: 'inputlookup', dataset: 'geo_attr_countries.csv', datamodel: null });
    expect(lastCommand('| from savedsearch:"my search"')).toMatchObject({ datasetType: 'savedsearch', dataset: 'my search' });
    expect(lastCommand('| from lookup "my lookup"')).toMatchObject({ datasetType: 'lookup', dataset: 'my lookup' });
  });

  it('spans of the dataset name and of the data model reference', () => {
    for (const text of ['| from datamodel:Email.All_Email', '| from datamodel Email.All_Email']) {
      const c = lastCommandNode(text, 'from');
      expect(spanText(text, c.datasetSpan)).toBe('Email.All_Email');
      expect(spanText(text, c.datamodel!.span)).toBe('Email.All_Email');
    }
  });

  it('prints with a colon and round-trips', () => {
    expect(roundTrip('| from datamodel Web.Web | stats count')).toEqual({ printed: '| from datamodel:Web.Web | stats count', same: true });
    expect(roundTrip('| from savedsearch "my search"')).toEqual({ printed: '| from savedsearch:"my search"', same: true });
  });
});

describe('from: security_content searches', () => {
  const uses = corpusUses('from');

  it('every corpus use parses into a from node naming a data model', () => {
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThanOrEqual(11);
    for (const { node } of uses.nodes) expect(node).toMatchObject({ datasetType: 'datamodel', datamodel: { dataset: [expect.any(String)] } });
  });

  it.each([
    ['Web.Web', 'Web', 'Web'],
    ['Email.All_Email', 'Email', 'All_Email'],
    ['Identity_Management.All_Assets', 'Identity_Management', 'All_Assets'],
  ])('%s', (dataset, model, root) => {
    expect(uses.nodes.find((u) => u.node.dataset === dataset)!.node).toMatchObject({ datamodel: { model, dataset: [root] } });
  });
});

describe('from: syntax errors (P005 naming from)', () => {
  it('a type without a dataset', () => {
    expect(syntaxFailure('| from datamodel')).toMatchObject({ code: 'P005', at: 'datamodel', start: 7, params: { command: 'from', expected: 'a dataset such as datamodel:<model>.<dataset>' } });
  });

  it('nothing after from', () => {
    expect(syntaxFailure('| from')).toMatchObject({ code: 'P005', at: '', params: { command: 'from' } });
  });
});
