/** reset_before/reset_after conditions: parsed at bind time, errors pointing into the query. */
import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../../src/commands/streamstats-reset.js';
import { SplError } from '../../../src/errors/spl-error.js';
import { parse } from '../../../src/spl/parse.js';

const ctx = { clock: { now: 0, zone: 'UTC' }, command: 'streamstats' };

function conditionOf(query: string) {
  const cmd = parse(query).commands[1]!;
  if (cmd.kind !== 'streamstats') throw new Error('not streamstats');
  return cmd.resetAfter ?? cmd.resetBefore!;
}

function errorOf(query: string): { code: string; at: string } {
  try {
    compileCondition(conditionOf(query), ctx);
  } catch (e) {
    if (!(e instanceof SplError) || !e.span) throw e;
    return { code: e.code, at: query.slice(e.span.start, Math.max(e.span.start, e.span.end - 1) + 1) };
  }
  throw new Error('no error');
}

describe('compileCondition', () => {
  it('compiles the condition as an eval expression', () => {
    const test = compileCondition(conditionOf('* | streamstats count reset_after=(x > 2 AND y="a")'), ctx);
    expect(test({ fields: new Map([['x', '3'], ['y', 'a']]), seq: 0 })).toBe(true);
    expect(test({ fields: new Map([['x', '1'], ['y', 'a']]), seq: 0 })).toBe(false);
  });

  it('points a syntax error at its place in the query', () => {
    expect(errorOf('* | streamstats count reset_before=(x >)')).toEqual({ code: 'P005', at: ')' });
  });

  it('points an unknown function at its name', () => {
    expect(errorOf('* | streamstats count reset_after=(nosuch(x))')).toEqual({ code: 'B101', at: 'nosuch' });
  });

  it('points at the whole value when it was quoted with escapes', () => {
    expect(errorOf('* | streamstats count reset_after="(nosuch(\\"a\\"))"')).toMatchObject({ code: 'B101' });
  });

  it('refuses more than one command', () => {
    expect(errorOf('* | streamstats count reset_after="(x | stats count)"').code).toBe('B301');
  });
});
