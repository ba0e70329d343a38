// The Vitis HLS C++ text: goldens for every corpus kernel, every schedule primitive (its pragma or loop
// structure), the systolic arrays and the hand-built modules; Allo's format (labels, pragma placement,
// location comments, widening casts) and determinism. The vitis_hls kernel form is in wrap-io.test.ts.
import assert from "node:assert/strict";
import { test } from "node:test";
import { emitHls } from "../../../src/backends/hls/index.ts";
import { customize } from "../../../src/index.ts";
import { CASES } from "../../corpus/cases.ts";
import { assertGolden } from "../../support/golden.ts";
import { systolicMatmul } from "../../verify/support/systolic.ts";
import { MODULES } from "../mlir/modules.ts";
import { PRIMITIVES, scheduled } from "./scheduled.ts";

test("every corpus kernel prints as its golden HLS C++", () => {
  for (const c of CASES) assertGolden(`hls/corpus/${c.name}.cpp`, emitHls(customize(c.kernel, c.options).ir));
});

test("every schedule primitive prints as its golden HLS C++", () => {
  for (const name of Object.keys(PRIMITIVES))
    assertGolden(`hls/primitives/${name}.cpp`, emitHls(scheduled(name).ir));
});

test("hand-built modules (partitions, streams, short circuits, loop attributes, calls, numerics) print as goldens", () => {
  for (const [name, make] of Object.entries(MODULES))
    assertGolden(`hls/modules/${name}.cpp`, emitHls(make()));
});

test("the text follows Allo's format: header, labels, location comments, explicit widening", () => {
  const code = emitHls(customize(CASES.find((c) => c.name === "vadd")!.kernel).ir);
  assert.match(code, /^\/\/=+-+\*- C\+\+ -\*-=+\/\/\n/);
  for (const inc of ["ap_fixed.h", "ap_int.h", "hls_math.h", "hls_stream.h", "math.h", "stdint.h"]) {
    assert.ok(code.includes(`#include <${inc}>`), inc);
  }
  assert.match(
    code,
    /void vadd\(\n {2}int32_t A\[8\],\n {2}int32_t B\[8\],\n {2}int32_t C\[8\]\n\) \{\t\/\/ L\d+\n/,
  );
  assert.match(code, /l_S_i_0_i: for \(int i = 0; i < 8; i\+\+\) \{\t\/\/ L\d+/);
  assert.match(code, /ap_int<33> v\d+ = \(ap_int<33>\)A\[i\] \+ \(ap_int<33>\)B\[i\];\t\/\/ L\d+/);
  assert.match(code, /C\[i\] = \(int32_t\)v\d+;\t\/\/ L\d+/);
});

test("loop directives are the first lines of the loop body, at the loop's indentation", () => {
  const code = emitHls(scheduled("buffer_at").ir);
  assert.match(
    code,
    /\n( +)l_j: for \(int j = 0; j < 16; j\+\+\) \{\t\/\/ L\d+\n\1#pragma HLS pipeline II=1\n/,
  );
  const tiles = emitHls(MODULES.tiles());
  assert.match(tiles, /#pragma HLS pipeline II=1 rewind\n/);
  assert.match(tiles, /#pragma HLS unroll factor=4\n/);
  assert.match(emitHls(MODULES.partitions()), /l_S_i_3_i: for[^\n]*\n *#pragma HLS unroll\n/);
  assert.match(tiles, /l_S_i_0_i_outer: for[^\n]*\n *#pragma HLS dataflow\n/);
  const unrolled = emitHls(scheduled("unroll").ir);
  assert.match(unrolled, /l_j: for[^\n]*\n *#pragma HLS unroll\n/);
  assert.match(unrolled, /l_k: for[^\n]*\n *#pragma HLS unroll factor=4\n/);
});

test("array_partition directives: every partitioned dimension, normalised factors, none for streams", () => {
  const code = emitHls(MODULES.partitions());
  for (const p of [
    "variable=A block dim=1 factor=2",
    "variable=A block dim=2 factor=2",
    "variable=B cyclic dim=1 factor=4",
    "variable=B complete dim=2",
    "variable=C complete dim=1",
    "variable=C complete dim=2",
    "variable=E complete dim=1",
    "variable=T complete dim=1",
  ]) {
    assert.ok(code.includes(`#pragma HLS array_partition ${p}\n`), p);
  }
  assert.ok(!code.includes("variable=D"), "block factor 1 is no partition");
});

test("the systolic array: one function per distinct PE body and per loader, FIFOs with depths in a dataflow region", () => {
  const code = emitHls(scheduled("systolic_ij").ir);
  const top = code.slice(code.indexOf("void matmul("));
  assert.match(top, /^void matmul\([^)]*\) \{\t\/\/ L\d+\n#pragma HLS dataflow\n/);
  assert.equal((top.match(/hls::stream< int8_t > A_fifo_\d_\d;/g) ?? []).length, 16);
  assert.equal((top.match(/#pragma HLS stream variable=\w+ depth=5\n/g) ?? []).length, 32);
  // Interior PEs, the last column, the last row and the corner: four bodies for sixteen PEs.
  assert.deepEqual(code.match(/^void PE_\d_\d(?=\()/gm), [
    "void PE_0_0",
    "void PE_0_3",
    "void PE_3_0",
    "void PE_3_3",
  ]);
  const calls = top.match(/^ {2}(\w+)\(/gm)?.map((c) => c.trim().slice(0, -1));
  assert.deepEqual(calls?.slice(0, 4), ["A_load", "B_load", "PE_0_0", "PE_0_0"]);
  assert.equal(calls?.length, 18);
  // Each PE gets only its own element of C.
  assert.match(code, /void PE_0_0\(\n {2}int16_t C\[1\],\n {2}hls::stream< int8_t >& B_fifo_0_0,/);
  assert.match(top, /\n {2}PE_0_0\(&C\[1\]\[2\], B_fifo_1_2, B_fifo_2_2, A_fifo_1_2, A_fifo_1_3\);/);
  // The PE streams its operands: one register per operand, read and forwarded in the MAC loop.
  assert.match(
    code,
    /\) \{\n {2}int8_t A_buf = \(int8_t\)0;\n {2}int8_t B_buf = \(int8_t\)0;\n {2}l_S_k_0_0_0_k: for/,
  );
});

test("output is deterministic: the same module, rebuilt, prints the same text", () => {
  for (const name of ["systolic_kj", "inline", "reuse_at"]) {
    assert.equal(emitHls(scheduled(name).ir), emitHls(scheduled(name).ir), name);
  }
});

test("a 64x64 systolic array prints every PE and its call (emission time is a bench row: bench/hls.ts)", () => {
  const text = emitHls(systolicMatmul(64, 64, 4));
  assert.match(text, /void PE_63_63\(/);
  assert.match(text, /\n {2}PE_63_63\(/);
});
