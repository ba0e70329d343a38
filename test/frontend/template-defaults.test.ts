// Template parameter defaults (`K extends number = 2`, a float `E = 0.5`, a boolean `Flag = false`, a
// default naming an earlier parameter `S = K`) at call sites and in customize, explicit type arguments
// of every kind, and result extents written `number` (computed in the body); the errors for each.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import { caught } from "../schedule/support.ts";

const SRC = `
import { type int32, type float32, range, zeros } from "allo-ts";
declare const K: number, S: number, E: number, Flag: boolean, N: number;

export function f<M extends number, K extends number = 2, S extends number = K, Flag extends boolean = false>(
  A: int32<[M]>,
): int32<[M]> {
  const B: int32<[M]> = zeros();
  for (const i of range<M>()) B[i] = Flag ? A[i] * K + S : A[i] + K * 10 + S;
  return B;
}

export function scale<M extends number, E extends number = 0.5>(A: float32<[M]>): float32<[M]> {
  const B: float32<[M]> = zeros();
  for (const i of range<M>()) B[i] = A[i] * E;
  return B;
}

export function half<N extends number>(A: int32<[N]>): int32<[number]> {
  const H = N / 2;
  const B: int32<[typeof H]> = zeros();
  for (const i of range<typeof H>()) B[i] = A[2 * i] + A[2 * i + 1];
  return B;
}

export function top(A: int32<[4]>, X: float32<[4]>, P: int32<[4]>, Q: int32<[4]>, R: int32<[4]>, Y: float32<[4]>, Z: int32<[2]>): void {
  const a = f(A);
  const b = f<4, 3>(A);
  const c = f<4, 3, 1, true>(A);
  const d = scale<4, 0.25>(X);
  const e = scale(X);
  const h: int32<[2]> = half(A);
  for (const i of range<4>()) {
    P[i] = a[i];
    Q[i] = b[i];
    R[i] = c[i];
    Y[i] = d[i] + e[i];
  }
  for (const j of range<2>()) Z[j] = h[j];
}
`;
const k = (name: string, src = SRC) => customize(src, { name, file: "defaults.ts" });

test("defaults fill the template values a call site or customize leaves out", () => {
  const s = k("top");
  assert.deepEqual(
    s.ir.functions.map((fn) => fn.name),
    ["f", "f_1", "f_2", "scale", "scale_1", "half", "top"],
  );
  const A = Int32Array.of(1, 2, 3, 4);
  const X = Float32Array.of(1, 2, 3, 4);
  const outs = [
    new Int32Array(4),
    new Int32Array(4),
    new Int32Array(4),
    new Float32Array(4),
    new Int32Array(2),
  ];
  s.build()(A, X, ...outs);
  assert.deepEqual(outs, [
    Int32Array.from(A, (a) => a + 22), // K 2, S = K
    Int32Array.from(A, (a) => a + 33), // K 3, S = K = 3
    Int32Array.from(A, (a) => a * 3 + 1), // Flag true
    Float32Array.from(X, (x) => x * 0.25 + x * 0.5),
    Int32Array.of(3, 7),
  ]);
  assert.deepEqual(
    customize(SRC, { name: "f", file: "defaults.ts", instantiate: { M: 4 } }).build()(A),
    Int32Array.from(A, (a) => a + 22),
    "customize(f) takes K, S and Flag",
  );
  const same = customize(SRC, {
    name: "f",
    file: "defaults.ts",
    instantiate: { M: 4, K: 2, S: 2, Flag: false },
  });
  assert.equal(same.ir.functions[0].origin?.templates, s.ir.functions[0].origin?.templates);
});

test("a missing value without a default, a bad boolean and a wrong computed extent are clear errors", () => {
  const bare = `import { type int32, zeros } from "allo-ts";
export function g<M extends number, K extends number = 2>(A: int32<[M]>): int32<[M]> { const B: int32<[M]> = zeros(); return B; }`;
  const e1 = caught(() => customize(bare, { name: "g", file: "g.ts" }));
  assert.equal(e1.code, "AL1021");
  assert.match(
    e1.message,
    /template parameter 'M' of 'g' has no value; pass customize\(g, \{ instantiate: \{ M: \.\.\. \} \}\)/,
  );
  const badBool = SRC.replace("f<4, 3, 1, true>(A)", "f<4, 3, 1, 1>(A)");
  const e2 = caught(() => k("top", badBool));
  assert.equal(e2.code, "AL1021");
  assert.match(e2.message, /template parameter 'Flag' is a boolean; pass true or false, not '1'/);
  const wrong = SRC.replace("const h: int32<[2]> = half(A);", "const h: int32<[3]> = half(A);");
  const e3 = caught(() => k("top", wrong));
  assert.equal(e3.code, "AL2001");
  assert.match(e3.message, /'half' returns int32\[2\] but 'h' is declared int32\[3\]/);
  const rank = SRC.replace(
    "const B: int32<[typeof H]> = zeros();",
    "const B: int32<[typeof H, 1]> = zeros();",
  ).replace("B[i] = A[2 * i] + A[2 * i + 1];", "B[i][0] = A[2 * i];");
  const e4 = caught(() => customize(rank, { name: "half", file: "defaults.ts", instantiate: { N: 4 } }));
  assert.equal(e4.code, "AL2005");
  assert.match(e4.message, /the returned value is int32\[2, 1\] but kernel 'half' declares int32\[number\]/);
});
