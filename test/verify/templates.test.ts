// Unit templates: PE copies that differ only in integer constants share one generated function;
// anything else that differs (a float constant, even -0 against +0; a statement; a shared buffer)
// keeps units apart.
import assert from "node:assert/strict";
import { test } from "node:test";
import { constOf, idx } from "../../src/ir/build.ts";
import type { SpatialStmt, SpatialUnit } from "../../src/ir/nodes.ts";
import { F32 } from "../../src/types/dtype.ts";
import { groupUnits } from "../../src/verify/exec/templates.ts";
import { systolicMatmul } from "./support/systolic.ts";

const region = (M: number, N: number) =>
  systolicMatmul(M, N, 4).functions[0].body.find((s): s is SpatialStmt => s.kind === "spatial")!;

test("a 3 x 3 array needs six templates: two loaders, inner, right-edge, bottom-edge and corner PEs", () => {
  const g = groupUnits(region(3, 3).units, () => "int8[]");
  assert.equal(g.templates.length, 6);
  const pe = (i: number, j: number) => g.instances[6 + i * 3 + j];
  assert.equal(pe(0, 0).template, pe(1, 1).template);
  assert.notEqual(pe(0, 0).template, pe(0, 2).template);
  assert.notEqual(pe(0, 2).template, pe(2, 2).template);
  assert.deepEqual(g.templates[pe(0, 0).template].locals, ["a_0_0", "b_0_0"]);
});

test("units differing in a float constant, or in its sign of zero, are not grouped", () => {
  const unit = (name: string, v: number): SpatialUnit => ({
    name,
    body: [{ kind: "store", buffer: "X", indices: [idx(0)], value: constOf(F32, v) }],
  });
  const key = () => "";
  assert.equal(groupUnits([unit("a", 1), unit("b", 1)], key).templates.length, 1);
  assert.equal(groupUnits([unit("a", 1), unit("b", 2)], key).templates.length, 2);
  assert.equal(groupUnits([unit("a", 0), unit("b", -0)], key).templates.length, 2);
});

test("varying integer constants become arguments with their ranges", () => {
  const unit = (i: number): SpatialUnit => ({
    name: `u${i}`,
    body: [{ kind: "store", buffer: "X", indices: [idx(i)], value: constOf(F32, 1) }],
  });
  const g = groupUnits([unit(2), unit(5), unit(3)], () => "");
  assert.equal(g.templates.length, 1);
  assert.deepEqual(g.templates[0].params, [{ name: "$u0", range: [2, 5] }]);
  assert.deepEqual(
    g.instances.map((i) => i.args),
    [[2], [5], [3]],
  );
});
