// What a block (a spatial unit) uses from outside itself (buffers, scalars, loop variables, FIFOs, in
// the order its outlined function takes them as parameters), and the FIFOs a block touches by constant
// index (`name|1,2`) or as a whole array (`name|*`), keyed as the stream-network analysis keys them
// (src/ir/analysis/streams.ts).

import { type ElemType, INDEX } from "../../types/dtype.ts";
import { fifoKey } from "../analysis/streams.ts";
import type { CallArg, Expr, Stmt } from "../nodes.ts";
import { stmtExprs, visitStmts, walkExpr } from "../walk.ts";

export type Item =
  | { readonly kind: "buffer"; readonly name: string }
  | { readonly kind: "param"; readonly name: string; readonly type: ElemType }
  | { readonly kind: "iv"; readonly name: string };

/** Port order: memory buffers, scalar parameters, loop variables, then FIFOs; each group by first use. */
function rank(it: Item, isStream: (name: string) => boolean): number {
  if (it.kind === "buffer") return isStream(it.name) ? 3 : 0;
  return it.kind === "param" ? 1 : 2;
}

/** What a block uses from outside itself, in port order. */
export const usesOf = (body: readonly Stmt[], isStream: (name: string) => boolean): Item[] =>
  blockUses(body, isStream).items;

/** usesOf's items, and the buffers the block defines (allocs, call results) in pre-order: one walk. */
export function blockUses(
  body: readonly Stmt[],
  isStream: (name: string) => boolean,
): { items: Item[]; defined: string[] } {
  const defined: string[] = [];
  // Everything used or defined, by key: what the block defines anywhere is not taken from outside.
  const inside = new Set<string>();
  const seen = new Set<string>();
  const used: { key: string; item: Item }[] = [];
  const add = (key: string, item: Item): void => {
    if (seen.has(key)) return;
    seen.add(key);
    used.push({ key, item });
  };
  const expr = (e: Expr): void =>
    walkExpr(e, (x) => {
      if (x.kind === "load") add(x.buffer, { kind: "buffer", name: x.buffer });
      if (x.kind === "streamGet") add(x.stream, { kind: "buffer", name: x.stream });
      if (x.kind === "param") add(`param:${x.name}`, { kind: "param", name: x.name, type: x.type });
      if (x.kind === "iv") add(`iv:${x.name}`, { kind: "iv", name: x.name });
    });
  visitStmts(body, (st) => {
    if (st.kind === "alloc") defined.push(st.buffer);
    if (st.kind === "call") defined.push(...st.results);
    if (st.kind === "for") inside.add(`iv:${st.iv}`);
    if (st.kind === "store") add(st.buffer, { kind: "buffer", name: st.buffer });
    if (st.kind === "streamPut") add(st.stream, { kind: "buffer", name: st.stream });
    if (st.kind === "call")
      for (const a of st.args) if (a.kind === "buffer") add(a.name, { kind: "buffer", name: a.name });
    for (const e of stmtExprs(st)) expr(e);
  });
  for (const n of defined) inside.add(n);
  const items = used
    .filter((u) => !inside.has(u.key))
    .map((u, k) => ({ it: u.item, k }))
    .sort((a, b) => rank(a.it, isStream) - rank(b.it, isStream) || a.k - b.k)
    .map((x) => x.it);
  return { items, defined };
}

/** Every stream a block touches: its FIFO keys in first-use order, and whether it is passed to a call. */
export function streamAccesses(body: readonly Stmt[]): Map<string, { keys: string[]; passed: boolean }> {
  const out = new Map<string, { keys: string[]; passed: boolean }>();
  // Keys already listed, so a PE array's thousands of FIFOs are noted in linear time.
  const noted = new Set<string>();
  const get = (name: string) => {
    let a = out.get(name);
    if (!a) out.set(name, (a = { keys: [], passed: false }));
    return a;
  };
  const note = (name: string, indices: readonly Expr[]) => {
    const a = get(name);
    const k = fifoKey(name, indices);
    if (!noted.has(k)) {
      noted.add(k);
      a.keys.push(k);
    }
  };
  visitStmts(body, (st) => {
    if (st.kind === "streamPut") note(st.stream, st.indices);
    if (st.kind === "call") for (const a of st.args) if (a.kind === "buffer") get(a.name).passed = true;
    for (const e of stmtExprs(st)) walkExpr(e, (x) => x.kind === "streamGet" && note(x.stream, x.indices));
  });
  for (const [name, a] of out) if (!a.keys.length && !a.passed) out.delete(name);
  return out;
}

/** The call argument that passes `it` to an outlined function. */
export const argOf = (it: Item): CallArg =>
  it.kind === "buffer"
    ? { kind: "buffer", name: it.name }
    : {
        kind: "value",
        value:
          it.kind === "iv"
            ? { kind: "iv", type: INDEX, name: it.name }
            : { kind: "param", type: it.type, name: it.name },
      };
