// The one stream runtime and stream-network analysis: the CPU backend and the verifier's symbolic run
// report the same deadlock (and the same data left in a stream) word for word for the same kernel,
// the analysis names the producer and consumer of every FIFO, and the process order of a 64 x 64 PE
// network visits each FIFO edge a bounded number of times.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileCpu } from "../../src/backends/cpu/index.ts";
import { AlloError } from "../../src/diagnostics/error.ts";
import { fifoSets, processOrder, streamUses } from "../../src/ir/analysis/streams.ts";
import { constOf, forLoop, idx, ivRef } from "../../src/ir/build.ts";
import type { Module, SpatialStmt } from "../../src/ir/nodes.ts";
import { intType } from "../../src/types/dtype.ts";
import { verifyModules } from "../../src/verify/index.ts";
import { buffer, func, local, module, put } from "../backends/cpu/ir.ts";
import { seedSystolic, systolicMatmul, withoutUnits } from "../verify/support/systolic.ts";

const I32 = intType(32);

/** The text of the AlloError the CPU run of `m` throws, and its code. */
function cpuFailure(m: Module): { code: string; text: string } {
  const f = m.functions.find((x) => x.name === m.top)!;
  const args = f.params.map((p) => {
    const b = f.buffers[p.name];
    const n = b.shape.reduce((a, c) => a * c, 1);
    return b.type.kind === "int" && b.type.bits <= 8 ? new Int8Array(n) : new Int16Array(n);
  });
  try {
    compileCpu(m)(...args);
  } catch (e) {
    assert.ok(e instanceof AlloError, String(e));
    return { code: e.code, text: e.text };
  }
  assert.fail("the CPU run did not fail");
}

/** The verifier's reason for rejecting `broken` against a design that runs. */
function verifierFailure(broken: Module, good: Module): string {
  const r = verifyModules(broken, good);
  assert.equal(r.status, "not-equivalent", r.reason);
  const prefix = "the first module fails on every input, the other does not: ";
  assert.ok(r.reason?.startsWith(prefix), r.reason);
  return (r.reason ?? "").slice(prefix.length);
}

/** A 3 x 3 PE array made by bufferAt, unfold and relay from source (so every statement has a span). */
const scheduledArray = () => seedSystolic(3, 4, { depth: 2 });

test("a hand-built array whose B loaders stop early: one deadlock report from the CPU and the verifier", () => {
  const broken = systolicMatmul(2, 2, 3, { shortB: true });
  const cpu = cpuFailure(broken);
  assert.equal(cpu.code, "AL4101");
  assert.equal(verifierFailure(broken, systolicMatmul(2, 2, 3)), cpu.text);
  assert.match(cpu.text, /stream B_fifo\[0\]\[0\] {2}load_B_0 -> PE_0_0/);
});

test("a scheduled array missing its A loader: the same report, with source locations and loop indices", () => {
  const { ir, original } = scheduledArray();
  const names = (ir.functions[0].body.find((x) => x.kind === "spatial") as SpatialStmt).units.map(
    (u) => u.name,
  );
  const loader = names.find((n) => /^A.*load/.test(n));
  assert.ok(loader, names.join(", "));
  const broken = withoutUnits(ir, (n) => n === loader);
  const cpu = cpuFailure(broken);
  assert.equal(cpu.code, "AL4101");
  assert.match(cpu.text, /at matmul\.ts:\d+:\d+/);
  assert.equal(verifierFailure(broken, original), cpu.text);
});

test("data left in a stream at the end of its region: one AL4102 text from the CPU and the verifier", () => {
  const leaky = systolicMatmul(2, 2, 3, { extraA: true });
  const cpu = cpuFailure(leaky);
  assert.equal(cpu.code, "AL4102");
  assert.equal(verifierFailure(leaky, systolicMatmul(2, 2, 3)), cpu.text);
  assert.match(
    cpu.text,
    /^stream A_fifo\[0\]\[0\] still holds 1 value\(s\) at the end of region 'PE' \(puts 4, gets 3\)/,
  );
});

