// The structural key of a function, by which the estimator reuses one costing for many functions
// (./reuse.ts): its parameters, results, buffers, body and attributes, with every name replaced by its
// order of first appearance and spans left out. The PEs of an array are thousands of outlined
// functions, so the key is written by one walk into a prefix-free string of code units (a
// JSON.stringify replacer crosses from native code into a callback for every property, and joining
// hundreds of short strings per key costs more than the walk).

import { bufferLayout } from "../ir/analysis/layout.ts";
import type { Expr, Func } from "../ir/nodes.ts";
import { stmtExprs, visitStmts, walkExpr } from "../ir/walk.ts";

/** Fields that hold names (buffers, streams, ivs, loops, params); callees keep theirs. */
const NAME_FIELDS = new Set(["buffer", "stream", "iv", "name", "results", "opName"]);

/**
 * Fields left out: where a node came from (a source span, the schedule step behind a partition), not
 * what it is.
 */
const SKIPPED = new Set(["span", "origin", "from"]);

// The key's tokens are UTF-16 code units, each token starting with its tag: a token costs a push of
// small integers, and the key is made by one fromCharCode per chunk.
const [OPEN, CLOSE, LIST, END, NULL, TRUE, FALSE, OTHER] = [1, 2, 3, 4, 5, 6, 7, 8];
/** Tags of tokens that carry an id (one more code unit) or a text (its length in two, then its code units). */
const [FIELD, NAME, TYPE, CONST, STRING, NUMBER, BIGINT] = [16, 17, 18, 19, 20, 21, 22];

/** Each field name's id and whether it holds names or is left out, made once. */
const [PLAIN_FIELD, NAME_FIELD, SKIP_FIELD] = [0, 1, 2];
const fieldInfo = new Map<string, { id: number; role: number }>();

/**
 * An id for each element type (the `type` field of nodes and buffers): types hold no names, so equal
 * types are equal anywhere. Nearly every node has one and the IR shares type objects, so a type's
 * text is made once per object.
 */
const typeIds = new WeakMap<object, number>();
const typeIdOfText = new Map<string, number>();

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
 * The code units of the key being written. One buffer serves every key (doubled when a key outgrows
 * it): thousands of keys of a PE array would otherwise allocate a growing array each.
 */
class Codes {
  private buf = new Uint16Array(4096);
  length = 0;

  push(x: number): void {
    if (this.length === this.buf.length) {
      const bigger = new Uint16Array(2 * this.buf.length);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.length++] = x;
  }

  /** The code units from `at` as a string, a chunk at a time (fromCharCode takes them as arguments). */
  text(at = 0): string {
    let out = "";
    for (let i = at; i < this.length; i += 8192) {
      const chunk = this.buf.subarray(i, Math.min(i + 8192, this.length));
      out += String.fromCharCode.apply(null, chunk as unknown as number[]);
    }
    return out;
  }
}

const codes = new Codes();

export interface StructuralKey {
  readonly key: string;
  /** The names the key replaced, in their order of first appearance (a name's id is its position). */
  readonly names: readonly string[];
}

/**
 * The function as a key with names canonical (first appearance order), element types as ids and spans
 * left out. Every token starts with its tag and texts carry their length, so two keys are equal only
 * for equal structures.
 */
export function structuralKey(f: Func): StructuralKey {
  const names = new Map<string, number>();
  const bare = bareConstantDims(f);
  const consts = new Map<string, Map<string, number>>();
  codes.length = 0;
  /** An id token: its tag and the id (ids past 16 bits take the tag's high bits). */
  const id = (tag: number, n: number): void => {
    codes.push(tag + 64 * Math.floor(n / 0x10000));
    codes.push(n % 0x10000);
  };
  const text = (tag: number, v: string): void => {
    codes.push(tag);
    codes.push(Math.floor(v.length / 0x10000));
    codes.push(v.length % 0x10000);
    for (let i = 0; i < v.length; i++) codes.push(v.charCodeAt(i));
  };
  const name = (n: string): void => {
    let c = names.get(n);
    if (c === undefined) names.set(n, (c = names.size));
    id(NAME, c);
  };
  // A bare constant index (see bareConstantDims) counts only in which constants of its dimension it equals.
  const bareConst = (dim: string, v: unknown): void => {
    let m = consts.get(dim);
    if (!m) consts.set(dim, (m = new Map()));
    let c = m.get(String(v));
    if (c === undefined) m.set(String(v), (c = m.size));
    id(CONST, c);
  };
  const indices = (buffer: string, xs: readonly Expr[]): void => {
    codes.push(LIST);
    xs.forEach((x, d) => {
      if (x.kind === "const" && bare.has(`${buffer}#${d}`)) bareConst(`${buffer}#${d}`, x.value);
      else write(x);
    });
    codes.push(END);
  };
  const write = (v: unknown): void => {
    switch (typeof v) {
      case "string":
        text(STRING, v);
        return;
      case "number":
        text(NUMBER, String(v));
        return;
      case "bigint":
        text(BIGINT, String(v));
        return;
      case "boolean":
        codes.push(v ? TRUE : FALSE);
        return;
      case "object":
        if (v === null) codes.push(NULL);
        else if (Array.isArray(v)) {
          codes.push(LIST);
          for (const x of v) write(x);
          codes.push(END);
        } else fields(v as Record<string, unknown>);
        return;
      default:
        codes.push(OTHER);
    }
  };
  const fields = (o: Record<string, unknown>): void => {
    codes.push(OPEN);
    const buffer = (o.buffer ?? o.stream) as string | undefined;
    for (const k in o) {
      const v = o[k];
      if (v === undefined) continue;
      let field = fieldInfo.get(k);
      if (field === undefined) {
        const role = SKIPPED.has(k) ? SKIP_FIELD : NAME_FIELDS.has(k) ? NAME_FIELD : PLAIN_FIELD;
        fieldInfo.set(k, (field = { id: fieldInfo.size, role }));
      }
      if (field.role === SKIP_FIELD) continue;
      id(FIELD, field.id);
      if (k === "type" && typeof v === "object" && v !== null) typeToken(v);
      else if (k === "indices" && buffer !== undefined && Array.isArray(v)) indices(buffer, v);
      else if (field.role === NAME_FIELD && typeof v === "string") name(v);
      else if (field.role === NAME_FIELD && Array.isArray(v)) {
        codes.push(LIST);
        for (const x of v) typeof x === "string" ? name(x) : write(x);
        codes.push(END);
      } else write(v);
    }
    codes.push(CLOSE);
  };
  const typeToken = (t: object): void => {
    let n = typeIds.get(t);
    if (n === undefined) {
      const at = codes.length;
      write(t);
      const key = codes.text(at);
      codes.length = at;
      n = typeIdOfText.get(key);
      if (n === undefined) typeIdOfText.set(key, (n = typeIdOfText.size));
      typeIds.set(t, n);
    }
    id(TYPE, n);
  };
  const { params, results, buffers, body, attrs } = f;
  fields({ params, results, buffers: Object.values(buffers), body, attrs });
  return { key: codes.text(), names: [...names.keys()] };
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
