// Structural equality of IR data: a canonical text that ignores key order and source spans; and the
// exact text of IR data, spans included, for keys that must tell two source positions apart.

import { createHash } from "node:crypto";
import type { Expr, Module } from "./nodes.ts";

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

/** IR data as JSON with its bigints exact (`5n`), key order and spans kept. */
export const irJson = (x: unknown): string =>
  JSON.stringify(x, (_, v) => (typeof v === "bigint" ? `${v}n` : v));

const keys = new WeakMap<Module, string>();

/**
 * A digest of a module's exact text, computed once per module object: a key for caches of its results.
 * Partition sources' schedule numbers count schedules per process and only say which partitions came
 * from one schedule, so they are renumbered by first appearance: a design scheduled again keys alike.
 */
export function moduleKey(m: Module): string {
  let k = keys.get(m);
  if (k === undefined) {
    const schedules = new Map<number, number>();
    const text = JSON.stringify(m, (key, v) => {
      if (typeof v === "bigint") return `${v}n`;
      if (key !== "schedule" || typeof v !== "number") return v;
      if (!schedules.has(v)) schedules.set(v, schedules.size);
      return schedules.get(v);
    });
    keys.set(m, (k = createHash("sha256").update(text).digest("base64")));
  }
  return k;
}
