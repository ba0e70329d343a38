// The one host ABI (src/runtime/host-abi.ts) that the CPU backend and C simulation share: the array
// class per dtype, raw <-> boundary round trips for every dtype class (Int up to 200 bits, fixed
// point, floats, index, bool), the csim byte encoding agreeing with it, and the argument checks
// raising the same AL5001-AL5003 texts on both paths.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCpu } from "../../src/backends/cpu/index.ts";
import { decodeBuffer, encodeBuffer, encodeScalar } from "../../src/backends/hls/data.ts";
import { AlloError } from "../../src/diagnostics/error.ts";
import {
  arrayOut,
  boundaryClass,
  checkArgCount,
  checkBuffer,
  fromRaw,
  scalarIn,
  scalarOut,
  toRaw,
} from "../../src/runtime/host-abi.ts";
import { rawRange } from "../../src/semantics/scalar.ts";
import {
  BOOL,
  type ElemType,
  F32,
  fixedType,
  floatType,
  I32,
  INDEX,
  type IntType,
  intType,
  typeName,
  uintType,
} from "../../src/types/dtype.ts";
import { buffer, func } from "../backends/cpu/ir.ts";

const INTS: ElemType[] = [BOOL, INDEX];
for (const bits of [1, 5, 8, 12, 16, 31, 32, 33, 53, 54, 63, 64, 65, 100, 128, 129, 200]) {
  INTS.push(intType(bits), uintType(bits));
}
const FIXED: ElemType[] = [fixedType(8, 4), fixedType(16, 0), fixedType(24, 24), fixedType(12, 4, false)];
const FLOATS: ElemType[] = [floatType(16), F32, floatType(64)];

/** Raw values at and around the extremes of an integer-like type, and a few in between. */
function rawSamples(t: ElemType): bigint[] {
  const [lo, hi] = rawRange(t);
  const out = new Set<bigint>([lo, hi, 0n, lo + 1n, hi - 1n, (lo + hi) / 2n, hi / 3n]);
  return [...out].filter((x) => x >= lo && x <= hi);
}

test("the array class per dtype: narrowest integer array, bigint arrays to 64 bits, plain Array past", () => {
  const cases: [ElemType, string][] = [
    [BOOL, "Uint8Array"],
    [intType(5), "Int8Array"],
    [uintType(12), "Uint16Array"],
    [INDEX, "Int32Array"],
    [intType(33), "BigInt64Array"],
    [uintType(64), "BigUint64Array"],
    [intType(65), "Array"],
    [uintType(200), "Array"],
    [floatType(16), "Float32Array"],
    [F32, "Float32Array"],
    [floatType(64), "Float64Array"],
    [fixedType(70, 30), "Float64Array"],
  ];
  for (const [t, cls] of cases) assert.equal(boundaryClass(t), cls, typeName(t));
});

test("integers of every width, Int<65..200> included, round-trip raw -> boundary -> raw exactly", () => {
  for (const t of INTS) {
    const raws = rawSamples(t);
    const out = arrayOut(t, raws);
    assert.equal(Array.isArray(out) ? "Array" : out.constructor.name, boundaryClass(t), typeName(t));
    for (let k = 0; k < raws.length; k++)
      assert.equal(toRaw(out[k], t), raws[k], `${typeName(t)} ${raws[k]}`);
    // A 0-d result is a bigint exactly when a number could not hold every value.
    const bits = t.kind === "index" ? 32 : (t as { bits: number }).bits;
    assert.equal(typeof scalarOut(t, raws[0]), bits > 53 ? "bigint" : "number", typeName(t));
  }
});

test("integers out of range wrap on the way in, like a cast to the element type", () => {
  assert.equal(toRaw(200, intType(8)), -56n);
  assert.equal(toRaw(-1n, uintType(100)), 2n ** 100n - 1n);
  assert.equal(toRaw(2n ** 200n + 5n, intType(200)), 5n);
});

