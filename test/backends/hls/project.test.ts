// buildVitisProject: the files of a Vitis project (deterministic, no machine paths), the csim callable
// (the CPU backend's calling conventions, queued calls, argument errors), the vendor modes failing with
// AL5005 and the tool's name when it is missing, and C simulation's own errors: a FIFO cycle with no
// sequential order (AL5201), a read of an empty FIFO (AL4101) and data left in one (AL4102); and
// host.cpp compiling against XRT where its headers are installed (Debian: libxrt-dev).
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { compileCpu } from "../../../src/backends/cpu/index.ts";
import { INCLUDE_DIR, runProcess } from "../../../src/backends/hls/csim.ts";
import { buildVitisProject } from "../../../src/backends/hls/index.ts";
import { findTool } from "../../../src/backends/hls/tools.ts";
import { AlloError } from "../../../src/diagnostics/error.ts";
import { customize } from "../../../src/index.ts";
import { bin, cast, constOf, forLoop, idx, ivRef, load } from "../../../src/ir/build.ts";
import type { Expr, Module, Stmt } from "../../../src/ir/nodes.ts";
import { fixedType, floatType, I32, intType } from "../../../src/types/dtype.ts";
import { CASES } from "../../corpus/cases.ts";
import { assertSameOutputs, cloneArgs } from "../../support/compare.ts";
import { rng } from "../../support/random.ts";
import { randomArgs } from "../mlir/inputs.ts";
import { func, module } from "../mlir/modules.ts";
import { scheduled } from "./scheduled.ts";

const work = (): string => mkdtempSync(join(tmpdir(), "allo-hls-project-"));
const i = ivRef("i");
const store = (buffer: string, indices: readonly Expr[], value: Expr): Stmt => ({
  kind: "store",
  buffer,
  indices,
  value,
});
const get = (stream: string): Expr => ({ kind: "streamGet", type: I32, stream, indices: [] });
const put = (stream: string, value: Expr): Stmt => ({ kind: "streamPut", stream, indices: [], value });
const fifo = (name: string) => ({
  name,
  type: I32,
  shape: [],
  role: "local" as const,
  partitions: [],
  stream: { depth: 2 },
});
const arr = (name: string, n = 4) => ({
  name,
  type: I32,
  shape: [n],
  role: "param" as const,
  partitions: [],
});

/** Two returned tensors (int and fixed point), a scalar parameter, float16 and int8 output parameters. */
function conventions(): Module {
  const fx = fixedType(20, 8);
  const half = floatType(16);
  const R = { name: "R", type: intType(40), shape: [4], role: "result" as const, partitions: [] };
  const Q = { name: "Q", type: fx, shape: [2, 2], role: "result" as const, partitions: [] };
  const H = { name: "H", type: half, shape: [4], role: "param" as const, partitions: [] };
  const S = { name: "S", type: intType(8), shape: [4], role: "param" as const, partitions: [] };
  const k: Expr = { kind: "param", type: I32, name: "k" };
  const body: Stmt[] = [
    { kind: "alloc", buffer: "R" },
    { kind: "alloc", buffer: "Q", init: constOf(fx, 384n) },
    forLoop("i", "i", idx(0), idx(4), [
      store("R", [i], bin("*", cast(load("A", [i], I32), intType(40)), cast(k, intType(40)), intType(40))),
      store("H", [i], bin("*", load("H", [i], half), load("H", [i], half), half)),
      store("S", [i], cast(bin("+", load("A", [i], I32), k, I32), intType(8))),
    ]),
    forLoop("i", "i", idx(0), idx(2), [store("Q", [i, i], cast(load("A", [i], I32), fx))]),
  ];
  return module(
    "conventions",
    func("conventions", {
      params: [arr("A"), { scalar: "k", type: I32 }, H, S],
      locals: [R, Q],
      results: ["R", "Q"],
      body,
    }),
  );
}

test("csim returns what the CPU backend returns and updates output parameters in place", async () => {
  const m = conventions();
  const args = [
    Int32Array.of(7, -3, 1 << 30, 100),
    5,
    Float32Array.of(1.5, -2, 300, 0.125),
    new Int8Array(4),
  ];
  const cpuArgs = cloneArgs(args);
  const want = compileCpu(m)(...cpuArgs) as unknown[];
  const dir = work();
  const prj = buildVitisProject(m, { mode: "csim", project: dir });
  const got = (await prj(...args)) as unknown[];
  assert.ok(Array.isArray(got) && got.length === 2, "two results come back as an array");
  assert.equal(got[0]?.constructor, BigInt64Array);
  assert.equal(got[1]?.constructor, Float64Array);
  assertSameOutputs([...got, args[2], args[3]], [...want, cpuArgs[2], cpuArgs[3]], "conventions");
  rmSync(dir, { recursive: true });
});

