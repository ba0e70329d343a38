// Overloaded kernel names (`const scale = overload(scaleRows, scaleInts, scaleVec)`): the form is chosen
// per call by the arguments' ranks and element types, instances are named after the overloaded name,
// nested calls and instance() work, a call no form takes is AL2014 at the call listing the forms, and
// an overload() of something that is no kernel is AL1037.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type AlloError, customize, overload } from "../../src/index.ts";
import { scaleWrong, useScale } from "./fixtures/overloads.ts";

test("each call takes the form its arguments' ranks and element types fit; instances are named after the name", () => {
  const s = customize(useScale);
  const fns = s.ir.functions.map((f) => f.name);
  assert.deepEqual(fns, ["scale", "scale_k", "scale_1", "useScale"]);
  const X = Float32Array.from([1, 2, 3, 4, 5, 6]);
  const v = Float32Array.from([1, -2, 8]);
  const n = Int32Array.from([1, 2, 3, -4]);
  const out = new Float32Array(3);
  const outN = new Int32Array(4);
  const Y = s.build()(X, v, n, out, outN) as Float32Array;
  assert.deepEqual([...Y], [3, 6, 9, 12, 15, 18]);
  assert.deepEqual([...out], [1, -2, 8]);
  assert.deepEqual([...outN], [3, 6, 9, -12]);
});

test("a call no form takes is AL2014 at the user's call, with the argument types and every form", () => {
  assert.throws(
    () => customize(scaleWrong),
    (e: AlloError) => {
      assert.equal(e.code, "AL2014");
      assert.match(
        e.message,
        /fixtures\/overloads\.ts:45:10 - error AL2014: no form of overloaded kernel 'scale'/,
      );
      assert.match(e.message, /takes \(float32\[2, 3\], float32\[2, 3\]\)/);
      assert.match(e.message, /scaleRows<M, N>\(A: float32<\[M, N\]>, s: float32\); scaleInts<N>/);
      return true;
    },
  );
});

const text = (decl: string) =>
  [
    'import { type float32, overload, range, zeros } from "allo-ts";',
    "export function one<N extends number>(A: float32<[N]>): float32<[N]> {",
    "  const B: float32<[N]> = zeros();",
    "  for (const i of range<N>()) B[i] = A[i];",
    "  return B;",
    "}",
    decl,
    "export function top(A: float32<[4]>): float32<[4]> {",
    "  return op(A);",
    "}",
  ].join("\n");

test("overload() of a name that is no kernel, or of one form, is AL1037 at the declaration", () => {
  assert.throws(
    () => customize(text("export const op = overload(one, nothing);"), { name: "top", file: "k.ts" }),
    /k\.ts:7:33 - error AL1037: .*'nothing' is not a kernel function/,
  );
  assert.throws(
    () => customize(text("export const op = overload(one);"), { name: "top", file: "k.ts" }),
    /error AL1037: overloaded kernel 'op' needs two or more forms/,
  );
  assert.throws(() => overload(() => 0), /AL1037/);
});

test("customize() of an overloaded name by text names its forms", () => {
  const src = text("export const op = overload(one, one);");
  assert.throws(
    () => customize(src, { name: "op" }),
    /AL1002: 'op' .* is an overloaded kernel; customize one of its forms: one, one/,
  );
});
