// foreach over whole searches: fields from all results, templates in name order, AST substitution.
import { describe, expect, it } from 'vitest';
import { substituteTokens } from '../../../src/commands/template.js';
import { parse } from '../../../src/spl/parse.js';
import { printPipeline } from '../../../src/spl/print.js';
import { run } from './subsearch-helpers.js';

describe('foreach', () => {
  it('runs the template over every result for a field any result has', async () => {
    const out = await run('* | foreach score_* [eval total=coalesce(total, 0) + coalesce(<<FIELD>>, 0)] | table user total', [
      { user: 'a', score_x: '1', score_y: '2' },
      { user: 'b' },
    ]);
    expect(out).toEqual([
      { user: 'b', total: 0 },
      { user: 'a', total: 3 },
    ]);
  });

  it('iterates pattern by pattern, each in byte order, each field once', async () => {
    const out = await run('* | eval s="" | foreach b* a* *z [eval s=s . "<<FIELD>>,"] | table s', [{ az: 1, b2: 1, b1: 1, B: 1, bz: 1 }]);
    expect(out).toEqual([{ s: 'b1,b2,bz,az,' }]);
  });

  it('* leaves internal fields alone; _* reaches them', async () => {
    const out = await run('* | fields _time user | eval n=0 | foreach * [eval n=n+1] | foreach _* [eval m="<<FIELD>>"] | table n m', [{ user: 'a' }]);
    expect(out).toEqual([{ n: 2, m: '_time' }]);
  });

  it('matchseg splits at each wildcard, the first one as short as possible', async () => {
    const out = await run('* | foreach x_*_* [eval r="<<MATCHSEG1>>|<<MATCHSEG2>>|<<MATCHSTR>>"] | table r', [{ x_a_b_c: 1 }]);
    expect(out).toEqual([{ r: 'a|b_c|ab_c' }]);
  });

  it('substitutes in names, literals and words of the AST, keeping spans', () => {
    const cmd = parse("* | foreach * [eval '<<FIELD>>'=\"<<FIELD>>\" | search x_<<FIELD>>=y_<<FIELD>>]").commands[1]!;
    if (cmd.kind !== 'foreach') throw new Error('foreach expected');
    const out = substituteTokens(cmd.template, new Map([['<<FIELD>>', 'a.b']]));
    expect(printPipeline(out)).toBe('eval a.b="a.b" | search x_a.b=y_a.b');
    expect(out.commands[1]!.span).toEqual(cmd.template.commands[1]!.span);
  });
});
