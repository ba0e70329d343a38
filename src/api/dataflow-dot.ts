// The `dot` target of dataflow regions and PE arrays: the process/FIFO graph (../ir/analysis/region-graph.ts,
// which the design report draws too) as Graphviz text, one cluster per spatial region, one node per
// process, one edge per FIFO (producer -> consumer) with its depth. `run(...args)` simulates the design on the CPU with a counter per FIFO of the top function
// and gives the same graph with each FIFO's occupancy, puts and gets; after a deadlock (AL4101) the
// blocked processes are marked with what they wait on, so the picture shows where the network stuck.

import { AlloError } from "../diagnostics/error.ts";
import {
  graphFifoKey as fifoKey,
  type RegionGraph as Region,
  regionGraphs,
} from "../ir/analysis/region-graph.ts";
import { bin, constIndex, constOf, idx, load } from "../ir/build.ts";
import type { Expr, Func, Module, Stmt } from "../ir/nodes.ts";
import { rewriteBlock, stmtExprs, walkExpr } from "../ir/walk.ts";
import { I32 } from "../types/dtype.ts";
import { build } from "./build.ts";

/** What a run left: puts and gets per FIFO key of the top function, and the blocked processes. */
interface RunState {
  readonly counts: ReadonlyMap<string, { puts: number; gets: number }>;
  readonly blocked: ReadonlyMap<string, string>;
}

const q = (s: string) => JSON.stringify(s);

function dot(m: Module, regions: readonly Region[], run?: RunState): string {
  const lines = [`digraph ${q(m.top)} {`, "  rankdir=LR;", "  node [shape=box];"];
  for (const [k, r] of regions.entries()) {
    const id = (u: string) => q(`${r.func}/${u}`);
    lines.push(`  subgraph ${q(`cluster_${k}`)} {`, `    label=${q(`${r.func}: ${r.name}`)};`);
    for (const { name: u } of r.units) {
      const wait = r.func === m.top ? run?.blocked.get(u) : undefined;
      lines.push(`    ${id(u)} [label=${q(wait ? `${u}\n${wait}` : u)}${wait ? ", color=red" : ""}];`);
    }
    lines.push("  }");
    for (const e of r.fifos) {
      const from = e.producer === "?" ? q(`${r.func}/?`) : id(e.producer);
      const to = e.consumer === "?" ? q(`${r.func}/?`) : id(e.consumer);
      const c = r.func === m.top ? run?.counts.get(e.key) : undefined;
      const label = c
        ? `${e.label} ${c.puts - c.gets}/${e.depth} puts ${c.puts} gets ${c.gets}`
        : `${e.label} depth ${e.depth}`;
      lines.push(`  ${from} -> ${to} [label=${q(label)}];`);
    }
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/** The top function with a counter array as its last parameter: [2k] puts and [2k + 1] gets of FIFO k. */
function counted(m: Module, keys: readonly string[]): { module: Module; counter: string } {
  const top = m.functions.find((f) => f.name === m.top) as Func;
  let counter = "dot_counts";
  for (let n = 1; counter in top.buffers; n++) counter = `dot_counts_${n}`;
  const slot = new Map(keys.map((k, i) => [k, i]));
  const bump = (k: string | undefined, off: number): Stmt[] => {
    const i = k === undefined ? undefined : slot.get(k);
    if (i === undefined) return [];
    const at = [idx(2 * i + off)];
    const value = bin("+", load(counter, at, I32), constOf(I32, 1n), I32);
    return [{ kind: "store", buffer: counter, indices: at, value }];
  };
  const keyOf = (stream: string, ix: readonly Expr[]) => {
    const c = ix.map(constIndex);
    return c.every((v) => v !== undefined) ? fifoKey(stream, c as number[]) : undefined;
  };
  const body = rewriteBlock(top.body, (s) => {
    if (s.kind !== "store" && s.kind !== "streamPut" && s.kind !== "call") return undefined;
    const gets: Stmt[] = [];
    for (const e of stmtExprs(s))
      walkExpr(e, (x) => x.kind === "streamGet" && gets.push(...bump(keyOf(x.stream, x.indices), 1)));
    const put = s.kind === "streamPut" ? bump(keyOf(s.stream, s.indices), 0) : [];
    return [s, ...put, ...gets];
  });
  const decl = { name: counter, type: I32, shape: [2 * keys.length], role: "param" as const, partitions: [] };
  const f: Func = {
    ...top,
    body,
    params: [...top.params, { kind: "buffer", name: counter }],
    buffers: { ...top.buffers, [counter]: decl },
  };
  return { module: { ...m, functions: m.functions.map((g) => (g === top ? f : g)) }, counter };
}

/** The `dot` target's result: `code` is the static graph; `run(...args)` the graph after a simulation. */
export class DotGraph {
  readonly target = "dot";
  readonly code: string;
  private readonly regions: readonly Region[];

  constructor(private readonly m: Module) {
    this.regions = regionGraphs(m);
    this.code = dot(m, this.regions);
  }

  toString(): string {
    return this.code;
  }

  /** Runs the design on the CPU (outputs updated in place) and returns the graph with FIFO counts. */
  run(...args: unknown[]): string {
    const keys = this.regions.filter((r) => r.func === this.m.top).flatMap((r) => r.fifos.map((e) => e.key));
    const counts = new Int32Array(2 * keys.length);
    const blocked = new Map<string, string>();
    try {
      if (keys.length === 0) build(this.m, { target: "cpu" })(...args);
      else build(counted(this.m, keys).module, { target: "cpu" })(...args, counts);
    } catch (e) {
      if (!(e instanceof AlloError) || (e.code !== "AL4101" && e.code !== "AL4102")) throw e;
      const d = e.details as { blocked?: { instance: string; op: string; stream: string }[] } | undefined;
      for (const b of d?.blocked ?? []) blocked.set(b.instance, `blocked: ${b.op} ${b.stream}`);
    }
    const state = new Map(keys.map((k, i) => [k, { puts: counts[2 * i], gets: counts[2 * i + 1] }]));
    return dot(this.m, this.regions, { counts: state, blocked });
  }
}
