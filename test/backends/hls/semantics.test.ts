// The emitted C++ computes exactly what src/semantics/scalar.ts says, through C simulation: every
// conversion between 21 types (natives, bool, ap_int widths up to 200, fixed point, float16/32/64) and
// every operation on each type, on corner values (min/max, 0, -1, NaN, infinities, -0, floats past an
// integer's range, zero divisors, INT_MIN / -1, shift amounts below 0 and past the width). One module
// per source type (conversions) and per operand type (operations), all in one g++ batch.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { boundaryClass } from "../../../src/backends/hls/data.ts";
import { csimBatch } from "../../../src/backends/hls/index.ts";
import { bin, cast, forLoop, idx, ivRef, load } from "../../../src/ir/build.ts";
import type { BufferDecl, Expr, Module, Stmt } from "../../../src/ir/nodes.ts";
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
  fixedType,
  floatType,
  INDEX,
  intType,
  typeName,
  uintType,
} from "../../../src/types/dtype.ts";
import type { BinaryOp } from "../../../src/types/typing-rules.ts";
import { assertSameOutputs } from "../../support/compare.ts";
import { boundaryValue, edgeFloats } from "../../support/edge-values.ts";

const F16 = floatType(16);
const F32 = floatType(32);
const F64 = floatType(64);

const TYPES: readonly ElemType[] = [
  intType(8),
  uintType(8),
  intType(16),
  uintType(16),
  intType(32),
  uintType(32),
  intType(64),
  uintType(64),
  INDEX,
  BOOL,
  intType(1),
  intType(7),
  uintType(12),
  intType(33),
  uintType(48),
  intType(65),
  intType(200),
  fixedType(16, 8),
  fixedType(12, 4, false),
  fixedType(40, 30),
  F16,
  F32,
  F64,
];

/** Raw sample values: floats as numbers, integers and fixed point as raw bigints that a double holds. */
function samples(t: ElemType): Scalar[] {
  if (t.kind === "float") return edgeFloats(t);
  const [lo, hi] = rawRange(t);
  const cap = 2n ** 52n;
  const mid = [-1000n, -129n, -128n, -7n, -2n, -1n, 0n, 1n, 2n, 3n, 7n, 255n, 256n, 40000n, 123456789n];
  // Just above a float32 (float64) rounding tie once rounded to 53 bits: rounding twice goes wrong.
  const ties = [2n ** 60n + 2n ** 36n + 1n, -(2n ** 62n + 2n ** 38n + 1n), 2n ** 100n + 2n ** 47n + 1n];
  const all = [
    lo,
    lo + 1n,
    hi - 1n,
    hi,
    ...mid.map((v) => wrap(v, t)),
    ...ties.filter((v) => v >= lo && v <= hi),
  ];
  return [...new Set(all.filter((v) => t.kind !== "fixed" || (v < cap && v > -cap)))];
}

const boundary = boundaryValue;

function array(t: ElemType, raws: readonly Scalar[]): unknown {
  const vals = raws.map((v) => boundary(t, v));
  const cls = boundaryClass(t);
  if (cls === "Array") return vals;
  const Ctor = (globalThis as unknown as Record<string, { from(x: unknown[]): unknown }>)[cls];
  return Ctor.from(cls.startsWith("Big") ? vals : vals.map(Number));
}

/** Outputs as comparable plain values (integers as decimal strings). */
const plain = (t: ElemType, xs: ArrayLike<unknown>): unknown[] =>
  Array.from(xs, (x) =>
    t.kind === "float" || t.kind === "fixed" ? Number(x) : String(BigInt(x as number | bigint)),
  );

const decl = (name: string, type: ElemType, n: number): BufferDecl => ({
  name,
  type,
  shape: [n],
  role: "param",
  partitions: [],
});

interface Output {
  readonly name: string;
  readonly type: ElemType;
  readonly value: (a: Expr, b: Expr) => Expr;
  readonly expected: (a: Scalar, b: Scalar) => Scalar;
}

interface Check {
  readonly name: string;
  readonly module: Module;
  readonly args: unknown[];
  readonly outputs: readonly { readonly name: string; readonly type: ElemType; readonly want: Scalar[] }[];
}

/** C_k[i] = out_k(A[i], B[i]) for every output over the paired inputs. */
function check(
  name: string,
  ta: ElemType,
  tb: ElemType,
  pairs: readonly [Scalar, Scalar][],
  outs: readonly Output[],
): Check {
  const n = pairs.length;
  const i = ivRef("i");
  const body: Stmt[] = [
    forLoop(
      "i",
      "i",
      idx(0),
      idx(n),
      outs.map((o, k) => ({
        kind: "store" as const,
        buffer: `C${k}`,
        indices: [i],
        value: o.value(load("A", [i], ta), load("B", [i], tb)),
      })),
    ),
  ];
  const params = [decl("A", ta, n), decl("B", tb, n), ...outs.map((o, k) => decl(`C${k}`, o.type, n))];
  const module: Module = {
    top: name,
    functions: [
      {
        name,
        params: params.map((p) => ({ kind: "buffer" as const, name: p.name })),
        results: [],
        buffers: Object.fromEntries(params.map((p) => [p.name, p])),
        body,
        attrs: {},
      },
    ],
  };
  const args = [
    array(
      ta,
      pairs.map((p) => p[0]),
    ),
    array(
      tb,
      pairs.map((p) => p[1]),
    ),
    ...outs.map((o) =>
      array(
        o.type,
        pairs.map(() => (o.type.kind === "float" ? 0 : 0n)),
      ),
    ),
  ];
  const outputs = outs.map((o) => ({
    name: o.name,
    type: o.type,
    want: pairs.map(([a, b]) => o.expected(a, b)),
  }));
  return { name, module, args, outputs };
}

