// The embedded CPU backend: runs its passes (CPU_PASSES in ./passes.ts), compiles the module to
// JavaScript once (one JS function per IR function) and returns a synchronous callable over typed
// arrays, bit-exact with docs/ir-semantics.md. Output
// parameters are updated in place; returned tensors come back as typed arrays (several as an array),
// 0-d results as numbers (bigints past 53 bits). The generated source of recent modules is kept (a
// rebuild of the same design generates nothing); every build makes its own function from it.

import { AlloError, internalError } from "../../diagnostics/error.ts";
import type { Func, Module } from "../../ir/nodes.ts";
import { type Pass, runPasses } from "../../ir/passes/pass.ts";
import { moduleKey } from "../../ir/same.ts";
import { checkArgCount, checkSeparate, writtenParams } from "../../runtime/host-abi.ts";
import { makeFifos, Streams, streamError } from "../../runtime/streams.ts";
import { Recent } from "../../util/recent.ts";
import { bufferIn, resultOut, scalarIn } from "./boundary.ts";
import { type Budget, hasBudget, StepCounter } from "./budget.ts";
import { FuncGen } from "./func.ts";
import * as helpers from "./helpers.ts";
import { checkSizes, outOfMemory } from "./limits.ts";
import { ModuleInfo } from "./module-info.ts";
import { CPU_PASSES } from "./passes.ts";

export interface CpuKernel {
  (...args: unknown[]): unknown;
  /** The generated JavaScript, for inspection. */
  readonly source: string;
}

/** The module after the passes, its top, and its JavaScript (the same for every build of it). */
interface Generated {
  readonly top: Func;
  readonly info: ModuleInfo;
  readonly source: string;
}

/** Modules generated in this process (tests check that a rebuild generates none). */
export const cpuStats = { generated: 0 };

function generate(given: Module, counted: boolean, passes: readonly Pass[]): Generated {
  cpuStats.generated++;
  const m = runPasses(passes, given).module;
  const top = m.functions.find((f) => f.name === m.top);
  if (!top) throw new AlloError("AL5007", `the module has no function '${m.top}' to run`);
  for (const p of top.params) {
    if (p.kind === "buffer" && top.buffers[p.name].stream) {
      throw new AlloError(
        "AL5007",
        `'${top.name}' takes the stream '${p.name}' as a parameter: the CPU target runs kernels whose parameters are tensors and scalars`,
      );
    }
  }
  for (const f of m.functions) checkSizes(f);
  const info = new ModuleInfo(m, counted);
  const functions = m.functions.map((f) => new FuncGen(info, f).generate());
  const prelude = counted ? '"use strict";\nconst B = rt.b;\n' : '"use strict";\n';
  return { top, info, source: `${prelude}${functions.join("\n\n")}\nreturn ${info.jsName(top.name)};\n` };
}

/**
 * Recent generations by the module's exact text (ir/same.ts's moduleKey) and whether steps are
 * counted: a design customized and scheduled again skips the passes and the generation (0.2 s for a
 * 16x16 PE array). Not for modules with `stateful` variables, whose storage the generation makes (in
 * the constant pool): every build starts from their initialisers.
 */
const recent = new Recent<Generated>(16);

const stateful = (m: Module): boolean =>
  m.functions.some((f) => Object.values(f.buffers).some((b) => b.state));

/** `passes` is CPU_PASSES but for the tests and benches that compare against a run without one. */
export function compileCpu(
  given: Module,
  budget: Budget = {},
  passes: readonly Pass[] = CPU_PASSES,
): CpuKernel {
  const counted = hasBudget(budget);
  const key = `${moduleKey(given)} ${counted}`;
  const { top, info, source } =
    passes === CPU_PASSES && !stateful(given)
      ? (recent.get(key) ?? recent.set(key, generate(given, counted, passes)))
      : generate(given, counted, passes);
  const steps = counted ? new StepCounter(budget, top.name, info.sites) : undefined;
  const rt = { ...helpers, fifos: makeFifos, s: new Streams(streamError), b: steps };
  let fn: (...a: unknown[]) => unknown;
  try {
    fn = new Function("rt", "K", source)(rt, info.pool);
  } catch (e) {
    throw internalError(`the CPU backend generated invalid JavaScript (${(e as Error).message})`, source);
  }
  const written = writtenParams(top);
  const resultVar = top.results.map((r) => info.isVar(top, r));
  const blocking = info.mayBlock(top.name);

  const kernel = (...args: unknown[]): unknown => {
    checkArgCount(top, args);
    checkSeparate(top, args, written);
    const writeBacks: (() => void)[] = [];
    const inputs = top.params.map((p, k) => {
      if (p.kind === "scalar") return scalarIn(top, p, args[k]);
      const b = bufferIn(top, top.buffers[p.name], args[k], written.has(p.name));
      if (b.writeBack) writeBacks.push(b.writeBack);
      return b.data;
    });
    let ret: unknown;
    steps?.start();
    try {
      ret = fn(...inputs);
      if (blocking) ret = rt.s.drive(ret as Generator<never, unknown>, top.name, top.span);
    } catch (e) {
      throw outOfMemory(e, top);
    }
    for (const w of writeBacks) w();
    const outs = top.results.map((r, k) =>
      resultOut(top.buffers[r], top.results.length === 1 ? ret : (ret as unknown[])[k], resultVar[k]),
    );
    return outs.length === 0 ? undefined : outs.length === 1 ? outs[0] : outs;
  };
  return Object.assign(kernel, { source });
}
