// A Vitis project carries its data (docs/vitis-project.md): the build writes inputs and the CPU
// backend's outputs for them, and the project's own `make csim` (g++ with allo-ts's csim headers, as a
// user runs it) prints PASS; a corrupted expected file is FAIL with the element's indices and exit 1; a
// data file of the wrong size is AL5016; prj.writeData and `npx allo --inputs` write the user's data.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { INCLUDE_DIR } from "../../../src/backends/hls/csim.ts";
import { main } from "../../../src/cli/main.ts";
import { customize } from "../../../src/index.ts";

const work = mkdtempSync(join(tmpdir(), "allo-self-contained-"));
after(() => rmSync(work, { recursive: true, force: true }));

// Four data layouts: float32 in, int5 (padding bits in its byte) in, an in-place int40 and a fixed-point result.
const KERNEL = `import { type Fixed, type float32, grid, type Int, zeros } from "allo-ts";
export function mix(A: float32<[3, 4]>, B: Int<5, [4]>, W: Int<40, [4]>): Fixed<16, 4, [3, 4]> {
  const Q: Fixed<16, 4, [3, 4]> = zeros();
  for (const [i, j] of grid(3, 4)) {
    Q[i][j] = A[i][j] * 0.5 + B[j];
    W[j] = W[j] * 3 + B[j];
  }
  return Q;
}
`;
const file = join(work, "mix.ts");
writeFileSync(file, KERNEL);
const kernel = () => customize(KERNEL, { name: "mix", file });

