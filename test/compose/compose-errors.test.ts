// compose's errors: no matching instance (AL3301), a replayed step that fails (AL3302, the whole
// compose undone, naming the compose call, the step and its own call site), a kernel without a
// registered schedule (AL3303), instantiate with a schedule (AL3304), and arguments that are no
// schedules or options (AL3019, AL3020). Goldens hold the full text.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize, registerSchedule } from "../../src/index.ts";
import { caught } from "../schedule/support.ts";
import { assertGolden } from "../support/golden.ts";
import { add_const, consts, scale, scales } from "./fixtures/nested.ts";
import { matmul, top2 } from "./fixtures/seed.ts";

test("AL3301: no instance with that id, those template values, or of that kernel at all", () => {
  const s1 = customize(matmul);
  s1.reorder("k", "j");
  const e = caught(() => customize(top2).compose(s1, { id: "nope" }));
  assert.equal(e.code, "AL3301");
  assertGolden("diagnostics/compose_no_instance.txt", e.message);
  const values = caught(() => customize(scales).compose(customize(scale, { instantiate: { N: 16 } })));
  assert.equal(values.code, "AL3301");
  assert.match(
    values.message,
    /with the template values of the composed schedule; its instances: scale, scale_1, scale_s0/,
  );
  const none = caught(() => customize(consts).compose(s1));
  assert.equal(none.code, "AL3301");
  assert.match(none.message, /'consts' has no instance of 'matmul'/);
});

test("AL3302: a composed step that fails undoes the whole compose and names the step's own call", () => {
  const sTop = customize(top2);
  sTop.fuse("matmul_mm1:i", "matmul_mm1:j");
  const before = { ir: sTop.ir, trace: sTop.trace(), steps: sTop.steps.length };
  const s = customize(matmul);
  s.pipeline("k");
  s.split("i", 4);
  const e = caught(() => sTop.compose(s, { id: "mm1" }));
  assert.equal(e.code, "AL3302");
  assertGolden("diagnostics/compose_step_failed.txt", e.message);
  assert.equal(e.span?.file, "test/compose/compose-errors.test.ts");
  assert.equal(e.notes?.[0].span?.line, s.steps[1].site?.line, "the note is the split's own call");
  assert.deepEqual(e.details, {
    step: 2,
    instance: "matmul_mm1",
    cause: "AL3001",
    causeDetails: { primitive: "split" },
  });
  assert.equal(sTop.ir, before.ir, "the pipeline step before it is undone too");
  assert.equal(sTop.trace(), before.trace);
  assert.equal(sTop.steps.length, before.steps);
  sTop.compose(s, { id: "mm2" });
  assert.equal(sTop.steps.length, before.steps + 2, "the schedule stays usable");
});

test("AL3302 in a list of schedules undoes the ones before it", () => {
  const ok = customize(matmul);
  ok.pipeline("k");
  const bad = customize(matmul);
  bad.split("i", 4);
  const sTop = customize(top2);
  sTop.fuse("matmul_mm2:i", "matmul_mm2:j");
  const e = caught(() => sTop.compose([ok, bad]));
  assert.equal(e.code, "AL3302");
  assert.match(e.message, /failed on instance 'matmul_mm2'/);
  assert.equal(sTop.steps.length, 1);
});

test("AL3303: compose(f) without a registered schedule; AL3304: instantiate with a schedule", () => {
  const e = caught(() => customize(consts).compose(add_const));
  assert.equal(e.code, "AL3303");
  assertGolden("diagnostics/compose_unregistered.txt", e.message);
  const s4 = customize(scale, { instantiate: { N: 4 } });
  const i = caught(() => customize(scales).compose(s4, { instantiate: { N: 4 } }));
  assert.equal(i.code, "AL3304");
  assertGolden("diagnostics/compose_instantiate_schedule.txt", i.message);
});

test("compose and registerSchedule refuse what is no schedule or option (AL3019, AL3020)", () => {
  const s = customize(top2);
  const sub = customize(matmul);
  assert.equal(caught(() => s.compose(42 as never)).code, "AL3019");
  const fake = { original: sub.original, steps: [{ prim: "tile", args: [] }] };
  assert.equal(caught(() => s.compose(fake as never)).code, "AL3019", "steps that are no steps");
  assert.equal(caught(() => s.compose([])).code, "AL3019");
  assert.equal(caught(() => s.compose(sub, { id: 3 } as never)).code, "AL3019");
  assert.equal(caught(() => s.compose(sub, { instantiate: 4 } as never)).code, "AL3019");
  assert.equal(caught(() => s.compose(sub, { ids: "mm1" } as never)).code, "AL3020");
  assert.equal(caught(() => registerSchedule(42 as never, () => {})).code, "AL3019");
  assert.equal(caught(() => registerSchedule(matmul, "s.pipeline" as never)).code, "AL3019");
  assert.equal(s.steps.length, 0);
});
