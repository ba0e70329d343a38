// relay topologies beyond the seed: the axis inferred from the PEs' values, broadcasts (the same
// values in every PE), scalar registers, tiled PE arrays; each design runs bit-exact.
import assert from "node:assert/strict";
import { test } from "node:test";
import { printMlir } from "../../../src/backends/mlir/print.ts";
import { customize, type Schedule } from "../../../src/index.ts";
import { scheduled } from "../support.ts";
import { bcast, K, M, matmul, N, rowscale } from "./kernels.ts";
import { runsLikePlain, spatialIJ } from "./support.ts";

const loaders = (s: Schedule) =>
  s.ir.functions[0].body.flatMap((x) => (x.kind === "spatial" ? x.units.filter((u) => !u.coords) : []));

test("without an axis, relay flows along the axes where the PEs' values agree", () => {
  const explicit = customize(matmul);
  spatialIJ(explicit, { M, N, K }, 2);
  const inferred = customize(matmul);
  const a = inferred.bufferAt("A", "j");
  const b = inferred.bufferAt("B", "j");
  const pe = inferred.unfold("PE", { axis: [0, 1], factor: [M, N] });
  inferred.partition("A", { dim: 0 });
  inferred.partition("B", { dim: 1 });
  inferred.partition("C", { dim: [0, 1] });
  inferred.relay(a, pe, { depth: 2 });
  inferred.relay(b, pe, { depth: 2 });
  assert.equal(printMlir(inferred.ir), printMlir(explicit.ir));
});

test("a broadcast vector flows along j in one chain per row, fed by the loader", () => {
  const s = runsLikePlain(
    bcast,
    (s) => {
      const x = s.bufferAt("X", "j");
      const pe = s.unfold("PE", { axis: [0, 1] });
      s.relay(x, pe);
    },
    "broadcast",
  );
  const [load] = loaders(s);
  assert.equal(load.name, "X_load");
});

test("the same broadcast relayed with axis 0 builds the same chains", () => {
  runsLikePlain(
    bcast,
    (s) => {
      const x = s.bufferAt("X", "j");
      const pe = s.unfold("PE", { axis: [0, 1] });
      s.relay(x, pe, { axis: 0, depth: 1 });
    },
    "broadcast, axis 0",
  );
});

test("a scalar register per PE is relayed one value per PE execution", () => {
  const s = scheduled("spatial/relay_scalar", rowscale, (s) => {
    const r = s.bufferAt("s", "j");
    const pe = s.unfold("PE", { axis: [0, 1] });
    s.relay(r, pe, { axis: 0 });
  });
  assert.deepEqual(s.ir.functions[0].buffers.s_fifo.stream, { depth: 1 });
});

test("relay on a tiled 1-D array keeps each PE's block loop in its loader", () => {
  runsLikePlain(
    matmul,
    (s) => {
      const a = s.bufferAt("A", "j");
      const b = s.bufferAt("B", "j");
      const pe = s.unfold("PE", { axis: [0, 1], factor: [2, 2] });
      s.relay(a, pe, { axis: 0, depth: 1 });
      s.relay(b, pe, { axis: 1, depth: 1 });
    },
    "tiled 2 x 2 grid",
  );
});
