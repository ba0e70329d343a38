// One row of an estimate's loop table: a loop nest (flattened perfect nests as one row, labels joined
// by `_`), as the nest estimator makes it and the formatter, the cosim model and the report read it.

import type { Span } from "../ir/nodes.ts";

export interface LoopRow {
  readonly label: string;
  readonly func: string;
  readonly depth: number;
  readonly tripCount: number;
  readonly ii?: number;
  readonly targetIi?: number;
  readonly iterationLatency: number;
  readonly latency: number;
  readonly limitedBy?: string;
  readonly pipeline?: "user" | "auto";
  /** The kernel source of the row's (outermost) loop; absent for loops the compiler made. */
  readonly span?: Span;
  /** An interface copy loop of the wrapIo top (what the m_axi ports cost). */
  readonly io?: true;
}
