// Generates the elementwise kernels of allo-ts/library from the small description below: one file per
// binary op (src/library/elementwise-add.ts, ...: same-shape forms of rank 1-4, a second operand of lower
// rank broadcast over the leading axes, a float32 scalar over all) with its integer forms beside it
// (elementwise-add-int.ts, ...), and one for the unary ops (src/library/elementwise.ts, ranks 1-4; relu's
// integer forms in elementwise-relu-int.ts). The kernel language reads kernels from source, so the forms
// are written out as function declarations; this script is their one source.
//
//   npx tsx scripts/gen-elementwise.ts          # rewrites the files (biome-formatted)
//   npx tsx scripts/gen-elementwise.ts --check  # (npm run generated, in .ci/run) fails when a file differs
//
// test/library/elementwise.test.ts runs the check too.
import { join } from "node:path";
import { formatted, LIBRARY, runIfMain, staleFiles } from "./generated-files.ts";
import { at, extents, loop, RANKS, shape } from "./rank-forms.ts";

/** Binary ops: name, operator, what the op computes, what it does on integers (where it differs). */
const BINARY = [
  ["add", "+", "`A + B`", ""],
  ["sub", "-", "`A - B`", ""],
  ["mul", "*", "`A * B`, elementwise (not a matrix product: see matmul)", ""],
  ["div", "/", "`A / B` (IEEE division: x / 0 is ±Inf or NaN)", " (C's truncating division; x / 0 is 0)"],
] as const;

/** Unary ops: name, the element's value as an expression of `x`, what it computes, its integer form's. */
const UNARY = [
  ["relu", "Math.max(x, 0.0)", "`max(x, 0)`", "Math.max(x, 0)"],
  ["exp", "Math.exp(x)", "`e^x`"],
  ["tanh", "Math.tanh(x)", "`tanh(x)`"],
  ["sigmoid", "1.0 / (1.0 + Math.exp(-x))", "`1 / (1 + e^-x)`"],
  [
    "gelu",
    "0.5 * x * (1.0 + Math.tanh(0.7978845608028654 * (x + 0.044715 * x * x * x)))",
    "`0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))`, GPT-2's and Allo's GELU",
  ],
] as const;

/**
 * The element classes of the forms: float32 (the ops' first forms, named `add2`), then integer operands
 * of at most 32 bits into int32 (`add2Int32`) and of at most 64 bits into int64 (`add2Int64`), each
 * tensor operand of its own type, converted to the result type before the op (so it wraps there).
 */
interface ElemClass {
  readonly suffix: string;
  readonly result: string;
  /** The widest integer operand (each tensor operand's bound is `IntUpTo<bits>`); float32 when absent. */
  readonly bits?: number;
}
const FLOAT: ElemClass = { suffix: "", result: "float32" };
const INTS: readonly ElemClass[] = [
  { suffix: "Int32", result: "int32", bits: 32 },
  { suffix: "Int64", result: "int64", bits: 64 },
];

/** The template parameters: the extents, then each tensor operand's element type (integer classes). */
const typeParams = (rank: number, c: ElemClass, operands: string[]) =>
  [
    ...extents(rank).map((e) => `${e} extends number`),
    ...(c.bits ? operands.map((o) => `Ty${o} extends IntUpTo<${c.bits}> = IntUpTo<${c.bits}>`) : []),
  ].join(", ");
/** Tensor operand `o` of rank `r` in class `c`. */
const operand = (o: string, r: number, c: ElemClass) =>
  `${o}: ${c.bits ? `Tensor<Ty${o}, ${shape(r)}>` : `float32<${shape(r)}>`}`;
/** An element read in the class' arithmetic: integer operands converted to the result type. */
const value = (e: string, c: ElemClass) => (c.bits ? `${c.result}(${e})` : e);
const classWhat = (c: ElemClass) =>
  c.bits ? `, integer operands of at most ${c.bits} bits into ${c.result}` : "";

