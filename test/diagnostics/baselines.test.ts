// Baselines for diagnostics no other test raised: source kernels failing with AL1004, AL1005, AL1015, AL1022,
// AL2001, AL2009 and AL2010 (each compared with its golden under test/golden/diagnostics), and the
// kernel language's functions called on the host (AL9002).
import assert from "node:assert/strict";
import { test } from "node:test";
import { AlloError, customize, grid, int16, zeros } from "../../src/index.ts";
import { assertGolden } from "../support/golden.ts";

const HEAD = `import { grid, int32, range, zeros } from "allo-ts";
const M = 4;
`;

/** `onDisk: false` passes the text without a file name, as customize(text, { name }) does. */
const CASES: Record<string, { readonly code: string; readonly source: string; readonly onDisk?: false }> = {
  generator_kernel: { code: "AL1004", source: "export function* k(A: int32<[M]>): void {}" },
  spread_argument: {
    code: "AL1015",
    source: "export function k(A: int32<[M]>): void {\n  A[0] = Math.max(...A);\n}",
  },
  comma_operator: {
    code: "AL1005",
    source: "export function k(A: int32<[M]>): void {\n  A[0] = (A[1], A[2]);\n}",
  },
  import_without_file: {
    code: "AL1022",
    onDisk: false,
    source:
      'import { helper } from "./helper.ts";\nexport function k(A: int32<[M]>): void {\n  helper(A);\n}',
  },
  call_result_type: {
    code: "AL2001",
    source:
      "function inc(A: int32<[M]>): int32<[M]> {\n  const B: int32<[M]> = zeros();\n  for (const i of range(M)) B[i] = A[i] + 1;\n  return B;\n}\n" +
      "export function k(A: int32<[M]>): void {\n  const C: int32<[2, 2]> = inc(A);\n  A[0] = C[0][0];\n}",
  },
  cast_arity: {
    code: "AL2009",
    source: "export function k(A: int32<[M]>): void {\n  A[0] = int32(A[1], A[2]);\n}",
  },
  missing_return: {
    code: "AL2010",
    source:
      "export function k(A: int32<[M, M]>): int32<[M, M]> {\n  for (const [i, j] of grid(M, M)) A[i][j] = 0;\n}",
  },
};

for (const [name, c] of Object.entries(CASES)) {
  test(`diagnostic ${name} (${c.code})`, () => {
    let caught: unknown;
    try {
      customize(HEAD + c.source, c.onDisk === false ? { name: "k" } : { name: "k", file: `${name}.ts` });
    } catch (e) {
      caught = e;
    }
    assert.ok(caught instanceof AlloError, `expected an AlloError, got ${String(caught)}`);
    assert.equal(caught.code, c.code, caught.message);
    assertGolden(`diagnostics/${name}.txt`, `${caught.message}\n`);
  });
}

test("kernel-language functions called on the host are AL9002 and say how kernels run", () => {
  for (const call of [() => int16(3), () => grid(4, 4), () => zeros()]) {
    assert.throws(
      call,
      (e: unknown) => e instanceof AlloError && e.code === "AL9002" && /customize\(/.test(e.message),
    );
  }
});
