// The frontend's IR: Allo's loop and band names, template instance names, source spans, constant
// folding across relative imports, and both ways of finding a kernel's source.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { customize, int32 } from "../../src/index.ts";
import type { ForStmt, Func, Stmt } from "../../src/ir/nodes.ts";
import * as calls from "../corpus/calls.ts";
import { gemm } from "../corpus/gemm.ts";
import { matmul } from "../corpus/matmul.ts";

const loops = (body: readonly Stmt[]): ForStmt[] =>
  body.flatMap((s) =>
    s.kind === "for" ? [s, ...loops(s.body)] : s.kind === "if" ? [...loops(s.then), ...loops(s.else)] : [],
  );
const top = (f: { ir: { functions: readonly Func[]; top: string } }) =>
  f.ir.functions.find((g) => g.name === f.ir.top)!;

test("customize(fn) finds the kernel's .ts source under the test runner and keeps spans", () => {
  const f = top(customize(gemm));
  const [i, j, k] = loops(f.body);
  assert.deepEqual([i.name, j.name, k.name], ["i", "j", "k"]);
  assert.equal(i.attrs.opName, "S_i_j_k_0");
  assert.equal(i.span?.file, join("test", "corpus", "gemm.ts"));
  const text = readFileSync(join(import.meta.dirname, "..", "corpus", "gemm.ts"), "utf8");
  assert.equal(i.span?.line, text.split("\n").findIndex((l) => l.includes("grid(M, N, K)")) + 1);
  assert.deepEqual(f.results, ["C"]);
  assert.equal(f.buffers.C.role, "result");
});

test("a named band keeps the user's name; inner for statements follow Allo's band counter", () => {
  const f = top(customize(matmul));
  const ls = loops(f.body);
  assert.equal(ls[0].attrs.opName, "PE");
  assert.equal(ls[2].attrs.opName, "S_k_0");
  const two = top(
    customize(
      `import { grid, int32, range } from "allo-ts";
export function two(A: int32<[4, 4]>): void {
  for (const [i, j] of grid(4, 4)) { for (const k of range(4)) A[i][j] += k; }
  for (const i of range(4)) A[i][0] = 0;
}`,
      { name: "two" },
    ),
  );
  const names = loops(two.body).map((l) => `${l.name}:${l.attrs.opName ?? ""}:${l.iv}`);
  assert.deepEqual(names, ["i:S_i_j_0:i", "j::j", "k:S_k_0:k", "i:S_i_2:i_1"]);
});

test("loop options become attributes on the innermost loop of the band", () => {
  const f = top(
    customize(
      `import { grid, int32, reduction } from "allo-ts";
export function k(A: int32<[4, 4]>): void {
  for (const [i, j] of grid(4, 4, { name: "B", pipeline: 2, unroll: true })) A[i][j] = 1;
  for (const r of reduction(4)) A[r][0] += 1;
}`,
      { name: "k" },
    ),
  );
  const [i, j, r] = loops(f.body);
  assert.deepEqual(i.attrs, { opName: "B" });
  assert.deepEqual(j.attrs, { pipelineII: 2, unroll: 0 });
  assert.equal(r.attrs.reduction, true);
});

test("generic callees: one function per distinct instantiation, later ones named f_1", () => {
  const s = customize(calls.pipeline);
  assert.deepEqual(
    s.ir.functions.map((f) => f.name),
    ["addOne", "scaleBy", "pipeline"],
  );
  const t = customize(
    `import { type DType, range, type Tensor, type int32, type int8, zeros } from "allo-ts";
function id<T extends DType>(A: Tensor<T, [4]>, B: Tensor<T, [4]>): void { for (const i of range(4)) B[i] = A[i]; }
export function k(A: int32<[4]>, B: int32<[4]>, C: int8<[4]>, D: int8<[4]>): void { id(A, B); id(C, D); id<int32>(B, A); }`,
    { name: "k" },
  );
  assert.deepEqual(
    t.ir.functions.map((f) => f.name),
    ["id", "id_1", "k"],
  );
});

test("customize(text, { file }) resolves relative imports of constants and kernels", () => {
  const file = join(import.meta.dirname, "..", "corpus", "virtual.ts");
  const s = customize(
    `import { grid, type int8, type int16 } from "allo-ts";
import { matmul, M, N } from "./matmul.ts";
import { CFG } from "./sizes.ts";
export function k(A: int8<[M, 768]>, B: int8<[768, N]>, C: int16<[M, N]>): void {
  matmul(A, B, C);
  for (const [i, j] of grid(M, CFG.cols - 1)) C[i][j] += 1;
}`,
    { name: "k", file },
  );
  assert.deepEqual(
    s.ir.functions.map((f) => f.name),
    ["matmul", "k"],
  );
  const ub = loops(top(s).body)[1].ub;
  assert.deepEqual(ub, { kind: "const", type: { kind: "index" }, value: 4n });
});

test("instantiate: template values for the top kernel", () => {
  const s = customize(calls.scaleBy, { instantiate: { T: int32, S: 6 } });
  const f = top(s);
  assert.deepEqual(f.buffers.A.shape, [6]);
  assert.deepEqual(f.buffers.A.type, { kind: "int", bits: 32, signed: true });
});

test("assignments convert to the target type with explicit casts (Allo's int32 + int32 -> int33)", () => {
  const f = top(
    customize(
      `import { int32, range } from "allo-ts";
export function k(A: int32<[4]>, B: int32<[4]>): void { for (const i of range(4)) B[i] = A[i] + B[i]; }`,
      { name: "k" },
    ),
  );
  const store = loops(f.body)[0].body[0];
  assert.equal(store.kind, "store");
  if (store.kind !== "store") return;
  assert.equal(store.value.kind, "cast");
  if (store.value.kind !== "cast") return;
  assert.deepEqual(store.value.value.type, { kind: "int", bits: 33, signed: true });
});
