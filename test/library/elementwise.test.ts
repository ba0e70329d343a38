// Every form of the overloaded elementwise ops (add, sub, mul, div: same shape, lower-rank broadcast,
// scalar; relu, exp, tanh, sigmoid, gelu: ranks 1-4) called by the op's name from a generated caller, at
// several shapes with 1-wide axes, bit-exact on the CPU against the plain references of ./reference.ts;
// the generated files are up to date; calls no form takes and a mismatched trailing shape are coded
// errors at the call. The integer forms are tested in ./elementwise-int.test.ts.
import assert from "node:assert/strict";
import { test } from "node:test";
import { stale } from "../../scripts/gen-elementwise.ts";
import { type AlloError, customize } from "../../src/index.ts";
import { fillFloat, rng } from "../support/random.ts";
import * as ref from "./reference.ts";

/** Shapes per rank, 1-wide axes included. */
const SHAPES: Record<number, number[][]> = {
  1: [[1], [5]],
  2: [
    [1, 1],
    [3, 1],
    [1, 4],
    [3, 4],
  ],
  3: [
    [1, 1, 1],
    [2, 1, 3],
    [2, 3, 4],
  ],
  4: [
    [1, 1, 1, 1],
    [2, 1, 3, 1],
    [2, 3, 1, 4],
  ],
};

const BINARY: [string, (a: number, b: number) => number][] = [
  ["add", (a, b) => a + b],
  ["sub", (a, b) => a - b],
  ["mul", (a, b) => a * b],
  ["div", (a, b) => a / b],
];

const UNARY: [string, (x: number) => number][] = [
  ["relu", (x) => Math.max(x, 0)],
  ["exp", Math.exp],
  ["tanh", Math.tanh],
  ["sigmoid", ref.sigmoid],
  ["gelu", ref.gelu],
];

const t = (shape: number[]) => (shape.length ? `float32<[${shape.join(", ")}]>` : "float32");
const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
const rand = (n: number, seed: number) => fillFloat(new Float32Array(n), rng(seed), -3, 3);

/** A caller of `op(A[, B])` by the op's name, as a user writes it; `B` absent for a unary op. */
function caller(op: string, a: number[], b?: number[]): string {
  const params = b ? `A: ${t(a)}, B: ${t(b)}` : `A: ${t(a)}`;
  return [
    'import { type float32 } from "allo-ts";',
    `import { ${op} } from "allo-ts/library";`,
    `export function top(${params}): ${t(a)} {`,
    `  return ${op}(${b ? "A, B" : "A"});`,
    "}",
  ].join("\n");
}

/** The form the call resolves to, by its generated name. */
const formOf = (op: string, ra: number, rb?: number) =>
  `${op}${ra}${rb === undefined || rb === ra ? "" : rb === 0 ? "s" : `x${rb}`}`;

test("add, sub, mul and div: same shape, lower-rank B over the leading axes and a scalar, ranks 1-4, bit-exact", () => {
  const forms = new Set<string>();
  for (const ra of [1, 2, 3, 4])
    for (const rb of [ra, ...[0, 1, 2, 3].filter((r) => r < ra)])
      for (const a of SHAPES[ra]) {
        const b = a.slice(ra - rb);
        const A = rand(size(a), size(a) * 10 + ra);
        // A float32 scalar (a value the CPU keeps exactly), else B's own values.
        const B = rb === 0 ? Float32Array.of(Math.fround(-1.3)) : rand(size(b), size(b) * 7 + rb);
        for (const [op, g] of BINARY) {
          const s = customize(caller(op, a, b), { name: "top" });
          assert.deepEqual(
            s.ir.functions.map((fn) => [fn.name, fn.origin?.base]),
            [
              [op, formOf(op, ra, rb)],
              ["top", "top"],
            ],
          );
          const got = s.build()(A, rb === 0 ? B[0] : B) as Float32Array;
          ref.assertNear(got, ref.broadcast(A, B, g), `${op} [${a}] and [${b}]`);
          forms.add(formOf(op, ra, rb));
        }
      }
  assert.equal(forms.size, 4 * 14); // 4 same-shape, 6 broadcast and 4 scalar forms per op
});

test("relu, exp, tanh, sigmoid and gelu on ranks 1-4, bit-exact", () => {
  for (const r of [1, 2, 3, 4])
    for (const a of SHAPES[r]) {
      const X = rand(size(a), size(a) + 3 * r);
      for (const [op, g] of UNARY) {
        const s = customize(caller(op, a), { name: "top" });
        assert.equal(s.ir.functions[0].origin?.base, formOf(op, r));
        ref.assertNear(s.build()(X) as Float32Array, ref.map(X, g), `${op} [${a}]`);
      }
    }
});

test("the generated elementwise files are what scripts/gen-elementwise.ts writes", () => {
  assert.deepEqual(stale(), []);
});

/** Compiling `caller`'s source under a test path, so errors name file:line:col. */
const compile = (text: string) => customize(text, { name: "top", file: "test/library/caller.ts" });

test("a B whose shape is not A's trailing extents is AL2003 at the argument", () => {
  for (const [a, b, want] of [
    [[4, 8], [4], /'B' has shape \[4\] but parameter 'B' of 'add' needs \[8\]/],
    [[2, 4, 8], [3, 8], /'B' has shape \[3, 8\] but parameter 'B' of 'add' needs \[4, 8\]/],
    [[2, 3, 4, 5], [3, 5], /'B' has shape \[3, 5\] but parameter 'B' of 'add' needs \[4, 5\]/],
  ] as const)
    assert.throws(
      () => compile(caller("add", [...a], [...b])),
      (e: AlloError) => {
        assert.equal(e.code, "AL2003");
        assert.match(e.message, /test\/library\/caller\.ts:4:17 - error AL2003/);
        assert.match(e.message, want);
        return true;
      },
    );
});

test("a float32 with an integer tensor and rank 5 are AL2014 at the call, listing the forms", () => {
  const int = caller("add", [4], [4])
    .replace("B: float32<[4]>", "B: int32<[4]>")
    .replace("type float32", "type float32, type int32");
  for (const [text, args] of [
    [int, /takes \(float32\[4\], int32\[4\]\)/],
    [caller("relu", [1, 2, 3, 4, 5]), /takes \(float32\[1, 2, 3, 4, 5\]\)/],
    [caller("mul", [3], [3, 3]), /takes \(float32\[3\], float32\[3, 3\]\)/],
  ] as const)
    assert.throws(
      () => compile(text),
      (e: AlloError) => {
        assert.equal(e.code, "AL2014");
        assert.match(e.message, /test\/library\/caller\.ts:4:10 - error AL2014/);
        assert.match(e.message, args);
        assert.match(e.message, /1<N>\(\w: float32<\[N\]>/);
        return true;
      },
    );
});
