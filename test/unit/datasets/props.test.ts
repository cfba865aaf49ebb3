import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseProps, TimestampRuleSet } from '../../../src/datasets/index.js';
import type { RawEvent } from '../../../src/data/event.js';
import { readEvents } from '../../../src/data/load.js';
import { SplError } from '../../../src/errors/spl-error.js';

function rulesFrom(text: string, builtins = true): TimestampRuleSet {
  const dir = mkdtempSync(join(tmpdir(), 'splq-props-'));
  writeFileSync(join(dir, 'props.conf'), text);
  return TimestampRuleSet.load([join(dir, 'props.conf')], { builtins });
}

async function read(text: string, rules: TimestampRuleSet | undefined, options: { sourcetype?: string; timeField?: string; zone?: string } = {}): Promise<RawEvent[]> {
  const out: RawEvent[] = [];
  const stdin = Readable.from([Buffer.from(text)]);
  const read = { zone: 'UTC', ...options, stdin, timestampRules: rules?.rules };
  for await (const ev of readEvents(['-'], read, () => undefined)) out.push(ev);
  return out;
}

describe('parseProps', () => {
  it('reads the timestamp keys of sourcetype stanzas, continued lines included, and skips the rest', () => {
    const stanzas = parseProps('# c\n[st1]\nTIME_PREFIX = "t":\\s*"\nTIME_FORMAT = %Y-%m-%d \\\n%H:%M\nKV_MODE = json\n[source::/var/log/*]\nTZ = Asia/Tokyo\n', 'p.conf');
    expect([...stanzas.get('st1')!]).toEqual([['TIME_PREFIX', '"t":\\s*"'], ['TIME_FORMAT', '%Y-%m-%d \n%H:%M']]);
    expect(stanzas.has('source::/var/log/*')).toBe(false);
  });

  it('reports bad settings with the file and line (I605)', () => {
    const at = (text: string) => {
      try {
        parseProps(text, 'p.conf');
      } catch (e) {
        if (e instanceof SplError) return `${e.code} ${e.message}`;
      }
      return 'none';
    };
    expect(at('[a]\nTZ = Mars/Olympus\n')).toBe('I605 p.conf:2: TZ: unknown time zone "Mars/Olympus"');
    expect(at('[a]\n\nTIME_PREFIX = (unclosed\n')).toMatch(/^I605 p\.conf:3: TIME_PREFIX: /);
    expect(at('[a]\nMAX_TIMESTAMP_LOOKAHEAD = many\n')).toMatch(/^I605 p\.conf:2: /);
    expect(at('[a]\njust words\n')).toMatch(/^I605 p\.conf:2: expected "key = value"/);
  });
});

describe('timestamp rules in the reader', () => {
  it('has built-in rules: CloudTrail reads eventTime even when another known field comes first', async () => {
    const line = '{"stageTimestamp":"2020-01-01T00:00:00Z","eventTime":"2024-01-15T10:00:00Z"}\n';
    const [ct] = await read(line, TimestampRuleSet.load([]), { sourcetype: 'aws:cloudtrail' });
    const [plain] = await read(line, TimestampRuleSet.load([]), { sourcetype: '_json' });
    expect(ct!.time).toBe(1705312800);
    expect(plain!.time).toBe(1577836800);
  });

  it('reads TIME_PREFIX + TIME_FORMAT from _raw (spec 06 J6 example)', async () => {
    const rules = rulesFrom('[ct]\nTIME_PREFIX = "eventTime"\\s*:\\s*"\nTIME_FORMAT = %Y-%m-%dT%H:%M:%SZ\nTZ = UTC\n');
    const [ev] = await read('{"eventVersion":"1.08","eventTime":"2024-01-15T10:00:00Z","eventName":"X"}\n', rules, { sourcetype: 'ct' });
    expect(ev!.time).toBe(1705312800);
  });

  it('gives text events a time from their rule, in the rule zone, within the lookahead', async () => {
    const rules = rulesFrom('[syslog]\nTIME_PREFIX = ^<\\d+>\nTIME_FORMAT = %b %d %H:%M:%S %Y\nTZ = America/New_York\n[late]\nTIME_PREFIX = at=\nMAX_TIMESTAMP_LOOKAHEAD = 5\n');
    const [ev] = await read('<13>Jan 15 05:00:00 2024 host app: hello\n', rules, { sourcetype: 'syslog' });
    expect(ev!.json).toBeUndefined();
    expect(ev!.time).toBe(1705312800);
    const [auto] = await read('msg at=2024-01-15T10:00:00Z\n', rulesFrom('[late]\nTIME_PREFIX = at=\n'), { sourcetype: 'late' });
    expect(auto!.time).toBe(1705312800);
    const [cut] = await read('msg at=2024-01-15T10:00:00Z\n', rules, { sourcetype: 'late' });
    expect(cut!.time).toBeUndefined();
  });

  it('uses the sourcetype of each HEC envelope, matched case-insensitively, layered per key', async () => {
    const rules = rulesFrom('[MyType]\nTIMESTAMP_FIELDS = a.b\n[default]\nTZ = Asia/Tokyo\n');
    const events = await read(
      '{"sourcetype":"mytype","event":{"a":{"b":"2024-01-15 19:00:00"},"time":"2020-01-01T00:00:00Z"}}\n' +
        '{"sourcetype":"other","event":{"a":{"b":"2024-01-15 19:00:00"},"time":"2020-01-01T00:00:00Z"}}\n',
      rules,
    );
    expect(events.map((e) => e.time)).toEqual([1705312800, 1577836800]);
  });

  it('joins several TIMESTAMP_FIELDS with a space before TIME_FORMAT reads them', async () => {
    const rules = rulesFrom('[csvish]\nTIMESTAMP_FIELDS = date, clock\nTIME_FORMAT = %d/%m/%Y %H:%M\n');
    const [ev] = await read('{"date":"15/01/2024","clock":"10:00"}\n', rules, { sourcetype: 'csvish' });
    expect(ev!.time).toBe(1705312800);
  });

  it('keeps the precedence: --time-field, then a supplied _time, then the rule, then the fallbacks', async () => {
    const rules = rulesFrom('[r]\nTIMESTAMP_FIELDS = when\n');
    const line = '{"_time":1600000000,"when":"2024-01-15T10:00:00Z","timestamp":"2020-01-01T00:00:00Z","other":"2022-01-01T00:00:00Z"}\n';
    expect((await read(line, rules, { sourcetype: 'r', timeField: 'other' }))[0]!.time).toBe(1640995200);
    expect((await read(line, rules, { sourcetype: 'r' }))[0]!.time).toBe(1600000000);
    expect((await read('{"when":"garbage","timestamp":"2020-01-01T00:00:00Z"}\n', rules, { sourcetype: 'r' }))[0]!.time).toBe(1577836800);
  });
});
