// The embedded CPU backend: compiles an IR module to JavaScript once and returns a synchronous callable
// over typed arrays, bit-exact with docs/ir-semantics.md. Output parameters are updated in place;
// returned tensors come back as typed arrays (several as an array), scalars as numbers or bigints.

import { AlloError } from "../../diagnostics/error.ts";
import type { Func, Module, Stmt } from "../../ir/nodes.ts";
import { visitStmts } from "../../ir/walk.ts";
import { ConstPool, generateModule, jsFuncName } from "./gen-func.ts";
import { bufferIn, bufferOut, resultOut, scalarIn } from "./marshal.ts";
import * as runtime from "./runtime.ts";

export interface CpuKernel {
  (...args: unknown[]): unknown;
  /** The generated JavaScript. */
  readonly source: string;
}

export function compileCpu(m: Module): CpuKernel {
  const top = m.functions.find((f) => f.name === m.top);
  if (!top) throw new AlloError("AL5007", `module has no function '${m.top}'`);
  const pool = new ConstPool();
  const source = generateModule(m, pool);
  const make = new Function("rt", "K", `"use strict";\n${source}\nreturn ${jsFuncName(top.name)};`);
  const written = writtenParams(top);
  const kernel = (...args: unknown[]): unknown => {
    const rt = { ...runtime, sched: new runtime.Scheduler() };
    const fn = make(rt, pool.values) as (...a: unknown[]) => unknown[];
    return invoke(top, fn, args, written);
  };
  return Object.assign(kernel, { source });
}

function invoke(
  top: Func,
  fn: (...a: unknown[]) => unknown[],
  args: unknown[],
  written: ReadonlySet<string>,
): unknown {
  if (args.length !== top.params.length) {
    const names = top.params.map((p) => p.name).join(", ");
    throw new AlloError(
      "AL5001",
      `'${top.name}' takes ${top.params.length} argument(s) (${names}), got ${args.length}`,
    );
  }
  const copies: (() => void)[] = [];
  const internal = top.params.map((p, i) => {
    if (p.kind === "scalar") return scalarIn(top, p.name, p.type, args[i], i);
    const b = top.buffers[p.name];
    const { data, copy } = bufferIn(top, b, args[i], i);
    if (copy && written.has(p.name))
      copies.push(() => bufferOut(b, data as ArrayLike<unknown>, args[i] as unknown[]));
    return data;
  });
  const results = fn(...internal);
  for (const c of copies) c();
  const out = top.results.map((r, i) => resultOut(top.buffers[r], results[i]));
  return out.length === 0 ? undefined : out.length === 1 ? out[0] : out;
}

/** Parameters a function may write (stores, or passed to a call), following calls conservatively. */
function writtenParams(f: Func): Set<string> {
  const out = new Set<string>();
  visitStmts(f.body, (s: Stmt) => {
    if (s.kind === "store") out.add(s.buffer);
    if (s.kind === "call") for (const a of s.args) if (a.kind === "buffer") out.add(a.name);
  });
  return out;
}
