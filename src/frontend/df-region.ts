// Lowers a dataflow region (an exported kernel whose body holds only `df.stream` declarations and
// `df.kernel(...)` statements) to one `spatial` statement: one unit per surviving instance, named
// `kernel_p0_p1`, with the kernel body lowered once per pid (pids are constants, so meta-if branches
// fold and untaken ones are never compiled) and its parameters bound to the region's `args` arrays by
// reference. Instances left empty are dropped, streams no instance uses are dropped, and the network
// is checked (./df-checks.ts) before any backend sees it.

import type { SpatialUnit, Stmt } from "../ir/nodes.ts";
import { elementCount } from "../ir/shape.ts";
import { sameType, typeName } from "../types/dtype.ts";
import type { FnContext } from "./context.ts";
import { checkNetwork, type StreamDecl } from "./df-checks.ts";
import { checkRaces } from "./df-races.ts";
import { type InstanceState, isDfCall, type StreamSite, setInstance } from "./df-stream.ts";
import { lowerExpr } from "./lower-expr.ts";
import { lowerStatements } from "./lower-stmt.ts";
import { readDim, readType } from "./types.ts";
import ts from "./typescript.cts";

const lookupOf = (ctx: FnContext) => (n: string) => {
  const b = ctx.lookup(n);
  return b?.kind === "const" ? b.value : undefined;
};

/** A body is a region when it declares a df.stream or holds a df.kernel statement. */
export function isRegion(ctx: FnContext, stmts: readonly ts.Statement[]): boolean {
  return stmts.some(
    (s) =>
      (ts.isExpressionStatement(s) && isDfCall(ctx, s.expression, "kernel")) ||
      (ts.isVariableStatement(s) &&
        s.declarationList.declarations.some((d) => isDfCall(ctx, d.initializer, "stream"))),
  );
}

export function lowerRegion(
  ctx: FnContext,
  decl: ts.FunctionDeclaration,
  stmts: readonly ts.Statement[],
): Stmt[] {
  const params = new Set<string>();
  for (const p of decl.parameters) {
    const name = (p.name as ts.Identifier).text;
    const b = ctx.lookup(name);
    if (b?.kind !== "buffer") {
      throw ctx.error(
        p,
        "AL4008",
        `parameter '${name}' of region '${ctx.funcName}' is a scalar; region parameters are tensors (pass a one-element tensor, or make it a module constant)`,
      );
    }
    params.add(name);
  }
  if (decl.type && decl.type.kind !== ts.SyntaxKind.VoidKeyword)
    throw ctx.error(
      decl.type,
      "AL4008",
      `region '${ctx.funcName}' returns nothing: declare it ': void' and write results into its parameters`,
    );
  const streams: StreamDecl[] = [];
  const units: SpatialUnit[] = [];
  const sites: StreamSite[] = [];
  for (const s of stmts) {
    if (
      ts.isVariableStatement(s) &&
      s.declarationList.declarations.every((d) => isDfCall(ctx, d.initializer, "stream"))
    ) {
      for (const d of s.declarationList.declarations) streams.push(declareStream(ctx, d, s));
    } else if (ts.isExpressionStatement(s) && isDfCall(ctx, s.expression, "kernel")) {
      units.push(...instances(ctx, s.expression, params, sites));
    } else {
      throw ctx.error(
        s,
        "AL4008",
        `a dataflow region holds only stream declarations (const s: Stream<float32> = df.stream({ depth: 2 });) and df.kernel(...) statements; move this statement into a kernel`,
      );
    }
  }
  const used = checkNetwork(ctx, streams, units, sites);
  checkRaces(ctx, ctx.funcName, units, params);
  return [
    ...used.map((st): Stmt => ({ kind: "alloc", buffer: st.buffer, span: ctx.span(st.node) })),
    { kind: "spatial", name: ctx.funcName, units, span: ctx.span(decl.name ?? decl) },
  ];
}

