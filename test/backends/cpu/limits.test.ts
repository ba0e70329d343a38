// Buffers the CPU target cannot hold are AL5013 at build time (naming the buffer, its element count and
// the cap), never a RangeError in the middle of a run: huge and mid-size locals, parameters, results.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { AlloError } from "../../../src/diagnostics/error.ts";
import { constOf, idx } from "../../../src/ir/build.ts";
import { type ElemType, floatType, intType } from "../../../src/types/dtype.ts";
import { alloc, buffer, func, local, module, store } from "./ir.ts";

const F32 = floatType(32);

function tooBig(fn: () => unknown, name: string, count: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof AlloError, String(e));
    assert.equal(e.code, "AL5013");
    assert.match(e.text, new RegExp(`'${name}'.* ${count} elements.*at most 4294967296\\); tile`));
    return true;
  });
}

const withLocal = (shape: number[], type: ElemType = F32) =>
  module(
    func("big", {
      params: [],
      locals: [local({ name: "T", type, shape })],
      body: [
        alloc("T"),
        store(
          "T",
          shape.map(() => idx(0)),
          constOf(type, type.kind === "float" ? 1 : 1n),
        ),
      ],
    }),
  );

test("a 10^10-element local is AL5013 at build time naming it, its size and the limit", () => {
  tooBig(() => compileCpu(withLocal([100000, 100000])), "T", "10000000000");
});

test("a mid-size int8 local past 2^32 elements is AL5013; one at 2^32 exactly builds", () => {
  tooBig(() => compileCpu(withLocal([65537, 65536], intType(8))), "T", "4295032832");
  assert.equal(typeof compileCpu(withLocal([65536, 65536], intType(8))), "function");
});

test("a parameter that large is AL5013 at build time too", () => {
  const A = buffer({ name: "A", type: F32, shape: [1 << 20, 1 << 20] });
  tooBig(() => compileCpu(module(func("p", { params: [A], body: [] }))), "A", "1099511627776");
});
