// Misuse of unfold and relay: each error's code and full message (with the call site) as a golden
// baseline, plus the deadlock a broken PE array reports on the CPU backend instead of hanging.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { customize } from "../../../src/index.ts";
import type { Module, SpatialStmt, Stmt } from "../../../src/ir/nodes.ts";
import { assertGolden } from "../../support/golden.ts";
import { caught } from "../support.ts";
import { K, M, matmul, N, shared, tri } from "./kernels.ts";
import { spatialIJ } from "./support.ts";

const messages: string[] = [];
const expectError = (code: string, f: () => unknown) => {
  const e = caught(f);
  assert.equal(e.code, code, e.message);
  messages.push(e.message);
};

const buffered = () => {
  const s = customize(matmul);
  const a = s.bufferAt("A", "j");
  const b = s.bufferAt("B", "j");
  return { s, a, b };
};

test("unfold refuses bands it cannot replicate", () => {
  expectError("AL3009", () => customize(tri).unfold("T", { axis: [0, 1], factor: [4, 4] }));
  expectError("AL3005", () => customize(matmul).unfold("PE", { axis: [0, 1], factor: [3, 4] }));
  expectError("AL3017", () => customize(matmul).unfold("PE", { axis: [0, 3], factor: [M, N] }));
  expectError("AL3017", () => customize(matmul).unfold("PE", { axis: [0, 0], factor: [M, M] }));
  expectError("AL3017", () => customize(matmul).unfold("PE", { axis: [0, 1], factor: [M] }));
  const s = customize(matmul);
  const a = s.bufferAt("A", "j");
  s.relay(a, s.unfold("PE", { axis: 1 }), { axis: 0 });
  expectError("AL3017", () => s.unfold("PE_0", { axis: 0, factor: 2 }));
});

test("relay refuses depths, axes and buffers that do not fit the PE array", () => {
  const { s, a, b } = buffered();
  const pe = s.unfold("PE", { axis: [0, 1], factor: [M, N] });
  expectError("AL3010", () => s.relay(a, pe, { axis: 0, depth: 0 }));
  expectError("AL3010", () => s.relay(a, pe, { axis: 3 }));
  expectError("AL3010", () => s.relay(a, pe, { axis: 1 }));
  expectError("AL3010", () => s.relay("A", pe, { axis: 0 }));
  s.relay(b, pe, { axis: 1 });
  expectError("AL3010", () => s.relay(b, pe, { axis: 1 }));
});

test("relay of an accumulated buffer needs a flow axis and disjoint chains", () => {
  const s = customize(matmul);
  s.reorder("k", "j", "i");
  s.bufferAt("A", "j");
  const c = s.bufferAt("C", "j");
  const pe = s.unfold("PE", { axis: [0, 1], factor: [K, N] });
  expectError("AL3010", () => s.relay(c, pe, { axis: 0 }));
  const t = customize(matmul);
  const tc = t.bufferAt("C", "j");
  const tpe = t.unfold("PE", { axis: [0, 1] });
  expectError("AL3010", () => t.relay(tc, tpe, {}));
  const u = customize(matmul);
  const uc = u.bufferAt("C", "j");
  const upe = u.unfold("PE", { axis: 1 });
  expectError("AL3010", () => u.relay(uc, upe, { axis: 1 }));
  const v = customize(shared);
  const vs = v.bufferAt("S", "j");
  const vpe = v.unfold("PE", { axis: [0, 1] });
  expectError("AL3010", () => v.relay(vs, vpe));
});

test("error messages", () => {
  assertGolden("schedule/spatial/errors.txt", `${messages.join("\n\n")}\n`);
});

test("a PE array whose loader is missing reports a deadlock (AL4101) instead of hanging", () => {
  const s = customize(matmul);
  spatialIJ(s, { M, N, K });
  const m = s.ir;
  const f = m.functions[0];
  const drop = (b: readonly Stmt[]): Stmt[] =>
    b.map((x) =>
      x.kind === "spatial" ? ({ ...x, units: x.units.filter((u) => u.name !== "A_load") } as SpatialStmt) : x,
    );
  const broken: Module = { ...m, functions: [{ ...f, body: drop(f.body) }] };
  const run = compileCpu(broken);
  const e = caught(() => run(new Int8Array(M * K), new Int8Array(K * N), new Int16Array(M * N)));
  assert.equal(e.code, "AL4101");
  assert.match(e.message, /PE_0_0 {2}get A_fifo\[0\]\[0\]/);
});
