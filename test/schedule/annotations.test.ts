// unroll, pipeline, parallel, inline, dataflow: attributes in the IR (goldens), unchanged results,
// no-op repeats, and misuse.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import { findLoop } from "../../src/schedule/primitives/util/loops.ts";
import { caller, gemm, mm, rowsum, stencil } from "./kernels.ts";
import { caught, scheduled } from "./support.ts";

test("unroll: full by default, partial with a factor", () => {
  const s = scheduled("annotations/unroll", mm, (s) => s.unroll("k").unroll("j", 2));
  const f = s.ir.functions[0];
  const ivOf = (name: string) => s.getLoops().PE[name].iv;
  assert.equal(findLoop(f, ivOf("k"))!.loop.attrs.unroll, 0);
  assert.equal(findLoop(f, ivOf("j"))!.loop.attrs.unroll, 2);
});

test("pipeline: ii 1 by default, ii and rewind as options, a repeat replaces both", () => {
  const s = scheduled("annotations/pipeline", gemm, (s) => {
    s.pipeline("k");
    s.pipeline("j", { ii: 2, rewind: true });
    s.pipeline("j", 3);
  });
  const j = findLoop(s.ir.functions[0], s.getLoops().S_i_j_k_0.j.iv)!.loop;
  assert.deepEqual(j.attrs, { pipelineII: 3 });
  assert.equal(
    s.trace(),
    's.pipeline("k");\ns.pipeline("j", { ii: 2, rewind: true });\ns.pipeline("j", { ii: 3 });\n',
  );
});

test("parallel marks a loop; a repeat changes nothing", () => {
  const s = scheduled("annotations/parallel", stencil, (s) => s.parallel("i").parallel("i"));
  assert.deepEqual(
    s.steps.map((x) => x.changed),
    [true, false],
  );
});

test("inline and dataflow mark functions; dataflow also marks loops", () => {
  const s = scheduled("annotations/functions", caller, (s) => {
    s.inline("scale");
    s.dataflow();
    s.dataflow("scale:i");
  });
  const scale = s.ir.functions.find((f) => f.name === "scale")!;
  assert.deepEqual(scale.attrs, { inline: true });
  assert.deepEqual(s.ir.functions.find((f) => f.name === "caller")!.attrs, { dataflow: true });
  assert.equal(findLoop(scale, s.getLoops("scale").S_i_j_0.i.iv)!.loop.attrs.dataflow, true);
});

test("annotations keep results on a reduction with a scalar accumulator", () => {
  scheduled("annotations/rowsum", rowsum, (s) => s.pipeline("j").unroll("j", 3).parallel("i").dataflow("i"));
});

test("misused annotations are coded errors", () => {
  assert.equal(caught(() => customize(gemm).unroll("k", -1)).code, "AL3005");
  assert.equal(caught(() => customize(gemm).unroll("k", 1.5)).code, "AL3005");
  assert.equal(caught(() => customize(gemm).pipeline("k", { ii: 0 })).code, "AL3005");
  assert.equal(caught(() => customize(gemm).inline("nope")).code, "AL3012");
  assert.equal(caught(() => customize(gemm).dataflow("nope")).code, "AL3001");
  assert.equal(caught(() => customize(gemm).parallel("x")).code, "AL3001");
});
