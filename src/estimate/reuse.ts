// Reuse of a function's estimate by its structure: the PEs of an array are thousands of outlined
// functions that differ only in names (their own, their FIFOs', their loops'), so a function is keyed by
// its text with every name replaced by its order of first appearance, and one costed function's rows are
// replayed for every other with the same key, each row relabelled from that function's own loop labels.

import { bufferLayout } from "../ir/analysis/layout.ts";
import type { Expr, ForStmt, Func } from "../ir/nodes.ts";
import { stmtExprs, visitStmts, walkExpr } from "../ir/walk.ts";
import type { FuncLabels } from "./labels.ts";
import type { LoopRow } from "./row.ts";

/** Fields that hold names (buffers, streams, ivs, loops, params); callees keep theirs. */
const NAME_FIELDS = new Set(["buffer", "stream", "iv", "name", "results", "opName"]);

/** The function as text with names canonical (first appearance order) and spans left out. */
export function structuralKey(f: Func): string {
  const names = new Map<string, string>();
  const canon = (n: string): string => {
    let c = names.get(n);
    if (c === undefined) {
      c = `#${names.size}`;
      names.set(n, c);
    }
    return c;
  };
  const bare = bareConstantDims(f);
  const consts = new Map<string, Map<string, string>>();
  const canonConst = (dim: string, v: unknown): string => {
    const m = consts.get(dim) ?? new Map<string, string>();
    consts.set(dim, m);
    const k = String(v);
    if (!m.has(k)) m.set(k, `c${m.size}`);
    return m.get(k) as string;
  };
  function replacer(this: unknown, key: string, v: unknown): unknown {
    if (key === "span" || key === "origin") return undefined;
    const holder = this as { buffer?: string; stream?: string };
    const buffer = holder.buffer ?? holder.stream;
    if (key === "indices" && buffer !== undefined && Array.isArray(v))
      return v.map((x: Expr, d) =>
        x.kind === "const" && bare.has(`${buffer}#${d}`) ? { c: canonConst(`${buffer}#${d}`, x.value) } : x,
      );
    if (typeof v === "bigint") return `${v}n`;
    if (NAME_FIELDS.has(key)) {
      if (typeof v === "string") return canon(v);
      if (Array.isArray(v)) return v.map((x) => (typeof x === "string" ? canon(x) : x));
    }
    return v;
  }
  const { params, results, buffers, body, attrs } = f;
  return JSON.stringify({ params, results, buffers: Object.values(buffers), body, attrs }, replacer);
}

/**
 * Buffer dimensions (`buf#d`) that every access indexes by a bare constant and that are not banked by
 * value (unpartitioned or complete): there the constants matter only in which are equal, so the key
 * keeps that pattern (a PE's own C[i][j] is the same shape for every i, j).
 */
function bareConstantDims(f: Func): Set<string> {
  const yes = new Set<string>();
  const no = new Set<string>();
  const see = (buffer: string, indices: readonly Expr[]): void => {
    for (const [d, x] of indices.entries()) (x.kind === "const" ? yes : no).add(`${buffer}#${d}`);
  };
  visitStmts(f.body, (st) => {
    if (st.kind === "store") see(st.buffer, st.indices);
    if (st.kind === "streamPut") see(st.stream, st.indices);
    for (const e of stmtExprs(st))
      walkExpr(e, (x) => {
        if (x.kind === "load") see(x.buffer, x.indices);
        if (x.kind === "streamGet") see(x.stream, x.indices);
      });
  });
  for (const key of yes) {
    const [buffer, d] = key.split("#");
    const b = f.buffers[buffer];
    const kind = b && !b.stream ? bufferLayout(b)[Number(d)]?.kind : undefined;
    if (no.has(key) || (kind !== "none" && kind !== "complete")) yes.delete(key);
  }
  return yes;
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
