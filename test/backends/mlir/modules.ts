// Hand-built IR modules for what the corpus kernels do not reach yet: partition layouts, streams and
// spatial regions, non-affine loops and short-circuit evaluation, split remainders and every loop
// attribute, calls with results, and the numeric corners (fixed point, float16, variable shifts).

import { bin, cast, cmp, constOf, forLoop, idx, idxOp, ivRef, load } from "../../../src/ir/build.ts";
import type { BufferDecl, Expr, Func, LoopAttrs, Module, Param, Stmt } from "../../../src/ir/nodes.ts";
import {
  BOOL,
  type ElemType,
  F32,
  fixedType,
  floatType,
  I32,
  INDEX,
  intType,
  uintType,
} from "../../../src/types/dtype.ts";

type Decl = Omit<BufferDecl, "partitions" | "role"> & Partial<Pick<BufferDecl, "partitions" | "role">>;
const decl = (d: Decl): BufferDecl => ({ role: "param", partitions: [], ...d });

interface FuncSpec {
  readonly params: readonly (BufferDecl | { scalar: string; type: ElemType })[];
  readonly locals?: readonly BufferDecl[];
  readonly results?: readonly string[];
  readonly body: readonly Stmt[];
  readonly attrs?: Func["attrs"];
}

export function func(name: string, spec: FuncSpec): Func {
  const buffers: Record<string, BufferDecl> = {};
  const params: Param[] = spec.params.map((p) => {
    if ("scalar" in p) return { kind: "scalar", name: p.scalar, type: p.type };
    buffers[p.name] = p;
    return { kind: "buffer", name: p.name };
  });
  for (const l of spec.locals ?? []) buffers[l.name] = l;
  return { name, params, results: spec.results ?? [], buffers, body: spec.body, attrs: spec.attrs ?? {} };
}

export const module = (top: string, ...functions: Func[]): Module => ({ functions, top });

const i = ivRef("i");
const j = ivRef("j");
const store = (buffer: string, indices: readonly Expr[], value: Expr): Stmt => ({
  kind: "store",
  buffer,
  indices,
  value,
});
const alloc = (buffer: string, init?: Expr): Stmt =>
  init?.kind === "const" ? { kind: "alloc", buffer, init } : { kind: "alloc", buffer };
const loop = (
  iv: string,
  ub: number | Expr,
  body: readonly Stmt[],
  attrs: LoopAttrs = {},
  lb: Expr = idx(0),
) => forLoop(iv, iv, lb, typeof ub === "number" ? idx(ub) : ub, body, attrs);
const f32 = (x: number) => constOf(F32, x);
const i32 = (x: number) => constOf(I32, BigInt(x));

/** Allo's layout maps: block on all dims, cyclic + complete per dim, complete all, factors normalised. */
function partitions(): Module {
  const A = decl({
    name: "A",
    type: F32,
    shape: [10, 10],
    partitions: [{ type: "block", dim: 0, factor: 2 }],
  });
  const B = decl({
    name: "B",
    type: I32,
    shape: [8, 8],
    partitions: [
      { type: "cyclic", dim: 1, factor: 4 },
      { type: "complete", dim: 2, factor: 0 },
    ],
  });
  const C = decl({
    name: "C",
    type: F32,
    shape: [4, 4],
    partitions: [{ type: "complete", dim: 0, factor: 0 }],
  });
  const D = decl({ name: "D", type: I32, shape: [6], partitions: [{ type: "block", dim: 1, factor: 1 }] });
  const E = decl({ name: "E", type: I32, shape: [12], partitions: [{ type: "cyclic", dim: 1, factor: 12 }] });
  const T = decl({
    name: "T",
    type: F32,
    shape: [4, 4],
    role: "local",
    partitions: [{ type: "complete", dim: 1, factor: 0 }],
  });
  const body: Stmt[] = [
    alloc("T"),
    loop(
      "i",
      4,
      [loop("j", 4, [store("T", [i, j], bin("+", load("A", [i, j], F32), load("C", [j, i], F32), F32))])],
      {
        opName: "S_i_j_0",
      },
    ),
    loop("i", 4, [loop("j", 4, [store("C", [i, j], load("T", [i, j], F32))], { pipelineII: 1 })], {
      opName: "S_i_j_1",
    }),
    loop("i", 6, [store("D", [i], load("B", [i, idxOp("+", i, idx(2))], I32))], { opName: "S_i_2" }),
    loop("i", 12, [store("E", [i], load("E", [i], I32))], { opName: "S_i_3", unroll: 0 }),
  ];
  return module("partitions", func("partitions", { params: [A, B, C, D, E], locals: [T], body }));
}

/**
 * A producer and a consumer unit talking through an array of two FIFOs and a 0-d stream, local or
 * (only printed: the CPU target takes no stream arguments) a parameter.
 */
