// bindStorage (issue 16, api.md section 11): the binding is checked at the call (AL3022 or AL3019 with
// the user's location, the schedule unchanged), printed as `#pragma HLS bind_storage` after the
// buffer's declaration or port, recorded in the trace, replayed into another function, and proven
// equivalent without changing a value.
import assert from "node:assert/strict";
import { test } from "node:test";
import { emitHls } from "../../../src/backends/hls/index.ts";
import { AlloError, customize, type Schedule, verify } from "../../../src/index.ts";
import { twoMatmuls } from "../fixtures/copies.ts";
import { assertSameRun } from "../support.ts";
import { gemm, mm } from "./kernels.ts";

test("bindStorage prints bind_storage for ports; values and the proof are unchanged", () => {
  const s = customize(gemm);
  s.bindStorage("A", { impl: "bram", type: "rom_2p", latency: 2 });
  s.bindStorage("C", { impl: "uram", type: "ram_t2p" });
  const hls = emitHls(s.ir);
  assert.match(
    hls,
    /float A\[8\]\[6\],?\n[\s\S]*#pragma HLS bind_storage variable=A type=rom_2p impl=bram latency=2\n/,
  );
  assert.match(hls, /\n#pragma HLS bind_storage variable=C type=ram_t2p impl=uram\n/);
  assert.match(s.trace(), /s\.bindStorage\("A", \{ impl: "bram", type: "rom_2p", latency: 2 \}\);\n/);
  assert.equal(verify(s.original, s.ir).status, "equivalent");
  assertSameRun(s.original, s.ir, "bound", [1, 2]);
});

test("a stream is bound as a fifo", () => {
  const s = customize(mm);
  const buf = s.bufferAt("A", "j");
  s.relay(buf, s.unfold("PE", { axis: [0, 1] }), { axis: 0, depth: 2 });
  const fifo = Object.values(s.ir.functions[0].buffers).find((b) => b.stream)!.name;
  s.bindStorage(fifo, { impl: "srl", type: "fifo" });
  assert.match(
    emitHls(s.ir),
    new RegExp(`#pragma HLS bind_storage variable=\\w*${fifo}\\w* type=fifo impl=srl`),
  );
  const uram = customize(mm);
  uram.relay(uram.bufferAt("A", "j"), uram.unfold("PE", { axis: [0, 1] }), { axis: 0, depth: 2 });
  assertRefused(
    uram,
    [fifo, { impl: "uram", type: "fifo" }],
    "AL3022",
    /stream, and URAM does not implement FIFOs/,
  );
  assertRefused(
    uram,
    [fifo, { impl: "bram", type: "ram_2p" }],
    "AL3022",
    /is a stream; bind it with type "fifo"/,
  );
});

test("bindStorage on a local prints after its declaration, and replays into another function", () => {
  const s = customize(twoMatmuls);
  s.bindStorage("mmA:T", { impl: "lutram", type: "ram_1p" });
  s.replay(JSON.parse(JSON.stringify(s.steps)), { into: "mmB" });
  assert.match(s.trace(), /s\.bindStorage\("mmB:T", \{ impl: "lutram", type: "ram_1p" \}\);\n/);
  assert.deepEqual(s.ir.functions.find((f) => f.name === "mmB")!.buffers.T.storage, {
    impl: "lutram",
    type: "ram_1p",
  });
  const hls = emitHls(s.ir);
  assert.equal(
    hls.match(
      /int16_t T\[4\]\[5\];\t\/\/ L\d+\n#pragma HLS bind_storage variable=T type=ram_1p impl=lutram\n/g,
    )?.length,
    2,
    hls,
  );
});

function assertRefused(s: Schedule, args: readonly unknown[], code: string, says: RegExp): void {
  const before = s.ir;
  assert.throws(
    () => s.bindStorage(...(args as Parameters<Schedule["bindStorage"]>)),
    (e: unknown) => {
      assert.ok(e instanceof AlloError, String(e));
      assert.equal(e.code, code, e.message);
      assert.match(e.message, /^test\/schedule\/memory\/bind-storage\.test\.ts:\d+:\d+ - error/, e.message);
      assert.match(e.message, says);
      return true;
    },
  );
  assert.equal(s.ir, before);
}

const REFUSED: readonly { args: readonly unknown[]; code: string; says: RegExp }[] = [
  { args: ["C", { impl: "dram", type: "ram_2p" }], code: "AL3019", says: /impl.*bram/ },
  { args: ["C", { impl: "bram", type: "ram_3p" }], code: "AL3019", says: /type.*ram_1p/ },
  { args: ["C", { impl: "bram" }], code: "AL3019", says: /type/ },
  {
    args: ["C", { impl: "bram", type: "rom_1p" }],
    code: "AL3022",
    says: /'C' is written in 'gemm', so it cannot be a ROM/,
  },
  { args: ["C", { impl: "bram", type: "fifo" }], code: "AL3022", says: /'C' is memory, not a stream/ },
  {
    args: ["C", { impl: "bram", type: "ram_2p", latency: 0 }],
    code: "AL3022",
    says: /latency of 'C'.*>= 1, got 0/,
  },
];

for (const r of REFUSED) {
  test(`bindStorage(${JSON.stringify(r.args)}) is ${r.code}`, () => {
    assertRefused(customize(gemm), r.args, r.code, r.says);
  });
}

test("a ROM written by a callee, a scalar and a second binding are refused", () => {
  assertRefused(
    customize(twoMatmuls),
    ["C", { impl: "auto", type: "rom_1p" }],
    "AL3022",
    /'C' is written in 'twoMatmuls'/,
  );
  const s = customize(gemm);
  s.bindStorage("C", { impl: "bram", type: "ram_2p" });
  assertRefused(
    s,
    ["C", { impl: "uram", type: "ram_2p" }],
    "AL3022",
    /already bound \(type ram_2p, impl bram\)/,
  );
  const scalar = customize(
    "import { int32, range } from 'allo-ts';\nexport function k(A: int32<[4]>): int32 {\n  let t: int32 = 0;\n  for (const i of range(4)) t += A[i];\n  return t;\n}",
    { name: "k", file: "k.ts" },
  );
  assertRefused(scalar, ["t", { impl: "bram", type: "ram_1p" }], "AL3022", /'t' is a scalar/);
});
