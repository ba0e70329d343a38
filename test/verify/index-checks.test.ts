// The symbolic executor checks an index at run time only where the shared range analysis cannot
// prove it inside its dimension: `i % 8`, `2 * i + 1` and bounds over outer loops need no check,
// `i + 1` at the end of the buffer keeps one, and that check still reports the access.

import assert from "node:assert/strict";
import { test } from "node:test";
import { customize, verify } from "../../src/index.ts";
import { Dag } from "../../src/verify/dag/dag.ts";
import { ModuleGen } from "../../src/verify/exec/gen-func.ts";

const kernel = (extra: string) =>
  customize(
    `
function k(A: int32<[8]>, C: int32<[9]>): int32<[8]> {
  const B: int32<[8]> = zeros();
  for (const i of range(64)) {
    B[i % 8] += A[(i * 3 + 1) % 8];
  }
  for (const i of range(4)) {
    for (const j of range(i, 4)) {
      B[j] += C[2 * i + 1];
    }
  }
  ${extra}
  return B;
}`,
    { name: "k", file: "k.ts" },
  );

const checks = (source: string) => source.match(/R\.ix\(/g)?.length ?? 0;

test("indices proven in range by the shared analysis are not checked at run time", () => {
  const m = kernel("").ir;
  assert.equal(checks(new ModuleGen(m, new Dag()).generate()), 0);
});

test("an index the analysis cannot bound keeps its check, which reports the access", () => {
  const s = kernel(`for (const i of range(8)) { B[i] += A[i + 1]; }`);
  assert.equal(checks(new ModuleGen(s.ir, new Dag()).generate()), 1);
  const r = verify(kernel(""), s);
  assert.equal(r.status, "not-equivalent");
  assert.match(r.reason ?? "", /index 8 of dimension 1 of 'A' is outside \[0, 8\)/);
});
