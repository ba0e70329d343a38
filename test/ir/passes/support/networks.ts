// Hand-built stream networks for the sequentializeRegions tests and the spatial bench: a pipeline of
// stages through FIFOs (each stage adds its number and doubles), a fork/join (a splitter feeds two
// workers that a joiner sums), the matching plain loop nests, and a seeded random number source.
import { bin, cast, constOf, forLoop, idx, ivRef, load } from "../../../../src/ir/build.ts";
import type { Expr, Module, Stmt } from "../../../../src/ir/nodes.ts";
import { I32, intType } from "../../../../src/types/dtype.ts";
import { alloc, buffer, func, get, local, module, put, spatial, store } from "../../../backends/cpu/ir.ts";

const loop = (iv: string, n: number, body: readonly Stmt[]) => forLoop(iv, iv, idx(0), idx(n), body);
/** x * 2 + c, wrapping to int32. */
const stage = (x: Expr, c: number): Expr =>
  cast(
    bin(
      "+",
      bin("*", cast(x, intType(34)), constOf(intType(34), 2n), intType(34)),
      constOf(intType(34), BigInt(c)),
      intType(34),
    ),
    I32,
  );

/** A[n] -> stage 1 -> ... -> stage `stages` -> B[n], each hop a FIFO `q<k>` of the given depth. */
export function pipeline(n: number, stages: number, depths: readonly number[]): Module {
  const A = buffer({ name: "A", type: I32, shape: [n] });
  const B = buffer({ name: "B", type: I32, shape: [n] });
  const fifos = Array.from({ length: stages + 1 }, (_, k) =>
    local({ name: `q${k}`, type: I32, shape: [], stream: { depth: depths[k % depths.length] } }),
  );
  const units: Record<string, readonly Stmt[]> = {
    load: [loop("i_load", n, [put("q0", [], load("A", [ivRef("i_load")], I32))])],
  };
  for (let k = 1; k <= stages; k++)
    units[`stage_${k}`] = [loop(`i_s${k}`, n, [put(`q${k}`, [], stage(get(`q${k - 1}`, [], I32), k))])];
  units.store = [loop("i_store", n, [store("B", [ivRef("i_store")], get(`q${stages}`, [], I32))])];
  const body = [...fifos.map((f) => alloc(f.name)), spatial("pipe", units)];
  return module(func("pipe", { params: [A, B], locals: fifos, body }));
}

/** The pipeline as one plain loop. */
export function pipelinePlain(n: number, stages: number): Module {
  const A = buffer({ name: "A", type: I32, shape: [n] });
  const B = buffer({ name: "B", type: I32, shape: [n] });
  let x: Expr = load("A", [ivRef("i")], I32);
  for (let k = 1; k <= stages; k++) x = stage(x, k);
  return module(func("pipe", { params: [A, B], body: [loop("i", n, [store("B", [ivRef("i")], x)])] }));
}

/**
 * A[n] is split: even positions to worker 0, odd to worker 1 (each `per` values per iteration of the
 * splitter), the workers apply stages 1 and 2, the joiner writes B[i] = w0 + w1 for n / 2 rows.
 * `late` makes the joiner read worker 1's FIFO for all rows before worker 0's (it then needs depth n / 2).
 */
export function forkJoin(n: number, depths: readonly [number, number, number, number], late = false): Module {
  const half = n / 2;
  const A = buffer({ name: "A", type: I32, shape: [n] });
  const B = buffer({ name: "B", type: I32, shape: [half] });
  const T = local({ name: "T", type: I32, shape: [half] });
  const names = ["in0", "in1", "out0", "out1"];
  const fifos = names.map((name, k) => local({ name, type: I32, shape: [], stream: { depth: depths[k] } }));
  const i = (s: string) => ivRef(s);
  const two = (e: Expr) => bin("*", e, idx(2), e.type);
  const sum = (a: Expr, b: Expr) =>
    cast(bin("+", cast(a, intType(33)), cast(b, intType(33)), intType(33)), I32);
  const units: Record<string, readonly Stmt[]> = {
    split: [
      loop("i_split", half, [
        put("in0", [], load("A", [two(i("i_split"))], I32)),
        put("in1", [], load("A", [bin("+", two(i("i_split")), idx(1), i("i_split").type)], I32)),
      ]),
    ],
    work_0: [loop("i_w0", half, [put("out0", [], stage(get("in0", [], I32), 1))])],
    work_1: [loop("i_w1", half, [put("out1", [], stage(get("in1", [], I32), 2))])],
    join: late
      ? [
          alloc("T"),
          loop("i_j1", half, [store("T", [i("i_j1")], get("out1", [], I32))]),
          loop("i_j0", half, [
            store("B", [i("i_j0")], sum(get("out0", [], I32), load("T", [i("i_j0")], I32))),
          ]),
        ]
      : [loop("i_join", half, [store("B", [i("i_join")], sum(get("out0", [], I32), get("out1", [], I32)))])],
  };
  const body = [...names.map(alloc), spatial("forkjoin", units)];
  return module(func("forkjoin", { params: [A, B], locals: [...fifos, T], body }));
}

/** A small deterministic generator (xorshift32) for random networks and inputs. */
export function rng(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1;
  return (n) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
}
