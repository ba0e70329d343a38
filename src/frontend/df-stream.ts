// Stream operations and pids inside the instances of a dataflow region: `s.put(v)` / `s.get()` on a
// stream (or `fifo[i][j + 1]` of an array of streams) and `const [i, j] = df.getPid()`. Each instance
// is lowered with its pid bound to constants, so stream indices must fold (AL4002) and be in range
// (AL4003). Every put/get site is recorded for the region's connectivity checks (./df-region.ts). On a
// block stream (`Stream<float32<[M]>>`) a put takes an M-element array or row and a get fills a local
// array, each through a lane loop of M element puts or gets (marked `lanes` for the HLS printer).

import { forLoop, idx, ivRef, load } from "../ir/build.ts";
import type { Expr, ForStmt, Stmt } from "../ir/nodes.ts";
import { type ElemType, typeName } from "../types/dtype.ts";
import type { FnContext } from "./context.ts";
import { convertTo, intLiteral } from "./fold.ts";
import { lowerExpr, lowerIndex } from "./lower-expr.ts";
import ts from "./typescript.cts";

/** One put or get of one FIFO (constant indices) by one instance, where the source wrote it. */
export interface StreamSite {
  readonly instance: string;
  readonly stream: string;
  readonly indices: readonly number[];
  readonly op: "put" | "get";
  readonly node: ts.Node;
}

/** What the instance being lowered knows: its name, pid and the mapping rank, and the sites so far. */
export interface InstanceState {
  instance: string;
  pid: readonly number[];
  /** The kernel's `mapping` literal, for AL4010. */
  mapping: ts.Node;
  /** Region parameters a kernel must reach through `args` (AL4007). */
  readonly regionParams: ReadonlySet<string>;
  readonly sites: StreamSite[];
}

const states = new WeakMap<FnContext, InstanceState>();

export const setInstance = (ctx: FnContext, s: InstanceState | undefined): void => {
  if (s) states.set(ctx, s);
  else states.delete(ctx);
};

/** `df.<name>` where `df` is allo-ts's (not shadowed by a kernel-local name). */
export function isDfCall(ctx: FnContext, e: ts.Node | undefined, name: string): e is ts.CallExpression {
  if (!e || !ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression)) return false;
  const obj = e.expression.expression;
  return (
    ts.isIdentifier(obj) &&
    ctx.file.libraryName(obj.text) === "df" &&
    !ctx.lookup(obj.text) &&
    e.expression.name.text === name
  );
}

/** The root name of `s` or `s[i][j]`, when it is a stream. */
function streamRoot(ctx: FnContext, e: ts.Expression): string | undefined {
  let base = e;
  while (ts.isElementAccessExpression(base)) base = base.expression;
  if (!ts.isIdentifier(base)) return undefined;
  const b = ctx.lookup(base.text);
  return b?.kind === "buffer" && ctx.buffers.get(b.buffer)?.stream ? b.buffer : undefined;
}

/** `<stream>.put(v)` or `<stream>.get()`. */
export function isStreamCall(ctx: FnContext, e: ts.Expression, op: "put" | "get"): boolean {
  return (
    ts.isCallExpression(e) &&
    ts.isPropertyAccessExpression(e.expression) &&
    e.expression.name.text === op &&
    streamRoot(ctx, e.expression.expression) !== undefined
  );
}

/** The FIFO a stream expression names: its buffer and constant, in-range indices. */
function fifoOf(ctx: FnContext, e: ts.Expression, op: "put" | "get"): { stream: string; indices: number[] } {
  const subs: ts.Expression[] = [];
  let base = e;
  while (ts.isElementAccessExpression(base)) {
    subs.unshift(base.argumentExpression);
    base = base.expression;
  }
  const stream = streamRoot(ctx, e) as string;
  const d = ctx.buffer(stream);
  const name = (base as ts.Identifier).text;
  if (subs.length !== d.shape.length) {
    throw ctx.error(
      e,
      "AL1009",
      `'${name}' is ${d.shape.length ? `an array of streams of shape [${d.shape.join(", ")}]` : "one stream"} but is indexed with ${subs.length}; ${d.shape.length ? `pick one FIFO: ${name}${d.shape.map(() => "[...]").join("")}.${op}(...)` : `write ${name}.${op}(...)`}`,
    );
  }
  const indices = subs.map((s, k) => {
    const ix = lowerIndex(ctx, s);
    if (ix.kind !== "const") {
      throw ctx.error(
        s,
        "AL4002",
        `stream index '${s.getText(ctx.sf.ast)}' is not a compile-time constant in instance ${states.get(ctx)?.instance ?? ctx.funcName}; a kernel picks its FIFOs by constants and df.getPid() values (use a stream per loop iteration's partner instead of indexing by a loop variable)`,
      );
    }
    const v = Number(ix.value);
    if (v < 0 || v >= d.shape[k]) {
      throw ctx.error(
        s,
        "AL4003",
        `stream index ${v} of '${name}' is out of range [0, ${d.shape[k]}) in dimension ${k + 1} in instance ${states.get(ctx)?.instance ?? ctx.funcName}`,
      );
    }
    return v;
  });
  return { stream, indices };
}

