// Run-time support for generated CPU code: exact integer helpers for the rare wide cases, bounded
// FIFOs, and the round-robin scheduler of spatial units (Kahn process network) with deadlock reports.

import { AlloError } from "../../diagnostics/error.ts";
import { binary, convert, roundHalf, type Scalar } from "../../semantics/scalar.ts";
import type { DType } from "../../types/dtype.ts";
import type { BinaryOp } from "../../types/typing-rules.ts";

/** Two's-complement wrap of an exact integer held in a double (|x| < 2^53), width <= 53. */
export function wrapNum(x: number, bits: number, signed: boolean): number {
  const m = 2 ** bits;
  let r = x - Math.floor(x / m) * m;
  if (signed && r >= m / 2) r -= m;
  return r;
}

export class Fifo {
  readonly buf: unknown[] = [];
  puts = 0;
  gets = 0;
  constructor(
    readonly name: string,
    readonly depth: number,
  ) {}
  get size(): number {
    return this.puts - this.gets;
  }
}

/** One stream buffer: a FIFO per element of its shape. */
export function makeFifos(name: string, shape: readonly number[], depth: number): Fifo[] {
  const n = shape.reduce((a, b) => a * b, 1);
  const idx = (k: number) => {
    const parts: number[] = [];
    for (let d = shape.length - 1; d >= 0; d--) {
      parts.unshift(k % shape[d]);
      k = Math.floor(k / shape[d]);
    }
    return parts.length ? `${name}[${parts.join("][")}]` : name;
  };
  return Array.from({ length: n }, (_, k) => new Fifo(idx(k), depth));
}

interface Blocked {
  op: "put" | "get";
  fifo: Fifo;
}

export class Scheduler {
  ops = 0;
  blocked: Blocked | undefined;

  *put(f: Fifo, v: unknown): Generator<void, void> {
    while (f.size >= f.depth) {
      this.blocked = { op: "put", fifo: f };
      yield;
    }
    f.buf.push(v);
    f.puts++;
    this.ops++;
  }

  *get(f: Fifo): Generator<void, unknown> {
    while (f.size === 0) {
      this.blocked = { op: "get", fifo: f };
      yield;
    }
    f.gets++;
    this.ops++;
    return f.buf.shift();
  }

  /** put/get outside a spatial region: there is nobody to wait for. */
  putNow(f: Fifo, v: unknown): void {
    if (f.size >= f.depth)
      throw deadlock("a put outside any spatial region", [`put ${f.name}  ${f.size}/${f.depth} full`]);
    f.buf.push(v);
    f.puts++;
  }

  getNow(f: Fifo): unknown {
    if (f.size === 0)
      throw deadlock("a get outside any spatial region", [`get ${f.name}  0/${f.depth} empty`]);
    f.gets++;
    return f.buf.shift();
  }

  /** Runs units round-robin until all finish; reports a deadlock instead of hanging. */
  run(
    region: string,
    units: readonly { name: string; gen: Generator<void, void> }[],
    fifos: readonly Fifo[],
  ): void {
    const live = units.map((u) => ({ ...u, done: false, at: undefined as Blocked | undefined }));
    let remaining = live.length;
    while (remaining > 0) {
      const before = this.ops;
      let finished = false;
      for (const u of live) {
        if (u.done) continue;
        this.blocked = undefined;
        if (u.gen.next().done) {
          u.done = true;
          remaining--;
          finished = true;
        } else u.at = this.blocked;
      }
      if (remaining > 0 && !finished && this.ops === before) {
        const lines = live
          .filter((u) => !u.done)
          .map(
            (u) =>
              `${u.name}  ${u.at?.op} ${u.at?.fifo.name}  ${u.at?.fifo.size}/${u.at?.fifo.depth} ${u.at?.op === "put" ? "full" : "empty"}`,
          );
        const done = live.filter((u) => u.done).map((u) => u.name);
        throw deadlock(`region '${region}'`, [
          ...lines,
          ...(done.length ? [`finished: ${done.join(", ")}`] : []),
        ]);
      }
    }
    const left = fifos.filter((f) => f.size > 0);
    if (left.length) {
      throw new AlloError(
        "AL4102",
        `spatial region '${region}' ended with data left in ${left.map((f) => `${f.name} (${f.size} element(s), ${f.puts} puts, ${f.gets} gets)`).join(", ")}; every value put must be read`,
      );
    }
  }
}

function deadlock(where: string, lines: readonly string[]): AlloError {
  return new AlloError(
    "AL4101",
    `Dataflow deadlock in ${where}: every unfinished unit is blocked.\n  ${lines.join("\n  ")}`,
    {
      details: { blocked: lines },
    },
  );
}

export function outOfBounds(buffer: string, indices: readonly number[], shape: readonly number[]): never {
  throw new AlloError(
    "AL5010",
    `index out of bounds: ${buffer}[${indices.join("][")}] on a buffer of shape [${shape.join(", ")}]`,
  );
}

/** The slow, general paths, delegated to the reference semantics. */
export const slow = {
  convert: (v: Scalar, from: DType, to: DType): Scalar => convert(v, from, to),
  binary: (op: BinaryOp, a: Scalar, b: Scalar, t: DType): Scalar => binary(op, a, b, t),
  roundHalf,
};

/** C's truncating division on exact integers; a zero divisor gives 0. */
export function div(a: number, b: number): number {
  if (b === 0) return 0;
  if (Math.abs(a) < 2 ** 31 && Math.abs(b) < 2 ** 31) return Math.trunc(a / b);
  return Number(BigInt(a) / BigInt(b));
}

export const rem = (a: number, b: number): number => (b === 0 ? 0 : (a % b) + 0); // + 0 turns -0 into 0

/** a << s in a w-bit type (w <= 32); amounts clamp to [0, w]. */
export function shl(a: number, s: number, w: number, signed: boolean): number {
  if (s <= 0) return a;
  if (s >= w) return 0;
  const x = a << s;
  if (w === 32) return signed ? x : x >>> 0;
  return signed ? (x << (32 - w)) >> (32 - w) : x & (2 ** w - 1);
}

/** Arithmetic a >> s for a signed value of at most 32 bits. */
export const shrs = (a: number, s: number): number => (s <= 0 ? a : a >> Math.min(s, 31));

/** Logical a >> s for an unsigned value of w <= 32 bits. */
export const shru = (a: number, s: number, w: number): number => (s <= 0 ? a : s >= w ? 0 : a >>> s);

/** Bounds check of one index of an access that could not be proven in range. */
export function ck(i: number, extent: number, buffer: string, dim: number): number {
  if (i >= 0 && i < extent) return i;
  throw new AlloError(
    "AL5010",
    `index out of bounds: dimension ${dim + 1} of '${buffer}' is ${i}, outside [0, ${extent})`,
  );
}
