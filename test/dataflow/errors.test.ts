// The static checks of dataflow regions (api.md section 7, scenario 13 and 14 of the design note):
// each region of fixtures/errors.ts holds one mistake tsc cannot see, and compiling it is an AlloError
// with its code, the user's file:line:col and a message that says what to do, never a crash.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type AlloError, df } from "../../src/index.ts";
import * as X from "./fixtures/errors.ts";

const F = "test/dataflow/fixtures/errors.ts";

const CASES: readonly (readonly [Function, string, string, RegExp])[] = [
  [X.unbalanced, "AL4009", "12:9", /stream 's': send_0 puts 8 values, recv_0 gets 9; the run would deadlock/],
  [X.twoWriters, "AL4004", "24:31", /stream 's' has 2 producers \(send_0, send_1\)/],
  [X.badIndex, "AL4002", "34:36", /stream index 'i' is not a compile-time constant in instance send_0/],
  [X.outOfRange, "AL4003", "47:17", /stream index 8 of 'fifo' is out of range \[0, 8\)/],
  [X.closure, "AL4008", "53:3", /holds only stream declarations .* and df\.kernel/],
  [X.direct, "AL4007", "63:44", /uses region parameter 'A' directly; pass 'A' through args/],
  [X.putOnly, "AL4005", "71:31", /stream 's' is put by send_0 but never got/],
  [X.overlap, "AL4103", "78:31", /C\[3\] is written by instance fill_1 and written by instance fill_0/],
  [X.scalarParam, "AL4008", "93:44", /parameter '_n' of region 'scalarParam' is a scalar/],
  [X.pidArity, "AL4010", "101:11", /df\.getPid\(\) gives 2 index\(es\) here .* but 1 are taken/],
  [X.badMapping, "AL4011", "107:25", /mapping entry '0' must be a positive compile-time integer/],
  [X.argNotParam, "AL4006", "114:36", /args\[0\] must be a parameter of region 'argNotParam' \(_A\)/],
];

for (const [f, code, at, message] of CASES) {
  test(`${f.name}: ${code} at ${at}`, () => {
    assert.throws(
      () => df.customize(f),
      (e: AlloError) => {
        assert.equal(e.code, code, e.message);
        assert.ok(e.message.startsWith(`${F}:${at} - error ${code}: `), e.message);
        assert.match(e.message, message);
        assert.doesNotMatch(e.message, /compiler bug|internal/i);
        return true;
      },
    );
  });
}

test("AL4103 details name the region, the array, the element and both instances", () => {
  try {
    df.customize(X.overlap);
    assert.fail("overlap compiled");
  } catch (e) {
    assert.deepEqual((e as AlloError).details, {
      region: "overlap",
      array: "C",
      index: [3],
      instances: ["fill_0", "fill_1"],
    });
  }
});

test("df.kernel, df.stream and df.getPid belong to the kernel language (AL9002 on the host)", () => {
  assert.throws(() => df.getPid(), /AL9002/);
  assert.throws(() => df.stream(), /AL9002/);
  assert.throws(() => df.kernel({ mapping: [1] }, () => {}), /AL9002/);
});

/** A two-kernel region whose consumer body is `body` (b: int32[4], stream s of int32). */
const pair = (body: string) => `import { df, type int32, range, type Stream } from "allo-ts";
export function r(A: int32<[4]>, B: int32<[4]>): void {
  const s: Stream<int32> = df.stream();
  df.kernel({ mapping: [1], args: [A] }, function p(a: int32<[4]>) {
    for (const i of range(4)) s.put(a[i]);
  });
  df.kernel({ mapping: [1], args: [B] }, function c(b: int32<[4]>) {
    ${body}
  });
}`;

test("a stream named as a value is AL1005 saying how to read and write it", () => {
  assert.throws(
    () => df.customize(pair("for (const i of range(4)) b[i] = s + 1;"), { name: "r", file: "value.ts" }),
    (e: AlloError) =>
      e.code === "AL1005" &&
      e.message.startsWith("value.ts:8:") &&
      /'s' is a stream, not a value; read it with s\.get\(\)/.test(e.message),
  );
});

test("s.get() as a statement reads and drops a value", () => {
  const B = Int32Array.from([9, 9, 9, 9]);
  const text = pair("for (const i of range(2)) s.get();\n    for (const i of range(2)) b[i] = s.get();");
  df.customize(text, { name: "r", file: "discard.ts" }).build()(Int32Array.from([1, 2, 3, 4]), B);
  assert.deepEqual([...B], [3, 4, 9, 9]);
});
