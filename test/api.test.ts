// The public API contract (shared design, api.md sections 2-4) exercised exactly as users write it,
// on the seed's GEMM and int8 matmul.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { AlloError, customize, verify } from "allo-ts";
import { gemm } from "./corpus/gemm.ts";
import { matmul } from "./corpus/matmul.ts";
import { fillFloat, fillInt, rng } from "./support/random.ts";

test("customize, schedule, print, run, verify and emit the seed's GEMM", () => {
  const s = customize(gemm);
  s.reorder("k", "j");
  s.bufferAt("C", "i");
  s.pipeline("j");
  const mlir = String(s.module);
  assert.equal(s.toString(), mlir);
  assert.match(mlir, /loop_name = "j_init"/);
  assert.match(mlir, /loop_name = "j", pipeline_ii = 1 : i32/);
  const r = rng(7);
  const A = fillFloat(new Float32Array(256), r);
  const B = fillFloat(new Float32Array(256), r);
  const C = s.build()(A, B) as Float32Array;
  const C0 = customize(gemm).build()(A, B) as Float32Array;
  assert.ok(C instanceof Float32Array);
  assert.deepEqual(C, C0);
  const proof = verify(s, customize(gemm));
  assert.equal(proof.equivalent, true);
  assert.equal(proof.status, "equivalent");
  assert.equal(s.verify().equivalent, true);
  const hls = s.build({ target: "vhls" });
  assert.equal(String(hls), hls.code);
  assert.match(hls.code, /#pragma HLS pipeline II=1/);
  assert.equal(s.build({ target: "mlir" }).code, mlir);
});

test("output parameters are updated in place; wrong inputs are AlloErrors", () => {
  const run = customize(matmul).build();
  const r = rng(3);
  const A = fillInt(new Int8Array(4 * 768), r, -128, 127);
  const B = fillInt(new Int8Array(768 * 4), r, -128, 127);
  const C = new Int16Array(16);
  assert.equal(run(A, B, C), undefined);
  let c00 = 0;
  for (let k = 0; k < 768; k++) c00 = ((c00 + A[k] * B[k * 4]) << 16) >> 16;
  assert.equal(C[0], c00);
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof AlloError ? e.code : `not an AlloError: ${e}`;
    }
    return "no error";
  };
  assert.equal(
    code(() => run(A, B)),
    "AL5001",
  );
  assert.equal(
    code(() => run(A, B, new Int16Array(15))),
    "AL5002",
  );
  assert.equal(
    code(() => run(A, B, new Int32Array(16))),
    "AL5003",
  );
});

test("a non-equivalent pair gives a counterexample", () => {
  const bad = customize(
    `import { float32, grid, zeros } from "allo-ts";
export function gemm(A: float32<[16, 16]>, B: float32<[16, 16]>): float32<[16, 16]> {
  const C: float32<[16, 16]> = zeros();
  for (const [i, j, k] of grid(16, 16, 16)) C[i][j] = A[i][k] * B[k][j];
  return C;
}`,
    { name: "gemm" },
  );
  const r = verify(bad, customize(gemm));
  assert.equal(r.equivalent, false);
  assert.equal(r.status, "not-equivalent");
  assert.ok(r.counterexample);
});

test("vitis_hls csim runs the kernel with g++ and returns what the CPU backend returns", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "allo-api-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const s = customize(gemm);
  s.pipeline("k");
  const prj = s.build({ target: "vitis_hls", mode: "csim", project: join(dir, "gemm.prj") });
  const r = rng(11);
  const A = fillFloat(new Float32Array(256), r);
  const B = fillFloat(new Float32Array(256), r);
  const C = (await prj(A, B)) as Float32Array;
  assert.deepEqual(C, s.build()(A, B));
});
