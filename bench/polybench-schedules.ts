// The schedules table of docs/benchmarks.md: for each kernel Allo scheduled, the primitives of Allo's
// schedule (cornell-zhang/allo examples/polybench/<name>.py, per sub-kernel) and those of `alloSchedule` in
// examples/polybench/<name>.ts (the same steps on this kernel's loops; "-" marks a step left out).

export interface ScheduleRow {
  readonly kernel: string;
  readonly allo: string;
  readonly ours: string;
}

export const ALLO_SCHEDULES: readonly ScheduleRow[] = [
  {
    kernel: "two_mm",
    allo: "mm1, mm2: reorder(k, j), buffer_at(out, i), pipeline(k), dataflow(i); ele_add: pipeline(j2); dataflow(mm1, mm2)",
    ours: "bufferAt(tmp/D, i/i1), pipeline(k/k1), dataflow(i/i1); - reorder (AL3004), ele_add's loop, function dataflow",
  },
  {
    kernel: "three_mm",
    allo: "mm1-3: reorder(k, j), buffer_at(out, i), pipeline(k), dataflow(i); partition B, C dim 2, out_CD all; dataflow(mm1-3)",
    ours: "bufferAt(E/F/G), pipeline(k/k1/k2), dataflow(i/i1/i2); partition B, C dim 2, F all; - reorder (AL3004), function dataflow",
  },
  {
    kernel: "atax",
    allo: "stage_M: reorder(r, m), pipeline(m); stage_N: reorder(k, n), pipeline(n)",
    ours: "pipeline(j), pipeline(j1); - reorder(j, i1) (AL3004); stage_N's order is PolyBench's",
  },
  {
    kernel: "bicg",
    allo: "stageS: pipeline(i0), partition A dim 2, s; stageQ: reorder(j1, i1), pipeline(j1), partition A_copy dim 1, q",
    ours: "pipeline(i1), partition A dim 2, s, q, p (A_copy's role); - stageQ's reorder (AL3004) and pipeline",
  },
  {
    kernel: "correlation",
    allo: "pipeline(x) x3 with partitions of data dim 1 / dim 2, mean, stddev; compute_corr: pipeline(j)",
    ours: "pipeline(j, j1, i2, j3), partition data dim 1 and 2, mean, stddev",
  },
  {
    kernel: "gemm",
    allo: "mm1: reorder(k0, j0), buffer_at(out_AB, i0), pipeline(k0); ele_add: pipeline(j2)",
    ours: "reorder(k, j1) (a no-op: PolyBench's order), bufferAt(C, i), pipeline(k), pipeline(j)",
  },
  {
    kernel: "gesummv",
    allo: "compute_tmp: reorder(j, i); compute_y: pipeline(i0)",
    ours: "pipeline(i); - reorder(j, i) (AL3004)",
  },
  {
    kernel: "jacobi_2d",
    allo: "per stage: reuse_at(A, i), reuse_at(lb, j), pipeline(i), partition lb, wb; partition A, B dim 2",
    ours: "the same on i, j and i1, j1",
  },
  {
    kernel: "mvt",
    allo: "stageA: pipeline(i0), partition A dim 2, y1; stageB: pipeline(i1), partition A_copy dim 1, y2",
    ours: "pipeline(i), pipeline(i1), partition A dim 2 and 1, y_1, y_2",
  },
  {
    kernel: "symm",
    allo: "update_C: pipeline(k), partition C, B dim 2, pipeline(j1), partition summ dim 2; compute_sum: reorder, buffer_at, partition B cyclic 24, pipeline, unroll 24",
    ours: "pipeline(k), partition C, B dim 2; - update_C's j1 and compute_sum's steps (AL3004, AL3401, temp2 is a scalar)",
  },
  {
    kernel: "syr2k",
    allo: "update_C: pipeline(i0), partition Cin, Cout dim 2; compute_sum: pipeline(i0, k1, i2), partition buffer, Cout dim 2, A, B_copy dim 1",
    ours: "pipeline(j), pipeline(j1), partition C dim 2, A, B dim 1; - load/store loops",
  },
  {
    kernel: "syrk",
    allo: "update_C: pipeline(i0), partition Cin, Cout dim 2; compute_sum: pipeline(i0, k1, i2), partition buffer, Cout dim 2, A_copy dim 1",
    ours: "pipeline(j), pipeline(j1), partition C dim 2, A dim 1; - load/store loops",
  },
  {
    kernel: "trmm",
    allo: "S0: partition B cyclic 20 dim 2, reorder(k1, j1), pipeline(j1), unroll(j1, 20); S1: pipeline(j0), unroll(j0, 20)",
    ours: "partition B cyclic 20 dim 2, pipeline(k); - reorder (AL3004), unrolls of j",
  },
];
