// The kernel form Vitis builds into an xclbin: the top function inside extern "C" with one m_axi
// bundle per array argument (gmem0, gmem1, ...). AXI ports cannot be partitioned, so when the top
// partitions an argument, the kernel body becomes `<top>_kernel` and the extern "C" top copies each
// partitioned argument into a partitioned local buffer, calls it, and copies written buffers back.

import type { BufferDecl, Func, Module } from "../../ir/nodes.ts";
import { localDeclarator, paramDeclarator } from "../cxx/decls.ts";
import { NameTable } from "../cxx/names.ts";
import { cType } from "../cxx/types.ts";
import { BANNER, emitParts, INCLUDES } from "./emit.ts";
import { partitionPragmas } from "./pragmas.ts";
import { type TbArg, tbArgs } from "./testbench.ts";

export interface VitisKernel {
  /** kernel.cpp */
  readonly code: string;
  /** kernel.h: the extern "C" prototype. */
  readonly header: string;
  /** C++ name of the extern "C" top (the Vitis kernel name). */
  readonly top: string;
  readonly cyclic: readonly string[];
}

const maxi = (port: string, k: number): string => `interface m_axi port=${port} offset=slave bundle=gmem${k}`;

function prototype(name: string, ports: readonly string[]): string {
  return `void ${name}(${ports.length ? `\n  ${ports.join(",\n  ")}\n` : ""})`;
}

/** Port names and declarators of the top as the testbench calls it: parameters, then returned buffers. */
function portsOf(args: readonly TbArg[]): { table: NameTable; names: string[]; decls: string[] } {
  const table = new NameTable();
  const names = args.map((a) => table.unique(a.decl.name));
  const decls = args.map((a, k) =>
    a.scalar ? `${cType(a.decl.type)} ${names[k]}` : paramDeclarator(a.decl, names[k]),
  );
  return { table, names, decls };
}

function copyLoops(b: BufferDecl, from: string, to: string, tag: string, names: NameTable): string[] {
  const ivs = b.shape.map((_, k) => names.unique(`${tag}${k}`));
  const lines: string[] = [];
  b.shape.forEach((n, k) => {
    lines.push(`${"  ".repeat(k + 1)}l_${ivs[k]}: for (int ${ivs[k]} = 0; ${ivs[k]} < ${n}; ${ivs[k]}++) {`);
    if (k === b.shape.length - 1) lines.push(`${"  ".repeat(k + 1)}#pragma HLS pipeline II=1`);
  });
  const at = ivs.map((i) => `[${i}]`).join("");
  lines.push(`${"  ".repeat(b.shape.length + 1)}${to}${at} = ${from}${at};`);
  for (let k = b.shape.length - 1; k >= 0; k--) lines.push(`${"  ".repeat(k + 1)}}`);
  return lines;
}

export function emitVitisKernel(m: Module): VitisKernel {
  const top = m.functions.find((f) => f.name === m.top) as Func;
  const args = tbArgs(top);
  const { table, names, decls } = portsOf(args);
  const partitioned = args.map((a) => !a.scalar && partitionPragmas(a.decl, "x").length > 0);
  if (!partitioned.some(Boolean)) {
    let k = 0;
    const parts = emitParts(m, {
      topOptions: { portPragmas: (port) => [maxi(port, k++)] },
      wrapTop: (text) => `extern "C" {\n${text}}\n`,
    });
    const header = headerText(parts.top, decls);
    return { code: `${BANNER}${INCLUDES}\n${parts.body}`, header, top: parts.top, cyclic: parts.cyclic };
  }
  const taken = new Set(m.functions.map((f) => f.name));
  let inner = `${m.top}_kernel`;
  while (taken.has(inner)) inner = `${inner}_`;
  const renamed: Module = {
    functions: m.functions.map((f) => (f === top ? { ...f, name: inner } : f)),
    top: inner,
  };
  const parts = emitParts(renamed);
  const arrays = args.flatMap((a, k) => (a.scalar ? [] : [names[k]]));
  const body = arrays.map((n, k) => `#pragma HLS ${maxi(n, k)}`);
  const callArgs = names.map((n, k) => (partitioned[k] ? table.unique(`${n}_local`) : n));
  args.forEach((a, k) => {
    if (!partitioned[k]) return;
    body.push(`  ${localDeclarator(a.decl, callArgs[k])};`);
    body.push(...partitionPragmas(a.decl, callArgs[k]).map((p) => `#pragma HLS ${p}`));
    if (a.input) body.push(...copyLoops(a.decl, names[k], callArgs[k], `${names[k]}_in`, table));
  });
  body.push(`  ${parts.top}(${callArgs.join(", ")});`);
  args.forEach((a, k) => {
    if (partitioned[k] && a.output)
      body.push(...copyLoops(a.decl, callArgs[k], names[k], `${names[k]}_out`, table));
  });
  const name = new NameTable(renamed.functions.map((f) => f.name)).unique(m.top);
  const wrapper = `extern "C" {\n${prototype(name, decls)} {\n${body.join("\n")}\n}\n}\n`;
  return {
    code: `${BANNER}${INCLUDES}\n${parts.body}\n${wrapper}`,
    header: headerText(name, decls),
    top: name,
    cyclic: parts.cyclic,
  };
}

function headerText(top: string, decls: readonly string[]): string {
  const guard = "ALLO_KERNEL_H";
  const includes = INCLUDES.split("\n")
    .filter((l) => l.startsWith("#include"))
    .join("\n");
  return `${BANNER}#ifndef ${guard}\n#define ${guard}\n${includes}\n\nextern "C" {\n${prototype(top, decls)};\n}\n\n#endif\n`;
}
