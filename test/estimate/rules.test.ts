// One test per rule of the model (docs/estimate.md): recurrences through memory and through a register,
// the fabric rebinding under a user's pipeline target, port conflicts on partitioned and unpartitioned
// arrays, flattening of perfect parents, unroll replication, operator sharing at II > 1.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize, type Estimate, type Schedule } from "allo-ts";
import { bertFfn } from "../../examples/bert-ffn.ts";
import { gemm, gemmBuffered } from "./kernels.ts";

const DOT = `
import { type float32, range, zeros } from "allo-ts";
export function dot(A: float32<[64, 128]>, x: float32<[128]>): float32<[64]> {
  const y: float32<[64]> = zeros();
  for (const i of range(64)) {
    let acc: float32 = 0.0;
    for (const j of range(128)) acc += A[i][j] * x[j];
    y[i] = acc;
  }
  return y;
}`;

const SCALE = `
import { type float32, grid, zeros } from "allo-ts";
export function scale(A: float32<[64, 16]>): float32<[64, 16]> {
  const B: float32<[64, 16]> = zeros();
  for (const [i, j] of grid(64, 16)) B[i][j] = A[i][j] * 2.0;
  return B;
}`;

export const dot = (): Schedule => customize(DOT, { name: "dot", file: "dot.ts" });
export const scale = (): Schedule => customize(SCALE, { name: "scale", file: "scale.ts" });

export function row(e: Estimate, label: string) {
  const r = e.loops.find((l) => l.label === label);
  assert.ok(r, `no row ${label}: ${e.loops.map((l) => l.label).join(", ")}`);
  return r;
}

test("recurrence through memory: C[i][j] += under k gives II = fadd LATENCY + 1; a user target rebinds to fabric", () => {
  const auto = row(gemm(64).estimate(), "l_S_k_0_k");
  assert.equal(auto.ii, 7);
  assert.equal(auto.pipeline, "auto");
  // At 32 the k loop is below Vitis's auto-pipelining threshold (64): only the user's directive pipelines it.
  assert.equal(row(gemm(32).estimate(), "l_S_k_0_k").ii, undefined);
  const s = gemm(32);
  s.pipeline("k");
  const e = s.estimate();
  // The directive flattens the perfect parents i and j into the row.
  const k = row(e, "l_S_i_j_0_i_l_j_l_S_k_0_k");
  assert.equal(k.tripCount, 32 * 32 * 32);
  // fabric fadd: 5 stages, LATENCY 4, + 1 through memory; it has no DSP, so only the fmul's 3 remain.
  assert.deepEqual([k.ii, k.targetIi, k.pipeline], [5, 1, "user"]);
  assert.match(k.limitedBy ?? "", /recurrence through the memory 'C'.*1 iteration earlier/);
  assert.equal(e.resources.dsp, 3);
});

test("recurrence through a register: acc += runs at the fadd's LATENCY (6 fulldsp auto, 4 fabric on a user target)", () => {
  const auto = dot().estimate();
  assert.equal(row(auto, "l_S_j_0_j").ii, 6);
  assert.equal(auto.resources.dsp, 5);
  const s = dot();
  s.pipeline("j");
  const e = s.estimate();
  const j = row(e, "l_S_j_0_j");
  assert.equal(j.ii, 4);
  assert.match(j.limitedBy ?? "", /recurrence through the register 'acc'/);
  assert.equal(e.resources.dsp, 3);
});

test("no recurrence through a register each iteration resets: acc = 0 before an unrolled j in pipelined i", () => {
  // The iteration writes acc before it reads it, so no iteration feeds the next: the j chain is
  // latency inside the iteration, not II. A partitioned A and x let all 128 reads in at once.
  const s = dot();
  s.pipeline("i");
  s.partition("A", { type: "complete", dim: 2 });
  s.partition("x", { type: "complete", dim: 1 });
  const i = row(s.estimate(), "l_S_i_0_i");
  assert.equal(i.ii, 1, i.limitedBy);
  assert.ok(
    i.iterationLatency > 128 * 4,
    `the 128 chained fadds stay in the iteration: ${i.iterationLatency}`,
  );
});

const ROW_SUM = (guard: boolean) => `
import { type float32, range } from "allo-ts";
export function rowSum(A: float32<[64, 128]>, x: float32<[128]>, y: float32<[64]>): void {
  for (const i of range(64)) {
    for (const j of range(128)) ${guard ? "if (A[i][j] > 0.0) " : ""}y[i] = y[i] + A[i][j] * x[j];
  }
}`;

