/** "Did you mean ...?" for unknown names: the closest known name within two edits. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  // Short names need a closer match: `len` should not suggest `in`.
  let bestDistance = Math.min(3, Math.max(2, Math.ceil(name.length / 3)));
  for (const k of known) {
    const d = editDistance(name, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
