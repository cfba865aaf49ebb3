// fit (Splunk Machine Learning Toolkit): algorithm, [explained from] fields, by, into, as, options.
// https://docs.splunk.com/Documentation/MLApp/latest/User/Algorithms
import { describe, expect, it } from 'vitest';
import { corpusUses, lastCommand, lastCommandNode, roundTrip, spanText, syntaxFailure } from './corpus-nodes-by-kind.js';

describe('fit: documented forms', () => {
  it('<explained> from <explanatory fields> into <model> (DecisionTreeClassifier)', () => {
    expect(lastCommand('* | fit DecisionTreeClassifier SLA_violation from * into sla_model max_depth=3')).toEqual({
      kind: 'fit',
      algorithm: 'DecisionTreeClassifier',
      explained: [{ name: 'SLA_violation' }],
      fields: [{ name: '*' }],
      by: [],
      into: { name: 'sla_model' },
      as: null,
      options: [{ name: 'max_depth', value: '3', quoted: false }],
    });
  });

  it('DensityFunction with a quoted, comma-separated by list (security_content)', () => {
    expect(lastCommand('* | fit DensityFunction api_calls by "user,HourOfDay,isWeekend" into cloud_v1 dist=norm show_density=true')).toMatchObject({
      explained: [],
      fields: [{ name: 'api_calls' }],
      by: [{ name: 'user' }, { name: 'HourOfDay' }, { name: 'isWeekend' }],
      into: { name: 'cloud_v1' },
      options: [{ name: 'dist', value: 'norm' }, { name: 'show_density', value: 'true' }],
    });
  });

  it('options between the fields and the clauses (security_content)', () => {
    expect(lastCommand('* | fit DensityFunction instances_launched threshold=0.0005 into ec2_v1')).toMatchObject({
      fields: [{ name: 'instances_launched' }],
      into: { name: 'ec2_v1' },
      options: [{ name: 'threshold', value: '0.0005' }],
    });
  });

  it('several fields, AS', () => {
    expect(lastCommand('* | fit LinearRegression y from x1 x2 into m as predicted')).toMatchObject({
      explained: [{ name: 'y' }],
      fields: [{ name: 'x1' }, { name: 'x2' }],
      as: { name: 'predicted' },
    });
    expect(lastCommand('* | fit PCA a b c k=2')).toMatchObject({ explained: [], fields: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] });
  });

  it('spans', () => {
    const text = '* | fit DensityFunction count by "HourOfDay,DayOfWeek" into smb_pdfmodel';
    const c = lastCommandNode(text, 'fit');
    expect(spanText(text, c.algorithmSpan)).toBe('DensityFunction');
    expect(spanText(text, c.fields[0]!.span)).toBe('count');
    expect(spanText(text, c.by[1]!.span)).toBe('"HourOfDay,DayOfWeek"');
    expect(spanText(text, c.into!.span)).toBe('smb_pdfmodel');
  });

  it('round-trips', () => {
    expect(roundTrip('* | fit DensityFunction api_calls by "user,HourOfDay" into m dist=norm')).toEqual({
      printed: '* | fit DensityFunction api_calls by "user,HourOfDay" into m dist=norm',
      same: true,
    });
    expect(roundTrip('* | fit LinearRegression y from x1 k=1 x2 into m as p').same).toBe(true);
    expect(roundTrip('* | fit DensityFunction processlen by user into cmdline_pdfmodel').same).toBe(true);
  });
});

describe('fit: every corpus use parses into a fit node', () => {
  it('all of them', () => {
    const uses = corpusUses('fit');
    expect(uses.problems).toEqual([]);
    expect(uses.searches).toBeGreaterThan(5);
    expect(uses.nodes.length).toBeGreaterThanOrEqual(uses.searches);
    for (const { node } of uses.nodes) expect(node).toMatchObject({ algorithm: 'DensityFunction', into: { name: expect.any(String) } });
  });
});

describe('fit: syntax errors (P005 naming fit)', () => {
  const clause = 'an option, or "by", "into" or "as" followed by a name';
  it.each([
    ['* | fit', '', 'an algorithm name such as DensityFunction', 'the end of the search'],
    ['* | fit DensityFunction', '', 'a field name', 'the end of the search'],
    ['* | fit DensityFunction x by', '', 'a field name', 'the end of the search'],
    ['* | fit DensityFunction x into', 'into', clause, '"into"'],
    ['* | fit DensityFunction x into m extra', 'extra', clause, '"extra"'],
    ['* | fit LinearRegression y from into m', 'into', 'a field name', '"into"'],
  ])('%s', (text, at, expected, found) => {
    expect(syntaxFailure(text)).toMatchObject({ code: 'P005', at, params: { command: 'fit', expected, found } });
  });
});
