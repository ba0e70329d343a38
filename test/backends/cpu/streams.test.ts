// Streams and spatial regions on the CPU backend, on hand-built IR: a producer/consumer pair through a
// depth-2 FIFO (as sequential code and on the coroutine scheduler), a 2x2 systolic matmul (PEs,
// loaders, drainers, a private accumulator per PE), a crossed deadlock reported as AL4101, data left in
// a stream (AL4102), and blocking code outside any region.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { CPU_PASSES, narrowToNumbers as narrowTruncations } from "../../../src/backends/cpu/passes.ts";
import { AlloError } from "../../../src/diagnostics/error.ts";
import { bin, cast, constOf, forLoop, idx, ivRef, load } from "../../../src/ir/build.ts";
import type { Expr, Span, Stmt } from "../../../src/ir/nodes.ts";
import { I32, intType } from "../../../src/types/dtype.ts";
import { alloc, buffer, func, get, local, module, put, spatial, store } from "./ir.ts";

const i = ivRef("i");
const loop = (iv: string, n: number, body: readonly Stmt[]) => forLoop(iv, iv, idx(0), idx(n), body);
const add32 = (a: Expr, b: Expr) =>
  cast(bin("+", cast(a, intType(33)), cast(b, intType(33)), intType(33)), I32);
const span = (line: number): Span => ({ file: "hand.ts", line, col: 3, endLine: line, endCol: 9 });

function pipe(depth: number, puts: number, gets: number) {
  const A = buffer({ name: "A", type: I32, shape: [8] });
  const B = buffer({ name: "B", type: I32, shape: [8] });
  const fifo = local({ name: "fifo", type: I32, shape: [], stream: { depth } });
  const region: Stmt = {
    ...spatial("top", {
      producer_0: [loop("i", puts, [put("fifo", [], load("A", [i], I32))])],
      consumer_0: [loop("i", gets, [store("B", [i], add32(get("fifo", [], I32), constOf(I32, 1n)))])],
    }),
    span: span(2),
  };
  return module(func("pipe", { params: [A, B], locals: [fifo], body: [alloc("fifo"), region] }));
}

test("a producer passes N values through a depth-2 FIFO to a consumer that stores them", () => {
  // As sequential code (the region's schedule is proven) and on the coroutine scheduler.
  for (const passes of [CPU_PASSES, [narrowTruncations]]) {
    const run = compileCpu(pipe(2, 8, 8), {}, passes);
    const A = Int32Array.from([5, -3, 7, 2147483647, 0, 9, -8, 1]);
    const B = new Int32Array(8);
    run(A, B);
    assert.deepEqual([...B], [6, -2, 8, -2147483648, 1, 10, -7, 2]);
    const generators = /function\* \(\)/.test(run.source);
    assert.equal(generators, passes !== CPU_PASSES, "units are generators only on the coroutine path");
  }
});

test("a stream still holding values when its region ends is AL4102", () => {
  const run = compileCpu(pipe(4, 3, 2));
  assert.throws(
    () => run(new Int32Array(8), new Int32Array(8)),
    (e: AlloError) => e.code === "AL4102" && /fifo still holds 1 value/.test(e.message),
  );
});