/** rowSum with i pipelined (j unrolled under it) and A's rows and x in registers. */
function rowSumPipelined(guard: boolean): Schedule {
  const s = customize(ROW_SUM(guard), { name: "rowSum", file: "row-sum.ts" });
  s.pipeline("i");
  s.partition("A", { type: "complete", dim: 2 });
  s.partition("x", { type: "complete", dim: 1 });
  return s;
}

test("store-to-load forwarding: y[i] += under an unrolled j reads y[i] once and writes it once (mvt's II 400 -> 1)", () => {
  const i = row(rowSumPipelined(false).estimate(), "l_S_i_0_i");
  // Before forwarding: 128 loads and 128 stores of the unpartitioned y, II 128 on its two ports.
  assert.equal(i.ii, 1, i.limitedBy);
  assert.ok(i.iterationLatency > 128 * 4, `the chained fadds stay in the iteration: ${i.iterationLatency}`);
  // A conditional store is not forwarded: every copy reads and writes y[i] in memory.
  const gi = row(rowSumPipelined(true).estimate(), "l_S_i_0_i");
  assert.equal(gi.ii, 128, gi.limitedBy);
  assert.match(gi.limitedBy ?? "", /port conflict on 'y'/);
});

test("no recurrence across a flattened k*j nest whose C_buf[j] repeats only every 128 iterations", () => {
  const kj = row(gemmBuffered(128).estimate(), "l_k_l_S_k_0_j");
  assert.equal(kj.ii, 1);
});

test("port conflicts: 16 unrolled reads of an unpartitioned array need 8 cycles; banks along the copies' dimension remove them", () => {
  // The kernel alone: A and B are its interface arrays, which Vitis does not partition by itself.
  const s = scale();
  s.pipeline("i");
  const plain = row(s.estimate({ wrapIo: false }), "l_S_i_j_0_i");
  assert.equal(plain.ii, 8);
  assert.match(
    plain.limitedBy ?? "",
    /port conflict on '(A|B)' bank 0 \(not partitioned\): 16 accesses per iteration on 2 ports/,
  );
  const banked = scale();
  banked.pipeline("i");
  banked.partition("A", { type: "cyclic", dim: 2, factor: 8 });
  banked.partition("B", { type: "block", dim: 2, factor: 8 });
  const r = row(banked.estimate({ wrapIo: false }), "l_S_i_j_0_i");
  assert.equal(r.ii, 1);
  assert.equal(r.limitedBy, undefined);
});

test("automatic partitioning: local arrays whose ports hold a pipelined loop back are partitioned as Vitis does", () => {
  // In the vitis_hls top A and B are local copies: Vitis's throughput-driven partitioning banks them.
  const s = scale();
  s.pipeline("i");
  const e = s.estimate();
  assert.equal(row(e, "l_S_i_j_0_i").ii, 1);
  assert.ok(
    e.notes.some((n) => /'A' is taken as partitioned cyclic 8 on dimension 2/.test(n)),
    e.notes.join("\n"),
  );
  // An array the partitioning puts in registers carries its recurrence through a register (no memory step).
  const k = gemm(32);
  k.reorder("k", "j");
  k.bufferAt("C", "i");
  k.pipeline("k");
  const rowK = row(k.estimate(), "l_k");
  assert.equal(rowK.ii, 4);
  assert.match(rowK.limitedBy ?? "", /recurrence through the register 'C_buf'/);
  // A partition the user gave is kept as it is, its conflicts included.
  const user = scale();
  user.pipeline("i");
  user.partition("A", { type: "cyclic", dim: 2, factor: 2 });
  assert.equal(row(user.estimate(), "l_S_i_j_0_i").ii, 4);
});

test("automatic partitioning leaves the interface alone through calls: a stage's parameter bound to an m_axi port", () => {
  const s = customize(
    `import { type float32, grid } from "allo-ts";
export function stage(A: float32<[64, 16]>, B: float32<[64, 16]>): void {
  for (const [i, j] of grid(64, 16)) B[i][j] = A[i][j] * 2.0;
}
export function staged(A: float32<[64, 16]>, B: float32<[64, 16]>): void { stage(A, B); }`,
    { name: "staged", file: "staged.ts" },
  );
  s.pipeline("stage:i");
  // The kernel alone: stage's A and B are the top's ports, which Vitis does not partition.
  const ports = s.estimate({ wrapIo: false });
  assert.equal(row(ports, "l_S_i_j_0_i").ii, 8);
  assert.match(
    row(ports, "l_S_i_j_0_i").limitedBy ?? "",
    /port conflict on '(A|B)'.*an interface port, which Vitis cannot partition/,
  );
  assert.deepEqual(ports.notes, []);
  // In the vitis_hls top they are on-chip copies, which it does partition.
  const copies = s.estimate();
  assert.equal(row(copies, "l_S_i_j_0_i").ii, 1);
  assert.ok(copies.notes.some((n) => /'A' is taken as partitioned cyclic 8/.test(n)));
});

