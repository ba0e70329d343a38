// The PolyBench/C 4.2 kernels of examples/polybench/, with what the suite expects of each: which run in
// csim in CI, where results may differ from the C reference (and why), and where the verifier answers
// `unknown` instead of proving the schedule (and why). The test and bench/polybench.ts both read this.

export interface KernelEntry {
  readonly name: string;
  /** The 13 kernels whose schedules re-express Allo's published ones. */
  readonly allo?: boolean;
  /** Relative tolerance against the C reference, with the reason the order of operations differs. */
  readonly tolerance?: { readonly rel: number; readonly why: string };
  /** Why the verifier answers `unknown` for this schedule (it must then say so, not prove or refute). */
  readonly unknown?: string;
  /** PolyBench's data is a fixed point of the kernel: compare on the reference's perturbed inputs too. */
  readonly inert?: string;
  /** Run in csim in CI (a subset: each csim costs a g++ compile). */
  readonly csim?: boolean;
}

export const KERNELS: readonly KernelEntry[] = [
  { name: "two_mm", allo: true },
  { name: "three_mm", allo: true },
  { name: "atax", allo: true, csim: true },
  { name: "bicg", allo: true },
  { name: "correlation", allo: true, csim: true },
  { name: "gemm", allo: true, csim: true },
  { name: "gesummv", allo: true },
  { name: "jacobi_2d", allo: true, csim: true },
  { name: "mvt", allo: true },
  { name: "symm", allo: true },
  { name: "syr2k", allo: true },
  { name: "syrk", allo: true },
  { name: "trmm", allo: true },
  { name: "cholesky" },
  { name: "covariance" },
  { name: "durbin" },
  { name: "gemver" },
  { name: "gramschmidt" },
  { name: "lu" },
  { name: "ludcmp" },
  { name: "trisolv" },
  { name: "adi" },
  { name: "deriche", csim: true },
  { name: "doitgen" },
  { name: "fdtd_2d" },
  { name: "floyd_warshall" },
  { name: "heat_3d", inert: "PolyBench's data is linear in i, j, k: the 7-point Laplacian of it is 0" },
  { name: "jacobi_1d" },
  { name: "nussinov", csim: true },
  { name: "seidel_2d" },
];
