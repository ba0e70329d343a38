// sequentializeRegions on its own and through the CPU backend: which regions it rewrites (the seed's
// systolic schedule, hand-built PE arrays, pipelines, fork/joins) and which it leaves to the coroutine
// scheduler (bounded-FIFO deadlocks, data left over, stream operations it cannot place statically),
// with every run equal to the coroutine run of the same module, errors included.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { narrowToNumbers } from "../../../src/backends/cpu/passes.ts";
import { AlloError } from "../../../src/diagnostics/error.ts";
import { cmp, forLoop, idx, ivRef } from "../../../src/ir/build.ts";
import type { Module, Stmt } from "../../../src/ir/nodes.ts";
import { sequentializeRegions } from "../../../src/ir/passes/sequentialize-regions.ts";
import { visitStmts } from "../../../src/ir/walk.ts";
import { I32 } from "../../../src/types/dtype.ts";
import { alloc, buffer, func, get, local, module, put, spatial, store } from "../../backends/cpu/ir.ts";
import { seedSystolic, systolicMatmul } from "../../verify/support/systolic.ts";
import { forkJoin, pipeline, pipelinePlain, rng } from "./support/networks.ts";

/** The CPU backend's passes without this one: every region runs on the coroutine scheduler. */
const COROUTINES = [narrowToNumbers];

function regions(m: Module): number {
  let n = 0;
  for (const f of m.functions) visitStmts(f.body, (s) => s.kind === "spatial" && n++);
  return n;
}
const sequential = (m: Module): Module => sequentializeRegions(m, { cyclic: [] });

/** What a run gives: the arrays it wrote, or its error's code and text. */
function outcome(m: Module, inputs: readonly ArrayLike<number>[], passes?: typeof COROUTINES): unknown {
  const args = inputs.map((a) =>
    a instanceof Int8Array
      ? Int8Array.from(a)
      : a instanceof Int16Array
        ? Int16Array.from(a)
        : Int32Array.from(a),
  );
  try {
    compileCpu(m, {}, passes)(...args);
    return args.map((a) => [...a]);
  } catch (e) {
    if (!(e instanceof AlloError)) throw e;
    return { code: e.code, message: e.message };
  }
}

const int8s = (n: number, seed: number) => {
  const r = rng(seed);
  return Int8Array.from({ length: n }, () => r(256) - 128);
};
const int32s = (n: number, seed: number) => {
  const r = rng(seed);
  return Int32Array.from({ length: n }, () => r(2 ** 31) - 2 ** 30);
};

test("the seed's systolic schedule becomes sequential code equal to the coroutine run and the plain matmul", () => {
  // (2, 3) and (4, 4): a B FIFO of depth size + 1 holds all of B's K values (a ring); (3, 8): it cannot,
  // so B is streamed after A.
  for (const [size, k] of [
    [2, 3],
    [3, 8],
    [4, 4],
  ]) {
    const s = seedSystolic(size, k);
    assert.equal(regions(sequential(s.ir)), 0, `${size}x${size}, K=${k}`);
    const inputs = [int8s(size * k, size), int8s(k * size, k), new Int16Array(size * size)];
    const want = outcome(s.original, inputs);
    assert.deepEqual(outcome(s.ir, inputs), want);
    assert.deepEqual(outcome(s.ir, inputs, COROUTINES), want);
    assert.doesNotMatch(compileCpu(s.ir).source, /function\*/, "no generator is left");
  }
});

test("a tiled PE array (each unit one loop over its blocks) runs sequentially once per block", () => {
  // factor < trip: every PE and loader is one loop nest over the blocks, so the region is proven per
  // iteration of the hoisted loops (the coroutine run and the plain matmul agree).
  for (const [size, k, factor] of [
    [4, 3, 2],
    [6, 5, 3],
    [4, 4, 1],
  ]) {
    const s = seedSystolic(size, k, { factor, depth: 2 });
    assert.equal(regions(sequential(s.ir)), 0, `${size}x${size}, K=${k}, ${factor}x${factor} PEs`);
    const inputs = [int8s(size * k, size), int8s(k * size, k), new Int16Array(size * size)];
    const want = outcome(s.original, inputs);
    assert.deepEqual(outcome(s.ir, inputs), want);
    assert.deepEqual(outcome(s.ir, inputs, COROUTINES), want);
  }
});

