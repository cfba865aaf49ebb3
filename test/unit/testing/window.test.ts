import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW, effectiveWindow, MARGIN, planJob } from '../../../src/testing/window.js';

const at = (iso: string) => Date.parse(iso) / 1000;

describe('effectiveWindow', () => {
  it('the test, then the detection, then the command line, then ESCU -70m@m/-10m@m', () => {
    const cli = { earliest: '-24h' };
    expect(effectiveWindow(cli, { earliest: '-2h', latest: '-1h' }, { earliest: '-30m' })).toEqual({ earliest: '-30m', latest: 'now' });
    expect(effectiveWindow(cli, { earliest: '-2h', latest: '-1h' }, {})).toEqual({ earliest: '-2h', latest: '-1h' });
    expect(effectiveWindow(cli, {}, {})).toEqual({ earliest: '-24h', latest: 'now' });
    expect(effectiveWindow({}, {}, {})).toEqual(DEFAULT_WINDOW);
  });

  it('--all-time or all_time: true beats every window', () => {
    expect(effectiveWindow({ allTime: true }, { earliest: '-1h' }, { earliest: '-1h' })).toEqual({ allTime: true });
    expect(effectiveWindow({}, { earliest: '-1h' }, { allTime: true })).toEqual({ allTime: true });
  });
});

describe('planJob', () => {
  const newest = at('2024-05-06T11:22:37.5Z');

  it('pins the run time from the data: the first whole minute whose window ends after the newest event', () => {
    const job = planJob(DEFAULT_WINDOW, newest, undefined, 'UTC');
    expect(job).toEqual({ now: at('2024-05-06T11:33:00Z'), earliest: at('2024-05-06T10:23:00Z'), latest: at('2024-05-06T11:23:00Z'), shift: 0 });
    expect(newest).toBeLessThanOrEqual(job.latest! - MARGIN);
  });

  it('with --now, moves the events instead: the newest goes to the window end minus the margin, whole seconds', () => {
    const now = at('2025-01-01T12:00:00Z');
    const job = planJob(DEFAULT_WINDOW, newest, now, 'UTC');
    expect(job.latest).toBe(at('2025-01-01T11:50:00Z'));
    expect(Number.isInteger(job.shift)).toBe(true);
    const moved = newest + job.shift;
    expect(moved).toBeLessThan(job.latest! - MARGIN + 1e-9);
    expect(moved).toBeGreaterThan(job.latest! - MARGIN - 1);
  });

  it('snapping to the hour still finds a run whose window holds the newest event', () => {
    const job = planJob({ earliest: '-2h@h', latest: '@h' }, newest, undefined, 'UTC');
    expect(job.now).toBe(at('2024-05-06T12:00:00Z'));
    expect(job.latest).toBe(at('2024-05-06T12:00:00Z'));
    expect(job.earliest).toBe(at('2024-05-06T10:00:00Z'));
  });

  it('a fixed range moves nothing; all time has no bounds', () => {
    expect(planJob({ earliest: '2024-05-06T10:00:00Z', latest: '2024-05-06T11:00:00Z' }, newest, undefined, 'UTC')).toMatchObject({
      earliest: at('2024-05-06T10:00:00Z'),
      latest: at('2024-05-06T11:00:00Z'),
      shift: 0,
    });
    expect(planJob({ allTime: true }, newest, undefined, 'UTC')).toEqual({ now: at('2024-05-06T11:23:00Z'), shift: 0 });
  });

  it('names a time setting that does not parse', () => {
    expect(() => planJob({ earliest: 'yesterday', latest: 'now' }, newest, undefined, 'UTC')).toThrow('invalid time "yesterday"');
  });
});
