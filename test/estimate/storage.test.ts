// Storage rules of the resource model: bindStorage's impl decides the memory (URAM288 blocks of
// 4096 x 72, BRAM18K even for a small array, LUTRAM), and an array passed between dataflow processes
// (ping-pong, PIPO) holds two copies, so its BRAM counts twice.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "allo-ts";

const kernel = (n: number, t = "float32") => `
import { type float32, type Int, range, type Tensor, zeros } from "allo-ts";
export function two(A: Tensor<${t}, [${n}]>): Tensor<${t}, [${n}]> {
  const T: Tensor<${t}, [${n}]> = zeros();
  for (const i of range(${n})) T[i] = A[i] + A[i];
  const B: Tensor<${t}, [${n}]> = zeros();
  for (const i of range(${n})) B[i] = T[i] + T[i];
  return B;
}`;

const est = (n: number, f: (s: ReturnType<typeof customize>) => void = () => {}) => {
  const s = customize(kernel(n), { name: "two" });
  f(s);
  return s.estimate({ wrapIo: false }).resources;
};

test("bindStorage uram: URAM288 blocks (4096 x 72) instead of BRAM18K", () => {
  const plain = est(8192);
  const u = est(8192, (s) => s.bindStorage("T", { impl: "uram", type: "ram_2p" }));
  // 8192 x 32 bits: 2 URAM deep, 1 wide; T's BRAM18K leave the BRAM count.
  assert.equal(plain.uram, 0);
  assert.equal(u.uram, 2);
  assert.ok(u.bram18k < plain.bram18k, `${u.bram18k} < ${plain.bram18k}`);
  const wide = customize(kernel(8192, "Int<128>"), { name: "two" });
  wide.bindStorage("T", { impl: "uram", type: "ram_2p" });
  assert.equal(wide.estimate({ wrapIo: false }).resources.uram, 2 * 2, "128 bits need two 72-bit columns");
});

test("bindStorage bram forces BRAM18K for an array LUTRAM would hold; lutram keeps a large one out of BRAM", () => {
  assert.equal(est(16).bram18k, 0);
  assert.equal(est(16, (s) => s.bindStorage("T", { impl: "bram", type: "ram_2p" })).bram18k, 1);
  const big = est(1024);
  const lut = est(1024, (s) => s.bindStorage("T", { impl: "lutram", type: "ram_2p" }));
  assert.equal(big.bram18k - lut.bram18k, 2, "1024 x 32 bits is 2 BRAM18K");
});

test("a ping-pong channel between dataflow processes counts its BRAM twice", () => {
  const seq = est(1024);
  const df = est(1024, (s) => s.dataflow("two"));
  assert.equal(df.bram18k - seq.bram18k, 2, "T (1024 x 32 bits, 2 BRAM18K) is doubled");
});

const ROW_SUMS = `
import { type float32, grid, range, zeros } from "allo-ts";
export function rowSums(A: float32<[64, 64]>): float32<[64]> {
  const T: float32<[64, 64]> = zeros();
  for (const [i, j] of grid(64, 64)) T[i][j] = A[i][j] * 2.0;
  const y: float32<[64]> = zeros();
  for (const i1 of range(64)) {
    let acc: float32 = 0.0;
    for (const j1 of range(64)) acc += T[i1][j1];
    y[i1] = acc;
  }
  return y;
}`;

test("an array Vitis partitions automatically is stored as partitioned: 32 banks of T, each a BRAM18K", () => {
  const s = (f: (s: ReturnType<typeof customize>) => void) => {
    const k = customize(ROW_SUMS, { name: "rowSums" });
    f(k);
    return k.estimate({ wrapIo: false });
  };
  // i1 pipelined with j1 unrolled reads 64 elements of a row an iteration: T goes cyclic 32 on its columns.
  const auto = s((k) => k.pipeline("i1"));
  assert.ok(
    auto.notes.some((n) => /'T' is taken as partitioned cyclic 32 on dimension 2/.test(n)),
    auto.notes.join("\n"),
  );
  const given = s((k) => {
    k.pipeline("i1");
    k.partition("T", { type: "cyclic", dim: 2, factor: 32 });
  });
  const plain = s(() => {});
  // 64 x 64 x 32 bits whole: 8 BRAM18K; in 32 banks of 128 words: 32 (4,096 bits a bank, over LUTRAM's 1,024).
  assert.equal(auto.resources.bram18k - plain.resources.bram18k, 32 - 8);
  assert.equal(auto.resources.bram18k, given.resources.bram18k, "as if the user had partitioned it");
  assert.equal(auto.latency, given.latency);
});
