// The frontend robustness corpus (issue 17): borderline and invalid TypeScript a hostile user writes.
// Each error row names the exact AlloError code and line:col; each value row gives the inputs and the
// outputs every backend must produce, written here with BigInt and Math.fround, not the compiler's helpers.
// robustness.test.ts runs all rows on the CPU backend; big-literals.test.ts runs the integer rows
// through C simulation and the verifier too.

/** Prepended to every row (the same head as the diagnostics baselines, so kernels start on line 4). */
export const HEAD = `import { float32, grid, int8, int32, range, zeros } from "allo-ts";
const M = 4;
type M = typeof M;
`;

export interface ErrorRow {
  readonly name: string;
  readonly source: string;
  readonly code: string;
  /** line:col of the diagnostic in `${name}.ts` (HEAD included). */
  readonly at: string;
  /** The full message is also the baseline test/golden/diagnostics/<name>.txt. */
  readonly golden?: true;
}

type Values = readonly (number | bigint)[];

export interface ValueRow {
  readonly name: string;
  readonly source: string;
  readonly args: () => unknown[];
  /** Every argument's elements after the run. */
  readonly want: readonly Values[];
  /** Integer rows also run through csim; `mutant` edits the source into a different program. */
  readonly int?: { readonly mutant: readonly [string, string] };
}

/** Elements as plain arrays, so that deepStrictEqual tells -0 from 0 and NaN equals NaN. */
export const elements = (args: readonly unknown[]) => args.map((a) => [...(a as Iterable<number | bigint>)]);

const fn = (params: string, body: string) =>
  `export function k(${params}): void {${body === "" ? "" : `\n${body}\n`}}`;
const deep = `${"(".repeat(600)}A[1]${")".repeat(600)}`;
const deepIfs = `${"if (A[0] > 0) ".repeat(300)}A[1] = 1;`;