function streams(name: string, sIsParam: boolean): Module {
  const A = decl({ name: "A", type: I32, shape: [8] });
  const B = decl({ name: "B", type: I32, shape: [8] });
  const S = decl({
    name: "S",
    type: I32,
    shape: [],
    stream: { depth: 1 },
    role: sIsParam ? "param" : "local",
  });
  const fifo = decl({ name: "fifo", type: I32, shape: [2], role: "local", stream: { depth: 4 } });
  const get = (stream: string, indices: readonly Expr[]): Expr => ({
    kind: "streamGet",
    type: I32,
    stream,
    indices,
  });
  const producer: Stmt[] = [
    loop("i", 8, [
      { kind: "streamPut", stream: "fifo", indices: [idx(0)], value: load("A", [i], I32) },
      { kind: "streamPut", stream: "fifo", indices: [idx(1)], value: i32(1) },
    ]),
    { kind: "streamPut", stream: "S", indices: [], value: i32(7) },
  ];
  const consumer: Stmt[] = [
    loop("j", 8, [
      store(
        "B",
        [j],
        cast(
          bin(
            "+",
            cast(get("fifo", [idx(0)]), intType(33)),
            cast(get("fifo", [idx(1)]), intType(33)),
            intType(33),
          ),
          I32,
        ),
      ),
    ]),
    store("B", [idx(0)], get("S", [])),
  ];
  const body: Stmt[] = [
    alloc("fifo"),
    ...(sIsParam ? [] : [alloc("S")]),
    {
      kind: "spatial",
      name: "top",
      units: [
        { name: "producer_0", body: producer },
        { name: "consumer_0", body: consumer },
      ],
    },
  ];
  const params = sIsParam ? [A, B, S] : [A, B];
  const locals = sIsParam ? [fifo] : [fifo, S];
  return module(name, func(name, { params, locals, body, attrs: { dataflow: true } }));
}

/** Runtime bounds (scf.for), a while loop, if/else, and && / ?: that must not evaluate a faulting side. */
function control(): Module {
  const A = decl({ name: "A", type: I32, shape: [8] });
  const B = decl({ name: "B", type: I32, shape: [8] });
  const acc = decl({ name: "acc", type: I32, shape: [], role: "local" });
  const n: Expr = { kind: "param", type: I32, name: "n" };
  const next = load("A", [idxOp("+", i, idx(1))], I32);
  const guard: Expr = {
    kind: "logical",
    op: "&&",
    type: BOOL,
    lhs: cmp("<", i, idx(7)),
    rhs: cmp(">", next, i32(0)),
  };
  const prev: Expr = {
    kind: "select",
    type: I32,
    cond: cmp(">", i, idx(0)),
    then: load("A", [idxOp("-", i, idx(1))], I32),
    else: i32(0),
  };
  const safeSel: Expr = {
    kind: "select",
    type: I32,
    cond: cmp("==", load("A", [i], I32), i32(0)),
    then: i32(1),
    else: load("A", [i], I32),
  };
  const accv = load("acc", [], I32);
  const body: Stmt[] = [
    loop("i", cast(n, INDEX), [
      { kind: "if", cond: guard, then: [store("B", [i], prev)], else: [store("B", [i], safeSel)] },
      alloc("acc"),
      store("acc", [], load("A", [i], I32)),
      {
        kind: "while",
        cond: cmp(">", accv, i32(1)),
        body: [store("acc", [], bin("/", accv, i32(2), I32))],
      },
      { kind: "if", cond: cmp("!=", accv, i32(1)), then: [store("A", [i], accv)], else: [] },
    ]),
  ];
  return module(
    "control",
    func("control", { params: [A, B, { scalar: "n", type: I32 }], locals: [acc], body }),
  );
}

/** Split remainders (affine min), triangular and max bounds, steps, floordiv/mod indices, all loop attributes. */
function tiles(): Module {
  const A = decl({ name: "A", type: F32, shape: [30] });
  const M = decl({ name: "M", type: F32, shape: [8, 4] });
  const io = ivRef("i.outer");
  const ii = ivRef("i.inner");
  const flat = idxOp("+", idxOp("*", io, idx(8)), ii);
  const inner = loop(
    "i.inner",
    idxOp("min", idx(8), idxOp("-", idx(30), idxOp("*", io, idx(8)))),
    [store("A", [flat], bin("*", load("A", [flat], F32), f32(2), F32))],
    { pipelineII: 1, rewind: true },
  );
  const body: Stmt[] = [
    loop("i.outer", 4, [inner], { opName: "S_i_0", parallel: true, dataflow: true }),
    loop(
      "i",
      8,
      [
        loop(
          "j",
          4,
          [store("M", [i, j], load("A", [idxOp("+", i, j)], F32))],
          { unroll: 4, reduction: true },
          i,
        ),
      ],
      { opName: "S_i_j_1" },
    ),
    loop("i", 32, [store("M", [idxOp("/", i, idx(4)), idxOp("%", i, idx(4))], f32(1.5))], {
      opName: "S_i_2",
      buffer: true,
    }),
    loop(
      "i",
      4,
      [
        forLoop(
          "j",
          "j",
          idxOp("max", idxOp("*", i, idx(2)), idx(3)),
          idx(30),
          [store("A", [j], f32(-0))],
          {},
          3,
        ),
      ],
      {
        opName: "S_i_j_3",
      },
    ),
  ];
  return module("tiles", func("tiles", { params: [A, M], body }));
}

