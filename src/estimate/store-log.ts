// The stores an iteration has made to one buffer so far, the latest per address, in the order they were
// made: what a later load of the buffer depends on. Kept by address because an unrolled body stores
// hundreds of elements of one buffer, and a list filtered on every access is quadratic in them.

export interface StoreEntry {
  readonly id: number;
  readonly addr: string;
  /** Every index is affine (the address is known). */
  readonly exact: boolean;
  /** Outside any condition, with the ops producing the value: a later load of addr gets the value. */
  readonly forward: readonly number[] | undefined;
  /** Some load read the buffer from memory where this store may have written since it was made. */
  read: boolean;
  /** Its place among the log's stores (newer stores have larger ones). */
  readonly seq: number;
}

export class StoreLog {
  /** Address -> latest store, in the order the stores were made (a newer one moves to the end). */
  private readonly byAddr = new Map<string, StoreEntry>();
  /** The stores of unknown address among them. */
  private readonly inexact = new Set<StoreEntry>();
  private made = 0;

  get(addr: string): StoreEntry | undefined {
    return this.byAddr.get(addr);
  }

  all(): StoreEntry[] {
    return [...this.byAddr.values()];
  }

  /** Logs store op `id` of addr, which replaces the earlier one of that address. */
  put(id: number, addr: string, exact: boolean, forward: readonly number[] | undefined): void {
    const prev = this.byAddr.get(addr);
    if (prev) {
      this.byAddr.delete(addr);
      if (!prev.exact) this.inexact.delete(prev);
    }
    const entry: StoreEntry = { id, addr, exact, forward, read: false, seq: this.made++ };
    this.byAddr.set(addr, entry);
    if (!exact) this.inexact.add(entry);
  }

  /** Whether every store made after `entry` (and still the latest of its address) has a known address. */
  exactSince(entry: StoreEntry): boolean {
    for (const s of this.inexact) if (s.seq >= entry.seq) return false;
    return true;
  }

  /** The stores a load of addr may read from, in order: that address's and those of unknown address. */
  feeding(addr: string, exact: boolean): StoreEntry[] {
    if (!exact) return this.all();
    const own = this.byAddr.get(addr);
    if (this.inexact.size === 0) return own ? [own] : [];
    const out = [...this.inexact];
    if (own && !own.exact) return out.sort(bySeq);
    if (own) out.push(own);
    return out.length > 1 ? out.sort(bySeq) : out;
  }
}

const bySeq = (a: StoreEntry, b: StoreEntry): number => a.seq - b.seq;
