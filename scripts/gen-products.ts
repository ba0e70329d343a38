// Generates src/library/products.ts, allo-ts/library's sums of products (matmul, bmm, linear, conv2d),
// from the description below: each op is written once and expanded into three forms under its
// overloaded name, one per element class (the first whose operands fit is taken at a call site):
//   opFloat32: float32 operands, accumulated in and returning float32;
//   opInt32:   integer operands of at most 16 bits (`Ty extends IntUpTo<16>`, each operand its own
//              type: int8 activations with Int<4> weights), accumulated in and returning int32;
//   opInt64:   integer operands of at most 64 bits, one of them wider than 16, in int64.
// Sums wrap as their accumulator does. A bias (linear, conv2d) has the accumulator's type.
//
//   npx tsx scripts/gen-products.ts          # rewrites the file (biome-formatted)
//   npx tsx scripts/gen-products.ts --check  # (npm run generated, in .ci/run) fails when it differs
//
// test/library/int-products.test.ts runs the check too.
import { join } from "node:path";
import { formatted, LIBRARY, runIfMain, staleFiles } from "./generated-files.ts";

interface ElemClass {
  /** The forms' name suffix. */
  readonly suffix: string;
  /** Accumulator, result and bias type. */
  readonly acc: string;
  /** Its zero as a kernel literal. */
  readonly zero: string;
  /** The bound of each operand's own element type; float32 operands when absent. */
  readonly bound?: string;
  readonly what: string;
}

const CLASSES: readonly ElemClass[] = [
  { suffix: "Float32", acc: "float32", zero: "0.0", what: "Float32 operands." },
  {
    suffix: "Int32",
    acc: "int32",
    zero: "0",
    bound: "IntUpTo<16>",
    what: "Integer operands of at most 16 bits, accumulated in and returning int32 (wrapping).",
  },
  {
    suffix: "Int64",
    acc: "int64",
    zero: "0",
    bound: "IntUpTo<64>",
    what: "Integer operands of at most 64 bits, one wider than 16, accumulated in and returning int64 (wrapping).",
  },
];

interface Product {
  readonly op: string;
  /** What it computes, for the doc comment (the class is appended). */
  readonly what: string;
  /** Template parameters before the operands' element types (sizes, stride, padding). */
  readonly sizes: readonly string[];
  /** Operands: name and shape; each gets its own element type `Ty<name>` in the integer forms. */
  readonly operands: readonly (readonly [string, string])[];
  /** The bias' name and shape, typed as the accumulator. */
  readonly bias?: readonly [string, string];
  readonly result: string;
  /** The body; `ACC` is the accumulator type, `ZERO` its zero. */
  readonly body: readonly string[];
  /** The registered default schedule's steps. */
  readonly schedule: readonly string[];
}

const sizes = (...names: string[]) => names.map((n) => `${n} extends number`);
/** A template value used as a number through its `declare const` twin, which biome cannot see. */
const valueParam = (p: string) =>
  `// biome-ignore lint/correctness/noUnusedVariables: used as a value through its declare const twin\n${p}`;

const PRODUCTS: readonly Product[] = [
  {
    op: "matmul",
    what: "`A @ B`: [M, K] x [K, N] -> [M, N]",
    sizes: sizes("M", "K", "N"),
    operands: [
      ["A", "[M, K]"],
      ["B", "[K, N]"],
    ],
    result: "[M, N]",
    body: [
      "const C: ACC<[M, N]> = zeros();",
      "for (const [i, j, k] of grid<[M, N, K]>()) C[i][j] += A[i][k] * B[k][j];",
      "return C;",
    ],
    schedule: ['s.reorder("k", "j");', 's.pipeline("j");'],
  },
  {
    op: "bmm",
    what: "Batched `A[b] @ B[b]`: [Bt, M, K] x [Bt, K, N] -> [Bt, M, N]",
    sizes: sizes("Bt", "M", "K", "N"),
    operands: [
      ["A", "[Bt, M, K]"],
      ["B", "[Bt, K, N]"],
    ],
    result: "[Bt, M, N]",
    body: [
      "const C: ACC<[Bt, M, N]> = zeros();",
      "for (const [b, i, j, k] of grid<[Bt, M, N, K]>()) C[b][i][j] += A[b][i][k] * B[b][k][j];",
      "return C;",
    ],
    schedule: ['s.reorder("k", "j");', 's.pipeline("j");'],
  },
  {
    op: "linear",
    what: "`X @ W^T + b`: X [M, K], W [N, K] (out, in), b [N] -> [M, N]; the bias is added after the sum",
    sizes: sizes("M", "K", "N"),
    operands: [
      ["X", "[M, K]"],
      ["W", "[N, K]"],
    ],
    bias: ["b", "[N]"],
    result: "[M, N]",
    body: [
      "const Y: ACC<[M, N]> = zeros();",
      "for (const [i, j, k] of grid<[M, N, K]>()) Y[i][j] += X[i][k] * W[j][k];",
      "for (const [r, c] of grid<[M, N]>()) Y[r][c] += b[c];",
      "return Y;",
    ],
    schedule: ['s.reorder("k", "j");', 's.pipeline("j");', 's.pipeline("c");'],
  },
  {
    op: "conv2d",
    what: "2-D convolution: X [N, Ci, H, Wd], W [Co, Ci, KH, KW], bias b [Co] -> [N, Co, OH, OW] (cross-correlation, as PyTorch's conv2d), the bias added after the sum",
    sizes: [
      ...sizes("N", "Ci", "H", "Wd", "Co", "KH", "KW"),
      valueParam("S extends number = 1"),
      valueParam("P extends number = 0"),
    ],
    operands: [
      ["X", "[N, Ci, H, Wd]"],
      ["W", "[Co, Ci, KH, KW]"],
    ],
    bias: ["b", "[Co]"],
    result: "[N, Co, number, number]",
    body: [
      "const OH = (H + 2 * P - KH) / S + 1;",
      "const OW = (Wd + 2 * P - KW) / S + 1;",
      "const Y: ACC<[N, Co, typeof OH, typeof OW]> = zeros();",
      "for (const [n, co, oh, ow] of grid<[N, Co, typeof OH, typeof OW]>()) {",
      "  let acc: ACC = ZERO;",
      "  for (const [ci, kh, kw] of grid<[Ci, KH, KW]>()) {",
      "    const y = oh * S + kh - P;",
      "    const x = ow * S + kw - P;",
      "    if (y >= 0 && y < H && x >= 0 && x < Wd) acc += X[n][ci][y][x] * W[co][ci][kh][kw];",
      "  }",
      "  Y[n][co][oh][ow] = acc + b[co];",
      "}",
      "return Y;",
    ],
    schedule: ['s.pipeline("kw");'],
  },
];

