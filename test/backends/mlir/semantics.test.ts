// Every conversion and integer/fixed/float operation the MLIR printer lowers, run natively on corner
// values (NaN, infinities, -0, overflowing floats, INT_MIN / -1, zero divisors, shift amounts past the
// width) and compared bit for bit with src/semantics/scalar.ts, in one lowering and one clang run.
import { test } from "node:test";
import { bin, cast, forLoop, idx, ivRef, load } from "../../../src/ir/build.ts";
import type { Expr, Module } from "../../../src/ir/nodes.ts";
import {
  binary,
  bitNot,
  convert,
  negate,
  rawRange,
  type Scalar,
  wrap,
} from "../../../src/semantics/scalar.ts";
import {
  BOOL,
  type ElemType,
  F32,
  fixedType,
  floatType,
  I32,
  INDEX,
  intType,
  typeName,
  uintType,
} from "../../../src/types/dtype.ts";
import type { BinaryOp } from "../../../src/types/typing-rules.ts";
import { assertSameOutputs } from "../../support/compare.ts";
import { boundaryValue, edgeFloats } from "../../support/edge-values.ts";
import { func, module } from "./modules.ts";
import { type NativeCase, runNative, type Value } from "./native.ts";
import { inWorkDir, requireTools, skipWithoutTools } from "./tools.ts";

const F16 = floatType(16);
const F64 = floatType(64);
const i = ivRef("i");

function intsOf(t: ElemType): bigint[] {
  const [lo, hi] = rawRange(t);
  const mid = [-1000n, -129n, -128n, -7n, -2n, -1n, 0n, 1n, 2n, 3n, 7n, 16n, 127n, 255n, 256n, 40000n];
  return [...new Set([lo, lo + 1n, hi - 1n, hi, ...mid.map((v) => wrap(v, t))])];
}

/** Raw inputs of a type: floats as numbers, integers and fixed point as raw bigints. */
const samples = (t: ElemType): Scalar[] => (t.kind === "float" ? edgeFloats(t) : intsOf(t));

const boundary = boundaryValue;

interface Check {
  readonly name: string;
  readonly run: NativeCase;
  readonly expected: Value[];
}

/** C[k] = f(A[k], B[k]) over paired inputs, with the reference computed by `ref`. */
function check(
  name: string,
  ta: ElemType,
  tb: ElemType,
  tc: ElemType,
  pairs: readonly [Scalar, Scalar][],
  f: (a: Expr, b: Expr) => Expr,
  ref: (a: Scalar, b: Scalar) => Scalar,
): Check {
  const n = pairs.length;
  const param = (name: string, type: ElemType) => ({
    name,
    type,
    shape: [n],
    role: "param" as const,
    partitions: [],
  });
  const body = [
    forLoop("i", "i", idx(0), idx(n), [
      { kind: "store" as const, buffer: "C", indices: [i], value: f(load("A", [i], ta), load("B", [i], tb)) },
    ]),
  ];
  const m: Module = module(
    name,
    func(name, { params: [param("A", ta), param("B", tb), param("C", tc)], body }),
  );
  const args = [
    pairs.map((p) => boundary(ta, p[0])),
    pairs.map((p) => boundary(tb, p[1])),
    pairs.map(() => boundary(tc, tc.kind === "float" ? 0 : 0n)),
  ];
  return {
    name,
    run: { module: m, args: args as Value[] },
    expected: [pairs.map((p) => boundary(tc, ref(p[0], p[1])))] as Value[],
  };
}

const zip = (xs: readonly Scalar[], ys: readonly Scalar[]): [Scalar, Scalar][] =>
  xs.flatMap((x) => ys.map((y) => [x, y] as [Scalar, Scalar]));

function conversion(from: ElemType, to: ElemType): Check {
  const xs = samples(from);
  return check(
    `cast_${typeName(from)}_to_${typeName(to)}`.replace(/\W+/g, "_"),
    from,
    BOOL,
    to,
    xs.map((x) => [x, 0n]),
    (a) => cast(a, to),
    (a) => convert(a, from, to),
  );
}

