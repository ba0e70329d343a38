// The dataflow simulator's failures (api.md section 7, scenarios 12 and 14): the crossed-streams
// deadlock as AL4101 with the report's exact text and details, the same report one value later with a
// deeper stream, completion with a deep enough one, the same blocked set whatever the kernels' source
// order, and data left in a stream (AL4102) under a rate the static check cannot count.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type AlloError, df } from "../../src/index.ts";
import { crossed, crossed7, crossed8, swapped } from "./fixtures/crossed.ts";
import { leftover } from "./fixtures/errors.ts";

const F = "test/dataflow/fixtures/crossed.ts";
const A = () => Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);

function failure(f: Function): AlloError {
  try {
    df.build(f)(A(), new Int32Array(8));
  } catch (e) {
    return e as AlloError;
  }
  assert.fail(`${f.name} ran to completion`);
}

interface Report {
  region: string;
  blocked: {
    instance: string;
    op: string;
    stream: string;
    occupancy: number;
    depth: number;
    at: string;
    loops: Record<string, number>;
  }[];
  streams: {
    name: string;
    producer: string;
    consumer: string;
    occupancy: number;
    depth: number;
    puts: number;
    gets: number;
  }[];
  finished: string[];
}

test("crossed streams deadlock: AL4101 lists each blocked instance and stream", () => {
  const e = failure(crossed);
  assert.equal(e.code, "AL4101");
  assert.equal(
    e.message,
    [
      `${F}:6:17 - error AL4101: Dataflow deadlock in region 'crossed': every unfinished instance is blocked.`,
      `  send_0  put s1  2/2 full   at ${F}:10:31  i=2`,
      `  recv_0  get s2  0/2 empty  at ${F}:14:38  i=0`,
      "  stream s1  send_0 -> recv_0  2/2  puts 2  gets 0",
      "  stream s2  send_0 -> recv_0  0/2  puts 0  gets 0",
    ].join("\n"),
  );
  assert.deepEqual(e.details, {
    region: "crossed",
    blocked: [
      {
        instance: "send_0",
        op: "put",
        stream: "s1",
        occupancy: 2,
        depth: 2,
        at: `${F}:10:31`,
        loops: { i: 2 },
      },
      {
        instance: "recv_0",
        op: "get",
        stream: "s2",
        occupancy: 0,
        depth: 2,
        at: `${F}:14:38`,
        loops: { i: 0 },
      },
    ],
    streams: [
      { name: "s1", producer: "send_0", consumer: "recv_0", occupancy: 2, depth: 2, puts: 2, gets: 0 },
      { name: "s2", producer: "send_0", consumer: "recv_0", occupancy: 0, depth: 2, puts: 0, gets: 0 },
    ],
    finished: [],
  });
});

test("a deeper s1 deadlocks one value later (7/7, i=7); depth L completes with B = 3 A", () => {
  const r = failure(crossed7).details as unknown as Report;
  assert.deepEqual(
    r.blocked.map((b) => [b.instance, b.stream, `${b.occupancy}/${b.depth}`, b.loops.i]),
    [
      ["send_0", "s1", "7/7", 7],
      ["recv_0", "s2", "0/2", 0],
    ],
  );
  const B = new Int32Array(8);
  df.build(crossed8)(A(), B);
  assert.deepEqual(
    [...B],
    [...A()].map((x) => 3 * x),
  );
});

test("the report does not depend on the kernels' source order, only its line order does", () => {
  const strip = (r: Report) => ({
    blocked: r.blocked.map(({ at: _, ...b }) => b).sort((x, y) => x.instance.localeCompare(y.instance)),
    streams: [...r.streams].sort((x, y) => x.name.localeCompare(y.name)),
    finished: r.finished,
  });
  const a = failure(crossed);
  const b = failure(swapped);
  assert.equal(b.code, "AL4101");
  assert.deepEqual(strip(b.details as unknown as Report), strip(a.details as unknown as Report));
  assert.notEqual(
    (b.details as unknown as Report).blocked[0].instance,
    (a.details as unknown as Report).blocked[0].instance,
    "schedule order differs",
  );
});

test("a put more than gets under a runtime condition is AL4102, naming the stream and what is left", () => {
  const e = failure(leftover);
  assert.equal(e.code, "AL4102");
  assert.match(
    e.message,
    /stream s still holds 1 value\(s\) at the end of region 'leftover' \(puts 9, gets 8\)/,
  );
});
