// Streams and regions no static schedule was proven for run natively as coroutines
// (include/allo_native.h): the same results as the CPU backend's simulator, and the same failures word
// for word (AL4101 deadlocks, AL4102 data left in a stream, with their details), whatever the
// kernels' source order; every region of the test corpus, kept a region, gives the CPU backend's
// results; a fault inside a unit is AL5010 and leaves the next call unharmed.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { compileNative } from "../../../src/backends/native/index.ts";
import { NATIVE_PASSES, narrowToNative } from "../../../src/backends/native/passes.ts";
import { AlloError } from "../../../src/diagnostics/error.ts";
import { df } from "../../../src/index.ts";
import { bin, cast, constOf, forLoop, idx, ivRef, load } from "../../../src/ir/build.ts";
import type { Expr, Module, Stmt } from "../../../src/ir/nodes.ts";
import { runPasses } from "../../../src/ir/passes/pass.ts";
import { visitStmts } from "../../../src/ir/walk.ts";
import { intType } from "../../../src/types/dtype.ts";
import { alloc, buffer, func, get, local, module, put, spatial, store } from "../../backends/cpu/ir.ts";
import * as crossed from "../../dataflow/fixtures/crossed.ts";
import { leftover } from "../../dataflow/fixtures/errors.ts";
import * as matmul from "../../dataflow/fixtures/matmul.ts";
import * as pc from "../../dataflow/fixtures/producer-consumer.ts";
import * as stages from "../../dataflow/fixtures/stages.ts";
import * as systolic from "../../dataflow/fixtures/systolic.ts";
import { assertSameOutputs, cloneArgs } from "../../support/compare.ts";
import { rng } from "../../support/random.ts";
import { seedSystolic, systolicMatmul, withoutUnits } from "../../verify/support/systolic.ts";
import { randomArgs } from "../mlir/inputs.ts";
import { MODULES } from "../mlir/modules.ts";
import { SKIP } from "./support.ts";

const cacheDir = mkdtempSync(join(tmpdir(), "allo-native-co-"));
after(() => rmSync(cacheDir, { recursive: true, force: true }));

const topOf = (m: Module) => m.functions.find((f) => f.name === m.top)!;

/** Whether a region is left for the coroutines (the static schedule was not proven). */
function coroutines(m: Module): boolean {
  let region = false;
  for (const f of runPasses(NATIVE_PASSES, m).module.functions)
    visitStmts(f.body, (st) => void (region ||= st.kind === "spatial"));
  return region;
}

type Outcome = { values: unknown[] } | { code: string; message: string; details: unknown };

function outcome(run: (...a: unknown[]) => unknown, args: readonly unknown[]): Outcome {
  const mine = cloneArgs(args);
  try {
    return { values: [run(...mine), ...mine] };
  } catch (e) {
    assert.ok(e instanceof AlloError, String(e));
    return { code: e.code, message: e.message, details: e.details };
  }
}

/** Native and CPU runs of each module on the same inputs end the same way: equal outputs or equal errors. */
function assertLikeCpu(modules: readonly Module[], seed: number): Outcome[] {
  const runs = compileNative(modules, { cacheDir });
  return modules.map((m, k) => {
    const args = randomArgs(topOf(m), rng(seed + k));
    const want = outcome(compileCpu(m), args);
    const got = outcome(runs[k], args);
    if ("values" in want && "values" in got) assertSameOutputs(got.values, want.values, m.top);
    else assert.deepEqual(got, want, m.top);
    return got;
  });
}

/** An n x n PE array from source (spans on every statement) without the units `unit` matches. */
const arrayWithout = (unit: RegExp, n = 3, K = 4): Module =>
  withoutUnits(seedSystolic(n, K, { depth: 2 }).ir, (name) => unit.test(name));

test("dataflow regions the static schedule cannot follow give the CPU backend's results and reports", {
  skip: SKIP,
}, () => {
  const modules = [crossed.crossed, crossed.crossed7, crossed.swapped, leftover, pc.top2].map(
    (f) => df.customize(f).ir,
  );
  for (const m of modules) assert.ok(coroutines(m), `${m.top} was sequentialized`);
  const [cross, cross7, swapped, left, rate] = assertLikeCpu(modules, 1);
  for (const o of [cross, cross7, swapped]) assert.equal("code" in o && o.code, "AL4101");
  assert.equal("code" in left && left.code, "AL4102");
  assert.ok("values" in rate, "the data-dependent rate runs to completion");
  assert.match(
    "message" in cross ? cross.message : "",
    /send_0 {2}put s1 {2}2\/2 full {3}at test\/dataflow\/fixtures\/crossed\.ts:10:31 {2}i=2/,
  );
});

test("hand-built and scheduled PE arrays that deadlock or leave data report as on the CPU", {
  skip: SKIP,
}, () => {
  const I32 = intType(32);
  const A = buffer({ name: "A", type: I32, shape: [2] });
  const s = local({ name: "s", type: I32, shape: [], stream: { depth: 1 } });
  const one = { kind: "const", type: I32, value: 1n } as const;
  // Two puts into a depth-1 stream outside any region: nothing can ever get the first.
  const twice = module(
    func("twice", {
      params: [A],
      locals: [s],
      body: [{ kind: "alloc", buffer: "s" }, put("s", [], one), put("s", [], one)],
    }),
  );
  const modules = [
    systolicMatmul(2, 2, 3, { shortB: true }),
    systolicMatmul(3, 2, 4, { extraA: true }),
    arrayWithout(/^A.*load/),
    arrayWithout(/PE_1_1/),
    twice,
  ];
  for (const m of modules.slice(0, 4)) assert.ok(coroutines(m), `${m.top} was sequentialized`);
  const out = assertLikeCpu(modules, 7);
  assert.deepEqual(
    out.map((o) => ("code" in o ? o.code : "ran")),
    ["AL4101", "AL4102", "AL4101", "AL4101", "AL4101"],
  );
  assert.match("message" in out[2] ? out[2].message : "", /at matmul\.ts:\d+:\d+/);
});

