// The structural key of a function, by which the estimator reuses one costing for many functions
// (./reuse.ts): its parameters, results, buffers, body and attributes as text, with every name replaced
// by its order of first appearance and spans left out. The PEs of an array are thousands of outlined
// functions, so the key is written by one walk into a prefix-free text (a JSON.stringify replacer
// crosses from native code into a callback for every property, which costs more than the walk).

import { bufferLayout } from "../ir/analysis/layout.ts";
import type { Expr, Func } from "../ir/nodes.ts";
import { stmtExprs, visitStmts, walkExpr } from "../ir/walk.ts";

/** Fields that hold names (buffers, streams, ivs, loops, params); callees keep theirs. */
const NAME_FIELDS = new Set(["buffer", "stream", "iv", "name", "results", "opName"]);

/** Fields left out: where a node came from, not what it is. */
const SKIPPED = new Set(["span", "origin"]);

/**
 * A short token (`T3;`) for each element type (the `type` field of nodes and buffers): types hold no
 * names, so equal types are equal anywhere. Nearly every node has one and the IR shares type objects,
 * so a type's text is written once per object and the keys, hashed as map keys, stay short.
 */
const typeTokens = new WeakMap<object, string>();
const typeIds = new Map<string, number>();

/** The tokens of field names (`4:kind`) and of canonical names (`#3;`), made once. */
const fieldTokens = new Map<string, string>();
const nameTokens: string[] = [];

/**
 * Whether `f` may equal another of `functions` in structure: some other one has as many parameters,
 * buffers and top-level statements. One that cannot (a PE array's region function) is not keyed: its
 * key would be the largest text of all, and of no use.
 */
export function mayHaveTwin(functions: readonly Func[]): (f: Func) => boolean {
  const outline = (f: Func) => `${f.params.length}/${Object.keys(f.buffers).length}/${f.body.length}`;
  const count = new Map<string, number>();
  for (const f of functions) count.set(outline(f), (count.get(outline(f)) ?? 0) + 1);
  return (f) => (count.get(outline(f)) ?? 0) > 1;
}

/**
 * The function as text with names canonical (first appearance order), element types as tokens and
 * spans left out. Each token starts with its kind and strings carry their length, so two texts are
 * equal only for equal structures.
 */
export function structuralKey(f: Func): string {
  const names = new Map<string, number>();
  const bare = bareConstantDims(f);
  const consts = new Map<string, Map<string, number>>();
  // The key's tokens, joined at the end: appending to one string makes a rope cell per token, which
  // the map lookup then flattens; tokens that recur (field names, name numbers) are shared strings.
  const parts: string[] = [];
  const name = (n: string): void => {
    let c = names.get(n);
    if (c === undefined) names.set(n, (c = names.size));
    parts.push((nameTokens[c] ??= `#${c};`));
  };
  // A bare constant index (see bareConstantDims) counts only in which constants of its dimension it equals.
  const bareConst = (dim: string, v: unknown): void => {
    let m = consts.get(dim);
    if (!m) consts.set(dim, (m = new Map()));
    let c = m.get(String(v));
    if (c === undefined) m.set(String(v), (c = m.size));
    parts.push(`c${c};`);
  };
  const indices = (buffer: string, xs: readonly Expr[]): void => {
    parts.push("[");
    xs.forEach((x, d) => {
      if (x.kind === "const" && bare.has(`${buffer}#${d}`)) bareConst(`${buffer}#${d}`, x.value);
      else write(x);
    });
    parts.push("]");
  };
  const write = (v: unknown): void => {
    switch (typeof v) {
      case "string":
        parts.push(`"${v.length}:${v}`);
        return;
      case "number":
        parts.push(`=${v};`);
        return;
      case "bigint":
        parts.push(`i${v};`);
        return;
      case "boolean":
        parts.push(v ? "t" : "f");
        return;
      case "object":
        if (v === null) parts.push("n");
        else if (Array.isArray(v)) {
          parts.push("[");
          for (const x of v) write(x);
          parts.push("]");
        } else fields(v as Record<string, unknown>);
        return;
      default:
        parts.push("u");
    }
  };
  const fields = (o: Record<string, unknown>): void => {
    parts.push("{");
    const buffer = (o.buffer ?? o.stream) as string | undefined;
    for (const k in o) {
      const v = o[k];
      if (v === undefined || SKIPPED.has(k)) continue;
      let field = fieldTokens.get(k);
      if (field === undefined) fieldTokens.set(k, (field = `${k.length}:${k}`));
      parts.push(field);
      if (k === "type" && typeof v === "object" && v !== null) typeToken(v);
      else if (k === "indices" && buffer !== undefined && Array.isArray(v)) indices(buffer, v);
      else if (NAME_FIELDS.has(k) && typeof v === "string") name(v);
      else if (NAME_FIELDS.has(k) && Array.isArray(v)) {
        parts.push("[");
        for (const x of v) typeof x === "string" ? name(x) : write(x);
        parts.push("]");
      } else write(v);
    }
    parts.push("}");
  };
  const typeToken = (t: object): void => {
    let token = typeTokens.get(t);
    if (token === undefined) {
      const at = parts.length;
      write(t);
      const text = parts.splice(at).join("");
      let id = typeIds.get(text);
      if (id === undefined) typeIds.set(text, (id = typeIds.size));
      typeTokens.set(t, (token = `T${id};`));
    }
    parts.push(token);
  };
  const { params, results, buffers, body, attrs } = f;
  fields({ params, results, buffers: Object.values(buffers), body, attrs });
  return parts.join("");
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
