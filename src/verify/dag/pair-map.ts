// A compact map from pairs of small non-negative integers to non-negative integers (open addressing
// over typed arrays): the memory of "node n converted to type t", which can hold millions of entries.

export class PairMap {
  private keysA = new Int32Array(1 << 12).fill(-1);
  private keysB = new Int32Array(1 << 12);
  private vals = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;
  private size = 0;

  /** The value stored for (a, b), or -1. */
  get(a: number, b: number): number {
    let i = slot(a, b) & this.mask;
    for (;;) {
      const k = this.keysA[i];
      if (k === -1) return -1;
      if (k === a && this.keysB[i] === b) return this.vals[i];
      i = (i + 1) & this.mask;
    }
  }

  set(a: number, b: number, v: number): void {
    let i = slot(a, b) & this.mask;
    for (;;) {
      const k = this.keysA[i];
      if (k === -1) break;
      if (k === a && this.keysB[i] === b) {
        this.vals[i] = v;
        return;
      }
      i = (i + 1) & this.mask;
    }
    this.keysA[i] = a;
    this.keysB[i] = b;
    this.vals[i] = v;
    if (++this.size * 2 > this.keysA.length) this.grow();
  }

  private grow(): void {
    const { keysA, keysB, vals } = this;
    const n = keysA.length * 2;
    this.keysA = new Int32Array(n).fill(-1);
    this.keysB = new Int32Array(n);
    this.vals = new Int32Array(n);
    this.mask = n - 1;
    this.size = 0;
    for (let i = 0; i < keysA.length; i++) if (keysA[i] !== -1) this.set(keysA[i], keysB[i], vals[i]);
  }
}

function slot(a: number, b: number): number {
  const x = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  return x ^ (x >>> 15);
}
