// Random well-typed IR modules for soundness tests of the symbolic executor: one loop over i whose
// body stores random expressions (integer, index and float arithmetic, bitwise ops, shifts, casts
// between widths and signedness, comparisons, selects) over input elements, loop variables and
// constants into outputs of random types.
import { bin, cast, constOf, forLoop, idx, ivRef, load } from "../../../src/ir/build.ts";
import type { BufferDecl, Expr, Module, Stmt } from "../../../src/ir/nodes.ts";
import { rawRange } from "../../../src/semantics/scalar.ts";
import { BOOL, type ElemType, floatType, INDEX, intType, uintType } from "../../../src/types/dtype.ts";
import type { BinaryOp } from "../../../src/types/typing-rules.ts";
import { randBig } from "../../support/random.ts";

export const LEN = 6;
const INTS: ElemType[] = [
  intType(1),
  intType(8),
  uintType(8),
  intType(16),
  uintType(16),
  intType(17),
  intType(32),
  uintType(32),
  intType(33),
  intType(64),
  INDEX,
  BOOL,
];
const FLOATS: ElemType[] = [floatType(32), floatType(64)];
const INPUTS: ElemType[] = [intType(8), uintType(8), intType(16), intType(32), uintType(16), floatType(32)];

type R = () => number;
const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const isFloat = (t: ElemType) => t.kind === "float";

const CMP: BinaryOp[] = ["==", "!=", "<", "<=", ">", ">="];

function constant(r: R, t: ElemType): Expr {
  if (isFloat(t)) return constOf(t, Math.round((r() * 8 - 4) * 4) / 4);
  const [lo, hi] = rawRange(t);
  if (r() >= 0.6) return constOf(t, randBig(r, lo, hi));
  const v = BigInt(Math.floor(r() * 9) - 4);
  return constOf(t, v < lo ? lo : v > hi ? hi : v);
}

function leaf(r: R, t: ElemType): Expr {
  const x = r();
  if (x < 0.35) return constant(r, t);
  if (x < 0.43) return cast(ivRef("i"), t);
  // A condition on the loop variable alone: computed natively, then converted (true is -1 in Int(1)).
  if (x < 0.5) {
    const c = bin(pick(r, CMP), ivRef("i"), idx(Math.floor(r() * LEN)), BOOL);
    return cast(r() < 0.5 ? c : cast(c, intType(1)), t);
  }
  const k = Math.floor(r() * INPUTS.length);
  const index =
    r() < 0.5 ? ivRef("i") : bin("%", bin("+", ivRef("i"), idx(Math.floor(r() * 5)), INDEX), idx(LEN), INDEX);
  const e = load(`X${k}`, [index], INPUTS[k]);
  return e.type === t ? e : cast(e, t);
}

const INT_OPS: BinaryOp[] = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "min", "max"];
const FLOAT_OPS: BinaryOp[] = ["+", "-", "*", "min", "max"];

export function expr(r: R, t: ElemType, depth: number): Expr {
  if (depth <= 0 || r() < 0.15) return leaf(r, t);
  const x = r();
  if (t.kind === "int" && t.bits === 1 && !t.signed && x < 0.5) {
    const ot = pick(r, [...INTS, ...FLOATS]);
    return bin(pick(r, CMP), expr(r, ot, depth - 1), expr(r, ot, depth - 1), BOOL);
  }
  if (x < 0.25) return cast(expr(r, pick(r, [...INTS, ...FLOATS]), depth - 1), t);
  if (x < 0.35)
    return {
      kind: "select",
      type: t,
      cond: expr(r, BOOL, depth - 1),
      then: expr(r, t, depth - 1),
      else: expr(r, t, depth - 1),
    };
  if (x < 0.42 && t.kind !== "index") {
    const op = isFloat(t) ? "neg" : pick(r, ["neg", "bnot"] as const);
    return { kind: "unary", type: t, op, operand: expr(r, t, depth - 1) };
  }
  const op = pick(r, isFloat(t) ? FLOAT_OPS : INT_OPS);
  const rhsType = op === "<<" || op === ">>" ? pick(r, INTS) : t;
  return bin(op, expr(r, t, depth - 1), expr(r, rhsType, depth - 1), t);
}

/** A module `f(X0..X5) -> (O0..On)` whose loop stores one random expression per output. */
export function randomModule(r: R, outputs: number, depth: number): Module {
  const buffers: Record<string, BufferDecl> = {};
  INPUTS.forEach((t, k) => {
    buffers[`X${k}`] = { name: `X${k}`, type: t, shape: [LEN], role: "param", partitions: [] };
  });
  const body: Stmt[] = [];
  const results: string[] = [];
  for (let o = 0; o < outputs; o++) {
    const t = pick(r, [...INTS.filter((x) => x.kind !== "index"), ...FLOATS]);
    const name = `O${o}`;
    buffers[name] = { name, type: t, shape: [LEN], role: "result", partitions: [] };
    results.push(name);
    body.push({ kind: "store", buffer: name, indices: [ivRef("i")], value: expr(r, t, depth) });
  }
  return {
    top: "f",
    functions: [
      {
        name: "f",
        params: INPUTS.map((_, k) => ({ kind: "buffer" as const, name: `X${k}` })),
        results,
        buffers,
        body: [
          ...results.map((b) => ({ kind: "alloc" as const, buffer: b })),
          forLoop("i", "i", idx(0), idx(LEN), body),
        ],
        attrs: {},
      },
    ],
  };
}
