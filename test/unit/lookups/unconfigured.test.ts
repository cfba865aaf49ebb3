// Without a lookup store (splq validate binds with no services), the lookup commands bind without
// reading a table, so validation reports undefined lookups as its own warnings (B010) instead of
// failing the search; running them without a store fails at the lookup name.
import { describe, expect, it } from 'vitest';
import { bind } from '../../../src/bind/bind.js';
import { SplError } from '../../../src/errors/spl-error.js';
import { execute } from '../../../src/exec/execute.js';
import { noEvents } from '../../../src/exec/results.js';
import { parse } from '../../../src/spl/parse.js';

const CLOCK = { now: 0, zone: 'UTC' };

describe('lookup commands with no store', () => {
  it.each([
    ['| makeresults | lookup users uid OUTPUT name', 'B501'],
    ['| inputlookup users.csv WHERE uid=1', 'B501'],
    ['| makeresults | inputlookup append=t users.csv', 'B501'],
    ['| makeresults | outputlookup out.csv', 'B507'],
  ])('%s binds, and running it fails with %s', async (text, code) => {
    const plan = bind(parse(text), { clock: CLOCK });
    const failure = await execute(plan, noEvents(), () => {
      throw new Error('no events');
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SplError);
    expect((failure as SplError).code).toBe(code);
  });
});