test("FIFOs become scalars where the schedule holds at most one value: the streaming PEs fuse into one loop", () => {
  const m = sequential(seedSystolic(2, 3).ir);
  const [top, ...loops] = m.functions;
  const decl = (name: string) => m.functions.map((f) => f.buffers[name]).find((b) => b !== undefined);
  // The PEs read and forward one A and one B value per MAC, so every FIFO holds at most one value.
  for (const fifo of ["A_fifo_0_1", "B_fifo_0_0", "B_fifo_1_1"])
    assert.deepEqual(decl(fifo)?.shape, [], fifo);
  assert.equal(decl("A_fifo"), undefined, "the replaced stream is gone");
  // Each PE's A_buf (a register since relay streams it) is renamed per unit rather than stacked.
  assert.deepEqual(decl("A_buf_PE_1_0")?.shape, []);
  // The loaders' and PEs' k loops fuse into one loop of the sequential code.
  assert.equal(loops.length, 1);
  assert.equal(top.body.filter((s) => s.kind === "call").length, 1);
  // A FIFO only one loop uses is that loop's local (a JS scalar), not a parameter.
  assert.ok(loops.some((f) => f.buffers.A_fifo_0_1?.role === "local"));
});

test("a local each unit allocates but fills first is renamed per unit rather than stacked", () => {
  const A = buffer({ name: "A", type: I32, shape: [2] });
  const B = buffer({ name: "B", type: I32, shape: [3] });
  const q = local({ name: "q", type: I32, shape: [], stream: { depth: 1 } });
  const t = local({ name: "t", type: I32, shape: [1] });
  const unit = (k: number, body: readonly Stmt[]): Stmt[] => [
    { kind: "alloc", buffer: "t", init: { kind: "const", type: I32, value: BigInt(k + 5) } },
    ...body,
  ];
  const load0 = (b: string, i: number) => ({
    kind: "load" as const,
    type: I32,
    buffer: b,
    indices: [idx(i)],
  });
  const m = module(
    func("top", {
      params: [A, B],
      locals: [q, t],
      body: [
        alloc("q"),
        spatial("r", {
          send: unit(0, [put("q", [], load0("t", 0)), store("B", [idx(0)], load0("A", 0))]),
          recv: unit(1, [store("B", [idx(1)], get("q", [], I32)), store("B", [idx(2)], load0("t", 0))]),
        }),
      ],
    }),
  );
  const top = sequential(m).functions[0];
  assert.ok(top.buffers.t_send && top.buffers.t_recv && !top.buffers.t_rows);
  const inputs = [Int32Array.from([1, 2]), new Int32Array(3)];
  assert.deepEqual(outcome(m, inputs), [
    [1, 2],
    [1, 5, 6],
  ]);
  assert.deepEqual(outcome(m, inputs), outcome(m, inputs, COROUTINES));
});

test("random PE arrays, pipelines and fork/joins run as they do on the coroutine scheduler", () => {
  const r = rng(2026);
  let accepted = 0;
  let refused = 0;
  for (let trial = 0; trial < 36; trial++) {
    let m: Module;
    let inputs: ArrayLike<number>[];
    const kind = trial % 3;
    if (kind === 0) {
      const [M, N, K] = [1 + r(3), 1 + r(3), 1 + r(6)];
      const opts = [{}, {}, { shortB: true }, { extraA: true }][r(4)];
      m = systolicMatmul(M, N, K, { depth: 1 + r(3), ...opts });
      inputs = [int8s(M * K, trial), int8s(K * N, trial + 1), new Int16Array(M * N)];
    } else if (kind === 1) {
      const n = 1 + r(20);
      m = pipeline(n, 1 + r(4), [1 + r(3), 1 + r(3)]);
      inputs = [int32s(n, trial), new Int32Array(n)];
    } else {
      const n = 2 * (1 + r(8));
      const d = () => 1 + r(n);
      m = forkJoin(n, [d(), d(), d(), d()], r(2) === 1);
      inputs = [int32s(n, trial), new Int32Array(n / 2)];
    }
    if (regions(sequential(m)) === 0) accepted++;
    else refused++;
    assert.deepEqual(outcome(m, inputs), outcome(m, inputs, COROUTINES), `trial ${trial}`);
  }
  assert.ok(accepted > 10 && refused > 3, `accepted ${accepted}, refused ${refused}`);
});

