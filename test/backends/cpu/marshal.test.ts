// The CPU kernel's call boundary: every argument error (AL5001 count, AL5002 length, AL5003 element
// type, each naming the parameter, what it expects and what it got), the conversions on entry (wrap
// of odd widths, float16 and fixed-point quantization) and on exit (in-place output parameters,
// returned arrays, 0-d results as numbers or bigints, several results as an array).
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import type { AlloError } from "../../../src/diagnostics/error.ts";
import { bin, cast, constOf, forLoop, idx, ivRef, load } from "../../../src/ir/build.ts";
import type { Expr } from "../../../src/ir/nodes.ts";
import {
  type ElemType,
  F32,
  fixedType,
  floatType,
  I32,
  intType,
  uintType,
} from "../../../src/types/dtype.ts";
import { alloc, buffer, func, module, store } from "./ir.ts";

const i = ivRef("i");
const each = (n: number, body: ReturnType<typeof store>[]) => forLoop("i", "i", idx(0), idx(n), body);

/** out[i] = in[i] for a dtype: the identity kernel, so only the boundary conversions show. */
function copy(t: ElemType, n = 4) {
  const In = buffer({ name: "In", type: t, shape: [n] });
  const Out = buffer({ name: "Out", type: t, shape: [n] });
  return compileCpu(
    module(func("copy", { params: [In, Out], body: [each(n, [store("Out", [i], load("In", [i], t))])] })),
  );
}

const fails = (code: string, pattern: RegExp) => (e: AlloError) => {
  assert.equal(e.code, code, e.message);
  assert.match(e.message, pattern);
  return true;
};

test("a wrong argument count is AL5001 listing the parameters", () => {
  const run = copy(F32);
  assert.throws(
    () => run(new Float32Array(4)),
    fails("AL5001", /'copy' takes 2 argument\(s\) \(In: float32\[4\], Out: float32\[4\]\), got 1/),
  );
  assert.throws(() => run(new Float32Array(4), new Float32Array(4), 1), fails("AL5001", /got 3/));
});

test("a wrong length is AL5002 naming the parameter, the expected count and what was passed", () => {
  assert.throws(
    () => copy(F32)(new Float32Array(3), new Float32Array(4)),
    fails(
      "AL5002",
      /parameter 'In' of 'copy' \(float32\[4\]\) expects 4 element\(s\), got Float32Array of length 3/,
    ),
  );
  assert.throws(
    () => copy(intType(100))([1n, 2n], [0n, 0n, 0n, 0n]),
    fails("AL5002", /an Array of length 2/),
  );
});

test("a wrong element type is AL5003: the typed-array class, non-arrays, non-bigint elements, bad scalars", () => {
  assert.throws(
    () => copy(F32)(new Float64Array(4), new Float32Array(4)),
    fails(
      "AL5003",
      /parameter 'In' of 'copy' \(float32\[4\]\) expects a Float32Array, got Float64Array of length 4/,
    ),
  );
  assert.throws(
    () => copy(intType(8))(new Uint8Array(4), new Int8Array(4)),
    fails("AL5003", /expects a Int8Array, got Uint8Array/),
  );
  assert.throws(
    () => copy(uintType(64))(new BigInt64Array(4), new BigUint64Array(4)),
    fails("AL5003", /BigUint64Array/),
  );
  assert.throws(
    () => copy(fixedType(16, 8))(new Float32Array(4), new Float64Array(4)),
    fails("AL5003", /expects a Float64Array/),
  );
  assert.throws(
    () => copy(I32)([1, 2, 3, 4], new Int32Array(4)),
    fails("AL5003", /got an Array of length 4/),
  );
  assert.throws(() => copy(I32)(undefined, new Int32Array(4)), fails("AL5003", /got undefined undefined/));
  assert.throws(
    () => copy(intType(200))([1n, 2n, 3, 4n], [0n, 0n, 0n, 0n]),
    fails("AL5003", /expects bigint elements, got number 3 at index 2/),
  );
  const A = buffer({ name: "A", type: I32, shape: [1] });
  const scalar = (t: ElemType) =>
    compileCpu(
      module(
        func("s", {
          params: [A, { scalar: "x", type: t }],
          body: [store("A", [idx(0)], cast({ kind: "param", name: "x", type: t }, I32))],
        }),
      ),
    );
  assert.throws(
    () => scalar(I32)(new Int32Array(1), 1.5),
    fails("AL5003", /parameter 'x' of 's' \(int32\) expects an integer \(number or bigint\), got number 1.5/),
  );
  assert.throws(() => scalar(I32)(new Int32Array(1), "3"), fails("AL5003", /got string 3/));
  assert.throws(() => scalar(F32)(new Int32Array(1), 3n), fails("AL5003", /expects a number, got bigint 3/));
});

