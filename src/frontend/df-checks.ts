// The static checks of a dataflow region's stream network, over its surviving instances: streams no
// instance uses are dropped; every used FIFO has exactly one putting and one getting instance (AL4004,
// AL4005); and where every put and get of a FIFO sits under constant-trip loops only (no runtime
// condition, no while), the counts must be equal (AL4009), a deadlock or leftover found before running.

import { constTripCount } from "../ir/analysis/trip-count.ts";
import type { Expr, SpatialUnit, Stmt } from "../ir/nodes.ts";
import { stmtExprs } from "../ir/walk.ts";
import type { FnContext } from "./context.ts";
import type { StreamSite } from "./df-stream.ts";
import type ts from "./typescript.cts";

/** A stream the region declares: its source name, its buffer and the declaration. */
export interface StreamDecl {
  readonly name: string;
  readonly buffer: string;
  readonly node: ts.Node;
}

const label = (name: string, indices: readonly number[]) => name + indices.map((i) => `[${i}]`).join("");

/** Checks the network and returns the streams some instance uses (the others are dropped). */
export function checkNetwork(
  ctx: FnContext,
  streams: readonly StreamDecl[],
  units: readonly SpatialUnit[],
  sites: readonly StreamSite[],
): StreamDecl[] {
  const alive = new Set(units.map((u) => u.name));
  const live = sites.filter((s) => alive.has(s.instance));
  const used = streams.filter((d) => live.some((s) => s.stream === d.buffer));
  for (const d of streams) if (!used.includes(d)) ctx.buffers.delete(d.buffer);
  const byFifo = new Map<string, StreamSite[]>();
  for (const s of live) {
    const key = `${s.stream}|${s.indices.join(",")}`;
    const l = byFifo.get(key);
    if (l) l.push(s);
    else byFifo.set(key, [s]);
  }
  const counts = staticCounts(units);
  for (const [key, list] of byFifo) {
    const d = streams.find((x) => x.buffer === list[0].stream) as StreamDecl;
    const fifo = label(d.name, list[0].indices);
    const ends = (op: "put" | "get") => [...new Set(list.filter((s) => s.op === op).map((s) => s.instance))];
    for (const op of ["put", "get"] as const) {
      const who = ends(op);
      if (who.length > 1) {
        const second = list.find((s) => s.op === op && s.instance === who[1]) as StreamSite;
        throw ctx.error(
          second.node,
          "AL4004",
          `stream '${fifo}' has ${who.length} ${op === "put" ? "producers" : "consumers"} (${who.join(", ")}); every FIFO has exactly one putting and one getting instance: give each pair its own stream (an array of streams indexed by df.getPid())`,
        );
      }
    }
    const [producer] = ends("put");
    const [consumer] = ends("get");
    if (!producer || !consumer) {
      const has = producer ? "put" : "got";
      throw ctx.error(
        list[0].node,
        "AL4005",
        `stream '${fifo}' is ${has} by ${producer ?? consumer} but ${producer ? "never got" : "never put"} by any instance; every FIFO needs one producer and one consumer`,
      );
    }
    const puts = counts.get(`put:${key}`);
    const gets = counts.get(`get:${key}`);
    if (puts !== undefined && gets !== undefined && puts !== gets) {
      throw ctx.error(
        d.node,
        "AL4009",
        `stream '${fifo}': ${producer} puts ${puts} values, ${consumer} gets ${gets}; the run would ${puts < gets ? "deadlock" : "leave data in the stream"}: make the counts equal`,
      );
    }
  }
  return used;
}

/**
 * How many times each FIFO is put and got (`put:name|i,j`), when that is static: a FIFO accessed
 * under a runtime condition, a while, a select or short circuit, or a loop with a runtime trip count
 * is NaN (unknown) and left to the simulator.
 */
function staticCounts(units: readonly SpatialUnit[]): Map<string, number | undefined> {
  const out = new Map<string, number | undefined>();
  const add = (key: string, n: number | undefined) => {
    if (!out.has(key)) out.set(key, n);
    else {
      const prev = out.get(key);
      out.set(key, prev === undefined || n === undefined ? undefined : prev + n);
    }
  };
  const fifo = (stream: string, ix: readonly Expr[]) =>
    `${stream}|${ix.map((e) => (e.kind === "const" ? String(e.value) : "?")).join(",")}`;
  const exprs = (e: Expr, n: number | undefined): void => {
    switch (e.kind) {
      case "streamGet":
        add(`get:${fifo(e.stream, e.indices)}`, n);
        for (const x of e.indices) exprs(x, n);
        return;
      case "load":
        for (const x of e.indices) exprs(x, n);
        return;
      case "binary":
        exprs(e.lhs, n);
        exprs(e.rhs, n);
        return;
      case "logical":
        exprs(e.lhs, n);
        exprs(e.rhs, undefined);
        return;
      case "unary":
        exprs(e.operand, n);
        return;
      case "cast":
      case "bitcast":
      case "bitPos":
        exprs(e.value, n);
        return;
      case "select":
        exprs(e.cond, n);
        exprs(e.then, undefined);
        exprs(e.else, undefined);
        return;
      case "intrinsic":
        for (const x of e.args) exprs(x, n);
        return;
      default:
        return;
    }
  };
  const block = (b: readonly Stmt[], n: number | undefined): void => {
    for (const s of b) {
      for (const e of stmtExprs(s)) exprs(e, n);
      if (s.kind === "streamPut") add(`put:${fifo(s.stream, s.indices)}`, n);
      if (s.kind === "for") {
        const t = constTripCount(s);
        block(s.body, n === undefined || t === undefined ? undefined : n * t);
      } else if (s.kind === "if") {
        block(s.then, undefined);
        block(s.else, undefined);
      } else if (s.kind === "while") block(s.body, undefined);
      else if (s.kind === "spatial") for (const u of s.units) block(u.body, undefined);
    }
  };
  for (const u of units) block(u.body, 1);
  return out;
}