/** Calls: a scalar argument converted to the parameter type, a returned buffer, function attributes. */
function calls(): Module {
  const X = decl({ name: "X", type: I32, shape: [4] });
  const R = decl({ name: "R", type: I32, shape: [4], role: "result" });
  const callee = func("scale", {
    params: [X, { scalar: "k", type: intType(16) }],
    locals: [R],
    results: ["R"],
    attrs: { inline: true },
    body: [
      alloc("R"),
      loop("i", 4, [
        store(
          "R",
          [i],
          cast(
            bin(
              "*",
              cast(load("X", [i], I32), intType(48)),
              cast({ kind: "param", type: intType(16), name: "k" }, intType(48)),
              intType(48),
            ),
            I32,
          ),
        ),
      ]),
    ],
  });
  const A = decl({ name: "A", type: I32, shape: [4] });
  const Y = decl({ name: "Y", type: I32, shape: [4], role: "local" });
  const Z = decl({ name: "Z", type: I32, shape: [4], role: "result" });
  const top = func("twice", {
    params: [A],
    locals: [Y, Z],
    results: ["Z"],
    body: [
      {
        kind: "call",
        callee: "scale",
        args: [
          { kind: "buffer", name: "A" },
          { kind: "value", value: i32(3) },
        ],
        results: ["Y"],
      },
      {
        kind: "call",
        callee: "scale",
        args: [
          { kind: "buffer", name: "Y" },
          { kind: "value", value: cast(load("A", [idx(0)], I32), intType(16)) },
        ],
        results: ["Z"],
      },
    ],
  });
  return module("twice", callee, top);
}

/** A caller and a callee that disagree on a layout (before layout inference unifies them). */
function layoutMismatch(): Module {
  const P = decl({ name: "P", type: F32, shape: [4], partitions: [{ type: "complete", dim: 1, factor: 0 }] });
  const callee = func("sink", { params: [P], body: [store("P", [idx(0)], f32(1))] });
  const Q = decl({ name: "Q", type: F32, shape: [4] });
  const top = func("source", {
    params: [Q],
    body: [{ kind: "call", callee: "sink", args: [{ kind: "buffer", name: "Q" }], results: [] }],
  });
  return module("source", callee, top);
}

/** Fixed point, float16, math intrinsics, index buffers and variable shifts in one function. */
function numerics(): Module {
  const fx = fixedType(16, 8);
  const ufx = fixedType(12, 4, false);
  const F = decl({ name: "F", type: fx, shape: [4] });
  const U = decl({ name: "U", type: ufx, shape: [4] });
  const H = decl({ name: "H", type: floatType(16), shape: [4] });
  const X = decl({ name: "X", type: F32, shape: [4] });
  const N = decl({ name: "N", type: INDEX, shape: [4] });
  const S = decl({ name: "S", type: uintType(16), shape: [4] });
  const half = floatType(16);
  const body: Stmt[] = [
    loop("i", 4, [
      store("F", [i], bin("*", load("F", [i], fx), cast(load("U", [i], ufx), fx), fx)),
      store("U", [i], cast(load("X", [i], F32), ufx)),
      store("H", [i], bin("+", load("H", [i], half), cast(load("F", [i], fx), half), half)),
      store("X", [i], { kind: "intrinsic", fn: "exp", type: F32, args: [load("X", [i], F32)] }),
      store("X", [i], { kind: "intrinsic", fn: "pow", type: F32, args: [load("X", [i], F32), f32(0.5)] }),
      store("N", [i], idxOp("*", load("N", [i], INDEX), i)),
      store("S", [i], bin(">>", load("S", [i], uintType(16)), load("N", [i], INDEX), uintType(16))),
      store(
        "S",
        [i],
        bin("<<", load("S", [i], uintType(16)), cast(load("F", [i], fx), intType(8)), uintType(16)),
      ),
      store("S", [i], bin("%", load("S", [i], uintType(16)), cast(i, uintType(16)), uintType(16))),
      store("N", [i], { kind: "unary", op: "bnot", type: INDEX, operand: load("N", [i], INDEX) }),
      store(
        "X",
        [i],
        bin("max", { kind: "unary", op: "neg", type: F32, operand: load("X", [i], F32) }, f32(0), F32),
      ),
    ]),
  ];
  return module("numerics", func("numerics", { params: [F, U, H, X, N, S], body }));
}

/** Hand-built modules by name: each has a golden file test/golden/mlir/<name>.mlir. */
export const MODULES: Readonly<Record<string, () => Module>> = {
  partitions,
  streams: () => streams("streams", false),
  stream_param: () => streams("stream_param", true),
  control,
  tiles,
  calls,
  layout_mismatch: layoutMismatch,
  numerics,
};
