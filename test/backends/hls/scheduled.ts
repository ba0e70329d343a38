// One scheduled kernel per schedule primitive (and the systolic array in its three dataflows): the
// HLS golden test/golden/hls/primitives/<name>.cpp shows the primitive's pragma or loop structure, and
// C simulation of each must equal the CPU backend bit for bit.

import { customize, type Schedule } from "../../../src/index.ts";
import { CASES } from "../../corpus/cases.ts";
import { blurY, twoBands } from "../../schedule/memory/kernels.ts";
import { matmul } from "../../schedule/spatial/kernels.ts";
import { spatialIJ, spatialJ, spatialKJ } from "../../schedule/spatial/support.ts";

export interface Scheduled {
  readonly kernel: Function;
  readonly options?: Parameters<typeof customize>[1];
  readonly apply: (s: Schedule) => void;
}

const corpus = (name: string): Pick<Scheduled, "kernel" | "options"> => {
  const c = CASES.find((x) => x.name === name);
  if (!c) throw new Error(`no corpus case '${name}'`);
  return c.options ? { kernel: c.kernel, options: c.options } : { kernel: c.kernel };
};

const SIZES = { M: 4, N: 4, K: 8 };

export const PRIMITIVES: Readonly<Record<string, Scheduled>> = {
  pipeline: { ...corpus("gemm"), apply: (s) => s.pipeline("k") },
  pipeline_rewind: {
    ...corpus("scale2d"),
    apply: (s) => {
      s.split("j", 3);
      s.pipeline("j.inner", { ii: 2, rewind: true });
    },
  },
  unroll: {
    ...corpus("gemm"),
    apply: (s) => {
      s.unroll("k", 4);
      s.unroll("j");
    },
  },
  split: { ...corpus("gemm"), apply: (s) => s.split("i", 3) },
  reorder: { ...corpus("gemm"), apply: (s) => s.reorder("k", "j") },
  fuse: { ...corpus("gemm"), apply: (s) => s.fuse("i", "j") },
  parallel: { ...corpus("gemm"), apply: (s) => s.parallel("i") },
  partition: {
    ...corpus("gemm"),
    apply: (s) => {
      s.partition("A", { type: "cyclic", dim: 2, factor: 4 });
      s.partition("B", { type: "block", dim: 1, factor: 4 });
      s.partition("C", { type: "complete", dim: 0 });
    },
  },
  buffer_at: {
    ...corpus("gemm"),
    apply: (s) => {
      s.reorder("k", "j");
      s.bufferAt("C", "i");
      s.pipeline("j");
    },
  },
  reuse_at: { kernel: blurY, apply: (s) => void s.reuseAt("A", "y") },
  compute_at: { kernel: twoBands, apply: (s) => void s.computeAt("j", "jj") },
  reshape: { ...corpus("gemm"), apply: (s) => s.reshape("A", [4, 4, 16]) },
  dataflow: { ...corpus("twoMatmuls"), apply: (s) => s.dataflow() },
  inline: {
    ...corpus("twoMatmuls"),
    apply: (s) => {
      s.inline("matmul");
      s.partition("twoMatmuls:C1", { type: "cyclic", dim: 2, factor: 2 });
    },
  },
  systolic_ij: { kernel: matmul, apply: (s) => spatialIJ(s, SIZES) },
  systolic_kj: { kernel: matmul, apply: (s) => spatialKJ(s, SIZES) },
  systolic_j: { kernel: matmul, apply: (s) => spatialJ(s, SIZES, 1) },
};

export function scheduled(name: string): Schedule {
  const p = PRIMITIVES[name];
  const s = customize(p.kernel, p.options);
  p.apply(s);
  return s;
}
