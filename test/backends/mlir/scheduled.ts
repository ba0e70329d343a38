// Scheduled corpus kernels for the MLIR tests: the primitives' output (split remainders, buffers,
// partition layouts, fused and reshaped indices, PE arrays with FIFOs) printed, verified and run.

import { customize, type Schedule } from "../../../src/index.ts";
import { CASES } from "../../corpus/cases.ts";

export interface Scheduled {
  /** The corpus case whose kernel, options and inputs are used. */
  readonly corpus: string;
  readonly apply: (s: Schedule) => void;
}

/** By name: each has a golden file test/golden/mlir/scheduled/<name>.mlir. */
export const SCHEDULED: Readonly<Record<string, Scheduled>> = {
  gemm_row: {
    corpus: "gemm",
    apply: (s) => {
      s.reorder("k", "j");
      s.bufferAt("C", "i");
      s.pipeline("j");
    },
  },
  gemm_tiles: {
    corpus: "gemm",
    apply: (s) => {
      s.split("i", 3);
      s.split("j", 4);
      s.reorder("i.outer", "j.outer", "i.inner", "j.inner");
      s.unroll("j.inner", 4);
      s.parallel("i.outer");
      s.partition("A", { type: "cyclic", dim: 2, factor: 4 });
      s.partition("B", { type: "block", dim: 1, factor: 4 });
    },
  },
  gemm_fused: {
    corpus: "gemm",
    apply: (s) => {
      s.fuse("i", "j");
      s.reshape("A", [4, 4, 16]);
      s.partition("C");
      s.dataflow();
    },
  },
  matmul_systolic: {
    corpus: "matmul",
    apply: (s) => {
      const a = s.bufferAt("A", "j");
      const b = s.bufferAt("B", "j");
      const pe = s.unfold("PE", { axis: [0, 1] });
      s.relay(a, pe, { axis: 0, depth: 5 });
      s.relay(b, pe, { axis: 1, depth: 5 });
    },
  },
  two_matmuls_inline: {
    corpus: "twoMatmuls",
    apply: (s) => {
      s.inline("matmul");
      s.partition("twoMatmuls:C1", { type: "cyclic", dim: 2, factor: 2 });
      s.dataflow();
    },
  },
  scale2d_split: {
    corpus: "scale2d",
    apply: (s) => {
      s.split("j", 3);
      s.pipeline("j.inner", { ii: 2, rewind: true });
    },
  },
};

/** The schedule of one entry, applied to a fresh customization of its corpus kernel. */
export function scheduled(name: string): Schedule {
  const entry = SCHEDULED[name];
  const c = CASES.find((x) => x.name === entry.corpus);
  if (!c) throw new Error(`no corpus case '${entry.corpus}'`);
  const s = customize(c.kernel, c.options);
  entry.apply(s);
  return s;
}
