// The kernel form Vitis builds into an xclbin: the top inside extern "C", each argument with its
// interface (an m_axi bundle per array by default: gmem0, gmem1, ...). With wrapIo (the default, as
// Allo's wrap_io) the design becomes `<top>_kernel` and the top copies every array argument into an
// on-chip buffer with the argument's layout (`l_S_buf<k>_buf<k>_l_0`, ...), calls it, and copies
// written buffers back (`l_S_result<k>_...`); so no computation reads an AXI port and partitions are
// legal. Without it the ports are used in place, and partitioning one is AL5014 (Vitis refuses it).

import { AlloError } from "../../diagnostics/error.ts";
import { bufferLayout, isUnpartitioned } from "../../ir/analysis/layout.ts";
import type { BufferDecl, Func, Module } from "../../ir/nodes.ts";
import { runPasses } from "../../ir/passes/pass.ts";
import { paramDeclarator } from "../cxx/decls.ts";
import { NameTable } from "../cxx/names.ts";
import { cType } from "../cxx/types.ts";
import { axiBundles } from "./bundles.ts";
import { stackPrefix } from "./data.ts";
import { BANNER, emitParts, includesFor, printPrepared } from "./emit.ts";
import type { ProjectOptions } from "./options.ts";
import { HLS_PASSES } from "./passes.ts";
import { partitionPragmas } from "./pragmas.ts";
import { streamedPorts } from "./streamed-ports.ts";
import { type TbArg, tbArgs } from "./testbench.ts";
import { widenStreamedPorts } from "./wide-loaders.ts";

export interface VitisKernel {
  /** kernel.cpp */
  readonly code: string;
  /** kernel.h: the extern "C" prototype. */
  readonly header: string;
  /** C++ name of the extern "C" top (the Vitis kernel name). */
  readonly top: string;
  readonly cyclic: readonly string[];
  /** The top's ports read in words (wide-loaders.ts) by argument position: their declarations. */
  readonly words: ReadonlyMap<number, BufferDecl>;
}

type Interfaces = Pick<ProjectOptions, "interfaces" | "control">;

/** The interface pragmas of argument `a` as port `port`: m_axi on `bundle` (./bundles.ts) when it has one. */
function interfacePragmas(a: TbArg, port: string, bundle: string | undefined, o: Interfaces): string[] {
  const spec = o.interfaces.get(a.decl.name);
  if (bundle === undefined) return spec ? [`interface ${spec.mode} port=${port}`] : [];
  return [`interface m_axi port=${port} offset=slave bundle=${bundle}`];
}

const controlPragmas = (o: Interfaces): string[] =>
  o.control ? [`interface ${o.control} port=return bundle=control`] : [];

function prototype(name: string, ports: readonly string[]): string {
  return `void ${name}(${ports.length ? `\n  ${ports.join(",\n  ")}\n` : ""})`;
}

/** The ivs and labels of a copy nest over `shape`, as Allo's wrap_io names them (`l_S_<tag>_<tag>_l_0`, `l_<tag>_l_1`). */
export function copyNest(
  shape: readonly number[],
  tag: string,
  names: NameTable,
): { ivs: string[]; labels: string[] } {
  const ivs = shape.map((_, k) => names.unique(`${tag}_l_${k}`));
  return { ivs, labels: ivs.map((iv, k) => (k === 0 ? `l_S_${tag}_${iv}` : `l_${iv}`)) };
}

/** The C++ name of argument k's on-chip copy in the wrapped top. */
export const copyLocal = (a: TbArg, k: number, names: NameTable): string =>
  names.unique(`${a.input ? "buf" : "result"}${k}`);

/** A pipelined copy nest `to[..] = from[..]` labelled as Allo's wrap_io loops. */
function copyLoops(b: BufferDecl, from: string, to: string, tag: string, names: NameTable): string[] {
  const { ivs, labels } = copyNest(b.shape, tag, names);
  const lines: string[] = [];
  b.shape.forEach((n, k) => {
    const label = labels[k];
    lines.push(`${"  ".repeat(k + 1)}${label}: for (int ${ivs[k]} = 0; ${ivs[k]} < ${n}; ${ivs[k]}++) {`);
    if (k === b.shape.length - 1) lines.push(`${"  ".repeat(k + 1)}#pragma HLS pipeline II=1 rewind`);
  });
  const at = ivs.length ? ivs.map((i) => `[${i}]`).join("") : "[0]";
  lines.push(`${"  ".repeat(b.shape.length + 1)}${to}${at} = ${from}${at};`);
  for (let k = b.shape.length - 1; k >= 0; k--) lines.push(`${"  ".repeat(k + 1)}}`);
  return lines;
}

/** The wrapIo: false refusal: a partition of an AXI port has no meaning in Vitis. */
function refusePartitionedPorts(args: readonly TbArg[], top: string, o: ProjectOptions): void {
  const a = args.find((x) => !x.scalar && !isUnpartitioned(bufferLayout(x.decl)));
  if (!a) return;
  const site = o.partitionSite?.(a.decl.name);
  throw new AlloError(
    "AL5014",
    `the schedule partitions '${a.decl.name}', an argument of the top '${top}', but with wrapIo: false it is an m_axi port used in place, and Vitis cannot partition an AXI port; build with wrapIo: true (the default) so the top copies it into a partitioned on-chip buffer, or partition a local buffer (bufferAt) instead of the argument`,
    site ? { span: site } : {},
  );
}