/** `const s: Stream<T> = df.stream({ depth })` or `Stream<T, [P0, P1]>`: a local FIFO (array) buffer. */
function declareStream(ctx: FnContext, d: ts.VariableDeclaration, s: ts.VariableStatement): StreamDecl {
  if (!(s.declarationList.flags & ts.NodeFlags.Const) || !ts.isIdentifier(d.name))
    throw ctx.error(
      d,
      "AL4001",
      "declare each stream with const and a name: const pipe: Stream<float32> = df.stream();",
    );
  const name = d.name.text;
  const t = d.type;
  if (
    !t ||
    !ts.isTypeReferenceNode(t) ||
    !ts.isIdentifier(t.typeName) ||
    ctx.file.libraryName(t.typeName.text) !== "Stream" ||
    !t.typeArguments?.length
  ) {
    throw ctx.error(
      d,
      "AL4001",
      `stream '${name}' needs its type: const ${name}: Stream<float32> = df.stream(); (an array of streams: Stream<float32, [P0, P1]>)`,
    );
  }
  const [elemNode, shapeNode] = t.typeArguments;
  const elem = readType(elemNode, ctx.sf, lookupOf(ctx));
  if (elem.shape.length > 1) {
    throw ctx.error(
      elemNode,
      "AL4001",
      `a stream's blocks are one-dimensional (${typeName(elem.dtype)}<[M]>), but this one is ${elemNode.getText(ctx.sf.ast)}; stream its rows`,
    );
  }
  const block = elem.shape[0];
  let shape: number[] = [];
  if (shapeNode) {
    if (!ts.isTupleTypeNode(shapeNode))
      throw ctx.error(
        shapeNode,
        "AL4001",
        "the shape of an array of streams is a tuple: Stream<float32, [P0, P1]>",
      );
    shape = shapeNode.elements.map((e) => readDim(e, ctx.sf, lookupOf(ctx)));
    if (shape.length > 3 || shape.some((n) => n <= 0))
      throw ctx.error(shapeNode, "AL4001", "an array of streams has 1 to 3 dimensions of positive size");
  }
  const call = d.initializer as ts.CallExpression;
  const depth = streamDepth(ctx, call);
  const buffer = ctx.unique(name);
  ctx.declare({
    name: buffer,
    type: elem.dtype,
    shape,
    role: "local",
    partitions: [],
    stream: block === undefined ? { depth } : { depth: depth * block, block },
    span: ctx.span(d),
  });
  ctx.bind(name, { kind: "buffer", buffer, isConst: true }, d.name);
  return { name, buffer, node: d };
}

function streamDepth(ctx: FnContext, call: ts.CallExpression): number {
  const o = call.arguments[0];
  if (call.arguments.length === 0) return 2;
  const bad = (at: ts.Node) =>
    ctx.error(
      at,
      "AL4001",
      "df.stream takes { depth: n } with n a positive compile-time integer (default 2)",
    );
  if (call.arguments.length > 1 || !ts.isObjectLiteralExpression(o)) throw bad(call);
  let depth = 2;
  for (const p of o.properties) {
    if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name) || p.name.text !== "depth") throw bad(p);
    const v = lowerExpr(ctx, p.initializer);
    if (
      v.kind !== "const" ||
      v.type.kind !== "int" ||
      (v.value as bigint) <= 0n ||
      (v.value as bigint) > 1n << 20n
    )
      throw bad(p.initializer);
    depth = Number(v.value);
  }
  return depth;
}

/** The instances of one `df.kernel({ mapping, args }, function name(...) {...})`, row-major. */
function instances(
  ctx: FnContext,
  call: ts.CallExpression,
  params: ReadonlySet<string>,
  sites: StreamSite[],
): SpatialUnit[] {
  const [opts, fn] = call.arguments;
  if (call.arguments.length !== 2 || !opts || !ts.isObjectLiteralExpression(opts))
    throw ctx.error(
      call,
      "AL4008",
      "write df.kernel({ mapping: [1], args: [A] }, function name(local_A: ...) { ... })",
    );
  if (!fn || !ts.isFunctionExpression(fn) || !fn.name) {
    throw ctx.error(
      fn ?? call,
      "AL4008",
      "the kernel of df.kernel is a named function expression: df.kernel({ mapping: [1], args: [A] }, function producer(local_A: ...) { ... })",
    );
  }
  const prop = (n: string) =>
    opts.properties.find(
      (p): p is ts.PropertyAssignment =>
        ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === n,
    );
  for (const p of opts.properties)
    if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name) || !["mapping", "args"].includes(p.name.text))
      throw ctx.error(p, "AL4008", "df.kernel's options are { mapping, args }");
  const mapping = prop("mapping");
  if (
    !mapping ||
    !ts.isArrayLiteralExpression(mapping.initializer) ||
    mapping.initializer.elements.length === 0
  )
    throw ctx.error(
      mapping ?? opts,
      "AL4011",
      "df.kernel needs mapping: [d0, ...], the instance grid (positive compile-time integers), e.g. mapping: [1]",
    );
  const dims = mapping.initializer.elements.map((e) => {
    const v = lowerExpr(ctx, e);
    if (
      v.kind !== "const" ||
      v.type.kind !== "int" ||
      (v.value as bigint) <= 0n ||
      (v.value as bigint) > 4096n
    )
      throw ctx.error(
        e,
        "AL4011",
        `mapping entry '${e.getText(ctx.sf.ast)}' must be a positive compile-time integer (at most 4096)`,
      );
    return Number(v.value);
  });
  const kname = fn.name.text;
  const bound = bindArgs(ctx, prop("args"), fn, params, call);
  checkNoDirectUse(ctx, fn, params);
  const out: SpatialUnit[] = [];
  const total = elementCount(dims);
  for (let k = 0; k < total; k++) {
    const pid: number[] = [];
    for (let d = dims.length - 1, r = k; d >= 0; d--) {
      pid.unshift(r % dims[d]);
      r = Math.floor(r / dims[d]);
    }
    const instance = `${kname}_${pid.join("_")}`;
    const state: InstanceState = { instance, pid, mapping: mapping.initializer, regionParams: params, sites };
    setInstance(ctx, state);
    ctx.push();
    try {
      for (const [i, p] of fn.parameters.entries()) {
        const b = { kind: "buffer", buffer: bound[i], isConst: false } as const;
        ctx.bind((p.name as ts.Identifier).text, b, p.name);
      }
      const body = lowerStatements(ctx, fn.body.statements);
      if (body.length > 0) out.push({ name: instance, body });
    } finally {
      ctx.pop();
      setInstance(ctx, undefined);
    }
  }
  return out;
}