/** C = A (2 x K) * B (K x 2) on a 2x2 grid of PEs fed from the left and the top. */
function systolic(K: number) {
  const A = buffer({ name: "A", type: I32, shape: [2, K] });
  const B = buffer({ name: "B", type: I32, shape: [K, 2] });
  const C = buffer({ name: "C", type: I32, shape: [2, 2] });
  const a = local({ name: "a", type: I32, shape: [3, 3], stream: { depth: 2 } });
  const b = local({ name: "b", type: I32, shape: [3, 3], stream: { depth: 2 } });
  const scalars = ["acc", "x", "y", "sink"].map((name) => local({ name, type: I32, shape: [] }));
  // Loop variables are unique per function (src/ir/verify.ts), so each unit counts with its own.
  const units: Record<string, readonly Stmt[]> = {};
  for (let r = 0; r < 2; r++) {
    const k = `kA${r}`;
    units[`loadA_${r}`] = [loop(k, K, [put("a", [idx(r), idx(0)], load("A", [idx(r), ivRef(k)], I32))])];
  }
  for (let c = 0; c < 2; c++) {
    const k = `kB${c}`;
    units[`loadB_${c}`] = [loop(k, K, [put("b", [idx(0), idx(c)], load("B", [ivRef(k), idx(c)], I32))])];
  }
  for (let r = 0; r < 2; r++) {
    for (let c = 0; c < 2; c++) {
      const x = load("x", [], I32);
      const y = load("y", [], I32);
      const prod = cast(bin("*", cast(x, intType(64)), cast(y, intType(64)), intType(64)), I32);
      units[`PE_${r}_${c}`] = [
        alloc("acc"),
        alloc("x"),
        alloc("y"),
        loop(`kPE${r}${c}`, K, [
          store("x", [], get("a", [idx(r), idx(c)], I32)),
          store("y", [], get("b", [idx(r), idx(c)], I32)),
          put("a", [idx(r), idx(c + 1)], x),
          put("b", [idx(r + 1), idx(c)], y),
          store("acc", [], add32(load("acc", [], I32), prod)),
        ]),
        store("C", [idx(r), idx(c)], load("acc", [], I32)),
      ];
    }
  }
  for (let r = 0; r < 2; r++)
    units[`drainA_${r}`] = [
      alloc("sink"),
      loop(`kDA${r}`, K, [store("sink", [], get("a", [idx(r), idx(2)], I32))]),
    ];
  for (let c = 0; c < 2; c++)
    units[`drainB_${c}`] = [
      alloc("sink"),
      loop(`kDB${c}`, K, [store("sink", [], get("b", [idx(2), idx(c)], I32))]),
    ];
  const body = [alloc("a"), alloc("b"), spatial("systolic", units)];
  return module(func("systolic", { params: [A, B, C], locals: [a, b, ...scalars], body }));
}

test("a hand-built 2x2 systolic matmul computes A * B with a private accumulator per PE", () => {
  const K = 5;
  const A = Int32Array.from({ length: 2 * K }, (_, n) => n * 7 - 20);
  const B = Int32Array.from({ length: K * 2 }, (_, n) => 13 - n * 3);
  const C = new Int32Array(4);
  compileCpu(systolic(K))(A, B, C);
  const want = [0, 1, 2, 3].map((n) => {
    const [r, c] = [n >> 1, n & 1];
    let s = 0;
    for (let k = 0; k < K; k++) s += A[r * K + k] * B[k * 2 + c];
    return s;
  });
  assert.deepEqual([...C], want);
});

function crossed() {
  const s1 = local({ name: "s1", type: I32, shape: [], stream: { depth: 2 } });
  const s2 = local({ name: "s2", type: I32, shape: [], stream: { depth: 2 } });
  const sink = local({ name: "sink", type: I32, shape: [] });
  const at = (s: Stmt, line: number): Stmt => ({ ...s, span: span(line) }) as Stmt;
  const region: Stmt = {
    ...spatial("crossed", {
      send_0: [
        loop("i", 4, [at(put("s1", [], cast(i, I32)), 10)]),
        loop("i", 4, [put("s2", [], cast(i, I32))]),
      ],
      recv_0: [
        alloc("sink"),
        loop("i", 4, [at(store("sink", [], get("s2", [], I32)), 14)]),
        loop("i", 4, [store("sink", [], get("s1", [], I32))]),
      ],
    }),
    span: span(6),
  };
  return module(
    func("crossed", { params: [], locals: [s1, s2, sink], body: [alloc("s1"), alloc("s2"), region] }),
  );
}

