// The one rule and wording for a run-time bit position (a `bitPos` node): every backend that checks it
// (the CPU backend, the native target, the verifier) raises AL5015 with this text, so a user sees the
// same message wherever the kernel runs.

import type { Range } from "./analysis/range.ts";
import type { BitPosExpr } from "./nodes.ts";

type Bits = Pick<BitPosExpr, "bits" | "width">;

/** The largest valid position: the accessed bits must end inside the value. */
export const lastBitPos = (e: Bits): number => e.bits - e.width;

/** Whether position p is valid for e. */
export const bitPosInRange = (e: Bits, p: number | bigint): boolean => p >= 0 && Number(p) <= lastBitPos(e);

/** Whether a range of positions lies inside the value (so the position needs no run-time check). */
export const provenInside = (e: Bits, r: Range | undefined): boolean =>
  r !== undefined && r[0] >= 0n && r[1] <= BigInt(lastBitPos(e));

/** What AL5015 says for position p of e. */
export function bitPosMessage(e: Bits, p: number | bigint): string {
  const what =
    e.width === 1
      ? `bit position ${p}`
      : `a ${e.width}-bit slice starting at bit ${p} (bits ${p}..${Number(p) + e.width - 1})`;
  return `${what} is outside a ${e.bits}-bit value: positions run 0..${lastBitPos(e)}; check the index expression, or widen the value (e.g. Int<${2 * e.bits}>)`;
}
