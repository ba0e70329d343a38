// Unit tests of the CPU code generator's helpers: wrap idioms, run-time shift helpers, value ranges,
// affine offsets (proofs, hoisting, checks), scalar replacement, the AL5010 message, and the single
// rounding of wide integers to floats that scalar.ts now does.
import assert from "node:assert/strict";
import { test } from "node:test";
import { build } from "../../../src/api/build.ts";
import type { AccessEnv, LoopFrame } from "../../../src/backends/cpu/access.ts";
import { offsetOf } from "../../../src/backends/cpu/access.ts";
import { shlB, shlN, shrB, shrN } from "../../../src/backends/cpu/helpers.ts";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { type Val, wrapN } from "../../../src/backends/cpu/int-ops.ts";
import { promotions } from "../../../src/backends/cpu/promote.ts";
import type { AlloError } from "../../../src/diagnostics/error.ts";
import { exactAffine } from "../../../src/ir/analysis/affine.ts";
import { andRange, divRange, type Range, remRange } from "../../../src/ir/analysis/range.ts";
import { bin, cast, forLoop, idx, idxOp, ivRef, load } from "../../../src/ir/build.ts";
import type { ForStmt } from "../../../src/ir/nodes.ts";
import { binary, scaledToFloat } from "../../../src/semantics/scalar.ts";
import { floatType, I32, intType, uintType } from "../../../src/types/dtype.ts";
import { randBig, rng } from "../../support/random.ts";
import { buffer, func, module, store } from "./ir.ts";

const r = rng(9);

test("wrapN's idioms wrap any exact number to 1..53 bits like two's complement (inline past 32 given temps)", () => {
  const rt = {
    wrapS: (x: number, b: number) => Number(BigInt.asIntN(b, BigInt(x))),
    wrapU: (x: number, b: number) => Number(BigInt.asUintN(b, BigInt(x))),
  };
  for (let bits = 1; bits <= 53; bits++) {
    for (const signed of [true, false]) {
      const t = signed ? intType(bits) : uintType(bits);
      const exact: Range = [-(2n ** 53n), 2n ** 53n];
      for (const v of [wrapN("x", exact, t), wrapN("x", exact, t, { temp: () => "t" })]) {
        const f = new Function("rt", "x", `return ${v.code};`) as (rt: unknown, x: number) => number;
        for (let k = 0; k < 40; k++) {
          const x = randBig(r, bits <= 32 ? -(2n ** 40n) : -(2n ** 53n), bits <= 32 ? 2n ** 40n : 2n ** 53n);
          const want = signed ? BigInt.asIntN(bits, x) : BigInt.asUintN(bits, x);
          assert.equal(
            f(rt, Number(x)),
            Number(want),
            `${signed ? "int" : "uint"}${bits} of ${x}: ${v.code}`,
          );
        }
      }
    }
  }
  assert.equal(wrapN("x", [0n, 100n], intType(8)).code, "x", "no wrap when the range fits");
});

test("run-time shift helpers clamp the amount and agree with scalar.ts", () => {
  for (const bits of [1, 5, 16, 31, 32, 40, 53, 64, 100]) {
    for (const signed of [true, false]) {
      const t = signed ? intType(bits) : uintType(bits);
      const lo = signed ? -(1n << BigInt(bits - 1)) : 0n;
      const hi = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
      for (let k = 0; k < 30; k++) {
        const x = randBig(r, lo, hi);
        const s = Math.floor(r() * (bits + 20)) - 5;
        for (const op of ["<<", ">>"] as const) {
          const want = binary(op, x, BigInt(s), t) as bigint;
          const got =
            bits <= 53
              ? BigInt((op === "<<" ? shlN : shrN)(Number(x), s, bits, signed))
              : (op === "<<" ? shlB : shrB)(x, s, bits, signed);
          assert.equal(got, want, `${x} ${op} ${s} in ${signed ? "int" : "uint"}${bits}`);
        }
      }
    }
  }
});

test("value ranges: quotients take the divisor's sign, remainders the dividend's, masks bound &", () => {
  assert.deepEqual(divRange([15n, 15n], [-3n, 3n]), [-15n, 15n]);
  assert.deepEqual(divRange([0n, 9n], [1n, 3n]), [0n, 9n]);
  assert.deepEqual(remRange([-7n, 20n], [1n, 5n]), [-4n, 4n]);
  assert.deepEqual(remRange([0n, 2n], [-9n, 9n]), [0n, 2n]);
  assert.deepEqual(andRange([-128n, 127n], [15n, 15n], [-128n, 127n]), [0n, 15n]);
});

function env(frames: LoopFrame[]): AccessEnv & { checks: string[] } {
  let n = 0;
  const checks: string[] = [];
  return {
    checks,
    ivRange: (iv) => frames.find((f) => f.iv === iv)?.range,
    ivJs: (iv) => `v_${iv}`,
    frames: () => frames,
    hoistName: () => `o${++n}`,
    temp: () => `t${++n}`,
    compileIndex: (e): Val => ({ code: e.kind === "iv" ? `v_${e.name}` : "x", repr: "n" }),
    outOfBounds: (ix) => {
      checks.push(ix.join(","));
      return "oob()";
    },
  };
}

const frame = (iv: string, hi: bigint): LoopFrame => ({
  iv,
  name: iv,
  js: `v_${iv}`,
  range: [0n, hi],
  hoisted: new Map(),
});