export const ERRORS: readonly ErrorRow[] = [
  // Item 5: widths and fixed-point operations csim would only fail on later.
  { name: "zero_width", code: "AL2011", at: "4:22", golden: true, source: fn("A: Int<0, [M]>", "") },
  { name: "fixed_zero", code: "AL2011", at: "4:22", source: fn("A: Fixed<0, 0, [M]>", "") },
  {
    name: "fixed_frac",
    code: "AL2011",
    at: "5:22",
    golden: true,
    source: `import type { Fixed } from "allo-ts";\n${fn("A: Fixed<8, 9, [M]>", "")}`,
  },
  { name: "fractional_width", code: "AL1007", at: "4:26", source: fn("A: Int<8.5, [M]>", "") },
  { name: "negative_frac", code: "AL1007", at: "4:31", source: fn("A: Fixed<8, -1, [M]>", "") },
  { name: "float_shape", code: "AL1007", at: "4:29", source: fn("A: int32<[4.0]>", "") },
  {
    name: "fixed_rem",
    code: "AL2008",
    at: "6:10",
    golden: true,
    source: `import type { Fixed } from "allo-ts";\n${fn("A: Fixed<16, 8, [M]>", "  A[0] = A[1] % A[2];")}`,
  },
  {
    name: "deep_expression",
    code: "AL1026",
    at: "5:10",
    golden: true,
    source: fn("A: int32<[M]>", `  A[0] = ${deep};`),
  },
  {
    name: "deep_statements",
    code: "AL1029",
    at: `5:${3 + 256 * "if (A[0] > 0) ".length}`,
    golden: true,
    source: fn("A: int32<[M]>", `  ${deepIfs}`),
  },
  // Item 3: an integer literal used as an index, bound or step must fit the index type, not wrap.
  {
    name: "huge_index",
    code: "AL1030",
    at: "5:5",
    source: fn("A: int32<[M]>", "  A[18446744073709551617] = 7;"),
  },
  {
    name: "huge_index_offset",
    code: "AL1030",
    at: "5:31",
    source: fn("A: int32<[M]>", "  for (const i of range(M)) A[i + 4294967296] = 7;"),
  },
  {
    name: "huge_bound",
    code: "AL1030",
    at: "5:28",
    source: fn("A: int32<[M]>", "  for (const i of range(1, 123456789012345678901)) A[0] = i;"),
  },
  {
    name: "huge_step",
    code: "AL1030",
    at: "5:31",
    source: fn("A: int32<[M]>", "  for (let i = 0; i < M; i += 18446744073709551617) A[i] = 1;"),
  },
  // Item 6: TypeScript that means something else, or nothing, in a kernel.
  {
    name: "optional_chaining",
    code: "AL1024",
    at: "5:10",
    golden: true,
    source: fn("A: int32<[M]>", "  A[1] = A?.[0];"),
  },
  {
    name: "optional_call",
    code: "AL1024",
    at: "5:10",
    source: fn("A: float32<[M]>", "  A[0] = Math.abs?.(A[1]);"),
  },
  {
    name: "duplicate_let",
    code: "AL1025",
    at: "6:7",
    golden: true,
    source: fn("A: int32<[M]>", "  let x: int32 = 1;\n  let x: int32 = 2;\n  A[0] = x;"),
  },
  { name: "duplicate_param", code: "AL1025", at: "4:34", source: fn("A: int32<[M]>, A: int32<[M]>", "") },
  {
    name: "const_no_init",
    code: "AL1020",
    at: "5:9",
    golden: true,
    source: fn("A: int32<[M]>", "  const T: int32<[4]>;\n  A[0] = 1;"),
  },
  { name: "optional_param", code: "AL1028", at: "4:19", golden: true, source: fn("A?: int32<[M]>", "") },
  {
    name: "default_param",
    code: "AL1033",
    at: "4:34",
    source: fn("A: int32<[M]>, b: int32 = 3", "  A[0] = b;"),
  },
  {
    name: "as_cast",
    code: "AL1027",
    at: "5:10",
    golden: true,
    source: fn("A: int32<[M]>, x: float32", "  A[0] = x as int32;"),
  },
  { name: "angle_cast", code: "AL1027", at: "5:10", source: fn("A: int32<[M]>", "  A[0] = <int32>A[1];") },
  {
    name: "satisfies",
    code: "AL1027",
    at: "5:10",
    source: fn("A: int32<[M]>", "  A[0] = A[1] satisfies int32;"),
  },
  { name: "non_null", code: "AL1027", at: "5:10", source: fn("A: int32<[M]>", "  A[0] = A[1]!;") },
  {
    name: "definite_assignment",
    code: "AL1027",
    at: "5:7",
    source: fn("A: int32<[M]>", "  let x!: int32;\n  A[0] = x;"),
  },
  { name: "var", code: "AL1020", at: "5:3", source: fn("A: int32<[M]>", "  var x: int32 = 1;\n  A[0] = x;") },
  { name: "delete", code: "AL1005", at: "5:3", source: fn("A: int32<[M]>", "  delete A[0];") },
  { name: "void", code: "AL1005", at: "5:10", source: fn("A: int32<[M]>", "  A[0] = void 0;") },
  { name: "typeof", code: "AL1005", at: "5:10", source: fn("A: int32<[M]>", "  A[0] = typeof A[1];") },
  { name: "in", code: "AL1005", at: "5:12", source: fn("A: int32<[M]>", "  A[0] = 1 in A;") },
  {
    name: "instanceof",
    code: "AL1005",
    at: "5:12",
    source: fn("A: int32<[M]>", "  A[0] = A instanceof Object;"),
  },
  {
    name: "comma_operator",
    code: "AL1005",
    at: "5:11",
    source: fn("A: int32<[M]>", "  A[0] = (A[1], A[2]);"),
  },
  { name: "unsigned_shift_assign", code: "AL1005", at: "5:8", source: fn("A: int32<[M]>", "  A[0] >>>= 2;") },
  { name: "unsigned_shift", code: "AL1005", at: "5:10", source: fn("A: int32<[M]>", "  A[0] = A[1] >>> 2;") },
  { name: "bigint_literal", code: "AL1005", at: "5:10", source: fn("A: int32<[M]>", "  A[0] = 1n;") },
  { name: "nullish", code: "AL1005", at: "5:15", source: fn("A: int32<[M]>", "  A[0] = A[1] ?? 2;") },
  { name: "logical_assign", code: "AL1005", at: "5:8", source: fn("A: int32<[M]>", "  A[0] &&= 2;") },
  { name: "null", code: "AL1005", at: "5:10", source: fn("A: int32<[M]>", "  A[0] = null;") },
  { name: "undefined", code: "AL1006", at: "5:10", source: fn("A: int32<[M]>", "  A[0] = undefined;") },
  { name: "infinity", code: "AL1006", at: "5:10", source: fn("A: float32<[M]>", "  A[0] = Infinity;") },
  { name: "nan", code: "AL1006", at: "5:11", source: fn("A: float32<[M]>", "  A[0] = -NaN;") },
  { name: "string", code: "AL1005", at: "5:10", source: fn("A: int32<[M]>", '  A[0] = "1";') },
  { name: "object_literal", code: "AL1005", at: "5:10", source: fn("A: int32<[M]>", "  A[0] = {};") },
  {
    name: "postfix_in_expression",
    code: "AL1005",
    at: "5:10",
    source: fn("A: int32<[M]>", "  A[0] = A[1]++;"),
  },
  {
    name: "switch",
    code: "AL1004",
    at: "5:3",
    source: fn("A: int32<[M]>", "  switch (A[0]) {\n    case 1:\n      A[1] = 0;\n  }"),
  },
  {
    name: "do_while",
    code: "AL1004",
    at: "5:3",
    source: fn("A: int32<[M]>", "  do {\n    A[0] = A[0] - 1;\n  } while (A[0] > 0);"),
  },
  {
    name: "for_in",
    code: "AL1004",
    at: "5:3",
    source: fn("A: int32<[M]>", "  for (const i in A) A[0] = 1;"),
  },
  {
    name: "labeled",
    code: "AL1004",
    at: "5:3",
    source: fn("A: int32<[M]>", "  L: for (const i of range(M)) A[i] = 0;"),
  },
  { name: "throw", code: "AL1004", at: "5:3", source: fn("A: int32<[M]>", "  throw 1;") },
  {
    name: "generator",
    code: "AL1004",
    at: "4:1",
    source: "export function* k(A: int32<[M]>): void {\n  A[0] = 1;\n}",
  },
];

