// Float -> fixed and fixed -> fixed conversions of the CPU backend swept over widths W, fraction bits F
// (F = 0 included) and values at the quantization and wrapping edges (negative halves, one past the
// range): every output must equal src/semantics/scalar.ts, and a sample of the same kernels run
// through C simulation must agree bit for bit.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { csimBatch } from "../../../src/backends/hls/index.ts";
import { cast, forLoop, idx, ivRef, load } from "../../../src/ir/build.ts";
import type { Module } from "../../../src/ir/nodes.ts";
import { convert, scaledToFloat } from "../../../src/semantics/scalar.ts";
import { type ElemType, fixedType, floatType, typeName } from "../../../src/types/dtype.ts";
import { buffer, func, module, store } from "./ir.ts";

const F64 = floatType(64);

function convKernel(from: ElemType, to: ElemType, n: number): Module {
  const body = [
    forLoop("i", "i", idx(0), idx(n), [store("C", [ivRef("i")], cast(load("X", [ivRef("i")], from), to))]),
  ];
  const X = buffer({ name: "X", type: from, shape: [n] });
  const C = buffer({ name: "C", type: to, shape: [n] });
  return module(func("conv", { params: [X, C], body }));
}

/** Values around every edge of a fixed type: halves of the quantum, the range ends and one past them. */
function edges(t: Extract<ElemType, { kind: "fixed" }>): number[] {
  const q = 2 ** -t.frac;
  const lo = t.signed ? -(2 ** (t.bits - 1)) * q : 0;
  const hi = (t.signed ? 2 ** (t.bits - 1) : 2 ** t.bits) * q - q;
  const xs = [0, -0.5, 0.5, -1.5, 1.5, -2.5, 2.5, -1, 1, 254.5, 255, -127.5, -128.5, lo, hi, lo - q, hi + q];
  for (const x of [lo, hi, 0]) xs.push(x - q / 2, x + q / 2, x - q / 4, x + (3 * q) / 4);
  return xs;
}

const FIXED: Extract<ElemType, { kind: "fixed" }>[] = [];
for (const bits of [1, 2, 7, 8, 9, 16, 24, 31, 32, 33, 40, 53, 64]) {
  for (const frac of [0, 1, Math.floor(bits / 2), bits]) {
    FIXED.push(fixedType(bits, frac, true), fixedType(bits, frac, false));
  }
}

const boundary = (raw: bigint, t: ElemType): number =>
  scaledToFloat(raw, (t as { frac: number }).frac, F64) + 0;

test("float -> fixed floors for every W and F (F = 0 included), as scalar.ts says", () => {
  for (const t of FIXED) {
    for (const src of [F64, floatType(32)]) {
      const xs = edges(t);
      const X = src.bits === 32 ? Float32Array.from(xs) : Float64Array.from(xs);
      const C = new Float64Array(xs.length);
      compileCpu(convKernel(src, t, xs.length))(X, C);
      X.forEach((x, i) => {
        const want = boundary(convert(x, F64, t) as bigint, t);
        assert.equal(C[i], want, `${typeName(src)} ${x} -> ${typeName(t)}`);
      });
    }
  }
});

test("fixed -> fixed floors and wraps, and boundary values enter floored", () => {
  for (const from of FIXED) {
    for (const to of FIXED.filter((_, k) => k % 5 === 0)) {
      const xs = edges(from);
      const C = new Float64Array(xs.length);
      compileCpu(convKernel(from, to, xs.length))(Float64Array.from(xs), C);
      xs.forEach((x, i) => {
        const raw = convert(convert(x, F64, from), from, to) as bigint;
        assert.equal(C[i], boundary(raw, to), `${x} as ${typeName(from)} -> ${typeName(to)}`);
      });
    }
  }
});

test("the issue's cases: -1.5 -> Fixed<8,0> is -2 and 254.5 -> UFixed<8,0> is 254", () => {
  const C = new Float64Array(2);
  compileCpu(convKernel(F64, fixedType(8, 0), 2))(Float64Array.from([-1.5, 2.5]), C);
  assert.deepEqual([...C], [-2, 2]);
  const U = new Float64Array(1);
  compileCpu(convKernel(F64, fixedType(8, 0, false), 1))(Float64Array.from([254.5]), U);
  assert.deepEqual([...U], [254]);
});

test("C simulation agrees with the CPU backend on float -> fixed and fixed -> fixed", async () => {
  const pairs: [ElemType, ElemType][] = [
    [F64, fixedType(8, 0)],
    [F64, fixedType(8, 0, false)],
    [F64, fixedType(16, 3)],
    [floatType(32), fixedType(32, 0)],
    [F64, fixedType(40, 0)],
    [fixedType(16, 8), fixedType(8, 0)],
    [fixedType(12, 4, false), fixedType(9, 1)],
  ];
  const cases = pairs.map(([from, to]) => {
    const xs = from.kind === "fixed" ? edges(from) : edges(to as Extract<ElemType, { kind: "fixed" }>);
    const X = from.kind === "float" && from.bits === 32 ? Float32Array.from(xs) : Float64Array.from(xs);
    return { module: convKernel(from, to, xs.length), args: [X, new Float64Array(xs.length)] };
  });
  const dir = mkdtempSync(join(tmpdir(), "allo-fixconv-"));
  try {
    await csimBatch(cases, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  cases.forEach((c, k) => {
    const C = new Float64Array(c.args[1].length);
    compileCpu(c.module)(c.args[0], C);
    assert.deepEqual([...(c.args[1] as Float64Array)], [...C], `${pairs[k].map(typeName).join(" -> ")}`);
  });
});
