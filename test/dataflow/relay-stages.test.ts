// relay between the stages of a function (Allo's `.to()`, its test_schedule_stream cases): the relayed
// design computes what the plain one does on the CPU backend, natively and in csim, the verifier proves
// it, its HLS is one dataflow region of processes joined by FIFOs with the asked depths, and misuse is
// AL3010 / AL3001 at the relay call (or at the build, for an array still shared through memory).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { type AlloError, customize, type Schedule } from "../../src/index.ts";
import { SKIP } from "../backends/native/support.ts";
import * as K from "./fixtures/stages.ts";

const ints = (n: number, seed: number) =>
  Int32Array.from({ length: n }, (_, i) => ((i * 7919 + seed) % 2001) - 1000);
const floats = (n: number, seed: number) =>
  Float32Array.from({ length: n }, (_, i) => (((i * 31 + seed) % 97) - 48) / 8);

interface Case {
  readonly kernel: Function;
  readonly relays: readonly (readonly [string, string, number?])[];
  readonly args: () => (Int32Array | Float32Array)[];
  /** The FIFOs the HLS declares, with their depths. */
  readonly fifos: readonly (readonly [string, number])[];
}

const CASES: readonly Case[] = [
  { kernel: K.twoBands, relays: [["B", "C"]], args: () => [ints(6000, 1)], fifos: [["B_C", 6000]] },
  {
    kernel: K.forkJoin,
    relays: [
      ["C", "D"],
      ["C", "E"],
      ["D", "F"],
      ["E", "F"],
    ],
    args: () => [floats(200, 2), floats(200, 3)],
    fifos: [
      ["C_D", 200],
      ["C_E", 200],
      ["D_F", 200],
      ["E_F", 200],
    ],
  },
  {
    kernel: K.nested,
    relays: [["B", "func2", 1]],
    args: () => [ints(200, 4), new Int32Array(200)],
    fifos: [["B_func2", 1]],
  },
  {
    kernel: K.forkJoinCalls,
    relays: [
      ["B", "func3"],
      ["C", "func3", 2],
    ],
    args: () => [ints(200, 5), new Int32Array(200)],
    fifos: [
      ["B_func3", 200],
      ["C_func3", 2],
    ],
  },
  {
    kernel: K.addRelu,
    relays: [["S", "relu", 4]],
    args: () => [floats(128, 6), floats(128, 7)],
    fifos: [["S_relu", 4]],
  },
];

function relayed(c: Case): Schedule {
  const s = customize(c.kernel);
  for (const [buf, stage, depth] of c.relays)
    s.relay(buf, stage, depth === undefined ? undefined : { depth });
  return s;
}

/** The kernel's outputs (its returned array, or its arguments after the call) on fresh arguments. */
function outputs(run: (...a: unknown[]) => unknown, c: Case): unknown[] {
  const args = c.args();
  const r = run(...args);
  return [r, ...args];
}

