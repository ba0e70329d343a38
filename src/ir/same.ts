// Structural equality of IR data: a canonical text that ignores key order and source spans.

import type { Expr } from "./nodes.ts";

/** Structural equality of expressions (types included). */
export function sameExpr(a: Expr, b: Expr): boolean {
  return canonical(a) === canonical(b);
}

/** A text of IR data that does not depend on key order or source spans (bigints kept exact). */
export function canonical(x: unknown): string {
  if (typeof x === "bigint") return `${x}n`;
  if (Array.isArray(x)) return `[${x.map(canonical).join(",")}]`;
  if (x !== null && typeof x === "object") {
    const keys = Object.keys(x)
      .filter((k) => k !== "span")
      .sort();
    return `{${keys.map((k) => `${k}:${canonical((x as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(x) ?? "undefined";
}
