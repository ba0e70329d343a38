// Diagnostics baselines: each bad kernel must fail with an AlloError whose full text (code, location,
// code frame, advice) matches test/golden/diagnostics/<case>.txt. None may surface as a raw TypeError.
// The baselines of issue 17's constructs live with their rows in robustness-rows.ts.
import assert from "node:assert/strict";
import { test } from "node:test";
import { AlloError, customize } from "../../src/index.ts";
import { assertGolden } from "../support/golden.ts";

const HEAD = `import { float32, grid, int8, int32, range, zeros } from "allo-ts";
const M = 4;
type M = typeof M;
`;

interface Case {
  readonly source: string;
  readonly name?: string;
  readonly code: string;
  readonly options?: Record<string, unknown>;
}

const CASES: Record<string, Case> = {
  comma_index: {
    code: "AL1008",
    source:
      "export function k(A: int32<[M, M]>, B: int32<[M, M]>): void {\n  for (const [i, k] of grid(M, M)) B[i][k] = A[i, k];\n}",
  },
  non_constant_shape: { code: "AL1007", source: "let n = 4;\nexport function k(A: int32<[n]>): void {}" },
  non_constant_step: {
    code: "AL1007",
    source:
      "export function k(A: int32<[M]>, n: int32): void {\n  for (let i = 0; i < M; i += n) A[i] = 0;\n}",
  },
  non_constant_bound: {
    code: "AL1007",
    source: "export function k(A: int32<[M]>, n: int32): void {\n  for (const i of range(n)) A[i] = 0;\n}",
  },
  unknown_identifier: {
    code: "AL1006",
    source: "export function k(A: int32<[M]>): void {\n  for (const i of range(M)) A[i] = B[i];\n}",
  },
  too_many_indices: {
    code: "AL1009",
    source: "export function k(A: int32<[M]>): void {\n  for (const i of range(M)) A[i][i] = 1;\n}",
  },
  too_few_indices: {
    code: "AL1009",
    source: "export function k(A: int32<[M, M]>): void {\n  for (const i of range(M)) A[i] = 1;\n}",
  },
  assign_loop_var: {
    code: "AL1010",
    source:
      "export function k(A: int32<[M]>): void {\n  for (const i of range(M)) {\n    i = 2;\n    A[i] = 1;\n  }\n}",
  },
  break_stmt: {
    code: "AL1011",
    source:
      "export function k(A: int32<[M]>): void {\n  for (const i of range(M)) {\n    if (A[i] > 0) break;\n  }\n}",
  },
  continue_stmt: {
    code: "AL1011",
    source:
      "export function k(A: int32<[M]>): void {\n  for (const i of range(M)) {\n    if (A[i] > 0) continue;\n    A[i] = 0;\n  }\n}",
  },
  early_return: {
    code: "AL1011",
    source:
      "export function k(A: int32<[M]>): void {\n  for (const i of range(M)) {\n    if (A[i] > 0) return;\n  }\n}",
  },
  closure: {
    code: "AL1012",
    source: "export function k(A: int32<[M]>): void {\n  const f = (x: number) => x + 1;\n  A[0] = f(1);\n}",
  },
  nested_function: {
    code: "AL1012",
    source: "export function k(A: int32<[M]>): void {\n  function g(): void {}\n  A[0] = 1;\n}",
  },
  class_decl: {
    code: "AL1013",
    source: "export function k(A: int32<[M]>): void {\n  class P {}\n  A[0] = 1;\n}",
  },
  try_stmt: {
    code: "AL1014",
    source: "export function k(A: int32<[M]>): void {\n  try {\n    A[0] = 1;\n  } catch {}\n}",
  },
  spread: { code: "AL1034", source: "export function k(...A: int32[]): void {}" },
  arrow_kernel: { code: "AL1031", source: "export const k = (A: int32<[M]>): void => {\n  A[0] = 1;\n};" },
  function_expression_kernel: {
    code: "AL1031",
    source: "export const k = function (A: int32<[M]>): void {\n  A[0] = 1;\n};",
  },
  class_method_kernel: {
    code: "AL1032",
    source: "export class Kernels {\n  k(A: int32<[M]>): void {\n    A[0] = 1;\n  }\n}",
  },
  object_method_kernel: {
    code: "AL1032",
    source: "export const kernels = {\n  k: (A: int32<[M]>): void => {\n    A[0] = 1;\n  },\n};",
  },
  default_param_value: {
    code: "AL1033",
    source: "export function k(A: int32<[M]>, b: int32 = 3): void {\n  A[0] = b;\n}",
  },
  destructured_param: {
    code: "AL1035",
    source: "export function k({ A }: { A: int32<[M]> }): void {\n  A[0] = 1;\n}",
  },
  async_kernel: {
    code: "AL1016",
    source: "export async function k(A: int32<[M]>): Promise<void> {\n  A[0] = 1;\n}",
  },
  recursion: { code: "AL1017", source: "export function k(A: int32<[M]>): void {\n  A[0] = 1;\n  k(A);\n}" },
  non_kernel_call: {
    code: "AL1018",
    source: "export function k(A: int32<[M]>): void {\n  for (const i of range(M)) A[i] = Math.random();\n}",
  },
  console_call: {
    code: "AL1018",
    source: "export function k(A: int32<[M]>): void {\n  console.log(A[0]);\n}",
  },
  call_arg_count: {
    code: "AL2002",
    source:
      "function g(A: int32<[M]>, B: int32<[M]>): void {\n  for (const i of range(M)) B[i] = A[i];\n}\nexport function k(A: int32<[M]>): void {\n  g(A);\n}",
  },
  call_shape: {
    code: "AL2003",
    source:
      "function g(A: int32<[M]>, B: int32<[M]>): void {\n  for (const i of range(M)) B[i] = A[i];\n}\nexport function k(A: int32<[M]>, B: int32<[8]>): void {\n  g(A, B);\n}",
  },
  call_dtype: {
    code: "AL2004",
    source:
      "function g(A: int32<[M]>, B: int32<[M]>): void {\n  for (const i of range(M)) B[i] = A[i];\n}\nexport function k(A: int32<[M]>, B: int8<[M]>): void {\n  g(A, B);\n}",
  },
  return_mismatch: {
    code: "AL2005",
    source:
      "export function k(A: int32<[M]>): float32<[M]> {\n  const C: int32<[M]> = zeros();\n  for (const i of range(M)) C[i] = A[i];\n  return C;\n}",
  },
  float_index: {
    code: "AL2006",
    source: "export function k(A: int32<[M]>, x: float32): void {\n  A[x] = 1;\n}",
  },
  unknown_kernel: {
    code: "AL1002",
    name: "gemm",
    source: "export function k(A: int32<[M]>): void {\n  A[0] = 1;\n}",
  },
  syntax_error: { code: "AL1003", source: "export function k(A: int32<[M]>): void {\n  A[0] = ;\n}" },
  number_type: { code: "AL2007", source: "export function k(A: number): void {}" },
  missing_template: { code: "AL1021", source: "export function k<T extends number>(A: int32<[T]>): void {}" },
  negative_step: {
    code: "AL1019",
    source: "export function k(A: int32<[M]>): void {\n  for (const i of range(M, 0, -1)) A[i] = 0;\n}",
  },
  const_assign: {
    code: "AL1023",
    source: "export function k(A: int32<[M]>): void {\n  const x: int32 = 1;\n  x = 2;\n  A[0] = x;\n}",
  },
};

for (const [name, c] of Object.entries(CASES)) {
  test(`diagnostic ${name} (${c.code})`, () => {
    const text = HEAD + c.source;
    let caught: unknown;
    try {
      customize(text, { name: c.name ?? "k", file: `${name}.ts`, ...c.options });
    } catch (e) {
      caught = e;
    }
    assert.ok(caught instanceof AlloError, `expected an AlloError, got ${String(caught)}`);
    assert.equal(caught.code, c.code);
    assertGolden(`diagnostics/${name}.txt`, `${caught.message}\n`);
  });
}

test("customize(fn) on a function without a source file says how to pass the text", () => {
  const fn = new Function("return 1");
  assert.throws(
    () => customize(fn),
    (e: unknown) => e instanceof AlloError && e.code === "AL1001" && /customize\(sourceText/.test(e.message),
  );
});
