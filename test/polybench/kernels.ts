// The PolyBench/C 4.2 kernels of examples/polybench/ (the 13 Allo scheduled first), with what the suite
// needs to know of each: which Allo scheduled (their files export alloSchedule too), which run in csim in
// CI, and which reference data the kernel leaves unchanged.
// Every kernel must match its C reference bit for bit and have its schedule proven (no tolerances, no
// `unknown`: none is needed). The test and bench/polybench.ts both read this.

export interface KernelEntry {
  readonly name: string;
  /** PolyBench's data is a fixed point of the kernel: compare on the reference's perturbed inputs too. */
  readonly inert?: string;
  /** Run in csim in CI (a subset: each csim costs a g++ compile). */
  readonly csim?: boolean;
  /** Allo scheduled it (PLDI'24): the file also exports `alloSchedule`, Allo's schedule on these loops. */
  readonly allo?: boolean;
}

export const KERNELS: readonly KernelEntry[] = [
  { name: "two_mm", allo: true },
  { name: "three_mm", allo: true },
  { name: "atax", csim: true, allo: true },
  { name: "bicg", allo: true },
  { name: "correlation", csim: true, allo: true },
  { name: "gemm", csim: true, allo: true },
  { name: "gesummv", allo: true },
  { name: "jacobi_2d", csim: true, allo: true },
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
