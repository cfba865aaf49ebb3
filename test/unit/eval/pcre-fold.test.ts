/** The case-fold table, built by skipping uncased blocks, equals a scan of every code point. */
import { expect, it } from 'vitest';
import { buildFoldTable, caseVariants } from '../../../src/eval/pcre-fold.js';

/** The plain definition: every code point, in the buckets of its lowercase and upper-then-lower forms. */
function referenceTable(): Map<number, Set<number>> {
  const one = (s: string): number | undefined => {
    const cp = s.codePointAt(0);
    return cp !== undefined && String.fromCodePoint(cp).length === s.length ? cp : undefined;
  };
  const map = new Map<number, Set<number>>();
  for (let cp = 0; cp <= 0x1ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    for (const key of [one(ch.toLowerCase()), one(ch.toUpperCase().toLowerCase())]) {
      if (key === undefined) continue;
      if (!map.has(key)) map.set(key, new Set());
      map.get(key)!.add(cp);
    }
  }
  return map;
}

it('has the same groups of two or more as a scan of every code point', () => {
  const groups = (m: Iterable<[number, Iterable<number>]>) =>
    new Map([...m].map(([k, v]) => [k, [...v].sort((a, b) => a - b)] as const).filter(([, v]) => v.length > 1));
  const built = buildFoldTable();
  const reference = groups(referenceTable());
  expect(groups(built.buckets)).toEqual(reference);
  expect(built.cased).toEqual([...new Set([...reference.values()].flat())].sort((a, b) => a - b));
});

it('folds k, K and the Kelvin sign together', () => {
  expect(caseVariants(0x6b)).toEqual([0x4b, 0x6b, 0x212a]);
});
