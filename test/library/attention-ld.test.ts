// The overloaded sdpAttention's [L, D] form (`sdpAttention<H>`, `sdpAttention<H, true>` causal) against
// an independent plain reference at several head counts, lengths and head sizes, called through the
// overloaded name in generated callers; both forms in one design (instance names, compose of every
// instance, verify), a native run and a csim of the composed causal design, and the call no form takes.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { type AlloError, customize } from "../../src/index.ts";
import { sdpAttention } from "../../src/library/index.ts";
import { SKIP } from "../backends/native/support.ts";
import { fillFloat, rng } from "../support/random.ts";
import { attendAll, attendCausal, attendLD, attendWrong } from "./fixtures/attention.ts";
import * as ref from "./reference.ts";

const f = Math.fround;

/**
 * Multi-head attention on row-major [L, H*E]: head h reads columns h*E .. h*E+E-1; with `causal`,
 * query i sees keys 0..i only. float32 after every operation, sums from index 0 up.
 */
function attentionLD(
  Q: Float32Array,
  K: Float32Array,
  V: Float32Array,
  H: number,
  L: number,
  E: number,
  causal: boolean,
): Float32Array {
  const D = H * E;
  const O = new Float32Array(L * D);
  const scale = f(1 / f(Math.sqrt(E)));
  for (let h = 0; h < H; h++) {
    const col = (e: number) => h * E + e;
    for (let i = 0; i < L; i++) {
      const keys = causal ? i + 1 : L;
      const w: number[] = [];
      for (let j = 0; j < keys; j++) {
        let dot = 0;
        for (let e = 0; e < E; e++) dot = f(dot + f(Q[i * D + col(e)] * K[j * D + col(e)]));
        w.push(f(dot * scale));
      }
      const m = Math.max(...w);
      let sum = 0;
      for (let j = 0; j < keys; j++) {
        w[j] = f(Math.exp(f(w[j] - m)));
        sum = f(sum + w[j]);
      }
      for (let e = 0; e < E; e++) {
        let acc = 0;
        for (let j = 0; j < keys; j++) acc = f(acc + f(f(w[j] / sum) * V[j * D + col(e)]));
        O[i * D + col(e)] = acc;
      }
    }
  }
  return O;
}

/** A caller of `sdpAttention<H[, true]>` on [L, D], as a user writes it. */
function caller(H: number, L: number, D: number, causal: boolean): string {
  const t = `float32<[${L}, ${D}]>`;
  return [
    'import { type float32 } from "allo-ts";',
    'import { sdpAttention } from "allo-ts/library";',
    `export function top(Q: ${t}, K: ${t}, V: ${t}): ${t} {`,
    `  return sdpAttention<${H}${causal ? ", true" : ""}>(Q, K, V);`,
    "}",
  ].join("\n");
}

const operands = (n: number, seed: number) => {
  const r = rng(seed);
  return [0, 1, 2].map(() => fillFloat(new Float32Array(n), r, -2, 2));
};

test("sdpAttention<H> and sdpAttention<H, true> on [L, D] match the reference (H 1, 2, 4; L 1, 5, 8; E 1, 3, 4)", () => {
  for (const H of [1, 2, 4])
    for (const L of [1, 5, 8])
      for (const E of [1, 3, 4])
        for (const causal of [false, true]) {
          const D = H * E;
          const [Q, K, V] = operands(L * D, H * 1000 + L * 100 + E * 10 + Number(causal));
          const s = customize(caller(H, L, D, causal), { name: "top" });
          assert.deepEqual(
            s.ir.functions.map((fn) => fn.name),
            ["sdpAttention", "top"],
          );
          const got = s.build()(Q, K, V) as Float32Array;
          const what = `sdpAttention<${H}${causal ? ", true" : ""}> on [${L}, ${D}]`;
          ref.assertNear(got, attentionLD(Q, K, V, H, L, E, causal), what, 8, 1);
        }
});