test("the project holds every file, with no path of the machine that wrote it, identical across builds", () => {
  const c = CASES.find((x) => x.name === "compound")!;
  const m = customize(c.kernel, c.options).ir;
  const [a, b] = [work(), work()];
  buildVitisProject(m, { mode: "hw_emu", project: a });
  buildVitisProject(m, { mode: "hw_emu", project: b });
  const files = ["Makefile", "host.cpp", "kernel.cpp", "kernel.h", "run.tcl", "testbench.cpp"];
  const data = readdirSync(a).filter((f) => f.endsWith(".data"));
  assert.ok(data.includes("input0.data") && data.some((f) => f.startsWith("expected")), "the data is there");
  assert.deepEqual(readdirSync(a).sort(), [...files, ...data].sort());
  for (const f of data) assert.deepEqual(readFileSync(join(a, f)), readFileSync(join(b, f)), f);
  for (const f of files) {
    const text = readFileSync(join(a, f), "utf8");
    assert.equal(text, readFileSync(join(b, f), "utf8"), f);
    assert.ok(!text.includes(a) && !text.includes(tmpdir()), `${f} names no machine path`);
  }
  const make = readFileSync(join(a, "Makefile"), "utf8");
  assert.match(make, /^TARGET \?= hw_emu$/m);
  assert.match(make, /v\+\+ -c -t \$\(TARGET\) --platform \$\(PLATFORM\) -k \$\(TOP\)/);
  const tcl = readFileSync(join(a, "run.tcl"), "utf8");
  assert.match(tcl, /set_top compound\n/);
  assert.match(tcl, /\{ csim_design -argv \$here \}\n/);
  assert.match(readFileSync(join(a, "host.cpp"), "utf8"), /xrt::kernel kernel\(device, uuid, "compound"\);/);
  rmSync(a, { recursive: true });
  rmSync(b, { recursive: true });
});

test("calls queue, each sees its own inputs; a partitioned top runs through its copying wrapper", async () => {
  const s = scheduled("partition");
  const dir = work();
  const prj = buildVitisProject(s.ir, { mode: "csim", project: dir });
  const cpu = compileCpu(s.ir);
  const inputs = [1, 2, 3].map((seed) => {
    const r = rng(seed);
    return [Float32Array.from({ length: 256 }, () => r()), Float32Array.from({ length: 256 }, () => r())];
  });
  const results = await Promise.all(inputs.map((x) => prj(...x)));
  inputs.forEach((x, k) => {
    assertSameOutputs([results[k]], [cpu(...x)], `call ${k}`);
  });
  assert.match(readFileSync(join(dir, "kernel.cpp"), "utf8"), /gemm_kernel\(buf0, buf1, result2\);/);
  rmSync(dir, { recursive: true });
});

test("a weight-stationary systolic array runs through the Vitis kernel form (copies, split C loader)", async () => {
  const s = scheduled("systolic_kj");
  const args = randomArgs(s.ir.functions[0], rng(3));
  const cpuArgs = cloneArgs(args);
  compileCpu(s.ir)(...cpuArgs);
  const dir = work();
  await buildVitisProject(s.ir, { mode: "csim", project: dir })(...args);
  assertSameOutputs(args, cpuArgs, "systolic_kj");
  const code = readFileSync(join(dir, "kernel.cpp"), "utf8");
  assert.match(code, /\n {2}C_io_0\(C, [^)]*\);\t\/\/ L\d+\n(.*\n)* {2}C_io_1\(C, /);
  rmSync(dir, { recursive: true });
});

test("wrong argument count, length or element type is an AlloError, as on the CPU backend", async () => {
  const c = CASES.find((x) => x.name === "gemm")!;
  const dir = work();
  const prj = buildVitisProject(customize(c.kernel).ir, { mode: "csim", project: dir });
  const code = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => undefined,
      (x: unknown) => x,
    );
    assert.ok(e instanceof AlloError, String(e));
    return e.code;
  };
  assert.equal(await code(prj(new Float32Array(256))), "AL5001");
  assert.equal(await code(prj(new Float32Array(256), new Float32Array(255))), "AL5002");
  assert.equal(await code(prj(new Float32Array(256), new Int32Array(256))), "AL5003");
  assert.throws(() => buildVitisProject(customize(c.kernel).ir, { mode: "impl", project: dir }), /AL9001/);
  rmSync(dir, { recursive: true });
});

test("vendor modes write the project, then fail with AL5005 naming the missing tool", async (t) => {
  if (findTool("vitis_hls") || findTool("v++")) {
    t.skip("Xilinx tools are installed here");
    return;
  }
  const c = CASES.find((x) => x.name === "vadd")!;
  const m = customize(c.kernel).ir;
  for (const [mode, tool] of [
    ["csyn", "vitis_hls"],
    ["cosim", "vitis_hls"],
    ["sw_emu", "v\\+\\+"],
    ["hw_emu", "v\\+\\+"],
    ["hw", "v\\+\\+"],
  ]) {
    const dir = work();
    const prj = buildVitisProject(m, { mode, project: dir });
    assert.ok(
      existsSync(join(dir, "kernel.cpp")) && existsSync(join(dir, "Makefile")),
      `${mode} wrote the project`,
    );
    await assert.rejects(
      prj(...c.inputs(rng(1))),
      new RegExp(`AL5005: mode "${mode}" needs ${tool}, which is not on PATH`),
    );
    rmSync(dir, { recursive: true });
  }
});

