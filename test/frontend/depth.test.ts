// Expression nesting limit (issue 17 item 1): a kernel exactly at MAX_EXPRESSION_DEPTH compiles, runs
// on the CPU backend, prints MLIR, emits HLS C++ and verifies; one level deeper is AL1026 at the
// expression, and a 10,000-deep expression is AL1026 too, not a stack overflow.
import assert from "node:assert/strict";
import { test } from "node:test";
import { MAX_EXPRESSION_DEPTH as MAX } from "../../src/frontend/depth.ts";
import { AlloError, customize, verify } from "../../src/index.ts";

const kernel = (dtype: string, expr: string) =>
  `import { float32, int32 } from "allo-ts";\nexport function k(A: ${dtype}<[2]>): void {\n  A[1] = ${expr};\n}`;
// Depth counts operators, calls, parentheses and indexing: n terms `A[0] + ... + A[0]` are n deep
// (n - 1 additions plus the innermost A[0]), as are n - 1 parentheses or calls around A[0].
const chain = (n: number) => Array(n).fill("A[0]").join(" + ");
const parens = (n: number) => `${"(".repeat(n)}A[0]${")".repeat(n)}`;
const calls = (n: number) => `${"Math.abs(Math.floor(".repeat(n / 2)}A[0]${"))".repeat(n / 2)}`;

const atLimit = [
  { name: "left-deep chain", dtype: "int32", expr: chain(MAX), input: [3, 0], want: 3 * MAX },
  { name: "nested parentheses", dtype: "int32", expr: parens(MAX - 1), input: [-7, 0], want: -7 },
  { name: "nested Math calls", dtype: "float32", expr: calls(MAX - 2), input: [-2.5, 0], want: 3 },
];

for (const c of atLimit) {
  test(`${c.name} at the limit: cpu, mlir, vhls and verify`, () => {
    const src = kernel(c.dtype, c.expr);
    const s = customize(src, { name: "k", file: "deep.ts" });
    const A = c.dtype === "int32" ? new Int32Array(c.input) : new Float32Array(c.input);
    s.build()(A);
    assert.equal(A[1], c.want);
    assert.match(s.build({ target: "mlir" }).code, /func\.func @k/);
    assert.match(s.build({ target: "vhls" }).code, /void k\(/);
    assert.equal(s.verify().status, "equivalent");
    assert.equal(verify(s, customize(src, { name: "k", file: "deep.ts" })).status, "equivalent");
  });
}

const pastLimit = [
  { name: "left-deep chain", expr: chain(MAX + 1), col: 10 },
  { name: "nested parentheses", expr: parens(MAX), col: 10 },
  // Found by the bracket scan before parsing: points at the first bracket of the nest.
  { name: "nested Math calls", expr: calls(MAX), col: 18 },
  { name: "10,000 parentheses", expr: parens(10_000), col: 10 },
];

for (const c of pastLimit) {
  test(`${c.name} past the limit is AL1026`, () => {
    assert.throws(
      () => customize(kernel("float32", c.expr), { name: "k", file: "deep.ts" }),
      (e: unknown) =>
        e instanceof AlloError &&
        e.code === "AL1026" &&
        e.message.includes(`deep.ts:3:${c.col}`) &&
        e.message.includes(`the limit is ${MAX}`) &&
        /split it into temporaries/.test(e.message),
    );
  });
}

test("deep nesting without brackets that overflows the parser is AL1026", () => {
  const src = kernel("int32", `${"-".repeat(20_000).split("").join(" ")} A[0]`);
  assert.throws(
    () => customize(src, { name: "k", file: "deep.ts" }),
    (e: unknown) => e instanceof AlloError && e.code === "AL1026",
  );
});

// Literals add no depth: MAX + 2 terms are MAX + 1 additions.
test("a module constant nested past the limit is AL1026 at its line", () => {
  const src = `const X = ${chain(MAX + 2).replaceAll("A[0]", "1")};\n${kernel("int32", "X")}`;
  assert.throws(
    () => customize(src, { name: "k", file: "deep.ts" }),
    (e: unknown) => e instanceof AlloError && e.code === "AL1026" && e.message.includes("deep.ts:1:11"),
  );
});
