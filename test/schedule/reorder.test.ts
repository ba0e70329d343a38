// reorder: IR goldens, bit-exact runs, band-name placement, subsets, and misuse.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import type { ForStmt } from "../../src/ir/nodes.ts";
import { gemm, mm, rowsum, stencil, tri } from "./kernels.ts";
import { caught, scheduled } from "./support.ts";

const nest = (l: ForStmt): string[] => [l.name, ...l.body.flatMap((x) => (x.kind === "for" ? nest(x) : []))];
const names = (s: { ir: { functions: readonly { body: readonly unknown[] }[] } }) =>
  nest(s.ir.functions[0].body.find((x) => (x as ForStmt).kind === "for") as ForStmt);

test("reorder of two inner loops (the seed's row-wise GEMM)", () => {
  const s = scheduled("reorder/gemm_kj", gemm, (s) => s.reorder("k", "j"));
  assert.deepEqual(names(s), ["i", "k", "j"]);
});

test("reorder keeps the band name on the outermost loop", () => {
  const s = scheduled("reorder/gemm_ji", gemm, (s) => s.reorder("j", "i"));
  const head = s.ir.functions[0].body.find((x) => x.kind === "for") as ForStmt;
  assert.equal(head.name, "j");
  assert.equal(head.attrs.opName, "S_i_j_k_0");
  assert.deepEqual(Object.keys(s.getLoops()), ["S_i_j_k_0"]);
});

test("reorder of a subset permutes only the listed positions", () => {
  const s = scheduled("reorder/gemm_ki", gemm, (s) => s.reorder("k", "i"));
  assert.deepEqual(names(s), ["k", "j", "i"]);
});

test("reorder across a named band and its inner loop swaps the band names", () => {
  const s = scheduled("reorder/mm_kji", mm, (s) => s.reorder("k", "j", "i"));
  assert.deepEqual(names(s), ["k", "j", "i"]);
  const loops = s.getLoops();
  assert.equal(loops.PE.k.name, "k");
  assert.ok(Object.keys(loops).includes("PE"));
});

test("reorder after split interleaves tiles", () => {
  scheduled("reorder/stencil_tiles", stencil, (s) => {
    const [io, ii] = s.split("i", 4);
    const [jo, ji] = s.split("j", 5);
    s.reorder(io, jo, ii, ji);
  });
});

test("reorder in the original order is a no-op", () => {
  const s = customize(gemm);
  s.reorder("i", "j", "k");
  assert.equal(s.ir, s.original);
  assert.equal(s.steps[0].changed, false);
});

test("reorder needs one perfect band", () => {
  const e = caught(() => customize(rowsum).reorder("j", "i"));
  assert.equal(e.code, "AL3004");
  assert.match(e.message, /'j' is not perfectly nested in 'i' \(the body of 'i' holds 4 statement\(s\)/);
});

test("reorder refuses to hoist a loop above the loop its bounds depend on", () => {
  const e = caught(() => customize(tri).reorder("j", "i"));
  assert.equal(e.code, "AL3004");
  assert.match(e.message, /loop 'j' cannot move outside loop 'i': its bounds depend on 'i'/);
});

test("reorder refuses a loop listed twice", () => {
  const e = caught(() => customize(gemm).reorder("k", "k"));
  assert.equal(e.code, "AL3004");
  assert.match(e.message, /listed twice/);
});
