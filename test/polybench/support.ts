// Drives the PolyBench suite for the test and the bench: loads examples/polybench/<name>.ts (the convention
// `kernel_<name>`, `SIZES`, `schedule(s)`, and `alloSchedule(s)` for the 13 kernels Allo scheduled), compiles the C reference test/polybench/ref/<name>.c with g++ -O2
// once per kernel and size (cached by content in the temp dir), runs it, and splits what it wrote into the
// kernel's arguments before and after the kernel, using the parameter list of the kernel's own IR.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { customize, type Schedule } from "../../src/index.ts";
import type { Module } from "../../src/ir/nodes.ts";
import type { ElemType } from "../../src/types/dtype.ts";

export type SizeName = "mini" | "small" | "medium";
export type Sizes = Readonly<Record<string, number>>;
export type ScheduleFn = (s: Schedule) => void;
export interface PolyBenchModule {
  readonly kernel: (...args: never[]) => void;
  readonly SIZES: Readonly<Record<SizeName, Sizes>>;
  readonly schedule: ScheduleFn;
  /** Allo's own schedule of the kernel re-expressed on its loops (the kernels Allo scheduled). */
  readonly alloSchedule?: ScheduleFn;
}

const here = dirname(fileURLToPath(import.meta.url));
const refDir = join(here, "ref");
export const examplesDir = join(here, "..", "..", "examples", "polybench");

export async function loadKernel(name: string): Promise<PolyBenchModule> {
  const m = await import(join(examplesDir, `${name}.ts`));
  const kernel = m[`kernel_${name}`];
  if (typeof kernel !== "function" || !m.SIZES || typeof m.schedule !== "function")
    throw new Error(`examples/polybench/${name}.ts must export kernel_${name}, SIZES and schedule`);
  const alloSchedule = typeof m.alloSchedule === "function" ? m.alloSchedule : undefined;
  return { kernel, SIZES: m.SIZES, schedule: m.schedule, alloSchedule };
}

/** The kernel's `alloSchedule`, which a kernel Allo scheduled must export. */
export function alloScheduleOf(name: string, pb: PolyBenchModule): ScheduleFn {
  if (!pb.alloSchedule) throw new Error(`examples/polybench/${name}.ts must export alloSchedule`);
  return pb.alloSchedule;
}

/** The plain kernel at a size, and the same kernel with a schedule applied (its own `schedule` by default). */
export function customizeBoth(
  pb: PolyBenchModule,
  size: SizeName,
  apply: ScheduleFn = pb.schedule,
): { plain: Schedule; scheduled: Schedule } {
  const plain = customize(pb.kernel, { instantiate: pb.SIZES[size] });
  const scheduled = customize(pb.kernel, { instantiate: pb.SIZES[size] });
  apply(scheduled);
  return { plain, scheduled };
}

/** Path of the reference binary for `name` at `sizes`, compiled on first use (g++ -O2, no FP contraction). */
export function compileRef(name: string, sizes: Sizes): string {
  const src = join(refDir, `${name}.c`);
  const defs = Object.entries(sizes).map(([k, v]) => `-DPB_${k}=${v}`);
  const flags = ["-O2", "-ffp-contract=off", "-x", "c++", ...defs];
  const key = createHash("sha256")
    .update(readFileSync(join(refDir, "pb.h")))
    .update(readFileSync(src))
    .update(flags.join(" "))
    .digest("hex")
    .slice(0, 16);
  const dir = join(tmpdir(), "allo-polybench-ref");
  const exe = join(dir, `${name}-${key}`);
  if (existsSync(exe)) return exe;
  mkdirSync(dir, { recursive: true });
  const tmp = `${exe}.${process.pid}.tmp`;
  execFileSync("g++", [...flags, "-I", refDir, "-o", tmp, src, "-lm"], { stdio: "pipe" });
  renameSync(tmp, exe); // atomic: a parallel test never runs a half-written binary
  return exe;
}

export type Value = number | Float32Array | Int32Array | Int8Array;
export interface RefRun {
  readonly inputs: Value[];
  readonly outputs: Value[];
  /** Best kernel time over the timed runs, when some were asked for. */
  readonly ms?: number;
}

interface ArgSlot {
  readonly name: string;
  readonly type: ElemType;
  /** Element count; undefined for a scalar parameter. */
  readonly count?: number;
}