/** A binary form: A of rank `r`, B of rank `rb` (rb = r: same shape; 0: a scalar `b` of the result type). */
function binaryForm(op: string, sym: string, r: number, rb: number, c: ElemClass, intWhat = "") {
  const name = `${op}${r}${rb === r ? "" : rb === 0 ? "s" : `x${rb}`}${c.suffix}`;
  const b = rb === 0 ? "b" : value(at("B", rb), c);
  const second = rb === 0 ? `b: ${c.result}` : operand("B", rb, c);
  const what =
    rb === r
      ? `on ${shape(r)}`
      : rb === 0
        ? `on ${shape(r)} with a scalar b`
        : `on ${shape(r)} with B ${shape(rb)} broadcast over the leading axes`;
  const text = [
    `/** \`A ${sym} B\` ${what}${classWhat(c)}${c.bits ? intWhat : ""}. */`,
    `export function ${name}<${typeParams(r, c, rb === 0 ? ["A"] : ["A", "B"])}>(${operand("A", r, c)}, ${second}): ${c.result}<${shape(r)}> {`,
    `  const C: ${c.result}<${shape(r)}> = zeros();`,
    `  for (${loop(r)}) ${at("C", r)} = ${value(at("A", r), c)} ${sym} ${b};`,
    "  return C;",
    "}",
  ].join("\n");
  return { name, text };
}

function unaryForm(op: string, expr: string, r: number, c: ElemClass): { name: string; text: string } {
  const name = `${op}${r}${c.suffix}`;
  const once = expr.split(/\bx\b/).length === 2;
  const body = once
    ? [`  for (${loop(r)}) ${at("Y", r)} = ${expr.replace(/\bx\b/, value(at("X", r), c))};`]
    : [
        `  for (${loop(r)}) {`,
        `    const x: ${c.result} = ${value(at("X", r), c)};`,
        `    ${at("Y", r)} = ${expr};`,
        "  }",
      ];
  const text = [
    `/** ${op} on ${shape(r)}${classWhat(c)}. */`,
    `export function ${name}<${typeParams(r, c, ["X"])}>(${operand("X", r, c)}): ${c.result}<${shape(r)}> {`,
    `  const Y: ${c.result}<${shape(r)}> = zeros();`,
    ...body,
    "  return Y;",
    "}",
  ].join("\n");
  return { name, text };
}

const HEADER = "// Generated by scripts/gen-elementwise.ts from its description; edit that, not this file.";
const INT_IMPORTS = 'import { grid, type IntUpTo, int32, int64, range, type Tensor, zeros } from "allo-ts";';

/** The op's overloaded name and every form's default schedule: one element per cycle (`j` pipelined). */
function tail(op: string, what: string, names: string[], forms: string): string {
  return [
    `/** ${what}: ${forms}. */`,
    `export const ${op} = overload(${names.join(", ")});`,
    "",
    `for (const form of [${names.join(", ")}]) {`,
    "  registerSchedule(form, (s) => {",
    '    s.pipeline("j");',
    "  });",
    "}",
  ].join("\n");
}

const INT_FORMS = "float32, or integers into int32 (int64 when an operand is wider than 32 bits)";

/** A binary op's forms of class `c`, in overload order: same shape, broadcast, scalar. */
const binaryForms = (op: string, sym: string, c: ElemClass, intWhat: string) => [
  ...RANKS.map((r) => binaryForm(op, sym, r, r, c, intWhat)),
  ...RANKS.flatMap((r) => RANKS.filter((rb) => rb < r).map((rb) => binaryForm(op, sym, r, rb, c, intWhat))),
  ...RANKS.map((r) => binaryForm(op, sym, r, 0, c, intWhat)),
];

