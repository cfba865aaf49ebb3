import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../../src/testing/junit.js';
import { summarize } from '../../../src/testing/report.js';
import type { TestOutcome } from '../../../src/testing/types.js';
import { parseXml, type XmlElement } from './xml.js';

const base = { detection: 'D <1> & "q"', detectionFile: 'det/d1.yml', testFile: 'det/d1.test.yml', durationMs: 12 };
const outcomes: TestOutcome[] = [
  { ...base, test: 'passes', status: 'pass', results: 2, events: 10, window: { now: 600, earliest: 0, latest: 300, shift: 0 } },
  { ...base, test: 'fails', status: 'fail', reason: 'expected no results (none: true), got 1', details: ['a="<b>" c="\u0001"'], results: 1, events: 10 },
  { ...base, test: 'errs', status: 'error', reason: "error[M001]: macro 'x'", details: ['line 1\nline 2 ]]>'] },
  { ...base, detection: 'E', detectionFile: 'det/e.yml', test: 'skips', status: 'skipped', reason: 'dataset missing: https://x/y' },
];

const children = (e: XmlElement, name: string) => e.children.filter((c) => c.name === name);

describe('JUnit XML', () => {
  const xml = renderJunit(outcomes, summarize(outcomes, 2, 0, 1234));
  const root = parseXml(xml);

  it('is well-formed: testsuites > testsuite per detection > testcase per test, with counts and times', () => {
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toEqual({ name: 'splq test', tests: '4', failures: '1', errors: '1', skipped: '1', time: '1.234' });
    const suites = children(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual(['D <1> & "q"', 'E']);
    expect(suites[0]!.attrs).toMatchObject({ tests: '3', failures: '1', errors: '1', skipped: '0', time: '0.036', file: 'det/d1.yml' });
    expect(children(suites[0]!, 'testcase').map((c) => c.attrs.name)).toEqual(['passes', 'fails', 'errs']);
  });

  it('puts the reason in message and the details in the text, escaped; forbidden characters dropped', () => {
    const [pass, fail, err] = children(children(root, 'testsuite')[0]!, 'testcase');
    expect(pass!.children.map((c) => c.name)).toEqual(['system-out']);
    expect(children(pass!, 'system-out')[0]!.text).toContain('2 results from 10 events');
    const failure = children(fail!, 'failure')[0]!;
    expect(failure.attrs).toEqual({ message: 'expected no results (none: true), got 1', type: 'assertion' });
    expect(failure.text).toBe('a="<b>" c=""');
    expect(children(err!, 'error')[0]!.text).toBe('line 1\nline 2 ]]>');
    const skipped = children(children(children(root, 'testsuite')[1]!, 'testcase')[0]!, 'skipped')[0]!;
    expect(skipped.attrs.message).toBe('dataset missing: https://x/y');
  });

  it('the test parser rejects what is not well-formed', () => {
    expect(() => parseXml('<a><b></a>')).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow('duplicate');
    expect(() => parseXml('<a>&</a>')).toThrow();
    expect(() => parseXml('<a/><b/>')).toThrow('after the root');
  });
});