test("fixed point round-trips its raw values and quantizes reals toward -inf like a cast", () => {
  for (const t of FIXED) {
    for (const raw of rawSamples(t)) assert.equal(toRaw(fromRaw(raw, t), t), raw, `${typeName(t)} ${raw}`);
  }
  const q = fixedType(8, 4);
  assert.equal(fromRaw(toRaw(1.03, q), q), 1);
  assert.equal(fromRaw(toRaw(-1.03, q), q), -1.0625);
  assert.equal(fromRaw(toRaw(100, q), q), 4); // 1600 wraps to 64 in 8 bits: 4.0
});

test("integers are encoded as ceil(W/8) little-endian two's-complement bytes, the layout csim reads", () => {
  for (const t of INTS.filter((t): t is IntType => t.kind === "int")) {
    const raws = rawSamples(t);
    const size = Math.ceil(t.bits / 8);
    const b = buffer({ name: "X", type: t, shape: [raws.length] });
    const bytes = encodeBuffer(func("k", { params: [b], body: [] }), b, arrayOut(t, raws));
    const want = raws.flatMap((raw) => {
      const u = BigInt.asUintN(8 * size, raw);
      return Array.from({ length: size }, (_, k) => Number((u >> BigInt(8 * k)) & 255n));
    });
    assert.deepEqual(Array.from(bytes), want, typeName(t));
  }
});

test("floats are rounded to their format on the way in and pass through on the way out", () => {
  for (const t of FLOATS) {
    for (const x of [0, 1.5, -2.75, 1e-3, 65504, 1e300, Number.NaN]) {
      const raw = toRaw(x, t) as number;
      assert.ok(Object.is(toRaw(fromRaw(raw, t), t), raw), `${typeName(t)} ${x}`);
    }
  }
  assert.equal(toRaw(1e-3, floatType(16)), 0.0010004043579101562);
  assert.equal(toRaw(65520, floatType(16)), Number.POSITIVE_INFINITY);
  assert.equal(toRaw(1 / 3, F32), Math.fround(1 / 3));
});

test("the csim byte encoding round-trips every dtype class through the same boundary arrays", () => {
  for (const t of [...INTS, ...FIXED, ...FLOATS]) {
    const raws = t.kind === "float" ? [0, 1.5, -2.75, 1024].map((x) => toRaw(x, t)) : rawSamples(t);
    const b = buffer({ name: "X", type: t, shape: [raws.length] });
    const f = func("k", { params: [b], body: [] });
    const user = arrayOut(t, raws);
    const back = decodeBuffer(b, encodeBuffer(f, b, user)) as ArrayLike<unknown>;
    assert.deepEqual(Array.from(back), Array.from(user), typeName(t));
    const scalar = func("s", { params: [{ scalar: "x", type: t }], body: [] });
    const zero = buffer({ name: "x", type: t, shape: [] });
    assert.deepEqual(decodeBuffer(zero, encodeScalar(scalar, "x", t, user[0])), scalarOut(t, raws[0]));
  }
});

/** The AlloError a call throws (code and full message). */
function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof AlloError, String(e));
    return `${e.code}: ${e.message}`;
  }
  assert.fail("expected an AlloError");
}

test("AL5001-AL5003 say the same on the CPU and the csim path", () => {
  const A = buffer({ name: "A", type: intType(100), shape: [2] });
  const B = buffer({ name: "B", type: I32, shape: [3] });
  const f = func("k", { params: [A, B, { scalar: "n", type: I32 }], body: [] });
  const cpu = compileCpu({ functions: [f], top: "k" });
  const good = [[1n, 2n], new Int32Array(3), 1] as const;
  const cases: [unknown[], () => unknown][] = [
    [[good[0], good[1]], () => checkArgCount(f, [good[0], good[1]])],
    [[[1n], good[1], 1], () => encodeBuffer(f, A, [1n])],
    [[[1n, 2], good[1], 1], () => encodeBuffer(f, A, [1n, 2])],
    [[good[0], new Uint32Array(3), 1], () => checkBuffer(f, B, new Uint32Array(3))],
    [[good[0], good[1], 1.5], () => encodeScalar(f, "n", I32, 1.5)],
    [[good[0], good[1], "1"], () => scalarIn(f, "n", I32, "1")],
  ];
  for (const [args, direct] of cases) {
    const a = thrown(() => cpu(...args));
    assert.equal(thrown(direct), a);
    assert.match(a, /^AL500[123]: /);
  }
});