function binaryCheck(
  op: BinaryOp,
  t: ElemType,
  tb: ElemType = t,
  ys: readonly Scalar[] = samples(tb),
): Check {
  const cmp = ["==", "!=", "<", "<=", ">", ">="].includes(op);
  const tc = cmp ? BOOL : t;
  const name = `op_${op}_${typeName(t)}_${typeName(tb)}`.replace(
    /\W+/g,
    (s) => `_${[...s].map((c) => c.charCodeAt(0)).join("_")}_`,
  );
  return check(
    name,
    t,
    tb,
    tc,
    zip(samples(t), ys),
    (a, b) => bin(op, a, b, tc),
    (a, b) => binary(op, a, b, t),
  );
}

function unaryCheck(op: "neg" | "bnot", t: ElemType): Check {
  return check(
    `op_${op}_${typeName(t)}`.replace(/\W+/g, "_"),
    t,
    BOOL,
    t,
    samples(t).map((x) => [x, 0n]),
    (a) => ({ kind: "unary", op, type: t, operand: a }),
    (a) => (op === "neg" ? negate(a, t) : bitNot(a as bigint, t)),
  );
}

const fx = fixedType(16, 8);
const ufx = fixedType(12, 4, false);
const CHECKS: Check[] = [
  ...[
    intType(8),
    intType(16),
    I32,
    uintType(32),
    intType(64),
    uintType(64),
    intType(100),
    BOOL,
    INDEX,
    fx,
    ufx,
  ].map((t) => conversion(F32, t)),
  ...[I32, intType(64), uintType(64), intType(512), fixedType(40, 20)].map((t) => conversion(F64, t)),
  ...[intType(8), I32, F32].map((t) => conversion(F16, t)),
  ...[F32, F64, F16].map((t) => conversion(F64, t)),
  ...[F16, F32, F64, fixedType(20, 4), INDEX, BOOL].map((t) => conversion(I32, t)),
  ...[F32, F16, INDEX].map((t) => conversion(intType(64), t)),
  conversion(uintType(64), F32),
  conversion(intType(100), F64),
  conversion(uintType(8), INDEX),
  ...[intType(8), F32, intType(64), fx].map((t) => conversion(INDEX, t)),
  ...[
    F32,
    F64,
    intType(8),
    intType(16),
    fixedType(8, 2),
    fixedType(24, 12),
    fixedType(8, 4, false),
    INDEX,
  ].map((t) => conversion(fx, t)),
  ...[fx, I32, F32].map((t) => conversion(ufx, t)),
  ...(["/", "%"] as const).flatMap((op) =>
    [intType(8), uintType(16), I32, intType(64), intType(1), BOOL, INDEX, intType(100)].map((t) =>
      binaryCheck(op, t),
    ),
  ),
  ...(["+", "-", "*", "min", "max", "&", "|", "^", "<", ">=", "!="] as const).map((op) =>
    binaryCheck(op, intType(8)),
  ),
  ...(["+", "-", "*", "min", "<"] as const).map((op) => binaryCheck(op, INDEX)),
  ...(["*", "+", "%", "<", "min"] as const).flatMap((op) =>
    [fx, fixedType(8, 4, false)].map((t) => binaryCheck(op, t)),
  ),
  ...(["<<", ">>"] as const).flatMap((op) => [
    binaryCheck(op, intType(16), uintType(8)),
    binaryCheck(op, uintType(16), intType(8)),
    binaryCheck(op, intType(8), intType(64)),
    binaryCheck(op, fx, I32),
    binaryCheck(op, INDEX, I32, [-1n, 0n, 3n, 31n, 32n, 33n]),
    binaryCheck(op, intType(16), BOOL),
  ]),
  ...(["min", "max", "%", "<", "==", "!=", ">="] as const).flatMap((op) =>
    [F32, F16].map((t) => binaryCheck(op, t)),
  ),
  ...[intType(8), uintType(8), fx, F32, INDEX].flatMap((t) => [
    unaryCheck("neg", t),
    ...(t.kind === "float" || t.kind === "fixed" ? [] : [unaryCheck("bnot", t)]),
  ]),
];

test("lowered conversions and operations agree bit for bit with the reference semantics", {
  skip: skipWithoutTools(),
}, () => {
  const tools = requireTools();
  inWorkDir("semantics", (dir) => {
    const runs = runNative(
      tools,
      CHECKS.map((c) => c.run),
      dir,
    );
    for (const [k, c] of CHECKS.entries()) assertSameOutputs([runs[k].args[2]], c.expected, c.name);
  });
});