/** `make csim` in the project, pointing the Makefile at allo-ts's csim headers. */
function makeCsim(dir: string) {
  const r = spawnSync("make", ["-s", "csim", `HLS_INCLUDE=${INCLUDE_DIR}`], { cwd: dir, encoding: "utf8" });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

test("a built project's make csim prints PASS; a corrupted expected element is FAIL at its indices", () => {
  const dir = join(work, "built.prj");
  const prj = kernel().build({ target: "vitis_hls", mode: "csim", project: dir });
  const r = makeCsim(dir);
  assert.equal(r.status, 0, r.err);
  assert.match(r.out, /^PASS: mix: all 16 output element\(s\) match \.\/expected<k>\.data$/m);

  // Q is C++ argument 3; element [2][1] is 4 bytes past index 8, 2 bytes per element.
  const q = readFileSync(join(dir, "expected3.data"));
  q.writeInt16LE(q.readInt16LE(18) + 16, 18);
  writeFileSync(join(dir, "expected3.data"), q);
  const bad = spawnSync(join(dir, "csim.out"), ["."], { cwd: dir, encoding: "utf8" });
  assert.equal(bad.status, 1, "FAIL exits 1");
  assert.match(bad.stdout, /^mismatch Q\[2\]\[1\]: got (-?[\d.]+), expected (-?[\d.]+)$/m);
  const [, got, want] = /got (-?[\d.]+), expected (-?[\d.]+)/.exec(bad.stdout)!;
  assert.equal(Number(want) - Number(got), 1, "the value, in fixed point's real units");
  assert.match(bad.stdout, /^FAIL: mix: 1 of 16 output element\(s\) differ/m);
  assert.notEqual(makeCsim(dir).status, 0, "make csim fails too");

  // The csim callable runs in its own directory and leaves the project's data alone.
  const input0 = readFileSync(join(dir, "input0.data"));
  return prj(new Float32Array(12), new Int8Array(4), new BigInt64Array(4)).then(() => {
    assert.deepEqual(readFileSync(join(dir, "input0.data")), input0);
    // make clean removes what runs wrote and keeps the data.
    assert.equal(spawnSync("make", ["-s", "clean"], { cwd: dir }).status, 0);
    assert.ok(!existsSync(join(dir, "call0")) && !existsSync(join(dir, "output3.data")));
    assert.ok(existsSync(join(dir, "input0.data")) && existsSync(join(dir, "expected3.data")));
  });
});

test("writeData puts the user's inputs and the CPU's outputs in the project; a wrong-size file is AL5016", () => {
  const s = kernel();
  const dir = join(work, "user.prj");
  const prj = s.build({ target: "vitis_hls", mode: "csim", project: dir });
  const A = Float32Array.from({ length: 12 }, (_, i) => i - 5.5);
  const B = Int8Array.from([-16, -1, 7, 15]);
  const W = BigInt64Array.from([1n << 38n, -5n, 0n, 123456789n]);
  prj.writeData([A, B, W]);
  assert.equal(readFileSync(join(dir, "input1.data")).length, 4, "int5: one byte per element");
  assert.equal(readFileSync(join(dir, "input2.data")).length, 20, "int40: five bytes per element");
  // expected<k> are the CPU backend's outputs: W updated in place (argument 2), Q returned (3).
  const W2 = W.slice();
  const Q = s.build()(A.slice(), B.slice(), W2) as Float64Array;
  const w = readFileSync(join(dir, "expected2.data"));
  assert.equal(BigInt.asIntN(40, w.readBigUInt64LE(0) & ((1n << 40n) - 1n)), BigInt.asIntN(40, W2[0]));
  assert.equal(readFileSync(join(dir, "expected3.data")).readInt16LE(0) / 16, Q[0]);
  const r = makeCsim(dir);
  assert.equal(r.status, 0, r.err);
  assert.match(r.out, /^PASS: mix/m);

  writeFileSync(join(dir, "input0.data"), Buffer.alloc(47));
  const short = spawnSync(join(dir, "csim.out"), ["."], { cwd: dir, encoding: "utf8" });
  assert.equal(short.status, 72);
  assert.match(short.stderr, /AL5016: \.\/input0\.data holds 47 bytes; the argument takes 48/);
  assert.throws(() => prj.writeData([A, B]), /AL5001/);
});

test("a kernel whose CPU run fails on generated inputs gets no data; the testbench says how to add it", () => {
  const src = `import { type int32, range } from "allo-ts";
export function gather(A: int32<[16]>, I: int32<[16]>, C: int32<[16]>): void {
  for (const i of range(16)) C[i] = A[I[i]];
}
`;
  const dir = join(work, "gather.prj");
  customize(src, { name: "gather", file: join(work, "gather.ts") }).build({
    target: "vitis_hls",
    project: dir,
  });
  assert.ok(!existsSync(join(dir, "input0.data")));
  const r = makeCsim(dir);
  assert.notEqual(r.status, 0);
  assert.match(
    r.err,
    /cannot open \.\/input0\.data; write the data with prj\.writeData\(inputs\) or npx allo/,
  );
});

test("npx allo --target vitis_hls writes the data, or the user's with --inputs; a wrong count is AL9001", async () => {
  const dir = join(work, "cli.prj");
  const run = async (...argv: string[]) => {
    let out = "";
    let err = "";
    const code = await main(argv, { write: (x: string) => (out += x) }, { write: (x: string) => (err += x) });
    return { code, out, err };
  };
  const built = await run(file, "--target", "vitis_hls", "--project", dir);
  assert.equal(built.code, 0, built.err);
  assert.match(built.out, /with input data and the expected outputs; C simulation: cd .* && make csim/);
  assert.match(makeCsim(dir).out, /^PASS: mix/m);

  const json = join(work, "inputs.json");
  const inputs = {
    A: [
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10, 11, 12],
    ],
    B: [1, -2, 3, -4],
    W: ["1099511627775", 0, 1, 2],
  };
  writeFileSync(json, JSON.stringify(inputs));
  const given = await run(file, "--target", "vitis_hls", "--project", dir, "--inputs", json);
  assert.equal(given.code, 0, given.err);
  assert.equal(readFileSync(join(dir, "input0.data")).readFloatLE(4 * 11), 12);
  assert.match(makeCsim(dir).out, /^PASS: mix/m);

  writeFileSync(json, JSON.stringify({ ...inputs, B: [1, 2, 3] }));
  const wrong = await run(file, "--target", "vitis_hls", "--project", dir, "--inputs", json);
  assert.equal(wrong.code, 1);
  assert.match(
    wrong.err,
    /AL9001: --inputs .*inputs\.json: 'B' \(int5\[4\], 4 element\(s\)\) is given 3 element\(s\)/,
  );
  writeFileSync(
    json,
    JSON.stringify({
      ...inputs,
      A: [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
        [10, 11, 12],
      ],
    }),
  );
  const shape = await run(file, "--target", "vitis_hls", "--project", dir, "--inputs", json);
  assert.match(shape.err, /AL9001: .*'A' \(float32\[3, 4\], 12 element\(s\)\) is given as a \[4, 3\] list/);
  const noTarget = await run(file, "--inputs", json);
  assert.match(
    noTarget.err,
    /AL9001: --inputs is the data of a Vitis project: give it with --target vitis_hls/,
  );
});
