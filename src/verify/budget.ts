// The verifier's budgets (api.md section 3): steps (loop iterations, loads, stores, stream operations
// and buffer elements allocated), wall-clock time, an abort signal, and memory (symbolic nodes and the
// size of one buffer). Running out is not an error: the verdict becomes "unknown" with a reason that
// starts with AL6003. Without options the defaults still bound every proof in time and memory.

import { AlloError } from "../diagnostics/error.ts";

/** Default step budget: a few seconds of symbolic execution (a 64x64x64 systolic proof takes 6.3M). */
export const DEFAULT_MAX_STEPS = 2 ** 26;
/** Symbolic nodes one proof may create (about 100 bytes each at most, with their hash table). */
export const MAX_NODES = 2 ** 22;
/** Elements of one buffer, stream array or parameter the symbolic executor may allocate. */
export const MAX_CELLS = 2 ** 26;

export interface BudgetOptions {
  /** Steps of both symbolic runs together (default 2^26). */
  readonly maxSteps?: number;
  /** Wall-clock limit of the whole proof in milliseconds (default none; the step budget bounds it). */
  readonly timeoutMs?: number;
  /** Aborting it ends the proof at the next check with "unknown". */
  readonly signal?: AbortSignal;
}

/** A budget ran out; `message` says which one (it becomes the reason, after "AL6003 "). */
export class BudgetExceeded extends Error {}

export class Budget {
  readonly maxSteps: number;
  private readonly deadline: number;
  /** Steps charged so far by finished runs and allocations (the running one adds its own counters). */
  spent = 0;

  constructor(private readonly opts: BudgetOptions) {
    for (const key of ["maxSteps", "timeoutMs"] as const) {
      const v = opts[key];
      if (v !== undefined && !(typeof v === "number" && v >= 0)) {
        throw new AlloError("AL9001", `verify: ${key} must be a number >= 0 (or Infinity), not ${String(v)}`);
      }
    }
    if (opts.signal !== undefined && typeof opts.signal?.aborted !== "boolean")
      throw new AlloError("AL9001", "verify: signal must be an AbortSignal (from an AbortController)");
    this.maxSteps = opts.maxSteps ?? DEFAULT_MAX_STEPS;
    this.deadline = opts.timeoutMs === undefined ? Infinity : performance.now() + opts.timeoutMs;
  }

  /** Throws BudgetExceeded when `steps` more than spent is over budget, time is up or the signal aborted. */
  check(steps: number): void {
    if (this.opts.signal?.aborted) throw new BudgetExceeded("verification was aborted (signal)");
    if (this.spent + steps > this.maxSteps) {
      throw new BudgetExceeded(
        `step budget ran out: more than maxSteps = ${this.maxSteps} steps (loop iterations, loads, stores and ` +
          "allocated elements); pass a larger maxSteps to verify",
      );
    }
    if (performance.now() > this.deadline) {
      throw new BudgetExceeded(
        `time budget ran out: timeoutMs = ${this.opts.timeoutMs} ms passed; pass a larger timeoutMs to verify`,
      );
    }
  }

  /** Steps left before the budget runs out (at least 1), given `steps` not yet in `spent`. */
  left(steps: number): number {
    return Math.max(1, this.maxSteps - this.spent - steps + 1);
  }

  /** An allocation of `cells` elements: a size limit, and its filling costs one step per element. */
  cells(cells: number, what: string, steps: number): void {
    if (cells > MAX_CELLS) {
      throw new BudgetExceeded(
        `memory budget ran out: ${what} has ${cells} elements, more than the ${MAX_CELLS} the verifier ` +
          "allocates for one buffer; verify a smaller instance of the kernel",
      );
    }
    this.spent += cells;
    this.check(steps);
  }
}

/** The reason of an "unknown" verdict for a budget that ran out. */
export const budgetReason = (message: string, where: string): string => `AL6003 ${message} (${where})`;

/** The node store's size limit, as a BudgetExceeded. */
export function nodeLimit(count: number): BudgetExceeded {
  return new BudgetExceeded(
    `memory budget ran out: ${count} symbolic nodes, the verifier's limit; verify a smaller instance of the kernel`,
  );
}
