// bindStorage's RAM type sets a bank's ports (src/estimate/ram-ports.ts, reference qor.md 1.4): ram_1p
// one read/write, ram_2p one read/write and one read, ram_t2p two read/write, ram_s2p one read and one
// write; without a type a bank has the profile's 2. A pipelined loop's II follows the ports its reads
// and writes need, and a bound array is not partitioned automatically.
import assert from "node:assert/strict";
import { test } from "node:test";
import { customize, type Estimate } from "allo-ts";
import { bankMii } from "../../src/estimate/ram-ports.ts";

/** T is filled from A, then the loop `j` does `body` on it (II is read off that loop). */
const kernel = (body: string) => `import { type int32, range, zeros } from "allo-ts";
export function k(A: int32<[1024]>, B: int32<[1024]>): void {
  const T: int32<[1024]> = zeros();
  for (const i of range(1024)) T[i] = A[i];
  ${body}
}`;

const BODIES = {
  "two reads": "for (const j of range(1023)) B[j] = T[j] + T[j + 1];",
  "a read and a write": "for (const j of range(1024)) T[j] = T[j] * 3;",
  "two writes": "for (const j of range(512)) { T[2 * j] = A[j]; T[2 * j + 1] = B[j]; }",
};

// II of the j loop per body and storage type (none: Vitis's default, two read/write ports).
const EXPECTED: Record<keyof typeof BODIES, Record<string, number>> = {
  "two reads": { none: 1, ram_1p: 2, ram_2p: 1, ram_s2p: 2, ram_t2p: 1 },
  "a read and a write": { none: 1, ram_1p: 2, ram_2p: 1, ram_s2p: 1, ram_t2p: 1 },
  "two writes": { none: 1, ram_1p: 2, ram_2p: 2, ram_s2p: 2, ram_t2p: 1 },
};

const jRow = (e: Estimate) => {
  const r = e.loops.find((l) => l.label.includes("_j"));
  assert.ok(r, e.loops.map((l) => l.label).join(", "));
  return r;
};

for (const [what, body] of Object.entries(BODIES) as [keyof typeof BODIES, string][]) {
  test(`${what} an iteration: II per RAM type`, () => {
    for (const [type, ii] of Object.entries(EXPECTED[what])) {
      const s = customize(kernel(body), { name: "k" });
      if (type !== "none") s.bindStorage("T", { impl: "bram", type: type as "ram_1p" });
      const r = jRow(s.estimate({ wrapIo: false }));
      assert.equal(r.ii, ii, `${what}, ${type}: ${r.limitedBy ?? ""}`);
      if (ii > 1)
        assert.match(r.limitedBy ?? "", new RegExp(`port conflict on 'T'.* on ${type}'s .*ram_t2p`));
    }
  });
}

test("an array bound to a RAM type is not partitioned automatically: four reads on ram_t2p take II 2", () => {
  const body = "for (const j of range(256)) B[j] = T[4 * j] + T[4 * j + 1] + T[4 * j + 2] + T[4 * j + 3];";
  const auto = customize(kernel(body), { name: "k" }).estimate({ wrapIo: false });
  // Unbound, Vitis partitions T for the loop (cyclic 2: two reads a bank).
  assert.equal(jRow(auto).ii, 1);
  assert.ok(
    auto.notes.some((n) => /'T' is taken as partitioned cyclic 2/.test(n)),
    auto.notes.join("\n"),
  );
  const s = customize(kernel(body), { name: "k" });
  s.bindStorage("T", { impl: "bram", type: "ram_t2p" });
  const bound = s.estimate({ wrapIo: false });
  assert.equal(jRow(bound).ii, 2);
  assert.equal(
    bound.notes.some((n) => n.includes("taken as partitioned")),
    false,
  );
});

test("bankMii: reads take read ports first, writes write ports, both then the read/write ones", () => {
  const s2p = { read: 1, write: 1, readWrite: 0 };
  const twoP = { read: 1, write: 0, readWrite: 1 };
  assert.deepEqual(
    [bankMii(s2p, 1, 1), bankMii(s2p, 3, 1), bankMii(s2p, 1, 4), bankMii(twoP, 3, 0), bankMii(twoP, 1, 2)],
    [1, 3, 4, 2, 2],
  );
  // A ROM-like bank without write-capable ports cannot take writes at any II: the count is returned.
  assert.equal(bankMii({ read: 2, write: 0, readWrite: 0 }, 1, 1), 2);
});
