// The equivalence verifier: both modules run symbolically on the same inputs at their concrete sizes
// (statically interpretable control flow), into one hash-consed, exactly normalized expression DAG;
// equal output nodes prove equivalence. A difference is confirmed with concrete inputs when random
// evaluation finds some; otherwise, and for data-dependent control flow or indices, the verdict is
// "unknown" with the reason. `equivalent` is true only for a proof.

import { AlloError, internalError } from "../diagnostics/error.ts";
import type { Module } from "../ir/nodes.ts";
import { Budget, BudgetExceeded, type BudgetOptions, budgetReason } from "./budget.ts";
import { type Counterexample, type Difference, firstDifference } from "./compare.ts";
import { Dag } from "./dag/dag.ts";
import { type RunResult, runModule } from "./exec/run.ts";
import { elementName } from "./exec/runtime.ts";
import { unnestRegions } from "./nested-regions.ts";
import { estimateWork, Progress } from "./progress.ts";
import { signatureMismatch, topOf } from "./signature.ts";
import { stateCells, stateMismatch } from "./state.ts";
import { sameUpToAnnotations } from "./structural.ts";

export type { Counterexample } from "./compare.ts";

export type VerifyStatus = "equivalent" | "not-equivalent" | "unknown";

export interface VerifyStats {
  /** Symbolic operations: expression nodes requested from the DAG plus loads, stores, gets and puts. */
  readonly symbolicOps: number;
  /** Distinct symbolic nodes created. */
  readonly nodes: number;
  readonly ms: number;
}

export interface VerifyResult {
  /** True only when proven. */
  readonly equivalent: boolean;
  readonly status: VerifyStatus;
  readonly reason?: string;
  /** When not equivalent (or unknown because of an unproven difference): the first differing output. */
  readonly counterexample?: Counterexample;
  readonly stats: VerifyStats;
}

/** Budgets `{ maxSteps, timeoutMs, signal }` (api.md section 3): running out gives "unknown", AL6003. */
export interface VerifyOptions extends BudgetOptions {
  /** How the two modules are called in messages; default "first" and "second". */
  readonly labels?: readonly [string, string];
  /** Random concrete evaluations per differing element (default 32). */
  readonly trials?: number;
  /** Seed of those evaluations (default 1). */
  readonly seed?: number;
  /** Progress bar on stderr for proofs longer than two seconds (default: when stderr is a terminal). */
  readonly progress?: boolean;
}

/** Something that carries an IR module: a Schedule (its current IR) or a Module itself. */
export type Verifiable = Module | { readonly ir: Module };

function moduleOf(x: Verifiable, which: string): Module {
  const m = typeof x === "object" && x !== null && "ir" in x ? x.ir : x;
  if (typeof m !== "object" || m === null || !Array.isArray((m as Module).functions)) {
    throw new AlloError(
      "AL6001",
      `verify() takes two schedules (from customize) or IR modules; the ${which} argument is neither`,
    );
  }
  return m as Module;
}

/** `verify(s1, s2)`: schedules or modules. */
export function verify(a: Verifiable, b: Verifiable, opts?: VerifyOptions): VerifyResult {
  return verifyModules(moduleOf(a, "first"), moduleOf(b, "second"), opts);
}

/** One schedule step against the module before it (`customize(k, { verifyEachStep: true })`). */
export function verifyStep(before: Module, after: Module): VerifyResult {
  if (before === after) {
    return { equivalent: true, status: "equivalent", stats: { symbolicOps: 0, nodes: 0, ms: 0 } };
  }
  return verifyModules(after, before, { labels: ["transformed", "original"] });
}

