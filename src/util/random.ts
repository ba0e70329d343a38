// Seeded random numbers (mulberry32), so counterexamples and tests reproduce from their seed.

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform bigint in [lo, hi] (any width). */
export function randBig(r: () => number, lo: bigint, hi: bigint): bigint {
  const span = hi - lo + 1n;
  let v = 0n;
  for (let bits = 0n; 1n << bits < span * 256n; bits += 30n)
    v = (v << 30n) | BigInt(Math.floor(r() * 2 ** 30));
  return lo + (v % span);
}
