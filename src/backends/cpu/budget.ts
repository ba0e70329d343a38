// Step and time budgets of a CPU run (api.md section 3, "Budgets"). Only a kernel built with
// { maxSteps, timeoutMs, signal } counts: each loop iteration (for, while, in spatial units too) runs
// `if (--B.n < 0) B.check(site)`, so the clock and the signal are read once per CHUNK iterations and the
// count stays exact. Past maxSteps is AL5011, past timeoutMs or after an abort AL5012, both naming the
// kernel and the loop (with its source location). Without options nothing is emitted at all.

import { AlloError, type AlloErrorInit } from "../../diagnostics/error.ts";
import type { Span } from "../../ir/nodes.ts";

export interface Budget {
  readonly maxSteps?: number;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** A loop the generated code counts in: its function, its name and where it is. */
export interface LoopSite {
  readonly fn: string;
  readonly loop: string;
  readonly span?: Span;
}

/** Iterations between two looks at the clock. */
const CHUNK = 4096;

export const hasBudget = (b: Budget): boolean =>
  b.maxSteps !== undefined || b.timeoutMs !== undefined || b.signal !== undefined;

export class StepCounter {
  /** Iterations left before the next check; the generated code decrements it. */
  n = 0;
  private chunk = 0;
  private used = 0;
  private deadline = Number.POSITIVE_INFINITY;

  constructor(
    private readonly b: Budget,
    private readonly kernel: string,
    private readonly sites: readonly LoopSite[],
  ) {}

  /** Called before each run of the kernel. */
  start(): void {
    this.used = 0;
    this.deadline = this.b.timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + this.b.timeoutMs;
    if (this.b.signal?.aborted) {
      throw new AlloError("AL5012", `'${this.kernel}' was not run: its signal was aborted before the call`);
    }
    this.refill();
  }

  /** The generated code's slow path, once per CHUNK iterations (or when maxSteps is near). */
  check(site: number): void {
    this.used += this.chunk - this.n;
    const max = this.b.maxSteps;
    if (max !== undefined && this.used > max) {
      this.fail("AL5011", `ran past maxSteps = ${max} loop iterations`, site, "raise maxSteps");
    }
    if (this.b.signal?.aborted) this.fail("AL5012", "was aborted through its signal", site, "");
    if (Date.now() > this.deadline) {
      this.fail("AL5012", `ran past timeoutMs = ${this.b.timeoutMs} ms`, site, "raise timeoutMs");
    }
    this.refill();
  }

  private refill(): void {
    const max = this.b.maxSteps;
    this.chunk = max === undefined ? CHUNK : Math.max(0, Math.min(CHUNK, max - this.used));
    this.n = this.chunk;
  }

  private fail(code: "AL5011" | "AL5012", what: string, site: number, raise: string): never {
    const s = this.sites[site];
    const loop = s.loop === "while" ? "a while loop" : `loop '${s.loop}'`;
    const advice = raise
      ? `; ${raise} if the work is meant to be this long, or check that the loop ends`
      : "";
    const init: AlloErrorInit = s.span ? { span: s.span } : {};
    throw new AlloError(
      code,
      `'${this.kernel}' ${what}, in ${loop} of '${s.fn}' after ${this.used} iterations${advice}`,
      init,
    );
  }
}
