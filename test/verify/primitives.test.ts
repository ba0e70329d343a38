// Every schedule primitive is proven equivalent step by step (what `verifyEachStep` does) on several
// kernels: loop transformations, memory primitives, annotations, functions, and the spatial ones
// (unfold + relay in three dataflows).
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize, type Schedule } from "../../src/index.ts";
import type { Module } from "../../src/ir/nodes.ts";
import { verifyModules, verifyStep } from "../../src/verify/index.ts";
import * as k from "./kernels.ts";

/** Applies each step to a fresh schedule of `kernel`, proving every step and the whole schedule. */
function provenSteps(kernel: Function, ...steps: ((s: Schedule) => unknown)[]): Schedule {
  const s = customize(kernel);
  for (const [n, step] of steps.entries()) {
    const before: Module = s.ir;
    step(s);
    const r = verifyStep(before, s.ir);
    assert.equal(r.status, "equivalent", `${kernel.name}, step ${n + 1}: ${r.reason}`);
  }
  const all = verifyModules(s.ir, s.original);
  assert.equal(all.status, "equivalent", `${kernel.name}: ${all.reason}`);
  return s;
}

test("reorder", () => {
  provenSteps(k.gemm, (s) => s.reorder("k", "j"));
  provenSteps(
    k.gemm,
    (s) => s.reorder("j", "i"),
    (s) => s.reorder("k", "i"),
  );
  provenSteps(k.mm, (s) => s.reorder("j", "i"));
});

test("split, divisible and with a guarded last tile", () => {
  provenSteps(
    k.gemm,
    (s) => s.split("i", 4),
    (s) => s.split("j", 3),
  );
  provenSteps(k.mm, (s) => s.split("k", 5));
  provenSteps(k.partial, (s) => s.split("i", 4));
});

test("fuse", () => {
  provenSteps(k.gemm, (s) => s.fuse("i", "j"));
  provenSteps(k.rowMajor, (s) => s.fuse("i", "j"));
  provenSteps(
    k.gemm,
    (s) => s.split("i", 2),
    (s) => s.fuse("i.outer", "i.inner"),
  );
});

test("bufferAt of a returned buffer, an accumulated output parameter and read-only inputs", () => {
  provenSteps(
    k.gemm,
    (s) => s.reorder("k", "j"),
    (s) => s.bufferAt("C", "i"),
    (s) => s.pipeline("j"),
  );
  provenSteps(k.mm, (s) => s.bufferAt("C", "i"));
  provenSteps(
    k.mm,
    (s) => s.bufferAt("A", "j"),
    (s) => s.bufferAt("B", "j"),
  );
});

type Buf = ReturnType<Schedule["bufferAt"]>;
type PE = ReturnType<Schedule["unfold"]>;

test("unfold + relay: output-stationary, weight-stationary and 1-D arrays", () => {
  let a: Buf;
  let b: Buf;
  let pe: PE;
  provenSteps(
    k.mm,
    (s) => (a = s.bufferAt("A", "j")),
    (s) => (b = s.bufferAt("B", "j")),
    (s) => (pe = s.unfold("PE", { axis: [0, 1], factor: [4, 4] })),
    (s) => s.relay(a, pe, { axis: 0, depth: 5 }),
    (s) => s.relay(b, pe, { axis: 1, depth: 5 }),
  );
  provenSteps(
    k.mm,
    (s) => s.reorder("k", "j", "i"),
    (s) => (a = s.bufferAt("A", "j")),
    (s) => (b = s.bufferAt("C", "j")),
    (s) => (pe = s.unfold("PE", { axis: [0, 1], factor: [16, 4] })),
    (s) => s.relay(a, pe, { axis: 0 }),
    (s) => s.relay(b, pe, { axis: 1 }),
  );
  provenSteps(
    k.mm,
    (s) => (a = s.bufferAt("A", "j")),
    (s) => (b = s.bufferAt("B", "j")),
    (s) => (pe = s.unfold("PE", { axis: 1, factor: 4 })),
    (s) => s.relay(a, pe, { axis: 0, depth: 1 }),
    (s) => s.relay(b, pe, { axis: 1, depth: 1 }),
  );
});

test("annotations change no value: partition, pipeline, unroll, parallel", () => {
  provenSteps(
    k.gemm,
    (s) => s.partition("A", { type: "cyclic", dim: 2, factor: 2 }),
    (s) => s.pipeline("k"),
    (s) => s.unroll("k", 4),
    (s) => s.parallel("i"),
  );
});

test("reshape, computeAt and reuseAt", () => {
  provenSteps(
    k.gemm,
    (s) => s.reshape("A", [2, 4, 8]),
    (s) => s.reshape("C", [64]),
  );
  provenSteps(k.twoBands, (s) => s.computeAt("j", "jj"));
  provenSteps(k.twoBands, (s) => s.computeAt("P", "Q"));
  provenSteps(k.blurX, (s) => s.reuseAt("A", "x"));
});

test("inline and dataflow on a kernel that calls another", () => {
  provenSteps(
    k.caller,
    (s) => s.inline("scale"),
    (s) => s.dataflow(),
  );
});
