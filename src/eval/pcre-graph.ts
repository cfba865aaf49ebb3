/**
 * Graph and set helpers of the backtracking analysis (pcre-risk.ts): strongly connected components
 * (Tarjan's algorithm, iterative so deep patterns cannot overflow the stack) and set intersection.
 */
import { ANY, plainRanges, type CharSet } from './pcre-charset.js';

/** Tarjan's algorithm, iterative. */
export function stronglyConnected(follow: readonly ReadonlySet<number>[]): number[][] {
  const n = follow.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: [number, number[]][] = [[root, [...follow[root]!]]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const [v, next] = work[work.length - 1]!;
      const w = next.pop();
      if (w !== undefined) {
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push([w, [...follow[w]!]]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        const comp: number[] = [];
        let x: number;
        do {
          x = stack.pop()!;
          onStack[x] = false;
          comp.push(x);
        } while (x !== v);
        out.push(comp);
      }
    }
  }
  return out;
}

/** The intersection of two sets, null when empty; sets with properties count as everything. */
export function intersect(x: CharSet, y: CharSet): CharSet | null {
  const rx = plainRanges(x);
  const ry = plainRanges(y);
  if (!rx) return ry ? (ry.length ? y : null) : ANY;
  if (!ry) return rx.length ? x : null;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < rx.length && j < ry.length) {
    const lo = Math.max(rx[i]!, ry[j]!);
    const hi = Math.min(rx[i + 1]!, ry[j + 1]!);
    if (lo <= hi) out.push(lo, hi);
    if (rx[i + 1]! < ry[j + 1]!) i += 2;
    else j += 2;
  }
  return out.length ? { ranges: out, props: [], negated: false } : null;
}