function record(ctx: FnContext, stream: string, indices: number[], op: "put" | "get", node: ts.Node) {
  const s = states.get(ctx);
  if (!s) {
    throw ctx.error(
      node,
      "AL4008",
      `'${op}' on a stream is allowed only inside df.kernel(...) of the region that declares it`,
    );
  }
  s.sites.push({ instance: s.instance, stream, indices, op, node });
}

/** The number of elements per block of the stream a put or get names (undefined: not a block stream). */
export function blockOf(ctx: FnContext, call: ts.CallExpression): number | undefined {
  const root = streamRoot(ctx, (call.expression as ts.PropertyAccessExpression).expression);
  return root === undefined ? undefined : ctx.buffer(root).stream?.block;
}

/** One block's lane loop: `body(lane)` for each of its `block` elements. */
function lanes(ctx: FnContext, block: number, node: ts.Node, body: (lane: Expr) => Stmt): ForStmt {
  const iv = ctx.unique("lane");
  return { ...forLoop(iv, iv, idx(0), idx(block), [body(ivRef(iv))], { lanes: true }), span: ctx.span(node) };
}

/** The buffer and leading indices of an M-element array or row put on a block stream (AL4001 otherwise). */
function blockOperand(ctx: FnContext, node: ts.Expression, stream: string, block: number) {
  const subs: ts.Expression[] = [];
  let base: ts.Expression = node;
  while (ts.isElementAccessExpression(base)) {
    subs.unshift(base.argumentExpression);
    base = base.expression;
  }
  const b = ts.isIdentifier(base) ? ctx.lookup(base.text) : undefined;
  const decl = b?.kind === "buffer" ? ctx.buffer(b.buffer) : undefined;
  if (!decl || decl.stream || decl.shape.length - subs.length !== 1 || decl.shape.at(-1) !== block) {
    const t = typeName(ctx.buffer(stream).type);
    throw ctx.error(
      node,
      "AL4001",
      `'${stream}' moves blocks of ${block} elements: put a ${block}-element array or row (const row: ${t}<[${block}]>; ${stream}.put(row) or ${stream}.put(A[i])), not '${node.getText(ctx.sf.ast)}'${decl && !decl.stream ? ` of shape [${decl.shape.slice(subs.length).join(", ")}]` : ""}`,
    );
  }
  return { decl, prefix: subs.map((x) => lowerIndex(ctx, x)) };
}

export function lowerPut(ctx: FnContext, call: ts.CallExpression): Stmt {
  const target = (call.expression as ts.PropertyAccessExpression).expression;
  if (call.arguments.length !== 1) throw ctx.error(call, "AL2009", "put takes exactly one value: s.put(v)");
  const { stream, indices } = fifoOf(ctx, target, "put");
  record(ctx, stream, indices, "put", call);
  const t = ctx.buffer(stream).type;
  const span = ctx.span(call);
  const block = ctx.buffer(stream).stream?.block;
  if (block === undefined) {
    const value = convertTo(lowerExpr(ctx, call.arguments[0]), t);
    return { kind: "streamPut", stream, indices: indices.map(idx), value, span };
  }
  const { decl, prefix } = blockOperand(ctx, call.arguments[0], stream, block);
  return lanes(ctx, block, call, (lane) => ({
    kind: "streamPut",
    stream,
    indices: indices.map(idx),
    value: convertTo(load(decl.name, [...prefix, lane], decl.type), t),
    span,
  }));
}

/** The FIFO element a get reads (one lane of a block stream's block). */
function getOf(ctx: FnContext, call: ts.CallExpression): Extract<Expr, { kind: "streamGet" }> {
  const target = (call.expression as ts.PropertyAccessExpression).expression;
  if (call.arguments.length !== 0) throw ctx.error(call, "AL2009", "get takes no arguments: s.get()");
  const { stream, indices } = fifoOf(ctx, target, "get");
  record(ctx, stream, indices, "get", call);
  return {
    kind: "streamGet",
    type: ctx.buffer(stream).type,
    stream,
    indices: indices.map(idx),
    span: ctx.span(call),
  };
}