function binaryFiles(op: string, sym: string, what: string, intWhat: string): [string, string][] {
  const forms = binaryForms(op, sym, FLOAT, intWhat);
  const ints = INTS.flatMap((c) => binaryForms(op, sym, c, intWhat));
  const names = [...forms, ...ints].map((f) => f.name);
  const float = [
    HEADER,
    `// ${what} on tensors of rank 1-4 (allo-ts/library, docs/library.md): \`${op}N\` takes two float32 tensors of`,
    `// the same shape, \`${op}NxR\` a second operand of rank R < N whose shape is A's last R extents (broadcast`,
    `// over A's leading axes), \`${op}Ns\` a float32 scalar; the integer forms (\`${op}NInt32\`, ...) are in`,
    `// ./elementwise-${op}-int.ts. \`${op}\` is the overloaded name, its form chosen by the arguments' ranks and`,
    "// element types. Every form is one loop nest whose innermost loop is `j`.",
    'import { type float32, grid, overload, range, registerSchedule, zeros } from "allo-ts";',
    `import { ${ints.map((f) => f.name).join(", ")} } from "./elementwise-${op}-int.ts";`,
    "",
    ...forms.map((f) => `${f.text}\n`),
    tail(
      op,
      what,
      names,
      `same shape, lower-rank B broadcast over the leading axes, or a scalar; ${INT_FORMS}`,
    ),
    "",
  ].join("\n");
  const int = [
    HEADER,
    `// The integer forms of ${op} (./elementwise-${op}.ts): operands of at most 32 bits, each tensor of its own`,
    `// type, into int32 (\`${op}NInt32\`, ...), and of at most 64 bits into int64 (\`${op}NInt64\`, ...); each`,
    "// element is converted to the result type first, so the op wraps there, and a scalar b has that type.",
    INT_IMPORTS,
    "",
    ...ints.map((f) => `${f.text}\n`),
  ].join("\n");
  return [
    [join(LIBRARY, `elementwise-${op}.ts`), float],
    [join(LIBRARY, `elementwise-${op}-int.ts`), int],
  ];
}

function unaryFiles(): [string, string][] {
  const ints: { name: string; text: string }[] = [];
  const parts = UNARY.map(([op, expr, what, intExpr]: readonly string[]) => {
    const forms = RANKS.map((r) => unaryForm(op, expr, r, FLOAT));
    const own = intExpr ? INTS.flatMap((c) => RANKS.map((r) => unaryForm(op, intExpr, r, c))) : [];
    ints.push(...own);
    const names = [...forms, ...own].map((f) => f.name);
    return [
      ...forms.map((f) => `${f.text}\n`),
      tail(op, what, names, own.length ? `ranks 1-4; ${INT_FORMS}` : "float32 tensors of rank 1-4"),
      "",
    ].join("\n");
  });
  const float = [
    HEADER,
    "// The unary elementwise kernels of allo-ts/library on float32 tensors of rank 1-4: relu, exp, tanh,",
    "// sigmoid and gelu (the tanh form GPT-2 uses), each an overloaded name over its forms `opR` (rank R);",
    "// relu also takes integers (./elementwise-relu-int.ts). The binary ops are in ./elementwise-add.ts,",
    "// ./elementwise-sub.ts, ./elementwise-mul.ts and ./elementwise-div.ts. Every form is one loop nest",
    "// whose innermost loop is `j`.",
    'import { type float32, grid, overload, range, registerSchedule, zeros } from "allo-ts";',
    `import { ${ints.map((f) => f.name).join(", ")} } from "./elementwise-relu-int.ts";`,
    "",
    parts.join("\n"),
  ].join("\n");
  const int = [
    HEADER,
    "// The integer forms of relu (./elementwise.ts): operands of at most 32 bits into int32 (`reluRInt32`),",
    "// of at most 64 bits into int64 (`reluRInt64`), rank R = 1-4.",
    INT_IMPORTS,
    "",
    ...ints.map((f) => `${f.text}\n`),
  ].join("\n");
  return [
    [join(LIBRARY, "elementwise.ts"), float],
    [join(LIBRARY, "elementwise-relu-int.ts"), int],
  ];
}

/** Every generated file (path -> text), formatted as biome formats it. */
export function generate(): Map<string, string> {
  return formatted(
    new Map<string, string>([
      ...BINARY.flatMap(([op, sym, what, intWhat]) => binaryFiles(op, sym, what, intWhat)),
      ...unaryFiles(),
    ]),
  );
}

/** The generated files that differ from the checked-in ones. */
export const stale = (): string[] => staleFiles(generate());

runIfMain(import.meta.filename, generate);
