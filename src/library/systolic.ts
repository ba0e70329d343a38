// systolic<TyA, TyB, TyC, M, K, N, Mt, Nt>(A, B, C) of allo-ts/library: C = A @ B ([M, K] x [K, N],
// accumulated in TyC from zero, wrapping as TyC does) on an Mt x Nt output-stationary PE array. The
// registered schedule is the seed's systolic schedule with the tile factors: A and B buffered per PE,
// the PE band unfolded into Mt x Nt PEs (PE (p, q) computes the block of rows p*M/Mt.. and the columns
// q, Nt + q, 2*Nt + q, ...; at each step of its loops the array computes an Mt x Nt tile of outputs
// whose columns are adjacent), A relayed along the rows and B along the columns from loaders that read
// the arguments in place (no on-chip copies).
import { AlloError, type DType, grid, range, registerSchedule, type Schedule, type Tensor } from "allo-ts";

/** `C = A @ B` with a TyC accumulator, written by an Mt x Nt PE array once scheduled. */
export function systolic<
  TyA extends DType,
  TyB extends DType,
  TyC extends DType,
  M extends number,
  K extends number,
  N extends number,
  // biome-ignore lint/correctness/noUnusedVariables: Mt sizes the PE array (read by the registered schedule).
  Mt extends number,
  // biome-ignore lint/correctness/noUnusedVariables: Nt sizes the PE array (read by the registered schedule).
  Nt extends number,
>(A: Tensor<TyA, [M, K]>, B: Tensor<TyB, [K, N]>, C: Tensor<TyC, [M, N]>): void {
  for (const [i, j] of grid<[M, N]>({ name: "PE" })) {
    let c: Tensor<TyC, []> = 0;
    for (const k of range<K>()) c += A[i][k] * B[k][j];
    C[i][j] = c;
  }
}

/** The integer template values of the schedule's kernel instance (FuncOrigin.templates, "4n" for 4). */
function sizes(s: Schedule): Record<string, number> {
  const top = s.ir.functions.find((f) => f.name === s.ir.top);
  const entries = JSON.parse(top?.origin?.templates ?? "[]") as [string, { kind: string; value?: string }][];
  return Object.fromEntries(
    entries
      .filter(([, v]) => v.kind === "const")
      .map(([k, v]) => [k, Number(String(v.value).replace(/n$/, ""))]),
  );
}

registerSchedule(systolic, (s: Schedule) => {
  const { M, N, Mt, Nt } = sizes(s);
  for (const [name, tile, dim, size] of [
    ["Mt", Mt, "M", M],
    ["Nt", Nt, "N", N],
  ] as const) {
    if (!(tile > 0 && size % tile === 0)) {
      throw new AlloError(
        "AL3005",
        `systolic: the PE array's ${name} = ${tile} must be a positive divisor of ${dim} = ${size} (each PE computes an equal block of C); pick ${name} among the divisors of ${size}, or pad the matrices`,
      );
    }
  }
  // The PE columns take adjacent columns of B: the Nt operands a step needs are one run of a row of B,
  // which the HLS backend's loader reads as one wide m_axi word (src/backends/hls/pack-ports.ts).
  s.split("j", Nt);
  // One MAC per cycle: relay feeds the k loop straight from the FIFOs, so it pipelines at II 1.
  s.pipeline("k");
  const bufA = s.bufferAt("A", "j.inner");
  const bufB = s.bufferAt("B", "j.inner");
  const pe = s.unfold("PE", { axis: [0, 2], factor: [Mt, Nt] });
  s.relay(bufA, pe, { axis: 0, depth: Mt + 1 });
  s.relay(bufB, pe, { axis: 2, depth: Nt + 1 });
});
