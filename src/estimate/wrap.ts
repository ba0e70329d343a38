// The top the vitis_hls project synthesizes, as IR the estimator can cost: with wrapIo, a function that
// copies every array argument (but those a PE array's loader streams: streamed-ports.ts) from its AXI
// port into an on-chip buffer with the argument's layout (pipelined II=1 copy nests, named by the HLS
// backend's own copyNest/copyLocal), calls the kernel (the streamed ports' loaders widened, as the
// backend's: wide-loaders.ts), and copies written buffers back. Built in the
// same order as src/backends/hls/vitis.ts names things, with the same m_axi bundles (bundles.ts).

import { NameTable } from "../backends/cxx/names.ts";
import { axiBundles } from "../backends/hls/bundles.ts";
import type { InterfaceSpec } from "../backends/hls/options.ts";
import { streamedPorts } from "../backends/hls/streamed-ports.ts";
import { tbArgs } from "../backends/hls/testbench.ts";
import { copyLocal, copyNest } from "../backends/hls/vitis.ts";
import { widenStreamedPorts } from "../backends/hls/wide-loaders.ts";
import { forLoop, idx, ivRef, load } from "../ir/build.ts";
import type { BufferDecl, CallArg, ForStmt, Func, Module, Stmt } from "../ir/nodes.ts";
import type { FuncLabels } from "./labels.ts";

export interface Wrapper {
  /** The kernel it calls, its streamed ports' loaders widened as the Vitis top's (wide-loaders.ts). */
  readonly module: Module;
  readonly func: Func;
  readonly labels: FuncLabels;
  /** The wrapper's array ports (buffers whose accesses go through an AXI interface). */
  readonly axi: ReadonlySet<string>;
  /** The m_axi bundle of each port that has one (not axis, s_axilite). */
  readonly bundles: ReadonlyMap<string, string>;
}

function copy(
  b: BufferDecl,
  from: string,
  to: string,
  tag: string,
  names: NameTable,
  label: Map<ForStmt, string>,
): Stmt {
  const { ivs, labels } = copyNest(b.shape, tag, names);
  const at = ivs.map(ivRef);
  let body: Stmt = { kind: "store", buffer: to, indices: at, value: load(from, at, b.type) };
  for (let k = b.shape.length - 1; k >= 0; k--) {
    const attrs = {
      ...(k === 0 ? { opName: `S_${tag}` } : {}),
      ...(k === b.shape.length - 1 ? { pipelineII: 1 } : {}),
    };
    const l = forLoop(ivs[k], ivs[k], idx(0), idx(b.shape[k]), [body], attrs);
    label.set(l, labels[k]);
    body = l;
  }
  return body;
}

/** The wrapped top around `m.top`, or undefined when it has no array argument (nothing to copy). */
export function wrapTop(m: Module, interfaces: ReadonlyMap<string, InterfaceSpec>): Wrapper | undefined {
  const top = m.functions.find((f) => f.name === m.top) as Func;
  const args = tbArgs(top);
  if (!args.some((a) => !a.scalar)) return undefined;
  const inner = `${m.top}_kernel`;
  const table = new NameTable([...m.functions.map((f) => (f === top ? inner : f.name)), inner]);
  const name = table.unique(m.top);
  const ports = args.map((a) => table.unique(a.decl.name));
  const axiOf = axiBundles(args, interfaces);
  const streamed = streamedPorts(m, args, axiOf);
  const wide = widenStreamedPorts(m, streamed);
  const locals = args.map((a, k) => (a.scalar || streamed.has(k) ? ports[k] : copyLocal(a, k, table)));
  const buffers: Record<string, BufferDecl> = {};
  const label = new Map<ForStmt, string>();
  const body: Stmt[] = [];
  args.forEach((a, k) => {
    if (a.scalar) return;
    buffers[ports[k]] = { ...(wide.words.get(k) ?? a.decl), name: ports[k], role: "param", partitions: [] };
    if (streamed.has(k)) return;
    buffers[locals[k]] = { ...a.decl, name: locals[k], role: "local" };
    if (a.input) body.push(copy(a.decl, ports[k], locals[k], `buf${k}`, table, label));
  });
  const callArgs: CallArg[] = top.params.map((p, k) =>
    p.kind === "scalar"
      ? { kind: "value", value: { kind: "param", type: p.type, name: p.name } }
      : { kind: "buffer", name: locals[k] },
  );
  body.push({ kind: "call", callee: top.name, args: callArgs, results: locals.slice(top.params.length) });
  args.forEach((a, k) => {
    if (!a.scalar && a.output && !streamed.has(k))
      body.push(copy(a.decl, locals[k], ports[k], `result${k}`, table, label));
  });
  const axi = new Set(args.flatMap((a, k) => (a.scalar ? [] : [ports[k]])));
  const bundles = new Map(axiOf.flatMap((b, k) => (b ? [[ports[k], b] as const] : [])));
  const func: Func = { name, params: [], results: [], buffers, body, attrs: {} };
  return { module: wide.module, func, labels: { label, fills: new Map() }, axi, bundles };
}