test("affine offsets: proven in range without checks, the outer part hoisted to the outermost loop it allows", () => {
  const [i, j, k] = [frame("i", 15n), frame("j", 15n), frame("k", 15n)];
  const e = env([i, j, k]);
  assert.equal(offsetOf([ivRef("i"), ivRef("k")], [16, 16], e), "o1 + v_k");
  assert.deepEqual([...j.hoisted], [["v_i * 16", "o1"]], "hoisted before the j loop (it does not use j)");
  assert.equal(offsetOf([ivRef("k"), ivRef("j")], [16, 16], e), "v_j + v_k * 16");
  assert.equal(offsetOf([ivRef("i"), idxOp("+", ivRef("j"), idx(1))], [16, 17], e), "o2");
  assert.deepEqual([...k.hoisted], [["v_i * 17 + v_j + 1", "o2"]], "invariant in k: hoisted before k");
  assert.deepEqual(e.checks, []);
  assert.match(
    offsetOf([idxOp("+", ivRef("k"), idx(1))], [16], e),
    /^\(t\d+ = x, t\d+ >>> 0 < 16 \? t\d+ : oob\(\)\)$/,
  );
  assert.equal(
    exactAffine(idxOp("*", ivRef("i"), ivRef("j")), { get: () => [0n, 3n] }),
    undefined,
    "i * j is not affine",
  );
});

test("scalar replacement keeps one invariant element in a local, and refuses when the loop could see it otherwise", () => {
  const C = buffer({ name: "C", type: I32, shape: [4, 4] });
  const at = [ivRef("i"), ivRef("j")];
  const acc = store(
    "C",
    at,
    cast(bin("+", cast(load("C", at, I32), intType(33)), cast(ivRef("k"), intType(33)), intType(33)), I32),
  );
  const k = (body: ForStmt["body"]) => forLoop("k", "k", idx(0), idx(4), body);
  const outer = (iv: string): Range | undefined => (iv === "i" || iv === "j" ? [0n, 3n] : undefined);
  const skip = () => false;
  assert.deepEqual(
    promotions(k([acc]), { C }, outer, skip).map((p) => [p.buffer, p.stored]),
    [["C", true]],
  );
  const other = store("C", [ivRef("j"), ivRef("i")], load("C", at, I32));
  assert.deepEqual(promotions(k([acc, other]), { C }, outer, skip), [], "two elements of C");
  const call = { kind: "call" as const, callee: "f", args: [], results: [] };
  assert.deepEqual(promotions(k([acc, call]), { C }, outer, skip), [], "a call could touch C");
  const inner = store("C", [ivRef("k"), ivRef("j")], load("C", [ivRef("k"), ivRef("j")], I32));
  assert.deepEqual(promotions(k([inner]), { C }, outer, skip), [], "the element moves with k");
});

test("an access outside its buffer is AL5010 naming the buffer, the indices and the shape", () => {
  const A = buffer({ name: "A", type: I32, shape: [8] });
  const B = buffer({ name: "B", type: I32, shape: [8] });
  const i = ivRef("i");
  const body = [
    forLoop("i", "i", idx(0), idx(8), [store("B", [i], load("A", [idxOp("+", i, idx(1))], I32))]),
  ];
  const run = compileCpu(module(func("shift", { params: [A, B], body })));
  assert.throws(
    () => run(new Int32Array(8), new Int32Array(8)),
    (e: AlloError) =>
      e.code === "AL5010" && /index out of bounds: A\[8\] in 'shift', but A has shape \[8\]/.test(e.message),
  );
});

/** Round |v| to p significant bits, ties to even, exactly. */
function roundSig(v: bigint, p: number): bigint {
  const neg = v < 0n;
  const a = neg ? -v : v;
  const drop = a.toString(2).length - p;
  if (drop <= 0) return v;
  const d = BigInt(drop);
  let q = a >> d;
  const rest = a - (q << d);
  const half = 1n << (d - 1n);
  if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
  return (neg ? -q : q) << d;
}

test("wide integers round once to float32/float16 (Number() first would round twice)", () => {
  const tie = 2n ** 60n + 2n ** 36n + 1n; // just above a float32 midpoint; as a double it is the midpoint
  assert.equal(scaledToFloat(tie, 0, floatType(32)), 2 ** 60 + 2 ** 37);
  assert.notEqual(Math.fround(Number(tie)), 2 ** 60 + 2 ** 37);
  for (let k = 0; k < 300; k++) {
    const bits = 54 + Math.floor(r() * 150);
    const v = randBig(r, -(1n << BigInt(bits)), 1n << BigInt(bits));
    assert.equal(scaledToFloat(v, 0, floatType(32)), Math.fround(Number(roundSig(v, 24))), `float32 of ${v}`);
    assert.equal(scaledToFloat(v, 0, floatType(64)), Number(roundSig(v, 53)), `float64 of ${v}`);
    assert.equal(
      scaledToFloat(v, bits - 8, floatType(16)),
      Number(roundSig(v, 11)) / 2 ** (bits - 8),
      `float16 of ${v}`,
    );
  }
});

test("malformed IR is reported as a compiler bug naming what is missing, not as a TypeError", () => {
  const A = buffer({ name: "A", type: I32, shape: [2] });
  const bad = module(func("bad", { params: [A], body: [store("Z", [idx(0)], load("A", [idx(0)], I32))] }));
  assert.throws(
    () => build(bad, { target: "cpu" }),
    /internal error \(a compiler bug.*\): malformed IR \(before build for target cpu\):\n {2}bad: store of undeclared buffer 'Z'/,
  );
});
