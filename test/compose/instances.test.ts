// Instances: `instance(f, "id")` makes a private function f_id whose callees are private too (g_id,
// g_x_id for an inner instance), shared call sites keep one function, later generic instantiations are
// f_1, f_2, and an instance name that clashes or an id that cannot be a name is a clear error.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import { caught } from "../schedule/support.ts";
import { assertGolden } from "../support/golden.ts";
import { badId, clash, consts, outer, scales } from "./fixtures/nested.ts";
import { top, top2 } from "./fixtures/seed.ts";

const names = (k: Function) => customize(k).ir.functions.map((f) => f.name);

test("shared call sites keep one function; private instances get their id", () => {
  assert.deepEqual(names(top), ["matmul", "top"]);
  assert.deepEqual(names(top2), ["matmul_mm1", "matmul_mm2", "top2"]);
  const vhls = customize(top2).build({ target: "vhls" }).code;
  assert.match(vhls, /void matmul_mm1\(/);
  assert.match(vhls, /void matmul_mm2\(/);
  assert.doesNotMatch(vhls, /void matmul\(/);
});

test("a private instance's callees are private to it, an inner id is prefixed", () => {
  assert.deepEqual(names(consts), ["add_c5", "add_const_c5", "add_c7", "add_const_c7", "consts"]);
  assert.deepEqual(names(outer), ["add_x_mm1", "inner_mm1", "add_x", "inner", "outer"]);
});

test("generic instances: f, f_1 in order of first appearance, explicit values with an id", () => {
  assert.deepEqual(names(scales), ["scale", "scale_1", "scale_s0", "scales"]);
  const s = customize(scales);
  const origin = (f: string) => s.ir.functions.find((x) => x.name === f)!.origin!;
  assert.equal(origin("scale").templates, origin("scale_s0").templates);
  assert.notEqual(origin("scale").templates, origin("scale_1").templates);
  assert.equal(origin("scale_s0").id, "s0");
  assert.equal(origin("scale").id, undefined);
});

test("instances run as their kernel does", () => {
  const k = customize(outer).build();
  const A = Int32Array.from({ length: 64 }, (_, i) => i - 20);
  const B = new Int32Array(64);
  const C = new Int32Array(64);
  k(A, B, C);
  assert.deepEqual(
    [...C],
    [...A].map((a) => a + 2),
  );
});

test("AL3305: an instance name that another function has; AL3306: an id that is no name", () => {
  const e = caught(() => customize(clash));
  assert.equal(e.code, "AL3305");
  assertGolden("diagnostics/instance_clash.txt", e.message);
  const bad = caught(() => customize(badId));
  assert.equal(bad.code, "AL3306");
  assertGolden("diagnostics/instance_bad_id.txt", bad.message);
  const notKernel = caught(() =>
    customize(
      'import { instance, type int32 } from "allo-ts";\nexport function k(A: int32<[4]>): void {\n  instance(Math.max, "a")(A);\n}',
      { name: "k" },
    ),
  );
  assert.equal(notKernel.code, "AL3306");
});
