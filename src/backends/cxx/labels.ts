// C++ loop labels as the HLS backend prints them (and csynth reports name its loop rows): `l_<band>_<loop>`
// on a band head, `l_<loop>` inside, `l_<buffer>_fill<k>` for a local's fill nest, unique per function
// (`_1`, `_2`, ... on a repeat). The estimator (src/estimate) names its rows with these same functions.

import type { ForStmt } from "../../ir/nodes.ts";

/** The label of a loop before uniquing. */
export const loopLabelBase = (st: ForStmt): string =>
  `l_${st.attrs.opName ? `${st.attrs.opName}_` : ""}${st.name}`.replace(/[^\w]/g, "_");

/** The label of dimension k of the fill nest of the C++ array `name`. */
export const fillLabelBase = (name: string, k: number): string => `l_${name}_fill${k}`;

/** `base`, or `base_<n>` for the first n that is still free; recorded in `taken` (labels are function-wide). */
export function uniqueLabel(taken: Set<string>, base: string): string {
  let l = base;
  for (let k = 1; taken.has(l); k++) l = `${base}_${k}`;
  taken.add(l);
  return l;
}
