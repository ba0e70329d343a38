// A hand-built output-stationary systolic array for C[M][N] += A[M][K] * B[K][N] (int8 x int8 -> int16),
// the IR shape unfold + relay produce: loader units feed A rows and B columns into FIFOs, PE(i, j)
// reads a and b, accumulates into C[i][j] and passes a right and b down. Options seed the bugs the
// verifier must reject (a loader reading A in the wrong order, a loader that stops early).

import { customize, type Schedule } from "../../../src/index.ts";
import { cast, constOf, forLoop, idx, ivRef, load } from "../../../src/ir/build.ts";
import type {
  BufferDecl,
  Expr,
  Func,
  Module,
  SpatialStmt,
  SpatialUnit,
  Stmt,
} from "../../../src/ir/nodes.ts";
import { intType } from "../../../src/types/dtype.ts";

const I8 = intType(8);
const I16 = intType(16);
const I17 = intType(17);

export interface SystolicOptions {
  /** FIFO depth (default 2). */
  readonly depth?: number;
  /** Seeded bug: the A loader sends row i in reverse order of k. */
  readonly reverseA?: boolean;
  /** Seeded bug: the B loaders send one value too few (the array deadlocks). */
  readonly shortB?: boolean;
  /** Seeded bug: the A loaders send one value too many (it is left in a FIFO). */
  readonly extraA?: boolean;
}

/** The plain kernel the systolic array must equal, as TypeScript source. */
export function matmulSource(M: number, N: number, K: number): string {
  return `import { grid, type int8, type int16, range } from "allo-ts";
export function matmul(A: int8<[${M}, ${K}]>, B: int8<[${K}, ${N}]>, C: int16<[${M}, ${N}]>): void {
  for (const [i, j] of grid(${M}, ${N}, { name: "PE" })) {
    for (const k of range(${K})) {
      C[i][j] += A[i][k] * B[k][j];
    }
  }
}
`;
}

const buf = (
  name: string,
  type: BufferDecl["type"],
  shape: number[],
  extra: Partial<BufferDecl> = {},
): BufferDecl => ({
  name,
  type,
  shape,
  role: "local",
  partitions: [],
  ...extra,
});

const get = (stream: string, i: number, j: number): Expr => ({
  kind: "streamGet",
  type: I8,
  stream,
  indices: [idx(i), idx(j)],
});
const put = (stream: string, i: number, j: number, value: Expr): Stmt => ({
  kind: "streamPut",
  stream,
  indices: [idx(i), idx(j)],
  value,
});
const store = (buffer: string, indices: Expr[], value: Expr): Stmt => ({
  kind: "store",
  buffer,
  indices,
  value,
});

export function systolicMatmul(M: number, N: number, K: number, o: SystolicOptions = {}): Module {
  const depth = o.depth ?? 2;
  const k = ivRef("k");
  const buffers: Record<string, BufferDecl> = {
    A: buf("A", I8, [M, K], { role: "param" }),
    B: buf("B", I8, [K, N], { role: "param" }),
    C: buf("C", I16, [M, N], { role: "param" }),
    A_fifo: buf("A_fifo", I8, [M, N], { stream: { depth } }),
    B_fifo: buf("B_fifo", I8, [M, N], { stream: { depth } }),
  };
  const units: SpatialUnit[] = [];
  for (let i = 0; i < M; i++) {
    const kk: Expr = o.reverseA ? { kind: "binary", op: "-", type: k.type, lhs: idx(K - 1), rhs: k } : k;
    const body = [put("A_fifo", i, 0, load("A", [idx(i), kk], I8))];
    const loop = forLoop("k", "k", idx(0), idx(K), body);
    const extra = o.extraA ? [put("A_fifo", i, 0, load("A", [idx(i), idx(0)], I8))] : [];
    units.push({ name: `load_A_${i}`, body: [loop, ...extra] });
  }
  for (let j = 0; j < N; j++) {
    const body = [put("B_fifo", 0, j, load("B", [k, idx(j)], I8))];
    units.push({ name: `load_B_${j}`, body: [forLoop("k", "k", idx(0), idx(o.shortB ? K - 1 : K), body)] });
  }
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      const a = `a_${i}_${j}`;
      const b = `b_${i}_${j}`;
      buffers[a] = buf(a, I8, []);
      buffers[b] = buf(b, I8, []);
      const c = load("C", [idx(i), idx(j)], I16);
      const prod: Expr = {
        kind: "binary",
        op: "*",
        type: I16,
        lhs: cast(load(a, [], I8), I16),
        rhs: cast(load(b, [], I8), I16),
      };
      const sum: Expr = { kind: "binary", op: "+", type: I17, lhs: cast(c, I17), rhs: cast(prod, I17) };
      const body: Stmt[] = [
        store(a, [], get("A_fifo", i, j)),
        store(b, [], get("B_fifo", i, j)),
        store("C", [idx(i), idx(j)], cast(sum, I16)),
      ];
      if (j + 1 < N) body.push(put("A_fifo", i, j + 1, load(a, [], I8)));
      if (i + 1 < M) body.push(put("B_fifo", i + 1, j, load(b, [], I8)));
      const init: Stmt[] = [
        { kind: "alloc", buffer: a, init: constOf(I8, 0n) },
        { kind: "alloc", buffer: b, init: constOf(I8, 0n) },
      ];
      units.push({ name: `PE_${i}_${j}`, body: [...init, forLoop("k", "k", idx(0), idx(K), body)] });
    }
  }
  const f: Func = {
    name: "matmul",
    params: ["A", "B", "C"].map((name) => ({ kind: "buffer" as const, name })),
    results: [],
    buffers,
    body: [{ kind: "spatial", name: "PE", units }],
    attrs: { dataflow: true },
  };
  return { functions: [f], top: "matmul" };
}

/**
 * The seed's output-stationary schedule of matmulSource(size, size, k) (or of `source`, a kernel
 * `matmul` with the same loops): A and B buffered at j, the PE band unfolded (into factor x factor PEs,
 * each a loop over its blocks when factor < size), A relayed along rows and B along columns through
 * FIFOs of `depth` (no partitions).
 */
export function seedSystolic(
  size: number,
  k = size,
  {
    factor = size,
    depth = size + 1,
    source = matmulSource(size, size, k),
  }: { factor?: number; depth?: number; source?: string } = {},
): Schedule {
  const s = customize(source, { name: "matmul", file: "matmul.ts" });
  const bufA = s.bufferAt("A", "j");
  const bufB = s.bufferAt("B", "j");
  const pe = s.unfold("PE", { axis: [0, 1], factor: [factor, factor] });
  s.relay(bufA, pe, { axis: 0, depth });
  s.relay(bufB, pe, { axis: 1, depth });
  return s;
}

/** The module with the units `drop` names removed from every spatial region (a seeded bug). */
export function withoutUnits(m: Module, drop: (name: string) => boolean): Module {
  const strip = (b: readonly Stmt[]): Stmt[] =>
    b.map((x) =>
      x.kind === "spatial" ? ({ ...x, units: x.units.filter((u) => !drop(u.name)) } as SpatialStmt) : x,
    );
  return { ...m, functions: m.functions.map((f) => ({ ...f, body: strip(f.body) })) };
}
