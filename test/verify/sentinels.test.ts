// Two unsound "equivalent" verdicts found by an adversarial run, in both argument orders: a select
// whose else arm is the constant false (node 0) collided with an earlier select in the hash-consed
// DAG, and a bool converted to the signed 1-bit type was taken as 1 instead of -1. The CPU backend
// decides what the right verdict is.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCpu } from "../../src/backends/cpu/index.ts";
import { customize, Int, type int32, range, verify, zeros } from "../../src/index.ts";
import { assertConfirmedBothWays } from "./support/confirm.ts";

/** The reproducer's kernel with else arm `orElse` (source text: a bool stored from a comparison). */
const selectKernel = (orElse: string): string => `
function select(A: int32<[1340]>, C: bool<[1]>, D: int32<[1340]>): void {
  for (const i of range(1340)) {
    D[i] = A[i] * 3 + 1;
  }
  C[0] = A[0] > 0 ? A[1] > 0 : ${orElse};
}`;

test("a select with a false arm is not the select before it (both orders)", () => {
  const a = customize(selectKernel("A[1] < 0"), { name: "select", file: "select.ts" });
  const b = customize(selectKernel("false"), { name: "select", file: "select.ts" });
  const A = new Int32Array(1340);
  A[0] = -1;
  A[1] = -5;
  const run = (s: typeof a) => {
    const C = new Uint8Array(1);
    compileCpu(s.ir)(A.slice(), C, new Int32Array(1340));
    return C[0];
  };
  assert.deepEqual([run(a), run(b)], [1, 0]);
  assertConfirmedBothWays(a, b);
});

export function castBit(_A: int32<[8]>): int32<[8]> {
  const B: int32<[8]> = zeros();
  for (const i of range(8)) B[i] = i + Int(1)(i > 2);
  return B;
}

export function plusBit(_A: int32<[8]>): int32<[8]> {
  const B: int32<[8]> = zeros();
  for (const i of range(8)) B[i] = i + (i > 2 ? 1 : 0);
  return B;
}

export function minusBit(_A: int32<[8]>): int32<[8]> {
  const B: int32<[8]> = zeros();
  for (const i of range(8)) B[i] = i - (i > 2 ? 1 : 0);
  return B;
}

test("true converted to Int(1) is -1: i + Int(1)(i > 2) is i - (i > 2 ? 1 : 0) (both orders)", () => {
  const [cast, plus, minus] = [castBit, plusBit, minusBit].map((k) => customize(k));
  assert.deepEqual([...(compileCpu(cast.ir)(new Int32Array(8)) as Int32Array)], [0, 1, 2, 2, 3, 4, 5, 6]);
  assertConfirmedBothWays(cast, plus);
  assert.equal(verify(cast, minus).status, "equivalent");
  assert.equal(verify(minus, cast).status, "equivalent");
});

export function castDataBit(A: int32<[8]>): int32<[8]> {
  const B: int32<[8]> = zeros();
  for (const i of range(8)) B[i] = A[i] + Int(1)(A[i] > 2);
  return B;
}

export function plusDataBit(A: int32<[8]>): int32<[8]> {
  const B: int32<[8]> = zeros();
  for (const i of range(8)) B[i] = A[i] + (A[i] > 2 ? 1 : 0);
  return B;
}

// The conversion of data (a DAG node rather than native index arithmetic) was already right; kept so
// that both paths stay covered.
test("the same conversion on input data, built as DAG nodes rather than natively", () => {
  const cast = customize(castDataBit);
  const plus = customize(plusDataBit);
  assertConfirmedBothWays(cast, plus);
});
