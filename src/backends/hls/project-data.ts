// The data that makes a Vitis project self-contained (docs/vitis-project.md): input<k>.data for every
// parameter and expected<k>.data for every output, the expected values computed by the CPU backend from
// the same inputs, in data.ts's layout. A build writes seeded small inputs (so every build of a kernel
// writes the same files); `prj.writeData(inputs)` and `npx allo --inputs` write the user's.

import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AlloError } from "../../diagnostics/error.ts";
import type { BufferDecl, Func, Module } from "../../ir/nodes.ts";
import { elementCount } from "../../ir/shape.ts";
import { boundaryClass, checkArgCount, makeArray } from "../../runtime/host-abi.ts";
import { rawRange } from "../../semantics/scalar.ts";
import type { ElemType } from "../../types/dtype.ts";
import { rng } from "../../util/random.ts";
import type { Budget } from "../cpu/budget.ts";
import { compileCpu } from "../cpu/index.ts";
import { encodeBuffer, encodeScalar } from "./data.ts";
import { tbArgs } from "./testbench.ts";

const DATA_FILE = /^(input|expected)\d+\.data$/;

/**
 * One small value of type t: integers in [-8, 8) (from 0 when unsigned) within the type's range, reals
 * as multiples of 1/4 in [-4, 4), exact in float16 and in fixed point with 2 or more fraction bits.
 */
function smallValue(t: ElemType, r: () => number): number | bigint {
  if (t.kind === "float" || t.kind === "fixed") {
    const [lo, hi] = t.kind === "fixed" ? rawRange(t) : [-16n, 15n];
    const scale = t.kind === "fixed" ? 2 ** t.frac : 4;
    const q = Math.floor(r() * 32) - 16;
    return Math.min(Math.max(q / 4, Number(lo) / scale), Number(hi) / scale);
  }
  const [lo, hi] = rawRange(t);
  const from = lo < 0n ? -8n : 0n;
  const v = from + BigInt(Math.floor(r() * 16));
  return v < lo ? lo : v > hi ? hi : v;
}

function boundaryArray(b: BufferDecl, r: () => number) {
  const n = elementCount(b.shape);
  const cls = boundaryClass(b.type);
  const big = cls.startsWith("Big") || cls === "Array";
  const a = makeArray(cls, n);
  for (let i = 0; i < n; i++) {
    const v = smallValue(b.type, r);
    a[i] = big ? BigInt(v) : Number(v);
  }
  return a;
}

/** The inputs a build writes: small seeded values; scalar parameters in [1, 8], as they are often bounds. */
export function defaultInputs(f: Func): unknown[] {
  const r = rng(0x5eed);
  return f.params.map((p) => {
    if (p.kind === "buffer") return boundaryArray(f.buffers[p.name], r);
    if (p.type.kind === "float" || p.type.kind === "fixed") return Number(smallValue(p.type, r));
    const v = 1 + Math.floor(r() * 8);
    return boundaryClass(p.type).startsWith("Big") || boundaryClass(p.type) === "Array" ? BigInt(v) : v;
  });
}

const copy = (x: unknown): unknown =>
  ArrayBuffer.isView(x) || Array.isArray(x) ? (x as { slice(): unknown }).slice() : x;

/**
 * Writes the call's inputs and the CPU backend's outputs for them into `dir` (after the host ABI's
 * checks, AL5001-AL5003); earlier data files go first, so the directory never mixes two calls.
 */
export function writeProjectData(m: Module, dir: string, inputs: readonly unknown[], budget: Budget): void {
  const f = m.functions.find((g) => g.name === m.top) as Func;
  checkArgCount(f, inputs);
  const tb = tbArgs(f);
  const files = new Map<string, Uint8Array>();
  const encode = (k: number, value: unknown) =>
    tb[k].scalar || (k >= f.params.length && tb[k].decl.shape.length === 0)
      ? encodeScalar(f, tb[k].decl.name, tb[k].decl.type, value)
      : encodeBuffer(f, tb[k].decl, value);
  tb.forEach((a, k) => {
    if (a.input) files.set(`input${k}.data`, encode(k, inputs[k]));
  });
  const args = inputs.map(copy);
  const ret = compileCpu(m, budget)(...args);
  const results = f.results.length > 1 ? (ret as unknown[]) : [ret];
  tb.forEach((a, k) => {
    if (!a.output) return;
    const value = k < f.params.length ? args[k] : results[k - f.params.length];
    files.set(`expected${k}.data`, encode(k, value));
  });
  clearProjectData(dir);
  for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
}

/** Removes the data files of an earlier build or call. */
export function clearProjectData(dir: string): void {
  for (const name of readdirSync(dir)) if (DATA_FILE.test(name)) rmSync(join(dir, name));
}

/** A budget for the build's own CPU run: a kernel that runs long gets no data, not a stuck build. */
const DEFAULT_DATA_BUDGET: Budget = { maxSteps: 1 << 24, timeoutMs: 5000 };

/**
 * Writes the default data, or none when the CPU run cannot finish within the default budget or fails
 * on these inputs (an index out of bounds, say): then the testbench says how to write data.
 */
export function writeDefaultData(m: Module, dir: string): void {
  const f = m.functions.find((g) => g.name === m.top) as Func;
  try {
    writeProjectData(m, dir, defaultInputs(f), DEFAULT_DATA_BUDGET);
  } catch (e) {
    if (!(e instanceof AlloError)) throw e;
    clearProjectData(dir);
  }
}
