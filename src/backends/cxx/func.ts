// One IR function as a C++ function: parameters in order, then returned buffers as trailing output
// arguments; function directives (dataflow, inline, and m_axi ports for a Vitis kernel top), array
// directives of the ports, then the body. Locals get their C++ names up front so naming is stable.

import { paramKey } from "../../ir/analysis/range.ts";
import type { BufferDecl, Func, Stmt } from "../../ir/nodes.ts";
import { visitStmts } from "../../ir/walk.ts";
import { fnName, type ModuleContext, paramDeclarator, restrictDeclarator } from "./decls.ts";
import { NameTable } from "./names.ts";
import { Scope, viewFor } from "./scope.ts";
import { FnBuilder } from "./stmt.ts";
import { cType } from "./types.ts";

export interface Port {
  /** `float A[16][16]`, `int32_t n`, `hls::stream< int8_t >& s`. */
  readonly declarator: string;
  /** Directives right after the signature (array_partition, interface). */
  readonly pragmas: readonly string[];
}

/** `void name(\n  ports\n) {` + body + `}`, with function directives first. */
function functionText(
  prefix: string,
  returns: string,
  name: string,
  ports: readonly Port[],
  directives: readonly string[],
  body: string,
  line?: number,
): string {
  const sig = ports.length ? `(\n${ports.map((p) => `  ${p.declarator}`).join(",\n")}\n)` : "()";
  const pragmas = [...directives, ...ports.flatMap((p) => p.pragmas)].map((p) => `${prefix}${p}\n`).join("");
  return `${returns} ${name}${sig} {${line !== undefined ? `\t// L${line}` : ""}\n${pragmas}${body}}\n`;
}

export interface FunctionOptions {
  /** Extra directives for each port but streams, by C++ argument position (a Vitis top's interfaces). */
  readonly portPragmas?: (port: string, position: number) => string[];
  /** Extra function directives (a Vitis top's control interface). */
  readonly directives?: readonly string[];
  /** Returned buffers as `__restrict` pointers: the caller allocates each afresh (the native entry). */
  readonly restrictResults?: boolean;
  /** Array parameters as `__restrict` pointers: the caller refused written ones that overlap (AL5017). */
  readonly restrictParams?: boolean;
}

/** Emits `f` into ctx.out. */
export function emitFunction(ctx: ModuleContext, f: Func, opts: FunctionOptions = {}): void {
  const s = new Scope(new NameTable([], ctx.globals), ctx.helpers);
  const check = ctx.target.checkIndex?.bind(ctx.target);
  if (check) s.checkIndex = (ix, buffer, dim) => check(ix, { func: f, buffer, dim });
  const checkBit = ctx.target.checkBitPos?.bind(ctx.target);
  if (checkBit) s.checkBitPos = (pos, bitPos) => checkBit(pos, { func: f, bitPos });
  const ports: Port[] = [];
  const bufferPort = (b: BufferDecl, fresh = false): void => {
    const name = s.names.unique(b.name);
    s.ports.add(b.name);
    s.views.set(b.name, viewFor(b, name));
    const iface = b.stream ? [] : (opts.portPragmas?.(name, ports.length) ?? []);
    ports.push({
      declarator: fresh && !b.stream ? restrictDeclarator(b, name) : paramDeclarator(b, name, ctx.target),
      pragmas: [...iface, ...ctx.target.bufferDirectives(b, name, false)],
    });
  };
  for (const p of f.params) {
    if (p.kind === "buffer") {
      bufferPort(f.buffers[p.name], opts.restrictParams);
    } else {
      const name = s.names.unique(p.name);
      s.params.set(p.name, name);
      if (p.range) s.ranges.set(paramKey(p.name), p.range);
      ports.push({
        declarator: `${cType(p.type)} ${name}`,
        pragmas: opts.portPragmas?.(name, ports.length) ?? [],
      });
    }
  }
  for (const r of f.results) bufferPort(f.buffers[r], opts.restrictResults);
  const locals = Object.values(f.buffers).filter((b) => !s.views.has(b.name));
  for (const b of locals) s.views.set(b.name, viewFor(b, s.names.unique(b.name)));

  const fb = new FnBuilder(ctx, f, s);
  const defined = definedBuffers(f.body);
  const undeclared: Stmt[] = locals
    .filter((b) => !defined.has(b.name))
    .map((b) => ({ kind: "alloc", buffer: b.name }));
  for (const d of [...ctx.target.functionDirectives(f), ...(opts.directives ?? [])]) fb.addDirective(d);
  fb.emitBody([...undeclared, ...f.body]);
  // A function that may block is a coroutine (coroutines.ts); co_return makes it one whatever its body.
  const coroutine = ctx.blocking.has(f.name);
  if (coroutine) fb.w.line("co_return;");
  ctx.out.push(
    functionText(
      ctx.target.directivePrefix,
      coroutine ? "allo_nat::task" : "void",
      fnName(ctx, f),
      ports,
      fb.directives,
      fb.w.text(),
      f.span?.line,
    ),
  );
}

/** Buffers an alloc or a call result brings into existence somewhere in the block. */
function definedBuffers(body: readonly Stmt[]): Set<string> {
  const out = new Set<string>();
  visitStmts(body, (st) => {
    if (st.kind === "alloc") out.add(st.buffer);
    if (st.kind === "call") for (const r of st.results) out.add(r);
  });
  return out;
}