/** Whether a module has a spatial region (before any pass). */
const hasRegion = (m: Module): boolean =>
  m.functions.some((f) => {
    let found = false;
    visitStmts(f.body, (st) => void (found ||= st.kind === "spatial"));
    return found;
  });

test("every PE array and region of the test corpus, run as coroutines, equals the CPU backend", {
  skip: SKIP,
}, () => {
  const hand = Object.values(MODULES)
    .map((make) => make())
    .filter((m) => hasRegion(m) && !topOf(m).params.some((p) => topOf(m).buffers[p.name].stream));
  const dataflow = [
    stages.addRelu,
    stages.forkJoin,
    stages.forkJoinCalls,
    stages.func3,
    stages.nested,
    stages.twoBands,
    pc.top,
    matmul.matmul,
    matmul.tiled,
    systolic.top,
  ].map((f) => df.customize(f).ir);
  const arrays = [
    systolicMatmul(4, 3, 5),
    systolicMatmul(2, 2, 9, { depth: 1 }),
    arrayWithout(/^$/),
    arrayWithout(/^$/, 8, 16),
  ];
  const modules = [...hand, ...dataflow, ...arrays];
  assert.ok(modules.length >= 15, `only ${modules.length} modules with regions`);
  const runs = compileNative(modules, { cacheDir }, [narrowToNative]);
  for (const r of runs) assert.match(r.source, /allo_nat::region_run/);
  modules.forEach((m, k) => {
    const args = randomArgs(topOf(m), rng(40 + k));
    const want = outcome(compileCpu(m), args);
    const got = outcome(runs[k], args);
    assert.ok("values" in want && "values" in got, `${m.top}: ${JSON.stringify(got)}`);
    assertSameOutputs(got.values, want.values, m.top);
  });
});

/**
 * A region whose first unit runs a region of its own: inner producer -> t -> inner relay, which puts
 * each value + 1 into the outer stream s for the outer consumer. `short` makes the inner producer
 * stop one value early: the outer consumer and the inner relay block, in nested reports.
 */
function nested(short: boolean) {
  const I32 = intType(32);
  const n = 6;
  const A = buffer({ name: "A", type: I32, shape: [n] });
  const B = buffer({ name: "B", type: I32, shape: [n] });
  const t = local({ name: "t", type: I32, shape: [], stream: { depth: 2 } });
  const s = local({ name: "s", type: I32, shape: [], stream: { depth: 1 } });
  const loop = (iv: string, m: number, body: readonly Stmt[]) => forLoop(iv, iv, idx(0), idx(m), body);
  const plus1 = (e: Expr) =>
    cast(bin("+", cast(e, intType(33)), cast(constOf(I32, 1n), intType(33)), intType(33)), I32);
  const inner = spatial("inner", {
    produce_0: [loop("i", short ? n - 1 : n, [put("t", [], load("A", [ivRef("i")], I32))])],
    relay_0: [loop("j", n, [put("s", [], plus1(get("t", [], I32)))])],
  });
  const outer = spatial("outer", {
    stage_0: [alloc("t"), inner],
    drain_0: [loop("k", n, [store("B", [ivRef("k")], get("s", [], I32))])],
  });
  return module(func("nest", { params: [A, B], locals: [t, s], body: [alloc("s"), outer] }));
}

test("a region nested in a unit runs and deadlocks as on the CPU", { skip: SKIP }, () => {
  const [good, bad] = assertLikeCpu([nested(false), nested(true)], 3);
  assert.ok("values" in good, JSON.stringify(good));
  assert.ok("code" in bad && bad.code === "AL4101", JSON.stringify(bad));
  assert.match(bad.message, /stage_0\/relay_0 {2}get t {2}0\/2 empty/);
  assert.match(bad.message, /finished: stage_0\/produce_0/);
});

test("a unit whose index leaves its array is AL5010, and the next call runs from a clean state", {
  skip: SKIP,
}, () => {
  const src = `import { df, type int32, range, type Stream } from "allo-ts";
export function shift(A: int32<[8]>, B: int32<[8]>, n: int32<[1]>): void {
  const s: Stream<int32> = df.stream({ depth: 2 });
  df.kernel({ mapping: [1], args: [A, n] }, function send(a: int32<[8]>, m: int32<[1]>) {
    for (const i of range(8)) {
      s.put(a[i]);
      if (a[i] > 100) s.put(a[(i + m[0]) % 8]);
    }
  });
  df.kernel({ mapping: [1], args: [A, B] }, function recv(a: int32<[8]>, b: int32<[8]>) {
    for (const i of range(8)) {
      b[i] = s.get();
      if (a[i] > 100) b[i] += s.get();
    }
  });
}
`;
  const m = df.customize(src, { name: "shift", file: "shift.ts" }).ir;
  assert.ok(coroutines(m));
  const [run] = compileNative([m], { cacheDir });
  const A = Int32Array.from([1, 200, 3, 4, 500, 6, 7, 8]);
  const bad = () => run(A, new Int32Array(8), Int32Array.from([-20]));
  assert.throws(
    bad,
    (e: AlloError) => e.code === "AL5010" && /index -3 of dimension 1 of A in 'shift'/.test(e.message),
  );
  for (let k = 0; k < 3; k++) {
    const B = new Int32Array(8);
    run(A, B, Int32Array.from([1]));
    assert.deepEqual([...B], [1, 203, 3, 4, 506, 6, 7, 8]);
    assert.throws(bad, (e: AlloError) => e.code === "AL5010");
  }
});