test("a put outside any region that finds its FIFO full: one report from the CPU and the verifier", () => {
  const A = buffer({ name: "A", type: I32, shape: [2] });
  const s = local({ name: "s", type: I32, shape: [], stream: { depth: 1 } });
  const one = { kind: "const", type: I32, value: 1n } as const;
  const twice = (n: number) =>
    module(
      func("twice", {
        params: [A],
        locals: [s],
        body: [{ kind: "alloc", buffer: "s" }, ...Array.from({ length: n }, () => put("s", [], one))],
      }),
    );
  let cpu = "";
  try {
    compileCpu(twice(2))(new Int32Array(2));
  } catch (e) {
    cpu = (e as AlloError).text;
  }
  assert.match(cpu, /^Dataflow deadlock in region 'twice'.*\n {2}twice {2}put s {2}1\/1 full/);
  const r = verifyModules(twice(2), twice(1));
  assert.equal(r.reason, `the first module fails on every input, the other does not: ${cpu}`);
});

test("the analysis names who puts and who gets every FIFO of a region", () => {
  const region = systolicMatmul(2, 2, 3).functions[0].body.find((x) => x.kind === "spatial") as SpatialStmt;
  const uses = streamUses(region.units);
  const ends = (stream: string, op: "put" | "get") =>
    (uses[stream] ?? []).filter((u) => u.op === op).map((u) => `${u.unit}${JSON.stringify(u.indices)}`);
  assert.deepEqual(ends("A_fifo", "put"), ["load_A_0[0,0]", "load_A_1[1,0]", "PE_0_0[0,1]", "PE_1_0[1,1]"]);
  assert.deepEqual(ends("A_fifo", "get"), ["PE_0_0[0,0]", "PE_0_1[0,1]", "PE_1_0[1,0]", "PE_1_1[1,1]"]);
  assert.deepEqual([...fifoSets(region.units[0].body).puts], ["A_fifo|0,0"]);
});

test("a non-constant index is a use of the whole FIFO array", () => {
  const body = [forLoop("i", "i", idx(0), idx(4), [put("q", [ivRef("i")], constOf(I32, 0n))])];
  assert.deepEqual(streamUses([{ name: "u", body }]), { q: [{ unit: "u", op: "put", indices: null }] });
});

test("the process order of a 64 x 64 PE network visits each FIFO edge at most twice", () => {
  const n = 64;
  // Loaders feed row i and column j; PE(i, j) passes a right and b down, as unfold + relay build it.
  const nodes: { puts: string[]; gets: string[] }[] = [];
  const pe = (i: number, j: number) => ({
    gets: [`A|${i},${j}`, `B|${i},${j}`],
    puts: [...(j + 1 < n ? [`A|${i},${j + 1}`] : []), ...(i + 1 < n ? [`B|${i + 1},${j}`] : [])],
  });
  // PEs listed last-first so the order has to move every one of them behind its producers.
  for (let i = n - 1; i >= 0; i--) for (let j = n - 1; j >= 0; j--) nodes.push(pe(i, j));
  for (let k = 0; k < n; k++) nodes.push({ puts: [`A|${k},0`], gets: [] }, { puts: [`B|0,${k}`], gets: [] });
  const edges = nodes.reduce((a, p) => a + p.gets.length, 0);
  const { order, visited } = processOrder(nodes);
  assert.ok(order);
  assert.equal(order.length, nodes.length);
  const at = new Map(order.map((p, k) => [p, k]));
  const producer = new Map(nodes.flatMap((p, k) => p.puts.map((f) => [f, k] as const)));
  for (const [k, p] of nodes.entries())
    for (const g of p.gets) assert.ok(at.get(producer.get(g)!)! < at.get(k)!);
  assert.equal(edges, 2 * n * n);
  assert.ok(visited <= 2 * edges, `visited ${visited} edge(s) for ${edges}`);
});

test("a FIFO cycle has no process order", () => {
  const { order } = processOrder([
    { puts: ["x|"], gets: ["y|"] },
    { puts: ["y|"], gets: ["x|"] },
  ]);
  assert.equal(order, undefined);
});
