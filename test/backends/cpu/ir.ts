// Small builders for hand-made IR in the CPU backend tests: buffer declarations, functions, modules,
// statements and stream operations.

import type { BufferDecl, Expr, Func, Module, Param, Stmt } from "../../../src/ir/nodes.ts";
import type { ElemType } from "../../../src/types/dtype.ts";

type Decl = Omit<BufferDecl, "partitions" | "role"> & Partial<Pick<BufferDecl, "role">>;
export const buffer = (d: Decl): BufferDecl => ({ role: "param", partitions: [], ...d });
export const local = (d: Omit<Decl, "role">): BufferDecl => buffer({ ...d, role: "local" });

export interface FuncSpec {
  readonly params: readonly (BufferDecl | { readonly scalar: string; readonly type: ElemType })[];
  readonly locals?: readonly BufferDecl[];
  readonly results?: readonly string[];
  readonly body: readonly Stmt[];
}

export function func(name: string, spec: FuncSpec): Func {
  const buffers: Record<string, BufferDecl> = {};
  const params: Param[] = spec.params.map((p) => {
    if ("scalar" in p) return { kind: "scalar", name: p.scalar, type: p.type };
    buffers[p.name] = p;
    return { kind: "buffer", name: p.name };
  });
  for (const l of spec.locals ?? []) buffers[l.name] = l;
  return { name, params, results: spec.results ?? [], buffers, body: spec.body, attrs: {} };
}

export const module = (...functions: Func[]): Module => ({ functions, top: functions[0].name });

export const store = (buffer: string, indices: readonly Expr[], value: Expr): Stmt => ({
  kind: "store",
  buffer,
  indices,
  value,
});
export const alloc = (buffer: string): Stmt => ({ kind: "alloc", buffer });
export const put = (stream: string, indices: readonly Expr[], value: Expr): Stmt => ({
  kind: "streamPut",
  stream,
  indices,
  value,
});
export const get = (stream: string, indices: readonly Expr[], type: ElemType): Expr => ({
  kind: "streamGet",
  stream,
  indices,
  type,
});
export const spatial = (name: string, units: Record<string, readonly Stmt[]>): Stmt => ({
  kind: "spatial",
  name,
  units: Object.entries(units).map(([n, body]) => ({ name: n, body })),
});
