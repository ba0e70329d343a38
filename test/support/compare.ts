// Exact comparison of kernel outputs: integers by value, floats bit for bit (NaN equals NaN, -0 != +0).
import assert from "node:assert/strict";

type Out = ArrayLike<number> | ArrayLike<bigint> | number | bigint | unknown;

const same = (a: unknown, b: unknown): boolean =>
  typeof a === "number" && typeof b === "number" ? Object.is(a, b) : a === b || String(a) === String(b);

export function assertSameOutputs(actual: readonly Out[], expected: readonly Out[], what: string): void {
  assert.equal(
    actual.length,
    expected.length,
    `${what}: ${actual.length} outputs, expected ${expected.length}`,
  );
  expected.forEach((e, k) => {
    const a = actual[k];
    if (typeof e !== "object" || e === null) {
      assert.ok(same(a, e), `${what}: output ${k} is ${String(a)}, expected ${String(e)}`);
      return;
    }
    const ea = e as ArrayLike<unknown>;
    const aa = a as ArrayLike<unknown>;
    assert.equal(aa.length, ea.length, `${what}: output ${k} has length ${aa.length}, expected ${ea.length}`);
    for (let i = 0; i < ea.length; i++) {
      if (!same(aa[i], ea[i]))
        assert.fail(`${what}: output ${k}[${i}] is ${String(aa[i])}, expected ${String(ea[i])}`);
    }
  });
}

/** Deep copy of kernel arguments so a reference sees the inputs the kernel saw. */
export function cloneArgs<T>(args: readonly T[]): T[] {
  return args.map((a) =>
    ArrayBuffer.isView(a) ? (a as unknown as { slice(): T }).slice() : Array.isArray(a) ? ([...a] as T) : a,
  );
}
