// Lowers the bit functions of the kernel language (bit, bits, withBit, withBits, reverseBits, bitcast) to
// shifts, masks and integer casts on the operand's bits read as an unsigned integer of its width (a
// fixed-point value's raw bits through a `bitcast` node, the one IR node they need). The HLS writer
// prints the resulting `uint<w>(x >> lo)` as `x[lo]` / `x.range(hi, lo)` where the slice provably fits.

import { affineOf, combineAffine } from "../ir/analysis/affine.ts";
import { bitcastOf, constOf } from "../ir/build.ts";
import type { Expr } from "../ir/nodes.ts";
import { bitWidth, type ElemType, INDEX, isIntegral, typeName, uintType } from "../types/dtype.ts";
import type { FnContext } from "./context.ts";
import { convertTo, makeBinary } from "./fold.ts";
import { castTarget, lowerExpr, lowerIndex } from "./lower-expr.ts";
import ts from "./typescript.cts";

const BIT_FUNCTIONS = ["bit", "bits", "withBit", "withBits", "reverseBits", "bitcast"] as const;
type BitFunction = (typeof BIT_FUNCTIONS)[number];

const USAGE: Readonly<Record<BitFunction, string>> = {
  bit: "bit(x, i)",
  bits: "bits(x, lo, hi)",
  withBit: "withBit(x, i, v)",
  withBits: "withBits(x, lo, hi, v)",
  reverseBits: "reverseBits(x)",
  bitcast: "bitcast(x, T)",
};

/** The bit function a callee names (imported from "allo-ts", possibly aliased), unless a kernel name hides it. */
export function bitFunction(ctx: FnContext, callee: ts.Expression): BitFunction | undefined {
  if (!ts.isIdentifier(callee) || ctx.lookup(callee.text) || ctx.file.kernel(callee.text)) return undefined;
  const name = ctx.file.libraryName(callee.text);
  return (BIT_FUNCTIONS as readonly string[]).includes(name) ? (name as BitFunction) : undefined;
}

export function lowerBitCall(ctx: FnContext, node: ts.CallExpression, fn: BitFunction): Expr {
  const arity = USAGE[fn].split(",").length;
  if (node.arguments.length !== arity) {
    throw ctx.error(node, "AL2013", `${fn} takes ${arity} argument(s): ${USAGE[fn]}`);
  }
  const [xNode, ...rest] = node.arguments;
  if (fn === "bitcast") return bitcast(ctx, node, lowerExpr(ctx, xNode), rest[0]);
  const x = operand(ctx, xNode, fn);
  const W = bitWidth(x.type);
  const ux = rawBits(x);
  const back = (u: Expr) => (x.type.kind === "fixed" ? bitcastOf(u, x.type) : convertTo(u, x.type));
  switch (fn) {
    case "bit":
      return slice(ux, position(ctx, rest[0], W, "bit"), 1);
    case "bits": {
      const { lo, width } = sliceBounds(ctx, node, rest[0], rest[1], W);
      return slice(ux, lo, width);
    }
    case "withBit":
      return back(insert(ux, position(ctx, rest[0], W, "bit"), 1, lowBits(ctx, rest[1], 1)));
    case "withBits": {
      const { lo, width } = sliceBounds(ctx, node, rest[0], rest[1], W);
      return back(insert(ux, lo, width, lowBits(ctx, rest[2], width)));
    }
    case "reverseBits":
      return back(reverse(ux, W));
  }
}

/** x's W bits as a `UInt<W>`: a same-width conversion of an integer, the raw bits of a fixed-point value. */
const rawBits = (x: Expr): Expr =>
  x.type.kind === "fixed" ? bitcastOf(x, uintType(x.type.bits)) : convertTo(x, uintType(bitWidth(x.type)));

/** The integer or fixed-point value whose bits are accessed (bool is a 1-bit integer). */
function operand(ctx: FnContext, node: ts.Expression, fn: Exclude<BitFunction, "bitcast">): Expr {
  const x = lowerExpr(ctx, node);
  if (x.type.kind === "int" || x.type.kind === "fixed") return x;
  const advice =
    x.type.kind === "index"
      ? `give it a width first, e.g. ${fn}(int32(${node.getText(ctx.sf.ast)}), ...)`
      : `read a float's bits as an integer first, e.g. ${fn}(bitcast(${node.getText(ctx.sf.ast)}, uint${bitWidth(x.type)}), ...)`;
  throw ctx.error(
    node,
    "AL2013",
    `${fn} works on integers and fixed-point values, but '${node.getText(ctx.sf.ast)}' is ${typeName(x.type)}; ${advice}`,
  );
}

/** A bit position 0 <= i < W: checked here when constant, else at run time (a `bitPos` node, AL5015). */
function position(ctx: FnContext, node: ts.Expression, W: number, what: string): Expr {
  const i = lowerIndex(ctx, node);
  if (i.kind === "const" && ((i.value as bigint) < 0n || (i.value as bigint) >= BigInt(W))) {
    throw ctx.error(node, "AL2012", `${what} index ${i.value} is outside 0..${W - 1} of a ${W}-bit value`);
  }
  return checked(ctx, node, i, W, 1);
}

/** A position the run checks: `width` bits from `i` on must lie inside a W-bit value. */
const checked = (ctx: FnContext, node: ts.Node, i: Expr, W: number, width: number): Expr =>
  i.kind === "const" ? i : { kind: "bitPos", type: INDEX, value: i, bits: W, width, span: ctx.span(node) };

