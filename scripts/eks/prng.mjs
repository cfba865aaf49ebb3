// Seeded pseudo-random numbers for the synthetic EKS audit generator.
// mulberry32: a 32-bit state, one multiply-xorshift round per draw; same seed -> same sequence.

/** Returns an object of helpers drawing from one mulberry32 stream seeded with `seed`. */
export function createRng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const hex = (n) => Array.from({ length: n }, () => int(0, 15).toString(16)).join('');
  return {
    next,
    int,
    hex,
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** `entries` is a list of [weight, value]; returns one value with probability ∝ weight. */
    weighted(entries) {
      const total = entries.reduce((s, [w]) => s + w, 0);
      let r = next() * total;
      for (const [w, v] of entries) if ((r -= w) < 0) return v;
      return entries[entries.length - 1][1];
    },
    /** A version-4-shaped UUID made from the stream (not cryptographic). */
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`,
  };
}