for (const c of CASES) {
  test(`${c.kernel.name}: relayed stages compute the plain result on the CPU and verify`, () => {
    const s = relayed(c);
    assert.deepEqual(outputs(s.build(), c), outputs(customize(c.kernel).build(), c));
    const v = s.verify();
    assert.equal(v.equivalent, true, v.reason);
  });

  test(`${c.kernel.name}: the HLS is one dataflow region of FIFOs with the asked depths`, () => {
    const hls = String(relayed(c).build({ target: "vhls" }));
    assert.match(hls, /#pragma HLS dataflow/);
    for (const [name, depth] of c.fifos) {
      assert.match(hls, new RegExp(`hls::stream< \\w+ > ${name};`));
      assert.match(hls, new RegExp(`#pragma HLS stream variable=${name} depth=${depth}\\b`));
      assert.match(hls, new RegExp(`${name}\\.write\\(`));
      assert.match(hls, new RegExp(`${name}\\.read\\(\\)`));
    }
  });
}

test("relayed stages run natively and in csim as on the CPU", { skip: SKIP }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "allo-relay-stages-"));
  try {
    for (const c of [CASES[1], CASES[3]]) {
      const s = relayed(c);
      const want = outputs(s.build(), c);
      assert.deepEqual(outputs(s.build({ target: "native" }), c), want, c.kernel.name);
      const args = c.args();
      const r = await s.build({ target: "vitis_hls", mode: "csim", project: join(dir, c.kernel.name) })(
        ...args,
      );
      assert.deepEqual([r, ...args], want, `${c.kernel.name} csim`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const F = "test/dataflow/relay-stages.test.ts";

function throwsAt(f: () => unknown, code: string, message: RegExp): void {
  assert.throws(f, (e: AlloError) => {
    assert.equal(e.code, code, e.message);
    assert.ok(e.message.startsWith(`${F}:`), e.message);
    assert.match(e.message, message);
    assert.doesNotMatch(e.message, /compiler bug|internal/i);
    return true;
  });
}

test("relay between stages: misuse is a coded error at the relay call", () => {
  throwsAt(
    () => customize(K.transposed).relay("B", "C"),
    "AL3010",
    /consumer does not read its elements once each in row-major order/,
  );
  throwsAt(
    () => customize(K.twoBands).relay("B", "nope"),
    "AL3001",
    /no PE array and no stage 'nope' in 'twoBands'; stages \(bands and calls\): S_i_j_m_0, C/,
  );
  throwsAt(() => customize(K.twoBands).relay("A", "C"), "AL3010", /'A' is a parameter/);
  throwsAt(
    () => customize(K.twoBands).relay("B", "C", { depth: 0 }),
    "AL3010",
    /depth must be a positive integer/,
  );
  throwsAt(() => customize(K.forkJoin).relay("D", "E"), "AL3010", /stage 'E' does not read 'D'/);
  throwsAt(() => customize(K.forkJoinCalls).relay("B", "func2"), "AL3010", /stage 'func2' does not read 'B'/);
});

test("an array still shared through memory inside the region is refused at the build, at the relay", () => {
  const s = customize(K.forkJoinCalls).relay("B", "func3");
  throwsAt(
    () => s.build(),
    "AL3010",
    /'C' still passes through memory between its stages 'func2' and 'func3'.*s\.relay\("C", "func3"\)/,
  );
});

test("fork/join with FIFOs of depth 1 runs to the plain result on the CPU and natively", {
  skip: SKIP,
}, () => {
  const s = customize(K.forkJoin);
  for (const [b, stage] of CASES[1].relays) s.relay(b, stage, { depth: 1 });
  const want = outputs(customize(K.forkJoin).build(), CASES[1]);
  assert.deepEqual(outputs(s.build(), CASES[1]), want);
  assert.deepEqual(outputs(s.build({ target: "native" }), CASES[1]), want);
});

test("a called stage's partitions stay with the caller's arrays when relay inlines the stage into a unit", () => {
  const src = `
import { type float32, range, zeros } from "allo-ts";
export function scaleRows(A: float32<[8, 6]>, s: float32<[8]>): void {
  const acc: float32<[8]> = zeros();
  for (const i of range(8)) for (const j of range(6)) acc[i] += A[i][j];
  for (const i of range(8)) s[i] = acc[i];
}
export function twice(s: float32<[8]>, y: float32<[8]>): void {
  for (const i of range(8)) y[i] = s[i] * 2.0;
}
export function top(A: float32<[8, 6]>, y: float32<[8]>): void {
  const s: float32<[8]> = zeros();
  scaleRows(A, s);
  twice(s, y);
}`;
  const stage = customize(src, { name: "scaleRows", file: "rows.ts" });
  stage.partition("A", { type: "cyclic", dim: 2, factor: 3 });
  const top = customize(src, { name: "top", file: "rows.ts" });
  top.compose(stage);
  top.relay("s", "twice");
  const code = top.build({ target: "vhls" }).code as string;
  const topText = code.slice(code.indexOf("void top("));
  assert.match(topText, /#pragma HLS array_partition variable=A cyclic dim=2 factor=3/);
  // The inlined stage's own function, which nothing calls any more, is not printed.
  assert.doesNotMatch(code, /^void scaleRows\(/m);
  assert.match(code, /^void scaleRows_1\(/m);
  const A = Float32Array.from({ length: 48 }, (_, i) => (i % 7) - 3);
  const [want, got] = [new Float32Array(8), new Float32Array(8)];
  customize(src, { name: "top", file: "rows.ts" }).build()(A, want);
  top.build()(A, got);
  assert.deepEqual([...got], [...want]);
});