test("port conflicts: banks along a dimension the index varies in give no ports (each access may touch every bank)", () => {
  const s = scale();
  s.pipeline("i");
  s.partition("A", { type: "cyclic", dim: 1, factor: 4 });
  s.partition("B", { type: "cyclic", dim: 1, factor: 4 });
  assert.equal(row(s.estimate(), "l_S_i_j_0_i").ii, 8);
});

test("flattening: a user-pipelined loop absorbs its perfect parents (one row, labels joined, trip counts multiplied)", () => {
  const s = scale();
  s.pipeline("j");
  const e = s.estimate();
  const r = row(e, "l_S_i_j_0_i_l_j");
  assert.deepEqual([r.tripCount, r.ii], [1024, 1]);
  assert.ok(!e.loops.some((l) => l.label === "l_S_i_j_0_i"));
  // A parent with other statements in its body stays a sequential row of its own.
  const b = gemmBuffered(32).estimate();
  assert.equal(row(b, "l_S_i_j_0_i").ii, undefined);
  // Vitis flattens an auto-pipelined nest without a recurrence (the fill), not one with (the k loop).
  assert.equal(row(b, "l_C_fill0_l_C_fill1").tripCount, 1024);
  assert.equal(row(gemm(32).estimate(), "l_S_i_j_0_i").ii, undefined);
});

test("unroll(f) replicates the body: f cores, TC / f iterations", () => {
  const base = scale();
  base.pipeline("j");
  const s = scale();
  s.unroll("j", 4);
  s.pipeline("j");
  s.partition("A", { type: "cyclic", dim: 2, factor: 4 });
  s.partition("B", { type: "cyclic", dim: 2, factor: 4 });
  const one = base.estimate();
  const four = s.estimate();
  assert.equal(one.resources.dsp, 3);
  assert.equal(four.resources.dsp, 12);
  const r = row(four, "l_S_i_j_0_i_l_j");
  assert.deepEqual([r.tripCount, r.ii], [256, 1]);
  assert.ok(four.latency < one.latency);
});

test("operator sharing: at II 4 the 16 fmuls of an iteration share ceil(16 / 4) = 4 cores", () => {
  const at = (ii: number) => {
    const s = scale();
    s.pipeline("i", { ii });
    s.partition("A", { type: "complete", dim: 2 });
    s.partition("B", { type: "complete", dim: 2 });
    return s.estimate();
  };
  assert.equal(at(1).resources.dsp, 48);
  const e = at(4);
  assert.equal(row(e, "l_S_i_j_0_i").ii, 4);
  assert.equal(e.resources.dsp, 12);
});

test("port conflicts: block banks serve counters whose span stays inside one block (a systolic loader's 4 rows)", () => {
  // The A loader reads A[i][k], A[16 + i][k], A[32 + i][k], A[48 + i][k] with i in 0..15 each cycle.
  const loader = (type: "block" | "cyclic") => {
    const s = bertFfn({ M: 64, K: 6, N: 64, P: 4 });
    s.partition("X", { type, dim: 1, factor: 4 });
    const rows = s.estimate({ wrapIo: false }).loops;
    return rows.find((l) => l.func === "A_load" && l.label === "l_i_l_j_outer_l_k_init");
  };
  assert.equal(loader("block")?.ii, 1);
  // Cyclic banks put i, 16 + i, 32 + i, 48 + i in the same bank: 4 reads on 2 ports.
  const cyclic = loader("cyclic");
  assert.equal(cyclic?.ii, 2);
  assert.match(cyclic?.limitedBy ?? "", /port conflict on 'A' bank \[\d, 0\]: 4 accesses/);
});

test("port conflicts: a multiplexed bank index touches only the banks it can reach (j = 4n + c under cyclic 8)", () => {
  const s = scale();
  s.unroll("j", 4);
  s.pipeline("j");
  s.partition("A", { type: "cyclic", dim: 2, factor: 8 });
  s.partition("B", { type: "cyclic", dim: 2, factor: 8 });
  // Copy c reads banks {c, c + 4} only, so the four copies never share a bank.
  assert.equal(row(s.estimate(), "l_S_i_j_0_i_l_j").ii, 1);
});