test("a crossed deadlock is AL4101 listing each blocked unit, its stream and occupancy", () => {
  const run = compileCpu(crossed());
  // Each blocking site refills one wait record per run instead of allocating one per blocked operation.
  assert.match(run.source, /rt\.s\.site\("put", K\[\d+\], K\[\d+\]\)/);
  assert.doesNotMatch(run.source, /ivs: \{/);
  let err: AlloError | undefined;
  try {
    run();
  } catch (e) {
    err = e as AlloError;
  }
  assert.ok(err instanceof AlloError && err.code === "AL4101", String(err));
  assert.equal(
    err.message,
    [
      "hand.ts:6:3 - error AL4101: Dataflow deadlock in region 'crossed': every unfinished instance is blocked.",
      "  send_0  put s1  2/2 full   at hand.ts:10:3  i=2",
      "  recv_0  get s2  0/2 empty  at hand.ts:14:3  i=0",
      "  stream s1  send_0 -> recv_0  2/2  puts 2  gets 0",
      "  stream s2  send_0 -> recv_0  0/2  puts 0  gets 0",
    ].join("\n"),
  );
  const details = err.details as { blocked: { instance: string; loops: Record<string, number> }[] };
  assert.deepEqual(
    details.blocked.map((b) => [b.instance, b.loops.i]),
    [
      ["send_0", 2],
      ["recv_0", 0],
    ],
  );
});

test("a blocking put outside any region, and a callee that blocks, are deadlocks too", () => {
  const s = local({ name: "s", type: I32, shape: [2], stream: { depth: 1 } });
  const A = buffer({ name: "A", type: I32, shape: [2] });
  const twice = func("twice", {
    params: [A],
    locals: [s],
    body: [alloc("s"), loop("i", 2, [put("s", [idx(0)], load("A", [i], I32))])],
  });
  assert.throws(
    () => compileCpu(module(twice))(new Int32Array(2)),
    (e: AlloError) => e.code === "AL4101" && /put s\[0\]\s+1\/1 full/.test(e.message),
  );
  const S = buffer({ name: "S", type: I32, shape: [], stream: { depth: 2 } });
  const B = buffer({ name: "B", type: I32, shape: [2] });
  const putTwo = func("putTwo", {
    params: [S, B],
    body: [loop("i", 2, [put("S", [], load("B", [i], I32))])],
  });
  const getTwo = func("getTwo", {
    params: [S, B],
    body: [loop("i", 2, [store("B", [i], get("S", [], I32))])],
  });
  const top = func("top", {
    params: [A, B],
    locals: [local({ name: "q", type: I32, shape: [], stream: { depth: 2 } })],
    body: [
      alloc("q"),
      {
        kind: "call",
        callee: "putTwo",
        args: [
          { kind: "buffer", name: "q" },
          { kind: "buffer", name: "A" },
        ],
        results: [],
      },
      {
        kind: "call",
        callee: "getTwo",
        args: [
          { kind: "buffer", name: "q" },
          { kind: "buffer", name: "B" },
        ],
        results: [],
      },
    ],
  });
  const out = new Int32Array(2);
  compileCpu(module(top, putTwo, getTwo))(Int32Array.from([4, 9]), out);
  assert.deepEqual([...out], [4, 9], "sequential put then get through a callee's stream parameter");
  const region = func("region", {
    params: [A, B],
    locals: [local({ name: "q", type: I32, shape: [], stream: { depth: 1 } })],
    body: [
      alloc("q"),
      spatial("r", {
        p: [
          {
            kind: "call",
            callee: "putTwo",
            args: [
              { kind: "buffer", name: "q" },
              { kind: "buffer", name: "A" },
            ],
            results: [],
          },
        ],
        c: [
          {
            kind: "call",
            callee: "getTwo",
            args: [
              { kind: "buffer", name: "q" },
              { kind: "buffer", name: "B" },
            ],
            results: [],
          },
        ],
      }),
    ],
  });
  const out2 = new Int32Array(2);
  compileCpu(module(region, putTwo, getTwo))(Int32Array.from([-1, 3]), out2);
  assert.deepEqual([...out2], [-1, 3], "units calling blocking callees interleave through yield*");
});
