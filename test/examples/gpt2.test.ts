// examples/gpt2.ts at reduced sizes (GPT2-medium runs in `npm run bench`): the composed W4A8 layer equals
// the plain reference of the same quantized arithmetic bit for bit on the CPU backend, natively and in
// csim; the verifier proves the composed layer equal to its unscheduled form; it stays within the
// documented tolerance of the float layer; and every library instance gets its registered schedule.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { gpt2, SCHEDULE_LINES } from "../../examples/gpt2.ts";
import {
  compareLayers,
  floatLayer,
  type Gpt2Sizes,
  quantizedLayer,
  quantizeLayer,
  weights,
} from "../../examples/gpt2-reference.ts";
import { SKIP } from "../backends/native/support.ts";

/** The layer's inputs at `sizes`: x as float32 and the quantized arguments after it. */
function inputs(sizes: Gpt2Sizes, seed = 1) {
  const { x, w } = weights(sizes, seed);
  const q = quantizeLayer(x, w, sizes);
  const x32 = Float32Array.from(x);
  return { x, w, q, x32, args: [x32, ...q.args] as const, want: quantizedLayer(x32, q, sizes, w) };
}

const assertSameBits = (got: Float32Array, want: Float32Array, what: string) => {
  assert.equal(got.length, want.length, what);
  const bad = got.findIndex((v, i) => !Object.is(v, want[i]));
  assert.equal(bad, -1, `${what}: element ${bad} is ${got[bad]}, the reference ${want[bad]}`);
};

const SIZES: readonly Gpt2Sizes[] = [
  { L: 5, D: 12, H: 3, F: 20, P: 1 },
  { L: 1, D: 4, H: 1, F: 8, P: 1 },
  { L: 8, D: 16, H: 4, F: 48, P: 4 },
];

test("the GPT-2 layer equals its plain W4A8 reference bit for bit on the CPU backend", () => {
  for (const [n, sizes] of SIZES.entries()) {
    const { args, want } = inputs(sizes, n + 1);
    assertSameBits(gpt2(sizes).build()(...args) as Float32Array, want, JSON.stringify(sizes));
  }
});

test("the GPT-2 layer runs natively as on the CPU backend", { skip: SKIP }, () => {
  const sizes = SIZES[2];
  const { args, want } = inputs(sizes);
  assertSameBits(gpt2(sizes).build({ target: "native" })(...args) as Float32Array, want, "native");
});

test("the GPT-2 layer simulates in csim as on the CPU and verifies against its plain form", async () => {
  const sizes = { L: 4, D: 8, H: 2, F: 16, P: 2 };
  const s = gpt2(sizes);
  const { args, want } = inputs(sizes);
  const dir = mkdtempSync(join(tmpdir(), "allo-gpt2-"));
  try {
    const y = await s.build({ target: "vitis_hls", mode: "csim", project: dir })(...args);
    assertSameBits(y as Float32Array, want, "csim");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const r = s.verify();
  assert.equal(r.equivalent, true, r.reason);
});

test("the W4A8 layer stays within 15% relative RMS error of the float layer", () => {
  const sizes = { L: 16, D: 64, H: 4, F: 256, P: 4 };
  const { x, w, want } = inputs(sizes);
  const err = compareLayers(want, floatLayer(x, w, sizes));
  assert.ok(err.relRms < 0.15 && err.relRms > 0.001, `relative RMS error ${err.relRms}`);
});

test("the GPT-2 layer's schedule is under 50 lines and reaches every library instance", () => {
  assert.ok(SCHEDULE_LINES < 50);
  const s = gpt2({ L: 4, D: 8, H: 2, F: 16, P: 2 });
  const kernels = s.ir.functions.filter((f) => f.name !== s.ir.top);
  assert.equal(kernels.length, 12, kernels.map((f) => f.name).join(" "));
  const pipelined = new Set(
    s.steps.flatMap((st) =>
      st.prim === "pipeline" ? [(st.args[0] as { loop: { func: string } }).loop.func] : [],
    ),
  );
  for (const f of kernels) assert.ok(pipelined.has(f.name), `${f.name} has its schedule`);
});