export function lowerGet(ctx: FnContext, call: ts.CallExpression): Expr {
  const block = blockOf(ctx, call);
  if (block !== undefined) {
    const name = call.expression.getText(ctx.sf.ast).replace(/\.get$/, "");
    throw ctx.error(
      call,
      "AL4001",
      `'${name}' moves blocks of ${block} elements: read a block into a local array, const row: ${typeName(ctx.buffer(streamRoot(ctx, (call.expression as ts.PropertyAccessExpression).expression) as string).type)}<[${block}]> = ${name}.get();`,
    );
  }
  return getOf(ctx, call);
}

/**
 * `const row: float32<[M]> = s.get();` on a block stream: a local array of the block's shape (its
 * element type as declared, converted as an assignment does) filled by one lane loop.
 */
export function lowerBlockGet(
  ctx: FnContext,
  d: ts.VariableDeclaration & { name: ts.Identifier },
  call: ts.CallExpression,
  declared: { dtype: ElemType; shape: readonly number[] } | undefined,
  isConst: boolean,
): Stmt[] {
  const block = blockOf(ctx, call) as number;
  const get = getOf(ctx, call);
  if (declared && (declared.shape.length !== 1 || declared.shape[0] !== block)) {
    throw ctx.error(
      d,
      "AL4001",
      `'${get.stream}' moves blocks of ${block} elements, so '${d.name.text}' must be declared ${typeName(declared.dtype)}<[${block}]>, not of shape [${declared.shape.join(", ")}]`,
    );
  }
  const type = declared?.dtype ?? get.type;
  const buffer = ctx.unique(d.name.text);
  const span = ctx.span(d);
  ctx.declare({ name: buffer, type, shape: [block], role: "local", partitions: [], span });
  ctx.bind(d.name.text, { kind: "buffer", buffer, isConst }, d.name);
  return [
    { kind: "alloc", buffer, span },
    lanes(ctx, block, call, (lane) => ({
      kind: "store",
      buffer,
      indices: [lane],
      value: convertTo(get, type),
      span,
    })),
  ];
}

/** `s.get();` as a statement: the value (every lane of a block) is read, the FIFO advances, into a scratch local. */
export function discardGet(ctx: FnContext, call: ts.CallExpression): Stmt[] {
  const block = blockOf(ctx, call);
  const value = getOf(ctx, call);
  const buffer = ctx.unique("discarded");
  ctx.declare({
    name: buffer,
    type: value.type,
    shape: [],
    role: "local",
    partitions: [],
    span: ctx.span(call),
  });
  const store: Stmt = { kind: "store", buffer, indices: [], value, span: ctx.span(call) };
  return [
    { kind: "alloc", buffer, span: ctx.span(call) },
    block === undefined ? store : lanes(ctx, block, call, () => store),
  ];
}

/** A stream named where a value is expected. */
export const streamAsValue = (ctx: FnContext, node: ts.Identifier) =>
  ctx.error(
    node,
    "AL1005",
    `'${node.text}' is a stream, not a value; read it with ${node.text}.get() and write it with ${node.text}.put(v)`,
  );

/** `const [i, j] = df.getPid();`: binds the instance's indices as constants. */
export function isPidDeclaration(ctx: FnContext, d: ts.VariableDeclaration): boolean {
  return isDfCall(ctx, d.initializer, "getPid");
}

export function bindPid(ctx: FnContext, d: ts.VariableDeclaration, isConst: boolean): void {
  const s = states.get(ctx);
  if (!s) throw ctx.error(d, "AL4010", "df.getPid() is allowed only inside df.kernel(...) of a region");
  if (!isConst || !ts.isArrayBindingPattern(d.name)) {
    throw ctx.error(
      d,
      "AL4010",
      `destructure the pid with const, one name per mapping dimension: const [${s.pid.map((_, k) => "ijkl"[k] ?? `p${k}`).join(", ")}] = df.getPid();`,
    );
  }
  const names = d.name.elements;
  if (names.length !== s.pid.length) {
    throw ctx.error(
      d.name,
      "AL4010",
      `df.getPid() gives ${s.pid.length} index(es) here (the mapping has rank ${s.pid.length}), but ${names.length} are taken; write const [${s.pid.map((_, k) => "ijkl"[k] ?? `p${k}`).join(", ")}] = df.getPid();`,
    );
  }
  names.forEach((el, k) => {
    if (ts.isOmittedExpression(el)) return;
    if (!ts.isIdentifier(el.name) || el.dotDotDotToken || el.initializer)
      throw ctx.error(el, "AL4010", "each pid index is bound to a plain name: const [i, j] = df.getPid();");
    ctx.bind(el.name.text, { kind: "const", value: intLiteral(BigInt(s.pid[k])) }, el.name);
  });
}
