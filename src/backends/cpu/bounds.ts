// Interval analysis of index expressions, so the CPU backend checks bounds only where an access is
// not provably in range (data-dependent indices, unusual affine forms).

import type { Expr } from "../../ir/nodes.ts";

export type Interval = readonly [number, number];

/** Inclusive range of an index expression given the ranges of loop variables, or undefined. */
export function intervalOf(e: Expr, ivs: ReadonlyMap<string, Interval>): Interval | undefined {
  switch (e.kind) {
    case "const":
      return typeof e.value === "bigint" ? [Number(e.value), Number(e.value)] : undefined;
    case "iv":
      return ivs.get(e.name);
    case "cast":
      return e.type.kind === "index" || e.type.kind === "int" ? intervalOf(e.value, ivs) : undefined;
    case "binary": {
      const a = intervalOf(e.lhs, ivs);
      const b = intervalOf(e.rhs, ivs);
      if (!a || !b) return undefined;
      switch (e.op) {
        case "+":
          return [a[0] + b[0], a[1] + b[1]];
        case "-":
          return [a[0] - b[1], a[1] - b[0]];
        case "*": {
          const p = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]];
          return [Math.min(...p), Math.max(...p)];
        }
        case "/":
          return b[0] > 0 && a[0] >= 0 ? [Math.trunc(a[0] / b[1]), Math.trunc(a[1] / b[0])] : undefined;
        case "%":
          return b[0] > 0 && a[0] >= 0 ? [0, Math.min(a[1], b[1] - 1)] : undefined;
        case "min":
          return [Math.min(a[0], b[0]), Math.min(a[1], b[1])];
        case "max":
          return [Math.max(a[0], b[0]), Math.max(a[1], b[1])];
        default:
          return undefined;
      }
    }
    default:
      return undefined;
  }
}

/** The range of a loop variable for [lb, ub) with the given bound intervals. */
export function loopInterval(lb: Interval | undefined, ub: Interval | undefined): Interval | undefined {
  if (!lb || !ub) return undefined;
  return [lb[0], ub[1] - 1];
}