/** Two units that interleave writes and reads of a FIFO ring in one loop: no sequential order. */
function ring(): Module {
  const producer: Stmt[] = [
    forLoop("i", "i", idx(0), idx(4), [put("s1", cast(i, I32)), store("B", [i], get("s2"))]),
  ];
  const consumer: Stmt[] = [
    forLoop("j", "j", idx(0), idx(4), [put("s2", bin("*", get("s1"), constOf(I32, 3n), I32))]),
  ];
  const body: Stmt[] = [
    { kind: "alloc", buffer: "s1" },
    { kind: "alloc", buffer: "s2" },
    {
      kind: "spatial",
      name: "ring",
      units: [
        { name: "ping", body: producer },
        { name: "pong", body: consumer },
      ],
    },
  ];
  return module("ring", func("ring", { params: [arr("B")], locals: [fifo("s1"), fifo("s2")], body }));
}

/** A consumer that reads `reads` values from a FIFO its producer writes 4 times. */
function unbalanced(reads: number): Module {
  const body: Stmt[] = [
    { kind: "alloc", buffer: "s" },
    {
      kind: "spatial",
      name: "pair",
      units: [
        { name: "source", body: [forLoop("i", "i", idx(0), idx(4), [put("s", load("A", [i], I32))])] },
        { name: "sink", body: [forLoop("j", "j", idx(0), idx(reads), [store("B", [ivRef("j")], get("s"))])] },
      ],
    },
  ];
  return module("pair", func("pair", { params: [arr("A"), arr("B", 8)], locals: [fifo("s")], body }));
}

test("C simulation refuses a FIFO cycle (AL5201) and reports empty reads (AL4101) and leftovers (AL4102)", async () => {
  const dir = work();
  const ringArgs = [new Int32Array(4)];
  compileCpu(ring())(...ringArgs);
  assert.deepEqual([...ringArgs[0]], [0, 3, 6, 9], "the CPU backend runs the ring round-robin");
  await assert.rejects(
    buildVitisProject(ring(), { mode: "csim", project: join(dir, "ring") })(new Int32Array(4)),
    /AL5201/,
  );
  const pair = (reads: number) =>
    buildVitisProject(unbalanced(reads), { mode: "csim", project: join(dir, `pair${reads}`) })(
      Int32Array.of(1, 2, 3, 4),
      new Int32Array(8),
    );
  await assert.rejects(pair(6), /AL4101: C simulation deadlocked: allo-csim: read from the empty stream/);
  await assert.rejects(pair(2), /AL4102: C simulation ended with data in a stream/);
  const B = new Int32Array(8);
  await buildVitisProject(unbalanced(4), { mode: "csim", project: join(dir, "pair4") })(
    Int32Array.of(1, 2, 3, 4),
    B,
  );
  assert.deepEqual([...B], [1, 2, 3, 4, 0, 0, 0, 0]);
  rmSync(dir, { recursive: true });
});

test("a top function taking a stream cannot become a Vitis kernel with a testbench (AL5007)", () => {
  const body: Stmt[] = [put("S", constOf(I32, 1n))];
  const m = module("src", func("src", { params: [{ ...fifo("S"), role: "param" }], body }));
  const dir = join(tmpdir(), `allo-hls-never-written-${process.pid}`);
  assert.ok(!existsSync(dir));
  assert.throws(
    () => buildVitisProject(m, { mode: "csim", project: dir }),
    /AL5007: 'src' takes the stream 'S'/,
  );
  assert.ok(!existsSync(dir), "nothing is written for a module that cannot be a kernel");
});

/** XRT's native C++ headers, from Debian's libxrt-dev or a Xilinx install. */
const XRT_INCLUDE = [
  process.env.XILINX_XRT && join(process.env.XILINX_XRT, "include"),
  "/usr/include/xrt",
].find((d): d is string => typeof d === "string" && existsSync(join(d, "xrt", "xrt_kernel.h")));

test("host.cpp compiles against XRT's native API", {
  skip: XRT_INCLUDE ? false : "no XRT headers",
}, async () => {
  const dir = work();
  buildVitisProject(conventions(), { mode: "hw_emu", project: dir });
  const r = await runProcess(
    "g++",
    ["-std=c++17", "-fsyntax-only", "-Wall", "-Werror", `-I${XRT_INCLUDE}`, `-I${INCLUDE_DIR}`, "host.cpp"],
    {
      cwd: dir,
    },
  );
  assert.equal(r.code, 0, r.stderr);
  rmSync(dir, { recursive: true });
});
