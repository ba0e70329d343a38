// Results are data: a verify result with a counterexample survives JSON.stringify, exact integers as
// decimal strings and special floats (NaN, -0, +-Inf) by name, while the object itself keeps its values.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize, verify } from "../../src/index.ts";
import { jsonScalar } from "../../src/util/json.ts";

const kernel = (type: string, body: string) =>
  customize(
    `
function k(A: ${type}<[4]>): ${type}<[4]> {
  const B: ${type}<[4]> = zeros();
  for (const i of range(4)) {
    B[i] = ${body};
  }
  return B;
}`,
    { name: "k", file: "k.ts" },
  );

test("a 64-bit integer counterexample serialises with its exact values", () => {
  const r = verify(kernel("int64", "A[i] + 1"), kernel("int64", "A[i] + 2"));
  assert.equal(r.status, "not-equivalent");
  const c = r.counterexample!;
  assert.equal(typeof c.values?.[0], "bigint");
  const back = JSON.parse(JSON.stringify(r));
  assert.deepEqual(back.counterexample.values, c.values!.map(String));
  for (const [name, v] of Object.entries(c.inputs!))
    assert.equal(back.counterexample.inputs[name], String(v));
  assert.equal(back.counterexample.output, c.output);
  assert.equal(back.status, "not-equivalent");
});

test("a float counterexample at a special value keeps it by name", () => {
  const r = verify(kernel("float32", "A[i] - A[i]"), kernel("float32", "0.0"));
  assert.equal(r.status, "not-equivalent");
  const back = JSON.parse(JSON.stringify(r.counterexample));
  assert.ok(
    ["NaN", "Infinity", "-Infinity"].some((s) => Object.values(back.inputs).includes(s)),
    JSON.stringify(back),
  );
  assert.equal(back.values[0], "NaN");
});

test("jsonScalar names every value JSON has no number for", () => {
  assert.equal(jsonScalar(2n ** 70n), "1180591620717411303424");
  assert.equal(jsonScalar(-0), "-0");
  assert.equal(jsonScalar(Number.NaN), "NaN");
  assert.equal(jsonScalar(-Infinity), "-Infinity");
  assert.equal(jsonScalar(1.5), 1.5);
});