function inPlaceKernel(m: Module, top: Func, args: readonly TbArg[], o: ProjectOptions): VitisKernel {
  refusePartitionedPorts(args, top.name, o);
  const bundles = axiBundles(args, o.interfaces);
  const parts = emitParts(m, {
    topOptions: {
      portPragmas: (port, k) => interfacePragmas(args[k], port, bundles[k], o),
      directives: controlPragmas(o),
    },
    wrapTop: (text) => `extern "C" {\n${text}}\n`,
  });
  const { decls } = portsOf(args, new NameTable());
  const includes = includesFor(parts.body);
  return {
    code: `${BANNER}${includes}\n${parts.body}`,
    header: headerText(parts.top, decls, includes),
    top: parts.top,
    cyclic: parts.cyclic,
    words: new Map(),
  };
}

/**
 * Port names and declarators of the top as the testbench calls it: parameters, then returned buffers;
 * a port read in words is declared as its words (`words` by argument position).
 */
function portsOf(
  args: readonly TbArg[],
  table: NameTable,
  words: ReadonlyMap<number, BufferDecl> = new Map(),
): { names: string[]; decls: string[] } {
  const names = args.map((a) => table.unique(a.decl.name));
  const decls = args.map((a, k) =>
    a.scalar ? `${cType(a.decl.type)} ${names[k]}` : paramDeclarator(words.get(k) ?? a.decl, names[k]),
  );
  return { names, decls };
}

function wrappedKernel(m: Module, top: Func, args: readonly TbArg[], o: ProjectOptions): VitisKernel {
  const taken = new Set(m.functions.map((f) => f.name));
  let inner = `${m.top}_kernel`;
  while (taken.has(inner)) inner = `${inner}_`;
  const renamed: Module = {
    functions: m.functions.map((f) => (f === top ? { ...f, name: inner } : f)),
    top: inner,
  };
  const prepared = runPasses(HLS_PASSES, renamed);
  const bundles = axiBundles(args, o.interfaces);
  const streamed = streamedPorts(prepared.module, args, bundles);
  const wide = widenStreamedPorts(prepared.module, streamed);
  const parts = printPrepared({ ...prepared, module: wide.module });
  const table = new NameTable([...renamed.functions.map((f) => f.name), parts.top]);
  const name = table.unique(m.top);
  const { names, decls } = portsOf(args, table, wide.words);
  const body = args.flatMap((a, k) =>
    interfacePragmas(a, names[k], bundles[k], o).map((p) => `#pragma HLS ${p}`),
  );
  body.push(...controlPragmas(o).map((p) => `#pragma HLS ${p}`));
  const locals = args.map((a, k) => (a.scalar || streamed.has(k) ? names[k] : copyLocal(a, k, table)));
  args.forEach((a, k) => {
    if (a.scalar || streamed.has(k)) return;
    // A 0-d argument is a one-element array on both sides (paramDeclarator's `T x[1]`).
    // Static past 64 KiB: a full-size copy (9 MB for BERT's Y) would overflow the csim stack, and it is
    // refilled from its port on every call (an output-only copy is written before it is read).
    body.push(`  ${stackPrefix(a.decl)}${paramDeclarator(a.decl, locals[k])};`);
    body.push(...partitionPragmas(a.decl, locals[k]).map((p) => `#pragma HLS ${p}`));
    if (a.input) body.push(...copyLoops(a.decl, names[k], locals[k], `buf${k}`, table));
  });
  body.push(`  ${parts.top}(${locals.join(", ")});`);
  args.forEach((a, k) => {
    if (!a.scalar && a.output && !streamed.has(k))
      body.push(...copyLoops(a.decl, locals[k], names[k], `result${k}`, table));
  });
  const wrapper = `extern "C" {\n${prototype(name, decls)} {\n${body.join("\n")}\n}\n}\n`;
  const includes = includesFor(parts.body + wrapper);
  return {
    code: `${BANNER}${includes}\n${parts.body}\n${wrapper}`,
    header: headerText(name, decls, includes),
    top: name,
    cyclic: parts.cyclic,
    words: wide.words,
  };
}

export function emitVitisKernel(m: Module, o: ProjectOptions): VitisKernel {
  const top = m.functions.find((f) => f.name === m.top) as Func;
  const args = tbArgs(top);
  const arrays = args.some((a) => !a.scalar);
  return o.wrapIo && arrays ? wrappedKernel(m, top, args, o) : inPlaceKernel(m, top, args, o);
}

/** kernel.h with kernel.cpp's `includes` (so it carries the same AP_INT_MAX_W). */
function headerText(top: string, decls: readonly string[], includes: string): string {
  const guard = "ALLO_KERNEL_H";
  const directives = includes
    .split("\n")
    .filter((l) => l.startsWith("#"))
    .join("\n");
  return `${BANNER}#ifndef ${guard}\n#define ${guard}\n${directives}\n\nextern "C" {\n${prototype(top, decls)};\n}\n\n#endif\n`;
}
