// Reuse of a function's estimate by its structure: the PEs of an array are thousands of outlined
// functions that differ only in names (their own, their FIFOs', their loops'), so a function is keyed by
// its text with every name replaced by its order of first appearance (./structural-key.ts), and one
// costed function's rows are replayed for every other with the same key, each row relabelled from that
// function's own loop labels.

import type { ForStmt, Func } from "../ir/nodes.ts";
import type { FuncLabels } from "./labels.ts";
import type { LoopRow } from "./row.ts";

/** A row of a costed function, with its loops as positions in the function's label order. */
export interface RowTemplate {
  readonly row: LoopRow;
  readonly loops: readonly number[];
}

/** The rows `f` produced (not its callees'), as templates against its labels. */
export function rowTemplates(
  f: Func,
  labels: FuncLabels,
  rows: readonly LoopRow[],
  rowLoops: ReadonlyMap<LoopRow, readonly ForStmt[]>,
): RowTemplate[] | undefined {
  const order = new Map([...labels.label.keys()].map((l, k) => [l, k]));
  const out: RowTemplate[] = [];
  for (const row of rows) {
    if (row.func !== f.name) continue;
    const loops = (rowLoops.get(row) ?? []).map((l) => order.get(l) ?? -1);
    // A loop without a label of its own cannot be relabelled: the function is costed again instead.
    if (loops.length === 0 || loops.includes(-1)) return undefined;
    out.push({ row, loops });
  }
  return out;
}

/** The template rows as `f`'s own: its name, its loops' labels and spans. */
export function replayRows(f: Func, labels: FuncLabels, templates: readonly RowTemplate[]): LoopRow[] {
  const loops = [...labels.label.entries()];
  return templates.map(({ row, loops: at }) => {
    const { span: _, ...rest } = row;
    const first = loops[at[0]][0];
    return {
      ...rest,
      func: f.name,
      label: at.map((k) => loops[k][1]).join("_"),
      ...(first.span ? { span: first.span } : {}),
    };
  });
}
