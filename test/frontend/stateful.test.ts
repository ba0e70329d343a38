// Stateful variables (issue 16, api.md section 11): the cases of stateful-kernels.ts call one built
// kernel several times on the CPU and in C simulation (static locals, the build's calls replayed in
// one process) and get what each call should return; a new build starts from the initialiser; MLIR
// holds the state in a memref.global that mlir-opt verifies and LLVM runs; the verifier treats the
// state as an extra input and output; bad declarations are AL1036 at the declaration.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { emitHls } from "../../src/backends/hls/index.ts";
import { printMlir } from "../../src/backends/mlir/print.ts";
import { AlloError, customize, verify } from "../../src/index.ts";
import { runNative } from "../backends/mlir/native.ts";
import { inWorkDir, requireTools, run, skipWithoutTools } from "../backends/mlir/tools.ts";
import { CASES, HEAD, type StatefulCase } from "./stateful-kernels.ts";

const schedule = (c: Pick<StatefulCase, "source" | "top">) =>
  customize(HEAD + c.source, { name: c.top, file: "stateful.ts" });
const plain = (r: unknown) => (typeof r === "object" && r !== null ? [...(r as Iterable<number>)] : r);

for (const c of CASES) {
  test(`stateful on the CPU: ${c.name}`, () => {
    const s = schedule(c);
    const k = s.build();
    assert.deepEqual(
      c.calls.map((a) => plain(k(...a))),
      c.want,
    );
    // Every build starts from the initialiser; the first kernel's state is its own.
    const fresh = s.build();
    assert.deepEqual(plain(fresh(...c.calls[0])), c.want[0]);
  });
}

const CSIM = ["moving average", "histogram", "a callee's state", "two instances", "CRC-32"];

test("stateful in C simulation: calls of one built project equal the CPU's, call by call", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "allo-stateful-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [k, c] of CASES.filter((x) => CSIM.some((n) => x.name.startsWith(n))).entries()) {
    const s = schedule(c);
    const cpu = s.build();
    const prj = s.build({ target: "vitis_hls", mode: "csim", project: join(dir, `p${k}`) });
    for (const [j, a] of c.calls.entries()) {
      assert.deepEqual(plain(await prj(...a)), plain(cpu(...a)), `${c.name}, call ${j + 1}`);
    }
  }
});

test("HLS keeps a stateful scalar and a stateful array in static locals", () => {
  const avg = emitHls(schedule(CASES.find((c) => c.top === "avg")!).ir);
  assert.ok(avg.includes("  static float win[4] = {};"), avg);
  assert.ok(avg.includes("  static int32_t count = 0;"), avg);
  const twice = emitHls(schedule(CASES.find((c) => c.top === "twice")!).ir);
  assert.ok(twice.includes("  static int32_t s[2] = {7, 7};"), twice);
});

test("MLIR holds state in memref.globals that mlir-opt verifies", { skip: skipWithoutTools() }, () => {
  const c = CASES.find((x) => x.top === "caller")!;
  const text = printMlir(schedule(c).ir);
  assert.ok(text.includes('memref.global "private" @accB.value : memref<i32> = dense<1000>'), text);
  assert.ok(text.includes("memref.get_global @caller.value : memref<i32>"), text);
  inWorkDir("stateful", (dir) => {
    const file = join(dir, "k.mlir");
    writeFileSync(file, text);
    run(requireTools().opt, [file], "mlir-opt");
  });
});

test("MLIR lowered to LLVM returns what the first call returns", { skip: skipWithoutTools() }, () => {
  const picked = CASES.filter((c) => c.calls[0].length > 0 && typeof c.want[0] === "number");
  const runs = inWorkDir("stateful-native", (dir) =>
    runNative(
      requireTools(),
      picked.map((c) => ({ module: schedule(c).ir, args: c.calls[0] })),
      dir,
    ),
  );
  picked.forEach((c, k) => {
    assert.equal(Number(runs[k].results[0]), c.want[0], c.name);
  });
});

const ACC = {
  top: "acc",
  source: `export function acc(x: int32<[8]>): int32 {\n  let total: int32 = stateful(5);\n  for (const i of range(8)) {\n    total += x[i];\n  }\n  return total;\n}`,
};
const variant = (from: string, to: string) => {
  assert.ok(ACC.source.includes(from), from);
  return schedule({ ...ACC, source: ACC.source.replace(from, to) });
};

test("the verifier proves a split of a stateful kernel equivalent", () => {
  const split = schedule(ACC);
  split.split("i", 2);
  assert.equal(verify(schedule(ACC), split).status, "equivalent");
});

test("the verifier reads the state as an input: a difference on it names 'acc.total'", () => {
  const r = verify(schedule(ACC), variant("total += x[i];", "total += x[i] + 1;"));
  assert.equal(r.status, "not-equivalent", r.reason);
  assert.ok(r.counterexample?.inputs && "acc.total" in r.counterexample.inputs, r.reason);
});

test("the verifier compares the state a call leaves: a kernel that forgets it differs", () => {
  // Same result, but the state is not updated: the next call would differ.
  const r = verify(
    schedule(ACC),
    variant(
      "    total += x[i];\n  }\n  return total;",
      "    total += x[i];\n  }\n  const r: int32 = total;\n  total = 5;\n  return r;",
    ),
  );
  assert.equal(r.status, "not-equivalent", r.reason);
  assert.equal(r.counterexample?.output, "acc.total", r.reason);
});

test("the verifier gives a precise unknown when the stateful variables differ", () => {
  const r = verify(schedule(ACC), variant("stateful(5)", "stateful(6)"));
  assert.equal(r.status, "unknown");
  assert.match(r.reason ?? "", /stateful variables differ.*acc\.total: int32 = stateful\(5\).*stateful\(6\)/);
  const none = verify(schedule(ACC), variant("let total: int32 = stateful(5);", "let total: int32 = 5;"));
  assert.match(none.reason ?? "", /the second has none/);
});

const ERRORS: readonly { decl: string; at: string; says: RegExp }[] = [
  { decl: "const n: int32 = stateful(0);", at: "3:9", says: /declared with const.*declare it with let/ },
  { decl: "let w: int32<[4]> = stateful(0);", at: "3:7", says: /declared with let.*declare it with const/ },
  { decl: "let n = stateful(0);", at: "3:7", says: /needs its type/ },
  { decl: "let n: int32 = stateful(x);", at: "3:27", says: /compile-time constant/ },
  { decl: "let n: int32 = stateful(zeros());", at: "3:27", says: /zeros\(\) initialises a tensor/ },
  { decl: "let n: int32 = stateful();", at: "3:18", says: /takes one initial value/ },
  { decl: "let n: int32 = 1 + stateful(0);", at: "3:22", says: /declares a variable and is not a value/ },
];

for (const e of ERRORS) {
  test(`'${e.decl}' is AL1036 at ${e.at}`, () => {
    const source = `export function k(x: int32): int32 {\n  ${e.decl}\n  return x;\n}`;
    assert.throws(
      () => schedule({ top: "k", source }),
      (err: unknown) => {
        assert.ok(err instanceof AlloError, String(err));
        assert.equal(err.code, "AL1036", err.message);
        assert.ok(err.message.includes(`stateful.ts:${e.at}`), err.message);
        assert.match(err.message, e.says);
        return true;
      },
    );
  });
}
