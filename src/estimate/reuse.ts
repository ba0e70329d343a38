// Reuse of estimates by structure. The PEs of an array are thousands of outlined functions that differ
// only in names (their own, their FIFOs', their loops'), so a function is keyed by its text with every
// name replaced by its order of first appearance (./structural-key.ts), and one costed function's rows
// are replayed for every other with the same key, each row relabelled from that function's own loop
// labels. Within a function, a pipelined nest equal to one costed before (a stencil's two sweeps, A to
// B and B to A) takes that one's costing; either way, the names in a reused text are the reuser's own.

import type { BufferDecl, ForStmt, Func } from "../ir/nodes.ts";
import { blockUses } from "../ir/passes/uses.ts";
import { visitStmts } from "../ir/walk.ts";
import type { FuncLabels } from "./labels.ts";
import type { LoopRow } from "./row.ts";
import { type StructuralKey, structuralKey } from "./structural-key.ts";

/** One structure's names as another's, position for position, in names and in an estimator's texts. */
export class Renaming {
  /** Made on first use: thousands of PEs are replayed, few with a text to rename. */
  private made?: Map<string, string>;

  constructor(
    private readonly from: readonly string[],
    private readonly to: readonly string[],
  ) {}

  private get map(): Map<string, string> {
    if (!this.made) {
      this.made = new Map();
      for (let k = 0; k < this.from.length; k++)
        if (this.from[k] !== this.to[k]) this.made.set(this.from[k], this.to[k]);
    }
    return this.made;
  }

  name(n: string): string {
    return this.map.get(n) ?? n;
  }

  /** A note or a limitedBy text: the estimator quotes every name it mentions ('A'). */
  text(t: string): string {
    const map = this.map;
    if (map.size === 0) return t;
    return t.replace(/'([^']+)'/g, (quoted, n: string) => {
      const to = map.get(n);
      return to === undefined ? quoted : `'${to}'`;
    });
  }
}

/** How the costing reaches a function's buffers (./interface.ts): part of what a nest costs. */
export interface BufferAccess {
  readonly axi: ReadonlySet<string>;
  readonly ports?: ReadonlySet<string>;
  readonly bundles?: ReadonlyMap<string, string>;
}

/**
 * The key of the nest `loops` pipelined as one row (the loops flattened, the body of the last one
 * unrolled): its statements and the buffers they touch, with names canonical, and how each buffer is
 * reached. Undefined when the nest cannot be shared: it reads the iv of a loop around it (its costing
 * then depends on where it is) or makes calls.
 */
export function nestKey(
  loops: readonly ForStmt[],
  f: Func,
  access: BufferAccess,
  userDirective: boolean,
): StructuralKey | undefined {
  const nest = [loops[0]];
  // What the nest takes from outside (an iv among them: a loop around it) and the buffers it allocates.
  const { items, defined } = blockUses(nest, (b) => f.buffers[b]?.stream !== undefined);
  let calls = false;
  visitStmts(nest, (st) => {
    calls ||= st.kind === "call" || st.kind === "spatial";
  });
  if (calls || items.some((it) => it.kind === "iv")) return undefined;
  const buffers: Record<string, BufferDecl> = {};
  const touched = [...items.flatMap((it) => (it.kind === "buffer" ? [it.name] : [])), ...defined];
  for (const b of touched) if (f.buffers[b]) buffers[b] = f.buffers[b];
  const { key, names } = structuralKey({
    ...f,
    params: [],
    results: [],
    buffers,
    body: nest,
    attrs: {},
  });
  const reach = Object.keys(buffers).map(
    (b) => `${access.axi.has(b) ? 1 : 0}${access.ports?.has(b) ? 1 : 0}${access.bundles?.get(b) ?? ""}`,
  );
  return { key: `${key}\u0000${loops.length} ${userDirective}\u0000${reach.join(",")}`, names };
}

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

/** The template rows as `f`'s own: its name, its loops' labels and spans, its names in what limits a row. */
export function replayRows(
  f: Func,
  labels: FuncLabels,
  templates: readonly RowTemplate[],
  to: Renaming,
): LoopRow[] {
  const loops = [...labels.label.entries()];
  return templates.map(({ row, loops: at }) => {
    const { span: _, ...rest } = row;
    const first = loops[at[0]][0];
    return {
      ...rest,
      func: f.name,
      label: at.map((k) => loops[k][1]).join("_"),
      ...(first.span ? { span: first.span } : {}),
      ...(row.limitedBy ? { limitedBy: to.text(row.limitedBy) } : {}),
    };
  });
}
