// The sequential code of a region, one function per loop: V8 spends seconds optimising a function
// whose body is a whole 16x16 PE array (150 KB of JavaScript) and runs it slowly until then, while
// small functions are optimised at once. A storage local that only one loop uses moves into that
// loop's function (a FIFO scalar stays a JavaScript local); the others are passed by reference.

import { INDEX } from "../../../types/dtype.ts";
import type { BufferDecl, Expr, Func, Param, Stmt } from "../../nodes.ts";
import { substituteIvs, visitStmts } from "../../walk.ts";
import { argOf, type Item, usesOf } from "../uses.ts";

export interface Outlined {
  /** The region's replacement: allocs still shared, then one call per loop and the other statements. */
  readonly stmts: Stmt[];
  readonly funcs: Func[];
}

export function outlineLoops(
  stmts: readonly Stmt[],
  buffers: Readonly<Record<string, BufferDecl>>,
  freshFunc: (hint: string) => string,
): Outlined {
  const isStream = (n: string): boolean => buffers[n]?.stream !== undefined;
  const uses = stmts.map((st) => usesOf([st], isStream));
  const users = new Map<string, number>();
  for (const items of uses)
    for (const it of items) if (it.kind === "buffer") users.set(it.name, (users.get(it.name) ?? 0) + 1);
  const privateTo = new Map<number, string[]>();
  const moved = new Set<string>();
  stmts.forEach((st, k) => {
    if (st.kind !== "for") return;
    for (const it of uses[k]) {
      if (it.kind !== "buffer" || users.get(it.name) !== 1 || !isAllocated(stmts, it.name)) continue;
      moved.add(it.name);
      privateTo.set(k, [...(privateTo.get(k) ?? []), it.name]);
    }
  });
  const out: Stmt[] = [];
  const funcs: Func[] = [];
  stmts.forEach((st, k) => {
    if (st.kind === "alloc" && moved.has(st.buffer)) return;
    if (st.kind !== "for") {
      out.push(st);
      return;
    }
    const own = privateTo.get(k) ?? [];
    const items = uses[k].filter((it) => it.kind !== "buffer" || !own.includes(it.name));
    const body: Stmt[] = [...own.map((buffer): Stmt => ({ kind: "alloc", buffer })), st];
    const fn = outlined(freshFunc(st.name), items, body, buffers);
    funcs.push(fn);
    out.push({ kind: "call", callee: fn.name, args: items.map(argOf), results: [], span: st.span });
  });
  return { stmts: out, funcs };
}

const isAllocated = (stmts: readonly Stmt[], name: string): boolean =>
  stmts.some((s) => s.kind === "alloc" && s.buffer === name);

function outlined(
  name: string,
  items: readonly Item[],
  body: readonly Stmt[],
  all: Readonly<Record<string, BufferDecl>>,
): Func {
  const params: Param[] = [];
  const buffers: Record<string, BufferDecl> = {};
  const ivs = new Map<string, Expr>();
  for (const it of items) {
    if (it.kind === "buffer") {
      params.push({ kind: "buffer", name: it.name });
      buffers[it.name] = { ...all[it.name], role: "param" };
    } else {
      const type = it.kind === "iv" ? INDEX : it.type;
      params.push({ kind: "scalar", name: it.name, type });
      if (it.kind === "iv") ivs.set(it.name, { kind: "param", type, name: it.name });
    }
  }
  visitStmts(body, (s) => {
    if (s.kind === "alloc") buffers[s.buffer] ??= all[s.buffer];
    if (s.kind === "call") for (const r of s.results) buffers[r] ??= all[r];
  });
  return { name, params, results: [], buffers, body: substituteIvs(body, ivs), attrs: {} };
}