function argSlots(m: Module): ArgSlot[] {
  const f = m.functions.find((g) => g.name === m.top);
  if (!f) throw new Error(`module has no function '${m.top}'`);
  return f.params.map((p) => {
    if (p.kind === "scalar") return { name: p.name, type: p.type };
    const b = f.buffers[p.name];
    return { name: p.name, type: b.type, count: b.shape.reduce((a, x) => a * x, 1) };
  });
}

function typedArray(t: ElemType, bytes: Buffer, count: number): Float32Array | Int32Array | Int8Array {
  const copy = new Uint8Array(bytes).buffer; // aligned copy of exactly these bytes
  if (t.kind === "float" && t.bits === 32) return new Float32Array(copy, 0, count);
  if (t.kind === "int" && t.signed && t.bits === 32) return new Int32Array(copy, 0, count);
  if (t.kind === "int" && t.signed && t.bits === 8) return new Int8Array(copy, 0, count);
  throw new Error(`PolyBench reference: no C type for ${JSON.stringify(t)}`);
}

function readArgs(slots: readonly ArgSlot[], bytes: Buffer, at: number): [Value[], number] {
  const values: Value[] = [];
  for (const s of slots) {
    const size = s.type.kind === "int" && s.type.bits === 8 ? 1 : 4;
    const n = s.count ?? 1;
    const arr = typedArray(s.type, bytes.subarray(at, at + n * size), n);
    values.push(s.count === undefined ? arr[0] : arr);
    at += n * size;
  }
  return [values, at];
}

/**
 * Runs the reference (timing `reps` kernel runs when reps > 0; with `variant`, on the perturbed inputs of a
 * reference whose PolyBench data its kernel leaves unchanged) and splits its output by `m`'s parameters.
 */
export function runRef(
  name: string,
  sizes: Sizes,
  m: Module,
  o: { reps?: number; variant?: boolean } = {},
): RefRun {
  const exe = compileRef(name, sizes);
  const reps = o.reps ?? 0;
  const env = o.variant ? { ...process.env, PB_VARIANT: "1" } : process.env;
  const run = spawnSync(exe, reps > 0 ? [String(reps)] : [], { maxBuffer: 1 << 30, env });
  if (run.status !== 0) throw new Error(`${name}: reference exited with ${run.status}: ${run.stderr}`);
  const r = run.stdout;
  const slots = argSlots(m);
  const [inputs, mid] = readArgs(slots, r, 0);
  const [outputs, end] = readArgs(slots, r, mid);
  if (end !== r.length) throw new Error(`${name}: reference wrote ${r.length} bytes, expected ${end}`);
  return reps > 0 ? { inputs, outputs, ms: Number(String(run.stderr).trim()) } : { inputs, outputs };
}

/** Fresh copies of the inputs (the kernels update arrays in place). */
export const cloneValues = (vs: readonly Value[]): Value[] =>
  vs.map((v) => (typeof v === "number" ? v : v.slice()));

/** The first element where `got` and `want` differ (integers and floats bit for bit), or undefined. */
export function firstMismatch(got: readonly Value[], want: readonly Value[]): string | undefined {
  for (let a = 0; a < want.length; a++) {
    const g = got[a];
    const w = want[a];
    const gs = typeof g === "number" ? [g] : g;
    const ws = typeof w === "number" ? [w] : w;
    for (let i = 0; i < ws.length; i++) {
      if (!Object.is(gs[i], ws[i])) return `argument ${a} element ${i}: got ${gs[i]}, want ${ws[i]}`;
    }
  }
  return undefined;
}

/**
 * The scheduled kernel (by `apply`, the kernel's `schedule` by default) at `size` through Vitis HLS csim
 * (g++ here) against the CPU backend on the C reference's inputs: undefined when equal bit for bit, else
 * the first differing element.
 */
export async function csimMismatch(
  name: string,
  pb: PolyBenchModule,
  size: SizeName,
  apply: ScheduleFn = pb.schedule,
): Promise<string | undefined> {
  const { scheduled } = customizeBoth(pb, size, apply);
  const ref = runRef(name, pb.SIZES[size], scheduled.ir);
  const cpu = cloneValues(ref.inputs);
  scheduled.build()(...cpu);
  const csim = cloneValues(ref.inputs);
  const project = mkdtempSync(join(tmpdir(), `allo-pb-${name}-`));
  try {
    await scheduled.build({ target: "vitis_hls", mode: "csim", project })(...csim);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
  return firstMismatch(csim, cpu);
}
