// join over whole searches: key matching details not covered by the golden cases.
import { describe, expect, it } from 'vitest';
import { run } from './subsearch-helpers.js';

describe('join', () => {
  it('matches join values exactly (case-sensitively); a result missing a join field has no match', async () => {
    const out = await run('kind=main | join type=left k [search kind=sub | fields k v] | table k v', [
      { kind: 'main', k: 'A' },
      { kind: 'main' },
      { kind: 'main', k: 'a' },
      { kind: 'sub', k: 'a', v: 'lower' },
    ]);
    expect(out).toEqual([{ k: 'a', v: 'lower' }, {}, { k: 'A' }]);
  });

  it('joins on several fields and on multivalue fields as a whole', async () => {
    const out = await run('kind=main | eval m=split(mm, \",\") | join k, m [search kind=sub | eval m=split(mm, \",\") | fields k m v] | table v', [
      { kind: 'main', k: '1', mm: 'x,y' },
      { kind: 'main', k: '1', mm: 'x' },
      { kind: 'sub', k: '1', mm: 'x,y', v: 'both' },
    ]);
    expect(out).toEqual([{ v: 'both' }]);
  });
});