/** A doc comment of `text`, on one line when it fits, else wrapped at biome's line width. */
function docComment(text: string): string {
  if (text.length + 7 <= 110) return `/** ${text} */`;
  const lines = [""];
  for (const word of text.split(" ")) {
    const last = lines.length - 1;
    if (lines[last] && lines[last].length + word.length + 4 > 110) lines.push(word);
    else lines[last] = lines[last] ? `${lines[last]} ${word}` : word;
  }
  return ["/**", ...lines.map((l) => ` * ${l}`), " */"].join("\n");
}

/** One form of `p` for element class `c`. */
function form(p: Product, c: ElemClass): { name: string; text: string } {
  const name = `${p.op}${c.suffix}`;
  // An element type's default is its bound: no value, inferred from the argument (src/frontend/template-args.ts).
  const elems = c.bound ? p.operands.map(([o]) => `Ty${o} extends ${c.bound} = ${c.bound}`) : [];
  const params = [
    ...p.operands.map(([o, s]) => `${o}: ${c.bound ? `Tensor<Ty${o}, ${s}>` : `float32<${s}>`}`),
    ...(p.bias ? [`${p.bias[0]}: ${c.acc}<${p.bias[1]}>`] : []),
  ];
  const body = p.body.map((l) => `  ${l.replaceAll("ACC", c.acc).replaceAll("ZERO", c.zero)}`);
  const text = [
    docComment(`${p.what}. ${c.what}`),
    `export function ${name}<${[...p.sizes, ...elems].join(",\n")}>(${params.join(", ")}): ${c.acc}<${p.result}> {`,
    ...body,
    "}",
  ].join("\n");
  return { name, text };
}

function opText(p: Product): string {
  const forms = CLASSES.map((c) => form(p, c));
  const names = forms.map((f) => f.name).join(", ");
  return [
    ...forms.map((f) => `${f.text}\n`),
    `/** ${p.what.split(":")[0]}: float32, or integers into int32 (int64 when an operand is wider than 16 bits). */`,
    `export const ${p.op} = overload(${names});`,
    "",
    `for (const form of [${names}]) {`,
    "  registerSchedule(form, (s) => {",
    ...p.schedule.map((st) => `    ${st}`),
    "  });",
    "}",
    "",
  ].join("\n");
}

function productsFile(): string {
  return [
    "// Generated by scripts/gen-products.ts from its description; edit that, not this file.",
    "// The sums of products of allo-ts/library, row-major with PyTorch's conventions: matmul [M, K] x [K, N],",
    "// bmm [B, M, K] x [B, K, N], linear(X, W, b) = X W^T + b with W: [out, in], and conv2d on NCHW tensors",
    "// with stride S and zero padding P as template values (defaults 1 and 0; the output extent",
    "// (H + 2P - KH) / S + 1 is computed in the body, so the result type writes it `number`). Each is an",
    "// overloaded name over a float32 form, an int32 one (integer operands of at most 16 bits, each of its",
    "// own type: int8 x Int<4> is W4A8) and an int64 one (operands up to 64 bits); a float and an integer",
    "// operand together fit no form (AL2014 at the call). Sums run in order from 0 up (k, or ci, kh, kw),",
    "// so every backend rounds alike; the registered schedules move k outside j and pipeline j (consecutive",
    "// j are independent: II 1), conv2d's pipelines kw.",
    'import { type float32, grid, type IntUpTo, type int32, type int64, overload, registerSchedule, type Tensor, zeros } from "allo-ts";',
    "",
    "/** The value twins tsc needs for the template parameters used as numbers. */",
    "declare const H: number, Wd: number, KH: number, KW: number, S: number, P: number;",
    "",
    ...PRODUCTS.map(opText),
  ].join("\n");
}

/** The generated file (path -> text), formatted as biome formats it. */
export const generate = (): Map<string, string> =>
  formatted(new Map([[join(LIBRARY, "products.ts"), productsFile()]]));

/** The generated files that differ from the checked-in ones. */
export const stale = (): string[] => staleFiles(generate());

runIfMain(import.meta.filename, generate);
