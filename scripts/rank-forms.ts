// The loop nests of the rank 1-4 forms that scripts/gen-elementwise.ts and scripts/gen-quant.ts write:
// a rank-R form's extents are the last R of `K, L, M, N` (its template parameters) and its loops the
// last R of `g, h, i, j`, so the last axis' loop is `j` in every form (each form's default schedule
// pipelines it). `last` renames the last extent (the per-channel quantize forms' `C`).

export const RANKS = [1, 2, 3, 4];

const LOOPS = ["g", "h", "i", "j"];

export const extents = (rank: number, last = "N") => [...["K", "L", "M"].slice(4 - rank), last];
export const shape = (rank: number, last = "N") => `[${extents(rank, last).join(", ")}]`;
/** The element of tensor `name` at the loops' indices: `X[i][j]`. */
export const at = (name: string, rank: number) =>
  `${name}${LOOPS.slice(4 - rank)
    .map((v) => `[${v}]`)
    .join("")}`;
/** The loop header: `const j of range<N>()` at rank 1, `const [i, j] of grid<[M, N]>()` above. */
export const loop = (rank: number, last = "N") =>
  rank === 1
    ? `const j of range<${last}>()`
    : `const [${LOOPS.slice(4 - rank).join(", ")}] of grid<${shape(rank, last)}>()`;