test("inputs of odd widths wrap, float16 rounds and fixed point quantizes on entry; outputs write back in place", () => {
  const i5 = new Int8Array([15, 16, -17, 100]);
  const o5 = new Int8Array(4);
  copy(intType(5))(i5, o5);
  assert.deepEqual([...o5], [15, -16, 15, 4]);
  assert.deepEqual([...i5], [15, 16, -17, 100], "inputs are not modified");
  const h = new Float32Array(4);
  copy(floatType(16))(Float32Array.from([0.1, 65504, 1e6, -(2 ** -25)]), h);
  assert.deepEqual([...h], [0.0999755859375, 65504, Infinity, -0]);
  const q = new Float64Array(4);
  copy(fixedType(8, 4))(Float64Array.from([0.03, -0.03, 7.99, 8]), q);
  assert.deepEqual([...q], [0, -0.0625, 7.9375, -8]);
  const w = new BigInt64Array(4);
  copy(intType(40))(BigInt64Array.from([2n ** 39n, -1n, 2n ** 40n + 3n, 5n]), w);
  assert.deepEqual([...w], [-(2n ** 39n), -1n, 3n, 5n]);
  const big = [0n, 0n, 0n, 0n];
  copy(uintType(100))([-1n, 2n ** 100n, 7n, 2n ** 99n], big);
  assert.deepEqual(big, [2n ** 100n - 1n, 0n, 7n, 2n ** 99n]);
});

test("same-width typed arrays pass through: an output parameter is the very array updated", () => {
  const src = Int16Array.from([1, 2, 3, 4]);
  const dst = new Int16Array(4);
  copy(intType(16))(src, dst);
  assert.deepEqual([...dst], [1, 2, 3, 4]);
});

function returning(results: { name: string; type: ElemType; shape: number[]; value: Expr }[]) {
  const A = buffer({ name: "A", type: I32, shape: [2] });
  const locals = results.map(({ name, type, shape }) => buffer({ name, type, shape, role: "result" }));
  const body = results.flatMap((r) => [
    alloc(r.name),
    r.shape.length ? each(r.shape[0], [store(r.name, [i], r.value)]) : store(r.name, [], r.value),
  ]);
  return compileCpu(module(func("ret", { params: [A], locals, results: results.map((r) => r.name), body })));
}

test("results: one array, several as an array, 0-d results as numbers or (past 53 bits) bigints", () => {
  const a = load("A", [i], I32);
  const sum = cast(
    bin(
      "+",
      cast(load("A", [idx(0)], I32), intType(33)),
      cast(load("A", [idx(1)], I32), intType(33)),
      intType(33),
    ),
    I32,
  );
  const one = returning([{ name: "C", type: I32, shape: [2], value: a }]);
  assert.deepEqual(one(Int32Array.from([5, 6])), Int32Array.from([5, 6]));
  const several = returning([
    { name: "C", type: I32, shape: [2], value: a },
    { name: "s", type: I32, shape: [], value: sum },
    { name: "w", type: intType(64), shape: [], value: cast(sum, intType(64)) },
    { name: "f", type: fixedType(16, 4), shape: [], value: cast(sum, fixedType(16, 4)) },
    { name: "h", type: F32, shape: [], value: constOf(F32, 0.5) },
  ]);
  const out = several(Int32Array.from([-7, 3])) as unknown[];
  assert.deepEqual(out, [Int32Array.from([-7, 3]), -4, -4n, -4, 0.5]);
});

test("a kernel taking a stream parameter cannot be run from the host (AL5007)", () => {
  const S = buffer({ name: "S", type: I32, shape: [], stream: { depth: 2 } });
  assert.throws(
    () => compileCpu(module(func("k", { params: [S], body: [] }))),
    fails("AL5007", /takes the stream 'S'/),
  );
});