/** lo and the constant width hi - lo of a slice; constant bounds must satisfy 0 <= lo < hi <= W. */
function sliceBounds(
  ctx: FnContext,
  call: ts.Node,
  loNode: ts.Expression,
  hiNode: ts.Expression,
  W: number,
): { lo: Expr; width: number } {
  const lo = lowerIndex(ctx, loNode);
  const hi = lowerIndex(ctx, hiNode);
  const a = affineOf(hi);
  const b = affineOf(lo);
  const diff = a && b ? combineAffine(a, b, -1n) : undefined;
  if (!diff || diff.terms.size > 0) {
    throw ctx.error(
      call,
      "AL2013",
      `the width hi - lo of a bit slice must be a constant; write the bounds as lo and lo + w, e.g. bits(x, i, i + 4)`,
    );
  }
  const width = Number(diff.c);
  const bad = (n: ts.Node, m: string) =>
    ctx.error(n, "AL2012", `${m} (a slice is bits(x, lo, hi) with 0 <= lo < hi <= ${W} on a ${W}-bit value)`);
  if (lo.kind === "const" && (lo.value as bigint) < 0n) throw bad(loNode, `lo is ${lo.value}`);
  if (hi.kind === "const" && (hi.value as bigint) > BigInt(W)) throw bad(hiNode, `hi is ${hi.value}`);
  if (width <= 0) throw bad(hiNode, `the slice is empty or reversed: hi - lo is ${width}`);
  if (width > W) throw bad(hiNode, `the slice is ${width} bits wide`);
  if (lo.kind === "const" && (lo.value as bigint) + BigInt(width) > BigInt(W))
    throw bad(loNode, `lo is ${lo.value} and hi ${Number(lo.value) + width}`);
  return { lo: checked(ctx, loNode, lo, W, width), width };
}

/** a shifted by the index s, by nothing when s is the constant 0. */
const shifted = (op: "<<" | ">>", a: Expr, s: Expr): Expr =>
  s.kind === "const" && s.value === 0n ? a : makeBinary(op, a, s);

/** Bits lo .. lo + width - 1 of the unsigned ux as a `UInt<width>`. */
const slice = (ux: Expr, lo: Expr, width: number): Expr => convertTo(shifted(">>", ux, lo), uintType(width));

/** v's low `width` bits (v an integer or bool). */
function lowBits(ctx: FnContext, node: ts.Expression, width: number): Expr {
  const v = lowerExpr(ctx, node);
  if (!isIntegral(v.type)) {
    throw ctx.error(
      node,
      "AL2013",
      `the bits to insert must be an integer or bool, but '${node.getText(ctx.sf.ast)}' is ${typeName(v.type)}; convert it, e.g. int32(...)`,
    );
  }
  return convertTo(v.type.kind === "index" ? convertTo(v, uintType(32)) : v, uintType(width));
}

/** ux with bits lo .. lo + width - 1 replaced by v (a `UInt<width>`). */
function insert(ux: Expr, lo: Expr, width: number, v: Expr): Expr {
  const U = ux.type;
  const W = (U as { bits: number }).bits;
  const mask = shifted("<<", constOf(U, (1n << BigInt(width)) - 1n), lo);
  const kept = makeBinary("&", ux, makeBinary("^", constOf(U, (1n << BigInt(W)) - 1n), mask));
  return makeBinary("|", kept, shifted("<<", convertTo(v, U), lo));
}

/** The W bits of ux in reverse order: bit k moves to W - 1 - k, combined as a balanced tree of ors. */
function reverse(ux: Expr, W: number): Expr {
  const U = ux.type;
  const at = (k: number) => constOf(INDEX, BigInt(k));
  const moved = Array.from({ length: W }, (_, k) =>
    shifted("<<", convertTo(slice(ux, at(k), 1), U), at(W - 1 - k)),
  );
  const combine = (lo: number, hi: number): Expr =>
    hi - lo === 1 ? moved[lo] : makeBinary("|", combine(lo, (lo + hi) >> 1), combine((lo + hi) >> 1, hi));
  return combine(0, W);
}

/** Types bitcast reads and writes: integers, fixed point, float32 and float64 (not index or float16). */
function bitcastable(t: ElemType): string | undefined {
  if (t.kind === "index")
    return "index has no fixed width; convert it to an integer type first, e.g. int32(i)";
  if (t.kind === "float" && t.bits === 16) return "bitcast of float16 is not supported yet; use float32";
  return undefined;
}

/** `bitcast(x, T)`: x's bits read as T of the same width (integers, fixed point, float32/float64). */
function bitcast(ctx: FnContext, node: ts.CallExpression, x: Expr, tNode: ts.Expression): Expr {
  const t: ElemType | undefined = castTarget(ctx, tNode);
  if (!t)
    throw ctx.error(tNode, "AL2013", `bitcast needs a type as its second argument, e.g. bitcast(x, uint32)`);
  for (const [what, at, ty] of [
    ["the value", node.arguments[0], x.type],
    ["the target", tNode, t],
  ] as const) {
    const problem = bitcastable(ty);
    if (problem) throw ctx.error(at, "AL2013", `bitcast of ${what}, ${typeName(ty)}: ${problem}`);
  }
  const W = bitWidth(x.type);
  if (bitWidth(t) !== W) {
    throw ctx.error(
      node,
      "AL2013",
      `bitcast needs equal widths, but ${typeName(x.type)} has ${W} bits and ${typeName(t)} ${bitWidth(t)}; use bits(x, lo, hi) or a cast to change the width`,
    );
  }
  return isIntegral(x.type) && isIntegral(t) ? convertTo(x, t) : bitcastOf(x, t);
}
