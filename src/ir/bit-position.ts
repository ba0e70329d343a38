// The one rule and wording for a run-time bit position (a `bitPos` node): every backend that checks it
// (the CPU backend, the native target, the verifier) raises AL5015 with this text, so a user sees the
// same message wherever the kernel runs.

import type { BitPosExpr } from "./nodes.ts";

type Bits = Pick<BitPosExpr, "bits" | "width">;

/** The largest valid position: the accessed bits must end inside the value. */
export const lastBitPos = (e: Bits): number => e.bits - e.width;

/** Whether position p is valid for e. */
export const bitPosInRange = (e: Bits, p: number | bigint): boolean => p >= 0 && Number(p) <= lastBitPos(e);

/** What AL5015 says for position p of e. */
export function bitPosMessage(e: Bits, p: number | bigint): string {
  const what =
    e.width === 1
      ? `bit position ${p}`
      : `a ${e.width}-bit slice starting at bit ${p} (bits ${p}..${Number(p) + e.width - 1})`;
  return `${what} is outside a ${e.bits}-bit value: positions run 0..${lastBitPos(e)}; check the index expression, or widen the value (e.g. Int<${2 * e.bits}>)`;
}