test("the [L, D] form equals the [H, L, E] form on the same heads when H = 1", () => {
  const [Q, K, V] = operands(5 * 3, 7);
  const ld = customize(sdpAttention, { instantiate: { H: 1, L: 5, D: 3 } }).build()(Q, K, V);
  const hle = customize(sdpAttention, { instantiate: { H: 1, L: 5, E: 3 } }).build()(Q, K, V);
  assert.deepEqual(ld, hle);
});

test("customize(sdpAttention, { instantiate }) picks the form those values fit, else AL1021 naming the forms", () => {
  const s = customize(sdpAttention, { instantiate: { H: 2, Causal: true, L: 3, D: 4 } });
  assert.equal(s.ir.top, "sdpAttentionLD");
  assert.throws(
    () => customize(sdpAttention, { instantiate: { H: 2 } }),
    (e: AlloError) => e.code === "AL1021" && /sdpAttentionHLE, sdpAttentionLD/.test(e.message),
  );
});

test("both forms in one design: instances named after sdpAttention, compose(sdpAttention) schedules each, verifies", () => {
  const s = customize(attendAll);
  assert.deepEqual(
    s.ir.functions.map((fn) => fn.name),
    ["sdpAttention", "sdpAttention_1", "sdpAttention_2", "attendAll"],
  );
  s.compose(sdpAttention);
  assert.equal(s.steps.length, 12);
  const scheduled = s.steps.map((st) => JSON.stringify(st.args));
  for (const inst of ["sdpAttention", "sdpAttention_1", "sdpAttention_2"])
    for (const loop of ["j", "j1", "e1"])
      assert.ok(
        scheduled.includes(JSON.stringify([{ loop: { func: inst, name: loop } }])),
        `${inst}:${loop}`,
      );
  const r = s.verify();
  assert.equal(r.equivalent, true, r.reason);
});

test("compose(sdpAttention, { id }) and a design without sdpAttention: AL3301", () => {
  assert.throws(
    () => customize(attendLD).compose(sdpAttention, { id: "nope" }),
    (e: AlloError) => e.code === "AL3301" && /sdpAttentionHLE, sdpAttentionLD/.test(e.message),
  );
});

test("the composed causal [L, D] design runs natively like the reference", { skip: SKIP }, () => {
  const [Q, K, V] = operands(5 * 6, 11);
  const s = customize(attendCausal).compose(sdpAttention);
  const got = s.build({ target: "native" })(Q, K, V) as Float32Array;
  ref.assertNear(got, attentionLD(Q, K, V, 2, 5, 3, true), "native causal", 8, 1);
});

test("the composed causal [L, D] design simulates in csim like the CPU and verifies", async () => {
  const [Q, K, V] = operands(5 * 6, 13);
  const s = customize(attendCausal).compose(sdpAttention);
  const cpu = s.build()(Q, K, V) as Float32Array;
  const dir = mkdtempSync(join(tmpdir(), "allo-attention-ld-"));
  try {
    const got = (await s.build({ target: "vitis_hls", mode: "csim", project: dir })(Q, K, V)) as Float32Array;
    ref.assertNear(got, cpu, "csim causal", 4, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const r = s.verify();
  assert.equal(r.equivalent, true, r.reason);
});

test("the non-causal [L, D] default schedule composes and verifies", () => {
  const r = customize(attendLD).compose(sdpAttention).verify();
  assert.equal(r.equivalent, true, r.reason);
});

test("a call no form of sdpAttention takes is AL2014 at the call, listing the forms", () => {
  assert.throws(
    () => customize(attendWrong),
    (e: AlloError) => {
      assert.equal(e.code, "AL2014");
      assert.match(e.message, /fixtures\/attention\.ts:36:10 - error AL2014/);
      assert.match(e.message, /float32\[6\], float32\[6\], float32\[6\]/);
      assert.match(e.message, /sdpAttentionHLE<H, L, E>\(Q: float32<\[H, L, E\]>/);
      assert.match(e.message, /sdpAttentionLD<H, Causal, L, D>\(Q: float32<\[L, D\]>/);
      return true;
    },
  );
});
