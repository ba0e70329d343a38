// Concrete evaluation of symbolic nodes on given input values, with the reference semantics of
// scalar.ts. Used to turn a symbolic difference into concrete inputs on which the two designs really
// compute different outputs. Iterative and in id order (children precede parents), so long chains
// cannot exhaust the stack.

import { internalError } from "../../diagnostics/error.ts";
import type { Scalar } from "../../semantics/scalar.ts";
import { applyNode, intrinsicArity } from "./ops.ts";
import { K_BITS, K_CAST, K_CONST, K_INPUT, K_INTR, K_SEL, K_UN, type NodeStore } from "./store.ts";

/** The nodes reachable from the roots, in increasing id order. */
export function reachable(s: NodeStore, roots: readonly number[]): number[] {
  const seen = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const n = stack.pop() as number;
    if (seen.has(n)) continue;
    seen.add(n);
    for (const c of children(s, n)) if (!seen.has(c)) stack.push(c);
  }
  return [...seen].sort((x, y) => x - y);
}

export function children(s: NodeStore, n: number): number[] {
  switch (s.kind(n)) {
    case K_CONST:
    case K_INPUT:
      return [];
    case K_UN:
    case K_CAST:
    case K_BITS:
      return [s.a(n)];
    case K_SEL:
      return [s.a(n), s.b(n), s.c(n)];
    case K_INTR:
      return intrinsicArity(s.op(n)) === 2 ? [s.a(n), s.b(n)] : [s.a(n)];
    default:
      return [s.a(n), s.b(n)];
  }
}

/** Values of the given nodes (from `reachable`) on one input assignment. */
export function evaluate(
  s: NodeStore,
  order: readonly number[],
  input: (node: number) => Scalar,
): Map<number, Scalar> {
  const vals = new Map<number, Scalar>();
  const get = (c: number): Scalar => {
    const v = vals.get(c);
    if (v === undefined) throw internalError(`node ${c} evaluated out of order`);
    return v;
  };
  for (const n of order) vals.set(n, s.kind(n) === K_INPUT ? input(n) : applyNode(s, n, get));
  return vals;
}