test("a 4-stage pipeline equals its plain loop", () => {
  const A = int32s(100, 7);
  assert.equal(regions(sequential(pipeline(100, 4, [2]))), 0);
  assert.deepEqual(
    outcome(pipeline(100, 4, [2]), [A, new Int32Array(100)]),
    outcome(pipelinePlain(100, 4), [A, new Int32Array(100)]),
  );
});

test("a region whose bounded FIFOs deadlock is never sequentialised and still reports AL4101", () => {
  // The joiner drains worker 1 first: with out0 holding all n / 2 values it completes (a ring of 8),
  // with depth 2 worker 0 fills out0, the splitter blocks and worker 1 starves.
  const fine = forkJoin(16, [2, 2, 8, 2], true);
  assert.equal(regions(sequential(fine)), 0);
  assert.deepEqual(sequential(fine).functions[0].buffers.out0_values.shape, [8]);
  const stuck = forkJoin(16, [2, 2, 2, 2], true);
  for (const m of [stuck, systolicMatmul(2, 2, 4, { shortB: true })]) {
    assert.equal(regions(sequential(m)), 1);
    const inputs =
      m === stuck ? [int32s(16, 1), new Int32Array(8)] : [int8s(8, 1), int8s(8, 2), new Int16Array(4)];
    const got = outcome(m, inputs) as { code: string; message: string };
    assert.equal(got.code, "AL4101");
    assert.deepEqual(got, outcome(m, inputs, COROUTINES));
  }
});

test("data left in a FIFO at the end of a region is still AL4102", () => {
  const m = systolicMatmul(2, 2, 3, { extraA: true });
  assert.equal(regions(sequential(m)), 1);
  const inputs = [int8s(6, 1), int8s(6, 2), new Int16Array(4)];
  assert.equal((outcome(m, inputs) as { code: string }).code, "AL4102");
  assert.deepEqual(outcome(m, inputs), outcome(m, inputs, COROUTINES));
});

test("stream operations it cannot place statically leave the region to the coroutine scheduler", () => {
  const A = buffer({ name: "A", type: I32, shape: [4] });
  const B = buffer({ name: "B", type: I32, shape: [4] });
  const q = local({ name: "q", type: I32, shape: [], stream: { depth: 2 } });
  const i = ivRef("i");
  const producer = forLoop("i", "i", idx(0), idx(4), [
    put("q", [], { kind: "load", type: I32, buffer: "A", indices: [i] }),
  ]);
  const consumers: Record<string, readonly Stmt[]> = {
    // A get under an `if`: how many values it takes depends on data in general.
    guarded: [
      forLoop("j", "j", idx(0), idx(4), [
        {
          kind: "if",
          cond: cmp("<", ivRef("j"), idx(4)),
          then: [store("B", [ivRef("j")], get("q", [], I32))],
          else: [],
        },
      ]),
    ],
    // A loop whose trip count is not a constant.
    dynamic: [
      forLoop("j", "j", idx(0), { kind: "load", type: I32, buffer: "A", indices: [idx(0)] }, [
        store("B", [idx(0)], get("q", [], I32)),
      ]),
    ],
  };
  for (const [name, consumer] of Object.entries(consumers)) {
    const m = module(
      func("top", {
        params: [A, B],
        locals: [q],
        body: [alloc("q"), spatial("r", { producer: [producer], consumer })],
      }),
    );
    assert.equal(regions(sequential(m)), 1, name);
    const inputs = [Int32Array.from([4, 5, 6, 7]), new Int32Array(4)];
    assert.deepEqual(outcome(m, inputs), outcome(m, inputs, COROUTINES), name);
  }
  // A stream also used outside the region: its occupancy on entry is not the region's to assume.
  const outside = module(
    func("top", {
      params: [A, B],
      locals: [q],
      body: [
        alloc("q"),
        put("q", [], { kind: "load", type: I32, buffer: "A", indices: [idx(0)] }),
        spatial("r", { consumer: [store("B", [idx(0)], get("q", [], I32))] }),
      ],
    }),
  );
  assert.equal(regions(sequential(outside)), 1);
  const inputs = [Int32Array.from([9, 0, 0, 0]), new Int32Array(4)];
  assert.deepEqual(outcome(outside, inputs), [
    [9, 0, 0, 0],
    [9, 0, 0, 0],
  ]);
});
