// Nesting limits (issue 17 item 5): a kernel exactly at MAX_EXPRESSION_DEPTH, or with statements exactly
// MAX_STATEMENT_DEPTH deep, compiles, runs on the CPU backend, prints MLIR, emits HLS C++ and verifies;
// one level deeper is AL1026 at the expression or AL1029 at the statement, and 10,000 levels are a coded
// error too, not a stack overflow.
import assert from "node:assert/strict";
import { test } from "node:test";
import { MAX_EXPRESSION_DEPTH as MAX, MAX_STATEMENT_DEPTH as MAX_S } from "../../src/frontend/depth.ts";
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

// Statement nests: n levels of one form around `A[1] = <body>;` (loops named i0, i1, ... so that the
// innermost can be split), each on line 3 of the kernel.
const nests = {
  loops: (n: number, body: string) =>
    `${Array.from({ length: n }, (_, d) => `for (const i${d} of range(1)) `).join("")}A[1] = ${body};`,
  ifs: (n: number, body: string) => `${"if (A[0] > 0) ".repeat(n)}A[1] = ${body};`,
  "else-if arms": (n: number, body: string) =>
    `${"if (A[0] > 9) A[1] = 0; else ".repeat(n - 1)}if (A[0] > 0) A[1] = ${body};`,
  "bare blocks": (n: number, body: string) => `${"{".repeat(n)}A[1] = ${body};${"}".repeat(n)}`,
};
const stmtKernel = (nest: string) =>
  `import { int32, range } from "allo-ts";\nexport function k(A: int32<[2]>): void {\n  ${nest}\n}`;

for (const [form, nest] of Object.entries(nests)) {
  test(`${form} ${MAX_S} deep around an expression at its limit: cpu, mlir, vhls and verify`, () => {
    const src = stmtKernel(nest(MAX_S, chain(MAX)));
    const s = customize(src, { name: "k", file: "deep.ts" });
    const A = Int32Array.of(3, 0);
    s.build()(A);
    assert.equal(A[1], 3 * MAX);
    assert.match(s.build({ target: "mlir" }).code, /func\.func @k/);
    assert.match(s.build({ target: "vhls" }).code, /void k\(/);
    if (form === "loops") {
      // A real symbolic run: the split kernel is not the same IR.
      const split = customize(src, { name: "k", file: "deep.ts" });
      split.split(`i${MAX_S - 1}`, 1);
      assert.equal(verify(s, split).status, "equivalent");
    }
    assert.equal(s.verify().status, "equivalent");
  });

  test(`${form} one level past the limit are AL1029 at the first statement past it`, () => {
    const text = nest(MAX_S + 1, "1");
    // Where the (MAX_S + 1)-th level starts: its brace, or its if/for keyword (after a 2-space indent).
    const starts = [...text.matchAll(form === "bare blocks" ? /\{/g : /\b(if|for)\b/g)].map((m) => m.index);
    const at = `deep.ts:3:${(starts[MAX_S] ?? Number.NaN) + 3}`;
    assert.throws(
      () => customize(stmtKernel(text), { name: "k", file: "deep.ts" }),
      (e: unknown) =>
        e instanceof AlloError &&
        e.code === "AL1029" &&
        e.message.startsWith(`${at} - error AL1029: statements nested ${MAX_S + 1} deep`) &&
        e.message.includes(`the limit is ${MAX_S}`),
    );
  });
}

test("2,000 nested ifs are AL1029; 50,000, past what the parser can nest, a coded error too", () => {
  const code = (n: number) => {
    try {
      customize(stmtKernel(nests.ifs(n, "1")), { name: "k", file: "deep.ts" });
    } catch (e) {
      return e instanceof AlloError ? e.code : String(e);
    }
  };
  assert.equal(code(2_000), "AL1029");
  assert.match(code(50_000) ?? "", /^AL10(26|29)$/);
});
