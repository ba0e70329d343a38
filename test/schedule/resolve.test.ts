// Name resolution: plain, band- and function-qualified loop names, iv names, band names, buffers,
// ambiguity and unknown names with the lists that fix them, getLoops() handles, stale handles.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize } from "../../src/index.ts";
import { loopName, resolveBand, resolveBuffer, resolveLoop } from "../../src/schedule/resolve.ts";
import { caller, gemm, mm, tri, twoStage } from "./kernels.ts";
import { caught } from "./support.ts";

test("a loop name in two bands is ambiguous; the error lists the qualified names", () => {
  const s = customize(twoStage);
  const e = caught(() => s.pipeline("j"));
  assert.equal(e.code, "AL3002");
  assert.match(
    e.message,
    /pipeline: loop name 'j' is ambiguous: it matches 'S_i_j_0:j', 'S_i_j_1:j'; use one of these/,
  );
  s.pipeline("S_i_j_1:j").pipeline("twoStage:S_i_j_0:j");
  assert.equal(s.trace(), 's.pipeline("S_i_j_1:j");\ns.pipeline("twoStage:S_i_j_0:j");\n');
});

test("unqualified names prefer the top function; function-qualified names reach callees", () => {
  const m = customize(caller).ir;
  const top = resolveLoop(m, "i", "t");
  assert.equal(top.func, "caller");
  assert.equal(resolveLoop(m, "scale:i", "t").func, "scale");
  assert.equal(resolveLoop(m, "scale:S_i_j_0:j", "t").func, "scale");
  assert.equal(loopName(m, resolveLoop(m, "scale:j", "t")), "scale:j");
  assert.equal(loopName(m, top), "i");
});

test("band names resolve to bands and, where a loop is expected, to the band's head loop", () => {
  const m = customize(mm).ir;
  assert.deepEqual(resolveBand(m, "PE", "t"), { kind: "band", func: "mm", opName: "PE" });
  assert.equal(resolveLoop(m, "PE", "t").iv, "i");
  assert.equal(resolveLoop(m, "%k", "t").iv, "k");
  assert.equal(resolveLoop(m, "mm:%j", "t").iv, "j");
});

test("nested bands qualify their own loops", () => {
  const m = customize(tri).ir;
  assert.equal(resolveLoop(m, "S_j_0:j", "t").iv, "j");
  assert.equal(resolveLoop(m, "S_i_0:j", "t").iv, "j");
  const e = caught(() => resolveLoop(m, "S_j_0:i", "t"));
  assert.equal(e.code, "AL3001");
  assert.match(e.message, /no loop 'S_j_0:i'; loops: i, j/);
});

test("unknown loops, bands and functions list what exists", () => {
  const s = customize(caller);
  const loop = caught(() => s.split("q", 2));
  assert.equal(loop.code, "AL3001");
  assert.match(loop.message, /split: no loop 'q'; loops: i, j, scale:i, scale:j/);
  const band = caught(() => s.unfold("PE", { axis: 0 }));
  assert.equal(band.code, "AL3001");
  assert.match(band.message, /unfold: no band 'PE'; bands: S_i_j_0, scale:S_i_j_0/);
  assert.equal(caught(() => s.getLoops("nope")).code, "AL3012");
});

test("buffers: plain names in the top first, qualified names, handles, unknown names", () => {
  const m = customize(caller).ir;
  assert.deepEqual(resolveBuffer(m, "X", "t"), { kind: "buffer", func: "caller", buffer: "X" });
  assert.deepEqual(resolveBuffer(m, "scale:X", "t"), { kind: "buffer", func: "scale", buffer: "X" });
  const e = caught(() => resolveBuffer(m, "W", "t"));
  assert.equal(e.code, "AL3003");
  assert.match(e.message, /no buffer 'W'; buffers: X, Y, Z, scale:X, scale:Y/);
  const two = { ...m, top: "missing", functions: m.functions };
  const amb = caught(() => resolveBuffer(two, "X", "t"));
  assert.equal(amb.code, "AL3018");
  assert.match(amb.message, /buffer name 'X' is ambiguous: it matches 'scale:X', 'caller:X'/);
});

test("getLoops gives a handle per band and loop; handles and bands work as names", () => {
  const s = customize(caller);
  const loops = s.getLoops();
  assert.deepEqual(Object.keys(loops), ["S_i_j_0"]);
  assert.deepEqual(Object.keys(loops.S_i_j_0), ["i", "j"]);
  assert.deepEqual(Object.keys(s.getLoops("scale")), ["S_i_j_0"]);
  const { j } = s.getLoops("scale").S_i_j_0;
  s.split(j, 2).inner;
  s.pipeline(loops.S_i_j_0.j);
  assert.equal(s.trace(), 's.split("scale:j", 2);\ns.pipeline("j");\n');
  const g = customize(mm);
  const pe = g.unfold(g.getLoops().PE, { axis: [0, 1] });
  assert.equal(pe.name, "PE");
  assert.deepEqual(pe.extents, [6, 4]);
});

test("repeated loop names inside one band are keyed by iv in getLoops", () => {
  const s = customize(gemm);
  s.split("i", 2);
  s.split("j", 5);
  const keys = Object.keys(s.getLoops().S_i_j_k_0);
  assert.deepEqual(keys, ["i.outer", "i.inner", "j.outer", "j.inner", "k"]);
});

test("lists of valid names stop after 40", () => {
  const s = customize(gemm);
  s.unfold("S_i_j_k_0", { axis: [0, 1] });
  const e = caught(() => s.split("q", 2));
  assert.match(e.message, /loops: S_i_j_k_0_0_0:k, S_i_j_k_0_0_1:k, .*, \.\.\. \(see s\.getLoops\(\)\)/);
  assert.equal(e.message.split("\n")[0].split(", ").length, 41);
});