const f32 = (...xs: number[]) => xs.map((x) => Math.fround(x));

export const VALUES: readonly ValueRow[] = [
  // Item 2: a literal written with '.' or an exponent is float32 whatever its value.
  {
    name: "integral float literals are float32",
    source: fn(
      "A: float32<[6]>",
      "  A[1] = A[0] / 2.0;\n  A[2] = 1.0 / 2.0;\n  A[3] = 2e3 / 4000;\n  A[4] = .5 + 5.;\n  A[5] = 7 / 2;",
    ),
    args: () => [Float32Array.of(3, 0, 0, 0, 0, 0)],
    want: [[3, 1.5, 0.5, 0.5, 5.5, 3]],
  },
  {
    name: "float folding keeps -0, Inf and NaN",
    source: `const X = 3.0;\n${fn("A: float32<[7]>", "  A[0] = -0.0;\n  A[1] = 1.0 / 0.0;\n  A[2] = 0.0 / 0.0;\n  A[3] = X * (1.0 / 3.0);\n  A[4] = 1e400;\n  A[5] = 3.5e38;\n  A[6] = 1e-46;")}`,
    args: () => [new Float32Array(7)],
    want: [[-0, Infinity, Number.NaN, ...f32(3 * Math.fround(1 / 3)), Infinity, Infinity, 0]],
  },
  // Item 3: integer literals are exact at any size, in every spelling.
  {
    name: "int64 literals past 2^53",
    source: fn(
      "A: int64<[6]>",
      "  A[0] = 9007199254740993;\n  A[1] = 0x7fffffffffffffff;\n  A[2] = -9223372036854775808;\n  A[3] = 0xffffffffffffffff;\n  A[4] = 9007199254740993 * 3;\n  A[5] = -(-9223372036854775808);",
    ),
    args: () => [new BigInt64Array(6)],
    want: [[2n ** 53n + 1n, 2n ** 63n - 1n, -(2n ** 63n), -1n, (2n ** 53n + 1n) * 3n, -(2n ** 63n)]],
    int: { mutant: ["9007199254740993;", "9007199254740992;"] },
  },
  {
    name: "an Int<70> literal",
    source: fn(
      "B: Int<70, [4]>",
      "  B[0] = 123456789012345678901;\n  B[1] = -123456789012345678901;\n  B[2] = 123456789012345678901 * 5 - 1;\n  B[3] = 0x3f_ffff_ffff_ffff_ffff;",
    ),
    args: () => [[0n, 0n, 0n, 0n]],
    want: [
      [
        123456789012345678901n,
        -123456789012345678901n,
        BigInt.asIntN(70, 123456789012345678901n * 5n - 1n),
        BigInt.asIntN(70, 2n ** 70n - 1n),
      ],
    ],
    int: { mutant: ["B[0] = 123456789012345678901;", "B[0] = 123456789012345678900;"] },
  },
  {
    name: "separators, binary, octal and hex",
    source: fn(
      "A: int32<[4]>",
      "  A[0] = 1_000;\n  A[1] = 0b101;\n  A[2] = 0o7;\n  A[3] = 0x1_0 + 4294967297;",
    ),
    args: () => [new Int32Array(4)],
    want: [[1000, 5, 7, Number(BigInt.asIntN(32, 16n + 4294967297n))]],
    int: { mutant: ["0o7", "0o6"] },
  },
  {
    name: "module constants fold with kernel rules",
    source: `const S = 1 << 33;\nconst N = 9007199254740993;\nconst D = 7 / 2;\n${fn("A: int64<[5]>", "  A[0] = S;\n  A[1] = 1 << 33;\n  A[2] = N;\n  A[3] = N + 1;\n  A[4] = D;")}`,
    args: () => [new BigInt64Array(5)],
    // 1 is int32, so `1 << 33` shifts an int32 and wraps to 0 (Allo's rule), in both places.
    want: [[BigInt.asIntN(32, 1n << 33n), BigInt.asIntN(32, 1n << 33n), 2n ** 53n + 1n, 2n ** 53n + 2n, 3n]],
    int: { mutant: ["const N = 9007199254740993;", "const N = 9007199254740992;"] },
  },
  {
    name: "2^53 + 1 reaches float64 rounded once, to even",
    source: `import type { float64, int64 } from "allo-ts";\n${fn("F: float64<[2]>, A: int64<[1]>", "  F[0] = 9007199254740993;\n  F[1] = A[0];")}`,
    args: () => [new Float64Array(2), BigInt64Array.of(2n ** 53n + 1n)],
    want: [[2 ** 53, 2 ** 53], [2n ** 53n + 1n]],
    int: { mutant: ["F[1] = A[0];", "F[1] = A[0] + 1;"] },
  },
  // Compound operators on integers: `**` is a float operation stored back with truncation.
  {
    name: "**= on an integer",
    source: fn("A: int32<[2]>", "  A[0] **= 2;\n  A[1] = A[1] ** 3;"),
    args: () => [Int32Array.of(5, -3)],
    want: [[25, -27]],
  },
  // Declarations TypeScript allows: block shadowing, and a scalar without initializer (it starts at 0).
  {
    name: "a block's let shadows the outer one",
    source: fn(
      "A: int32<[2]>",
      "  let x: int32 = 1;\n  if (A[0] > 0) {\n    let x: int32 = 2;\n    A[1] = x;\n  }\n  A[0] = x;",
    ),
    args: () => [Int32Array.of(5, 0)],
    want: [[1, 2]],
  },
  {
    name: "let without initializer starts at 0",
    source: fn("A: int32<[2]>", "  let x: int32;\n  A[1] = x + A[0];\n  x = 4;\n  A[0] = x;"),
    args: () => [Int32Array.of(9, 0)],
    want: [[4, 9]],
  },
];