export function verifyModules(first: Module, second: Module, opts: VerifyOptions = {}): VerifyResult {
  const start = performance.now();
  const [a, b] = [unnestRegions(first), unnestRegions(second)];
  const labels = opts.labels ?? ["first", "second"];
  const workA = estimateWork(a);
  const workB = estimateWork(b);
  // About one new node per four loads and stores in practice (matmul-like kernels).
  const budget = new Budget(opts);
  const D = new Dag((workA + workB) / 4);
  const stats = (loadsStores: number): VerifyStats => ({
    symbolicOps: D.ops + loadsStores,
    nodes: D.count,
    ms: performance.now() - start,
  });
  const fa = topOf(a);
  const fb = topOf(b);
  if (!fa || !fb) {
    const missing = !fa
      ? `${labels[0]} module has no function '${a.top}'`
      : `${labels[1]} module has no function '${b.top}'`;
    return unknown(`the ${missing}`, stats(0));
  }
  const mismatch = signatureMismatch(fa, fb, labels) ?? stateMismatch(a, b, labels);
  if (mismatch) return unknown(mismatch, stats(0));
  if (sameUpToAnnotations(a, b)) return { equivalent: true, status: "equivalent", stats: stats(0) };

  try {
    budget.check(0);
  } catch (e) {
    if (e instanceof BudgetExceeded)
      return unknown(budgetReason(e.message, "before the first module ran"), stats(0));
    throw e;
  }

  // A proof that will run out of steps fills the bar at the budget, not at its estimated total.
  const progress = new Progress(
    opts.progress ?? process.stderr.isTTY === true,
    Math.min(workA + workB, budget.maxSteps),
  );
  let ra: RunResult & { count: number };
  let rb: RunResult & { count: number } = { kind: "budget", reason: "", count: 0 };
  try {
    ra = runModule(D, a, { onTick: (n) => progress.update(n, labels[0]), budget });
    if (ra.kind !== "budget")
      rb = runModule(D, b, { onTick: (n) => progress.update(workA + n, labels[1]), budget });
  } finally {
    progress.finish();
  }
  const done = stats(ra.count + rb.count);
  for (const [label, r] of [
    [labels[0], ra],
    [labels[1], rb],
  ] as const) {
    if (r.kind === "budget") {
      const where = `in the symbolic run of the ${label} module, after ${budget.spent} steps`;
      return unknown(budgetReason(r.reason, where), done);
    }
  }
  if (ra.kind === "not-static") return unknown(`${labels[0]} module: ${ra.reason}`, done);
  if (rb.kind === "not-static") return unknown(`${labels[1]} module: ${rb.reason}`, done);
  if (ra.kind === "failure" && rb.kind === "failure") {
    return unknown(`both modules fail: ${labels[0]}: ${ra.reason}; ${labels[1]}: ${rb.reason}`, done);
  }
  if (ra.kind === "failure" || rb.kind === "failure") {
    const [label, r] = ra.kind === "failure" ? [labels[0], ra] : [labels[1], rb as { reason: string }];
    return {
      equivalent: false,
      status: "not-equivalent",
      reason: `the ${label} module fails on every input, the other does not: ${r.reason}`,
      stats: done,
    };
  }
  if (ra.kind !== "ok" || rb.kind !== "ok") throw internalError("run state");

  const params = fa.params;
  const cells = stateCells(a);
  const inputName = (n: number): string => {
    const at = D.inputOf.get(n);
    if (!at) return `?${n}`;
    const p = params[at.param];
    if (!p) {
      const c = cells[at.param - params.length];
      return c ? elementName(c.key, c.decl.shape, at.flat) : `?${n}`;
    }
    if (p.kind === "scalar") return p.name;
    return elementName(p.name, fa.buffers[p.name].shape, at.flat);
  };
  let diff: Difference | undefined;
  try {
    diff = firstDifference(D, ra.outputs, rb.outputs, inputName, {
      trials: opts.trials ?? 32,
      seed: opts.seed ?? 1,
      budget,
    });
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    return unknown(budgetReason(e.message, "while searching a counterexample"), stats(ra.count + rb.count));
  }
  const final = stats(ra.count + rb.count);
  if (!diff) return { equivalent: true, status: "equivalent", stats: final };
  const c = diff.counterexample;
  if (!diff.concrete) {
    return {
      ...unknown(
        `${c.output} is not proven equal: the ${labels[0]} module computes ${c.a}, the ${labels[1]} computes ${c.b}; ` +
          `no difference on ${diff.tried} random inputs (the exact normalizations do not cover this rewrite)`,
        final,
      ),
      counterexample: c,
    };
  }
  const shown = Object.entries(c.inputs ?? {});
  const list = shown
    .slice(0, 8)
    .map(([k, v]) => `${k} = ${v}`)
    .join(", ");
  const more = shown.length > 8 ? `, … (${shown.length} inputs)` : "";
  return {
    equivalent: false,
    status: "not-equivalent",
    reason:
      `${c.output} differs: the ${labels[0]} module computes ${c.a}, the ${labels[1]} computes ${c.b}; ` +
      `with ${list}${more} they give ${c.values?.[0]} and ${c.values?.[1]}`,
    counterexample: c,
    stats: final,
  };
}

function unknown(reason: string, stats: VerifyStats): VerifyResult {
  return { equivalent: false, status: "unknown", reason, stats };
}