/** `args: [A, B]`: each a region parameter whose dtype and shape are the kernel parameter's. */
function bindArgs(
  ctx: FnContext,
  args: ts.PropertyAssignment | undefined,
  fn: ts.FunctionExpression,
  params: ReadonlySet<string>,
  call: ts.CallExpression,
): string[] {
  const list = args?.initializer;
  if (args && !ts.isArrayLiteralExpression(list!))
    throw ctx.error(list!, "AL4006", "args is an array of region parameters: args: [A, B]");
  const given = list && ts.isArrayLiteralExpression(list) ? list.elements : [];
  const kname = fn.name!.text;
  if (given.length !== fn.parameters.length) {
    throw ctx.error(
      list ?? call,
      "AL4006",
      `kernel '${kname}' has ${fn.parameters.length} parameter(s) but args gives ${given.length}; pass one region parameter per kernel parameter, in order`,
    );
  }
  return given.map((e, i) => {
    const p = fn.parameters[i];
    const pname = (p.name as ts.Identifier).text;
    if (!ts.isIdentifier(e) || !params.has(e.text)) {
      throw ctx.error(
        e,
        "AL4006",
        `args[${i}] must be a parameter of region '${ctx.funcName}' (${[...params].join(", ")}), not '${e.getText(ctx.sf.ast)}'`,
      );
    }
    if (!p.type || !ts.isIdentifier(p.name))
      throw ctx.error(
        p,
        "AL4006",
        `kernel parameter '${p.getText(ctx.sf.ast)}' needs a name and a tensor type`,
      );
    const want = readType(p.type, ctx.sf, lookupOf(ctx));
    const b = ctx.buffer((ctx.lookup(e.text) as { buffer: string }).buffer);
    if (!sameType(want.dtype, b.type) || want.shape.join() !== b.shape.join()) {
      throw ctx.error(
        e,
        "AL4006",
        `args[${i}] '${e.text}' is ${typeName(b.type)}[${b.shape.join(", ")}] but parameter '${pname}' of kernel '${kname}' is ${typeName(want.dtype)}[${want.shape.join(", ")}]`,
      );
    }
    return b.name;
  });
}

/** A kernel names a region parameter directly instead of through its own parameter (AL4007). */
function checkNoDirectUse(ctx: FnContext, fn: ts.FunctionExpression, params: ReadonlySet<string>): void {
  const own = new Set(fn.parameters.map((p) => (p.name as ts.Identifier).text));
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) own.add(n.name.text);
    if (ts.isIdentifier(n) && params.has(n.text) && !own.has(n.text)) {
      const parent = n.parent;
      const isName =
        (ts.isPropertyAccessExpression(parent) && parent.name === n) ||
        (ts.isPropertyAssignment(parent) && parent.name === n);
      if (!isName && !ts.isTypeNode(parent)) {
        throw ctx.error(
          n,
          "AL4007",
          `kernel '${fn.name!.text}' uses region parameter '${n.text}' directly; pass '${n.text}' through args (args: [${n.text}]) and use the kernel's own parameter`,
        );
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(fn.body);
}