const ident = (t: ElemType): string => typeName(t).replace(/\W+/g, "_");
const zip = (xs: readonly Scalar[], ys: readonly Scalar[]): [Scalar, Scalar][] =>
  xs.flatMap((x) => ys.map((y) => [x, y] as [Scalar, Scalar]));

function conversions(from: ElemType): Check {
  const outs = TYPES.map(
    (to): Output => ({
      name: `to ${typeName(to)}`,
      type: to,
      value: (a) => cast(a, to),
      expected: (a) => convert(a, from, to),
    }),
  );
  return check(
    `cast_${ident(from)}`,
    from,
    BOOL,
    samples(from).map((x) => [x, 0n]),
    outs,
  );
}

const CMP: readonly BinaryOp[] = ["==", "!=", "<", "<=", ">", ">="];

function operations(t: ElemType): Check {
  const int = t.kind === "int" || t.kind === "index";
  const arith: BinaryOp[] = ["+", "-", "*", "min", "max"];
  if (t.kind !== "fixed") arith.push("/", "%");
  if (int) arith.push("&", "|", "^");
  const outs: Output[] = [
    ...arith.map(
      (op): Output => ({
        name: op,
        type: t,
        value: (a, b) => bin(op, a, b, t),
        expected: (a, b) => binary(op, a, b, t),
      }),
    ),
    ...CMP.map(
      (op): Output => ({
        name: op,
        type: BOOL,
        value: (a, b) => bin(op, a, b, BOOL),
        expected: (a, b) => binary(op, a, b, t),
      }),
    ),
    {
      name: "neg",
      type: t,
      value: (a) => ({ kind: "unary", op: "neg", type: t, operand: a }),
      expected: (a) => negate(a, t),
    },
  ];
  if (t.kind !== "float") {
    outs.push({
      name: "~",
      type: t,
      value: (a) => ({ kind: "unary", op: "bnot", type: t, operand: a }),
      expected: (a) => bitNot(a as bigint, t),
    });
  }
  const xs = samples(t);
  return check(`ops_${ident(t)}`, t, t, zip(xs, xs.slice().reverse().slice(0, 12)), outs);
}

/** Shifts by amounts of a narrow and of a wide type (the wide one goes through the clamping helper). */
function shifts(t: ElemType): Check {
  const w = t.kind === "index" ? 32 : (t as { bits: number }).bits;
  const amounts = [-5n, -1n, 0n, 1n, 3n, BigInt(w - 1), BigInt(w), BigInt(w + 1), 127n];
  const narrow = intType(8);
  const outs = (["<<", ">>"] as const).flatMap((op) =>
    [narrow, uintType(64), intType(100)].map(
      (at): Output => ({
        name: `${op} ${typeName(at)}`,
        type: t,
        value: (a, b) => bin(op, a, at === narrow ? b : cast(b, at), t),
        expected: (a, b) => binary(op, a, convert(b, narrow, at), t),
      }),
    ),
  );
  const pairs = zip(samples(t), amounts).map(([a, s]) => [a, wrap(s as bigint, narrow)] as [Scalar, Scalar]);
  return check(`shifts_${ident(t)}`, t, narrow, pairs, outs);
}

/** Fixed point wider than a double, made from integers inside the kernel, converted to floats. */
function wideFixed(): Check {
  const from = intType(200);
  const fx = fixedType(180, 40);
  const outs = [F16, F32, F64].map(
    (to): Output => ({
      name: `via ${typeName(fx)} to ${typeName(to)}`,
      type: to,
      value: (a) => cast(cast(a, fx), to),
      expected: (a) => convert(convert(a, from, fx), fx, to),
    }),
  );
  return check(
    "wide_fixed",
    from,
    BOOL,
    samples(from).map((x) => [x, 0n]),
    outs,
  );
}

test("emitted C++ matches the reference semantics on every conversion and operation", async () => {
  const checks = [
    ...TYPES.map(conversions),
    ...TYPES.map(operations),
    ...TYPES.filter((t) => t.kind !== "float").map(shifts),
    wideFixed(),
  ];
  const args = checks.map((c) => c.args.slice());
  const dir = mkdtempSync(join(tmpdir(), "allo-hls-semantics-"));
  await csimBatch(
    checks.map((c, k) => ({ module: c.module, args: args[k] })),
    dir,
    { strict: true },
  );
  checks.forEach((c, k) => {
    c.outputs.forEach((o, j) => {
      const got = plain(o.type, args[k][2 + j] as ArrayLike<unknown>);
      const want = plain(
        o.type,
        o.want.map((v) => boundary(o.type, v)),
      );
      assertSameOutputs([got], [want], `${c.name} ${o.name}`);
    });
  });
  rmSync(dir, { recursive: true });
});
