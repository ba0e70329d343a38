// relay(buffer, pe, { axis, depth }): turn the per-PE local buffer that bufferAt made into streams.
// Values are loaded once by a loader unit and forwarded PE to PE through FIFOs (systolic), or fed to
// each PE directly when they differ per PE; an accumulated buffer passes its partial results along
// the PE chain. The result runs as a Kahn network and computes exactly what the sequential band did.

import { idx, load } from "../../ir/build.ts";
import { freshName, takenNames } from "../../ir/names.ts";
import type { BufferDecl, Func, LoadExpr, Module, SpatialStmt, SpatialUnit, Stmt } from "../../ir/nodes.ts";
import { elementCount } from "../../ir/shape.ts";
import { rewriteBlock, visitStmts } from "../../ir/walk.ts";
import type { BufferRef, SpatialRef } from "../refs.ts";
import { replaceIn } from "./memory/nest.ts";
import { type PrimitiveResult, primitiveError } from "./result.ts";
import { type Flow, planFlow } from "./spatial/flow.ts";
import { cloneLoops, type PeSites, type Site, storesIn, transplant } from "./spatial/sites.ts";
import { scalarize, streamFill } from "./spatial/stream-fill.ts";
import { getFunc, withFunc } from "./util/loops.ts";

const P = "relay";

export interface RelayOptions {
  readonly axis?: number;
  readonly depth?: number;
}

/**
 * Streams `buf`, a local buffer that every PE of `dst` allocates and fills from memory (made by
 * `bufferAt` before `unfold`).
 *
 * `axis` is a band axis, numbered like unfold's (0 = the band's outermost loop): the axis that the
 * buffer's values are indexed by. FIFO chains are indexed by it, and values flow along the other
 * unfolded axes: with spatial i, j, `relay(buf_A, pe, { axis: 0 })` (A[i][k] depends on i) gives one
 * chain per row i in which A flows along j; `relay(buf_B, pe, { axis: 1 })` one chain per column.
 * When `axis` is not unfolded (spatial j only, axis 0 = i) the values flow along the unfolded axis;
 * when `axis` is the only unfolded axis (spatial j, axis 1) the values differ per PE and the loader
 * feeds every PE its own FIFO. Precisely: the flow axes are the unfolded axes other than `axis`;
 * values move along the innermost flow axis, and every line of PEs along it is one chain whose PEs
 * must need the same values (else AL3010 names the axis they differ along). Without `axis`, the
 * flow axes are those along which the PEs' values do not differ.
 *
 * Read-only buffers: a loader unit `<src>_load` reads the source once and puts each value into the
 * FIFO of each chain's first PE; every PE gets its values from its FIFO and forwards them to the next
 * PE of its chain. When the PE reads the buffer only in one loop, element iv in iteration iv (the
 * fill's order), the get and forward move into that loop and the buffer becomes one register: the PE
 * streams its operands (a MAC per value) instead of filling K values first. Accumulated buffers (filled from and written back to the source, like C buffered
 * at j in the k, j systolic array): a unit `<src>_io` puts the source's values into the chains' first
 * PEs and stores what the last PEs pass on; each PE passes its partial results to the next one, so
 * chains must update disjoint parts of the source. The FIFO array `<src>_fifo` has the PE grid's
 * shape (one more along the flow axis for accumulated buffers: the last PE's output), depth `depth`,
 * default the number of elements of the buffer (Allo's default: product of the shape). Every depth
 * >= 1 is deadlock-free for these designs; the CPU backend reports a deadlock (AL4101) rather than
 * hanging if a later step breaks that. Errors (AL3010): depth < 1, axis out of range, a buffer that
 * the PEs do not allocate and fill, values that differ along a chain.
 */
export function relay(m: Module, buf: BufferRef, dst: SpatialRef, opts: RelayOptions = {}): PrimitiveResult {
  const f = getFunc(m, dst.func, P);
  const region = findRegion(f, dst.name);
  const grid = region.grid;
  if (!grid) throw primitiveError("AL3010", P, `region '${region.name}' is not a PE array made by unfold`);
  const decl = buf.func === f.name ? f.buffers[buf.buffer] : undefined;
  if (!decl) throw primitiveError("AL3003", P, `no buffer '${buf.buffer}' in '${f.name}'`);
  const depth = opts.depth ?? Math.max(1, elementCount(decl.shape));
  if (!Number.isInteger(depth) || depth < 1) {
    throw primitiveError("AL3010", P, `depth ${depth} for '${decl.name}': a FIFO holds at least one value`);
  }
  if (
    opts.axis !== undefined &&
    (!Number.isInteger(opts.axis) || opts.axis < 0 || opts.axis >= grid.loops.length)
  ) {
    const listing = grid.loops.map((l, k) => `${l} (${k})`).join(", ");
    throw primitiveError(
      "AL3010",
      P,
      `axis ${opts.axis} is out of range for '${grid.band}', whose loops were ${listing}`,
    );
  }
  const pes = region.units.filter((u): u is SpatialUnit & { coords: readonly number[] } => !!u.coords);
  const sites = pes.map((u) => fillOf(u, decl));
  const src = sites[0].fill.store.value.kind === "load" ? sites[0].fill.store.value.buffer : "";
  checkSource(pes, sites, src, decl.name);
  const flow = planFlow(grid, pes, sites, opts.axis, decl.name);

  const taken = takenNames(f);
  const shape = grid.extents.map((n, g) => (flow.accumulate && g === flow.axis ? n + 1 : n));
  const fifo: BufferDecl = {
    name: freshName(taken, `${src}_fifo`),
    type: decl.type,
    shape,
    role: "local",
    partitions: [],
    stream: { depth },
  };
  const streamed = pes.map((u, k) => streamUnit(u, sites[k], flow, fifo.name, decl.name));
  const scalar = streamed.every((x) => x.fused);
  const units = streamed.map((x) =>
    scalar ? { ...x.unit, body: scalarize(x.unit.body, decl.name) } : x.unit,
  );
  const ioName = uniqueUnit(region, `${src}_${flow.accumulate ? "io" : "load"}`);
  const io = ioUnit(ioName, pes, sites, flow, fifo.name, src, taken);
  const others = region.units.filter((u) => !u.coords);
  const next: SpatialStmt = { ...region, units: [...others, io, ...units] };
  const g: Func = {
    ...f,
    body: rewriteBlock(f.body, (s) =>
      s === region ? [{ kind: "alloc", buffer: fifo.name }, next] : undefined,
    ),
    buffers: { ...f.buffers, [fifo.name]: fifo, ...(scalar ? { [decl.name]: register(decl) } : {}) },
    attrs: { ...f.attrs, dataflow: true },
  };
  return { module: withFunc(m, g) };
}

/** The buffer as one value per PE (its partitions and layout were per element). */
function register({ layout: _, ...decl }: BufferDecl): BufferDecl {
  return { ...decl, shape: [], partitions: [] };
}

function findRegion(f: Func, name: string): SpatialStmt {
  let found: SpatialStmt | undefined;
  const names: string[] = [];
  visitStmts(f.body, (s) => {
    if (s.kind !== "spatial") return;
    names.push(`'${s.name}'`);
    if (s.name === name) found = s;
  });
  if (found) return found;
  throw primitiveError(
    "AL3010",
    P,
    `'${f.name}' has no PE array '${name}' (unfold the band first); spatial regions: ${names.join(", ") || "none"}`,
  );
}

/** The one store that fills `decl` from memory in a PE, and the write-back of that memory if any. */
function fillOf(u: SpatialUnit, decl: BufferDecl): PeSites {
  let allocated = false;
  visitStmts(u.body, (s) => {
    if (s.kind === "alloc" && s.buffer === decl.name) allocated = true;
  });
  if (!allocated) {
    throw primitiveError(
      "AL3010",
      P,
      `'${decl.name}' is not a per-PE buffer of ${u.name}: relay streams a buffer that bufferAt made inside ` +
        'the band before unfold (e.g. bufferAt("A", "j"))',
    );
  }
  const fills = storesIn(
    u.body,
    (s) => s.buffer === decl.name && s.value.kind === "load" && s.value.buffer !== decl.name,
  );
  if (fills.length !== 1) {
    const relayed =
      storesIn(u.body, (s) => s.buffer === decl.name && s.value.kind === "streamGet").length > 0;
    throw primitiveError(
      "AL3010",
      P,
      relayed
        ? `'${decl.name}' is already relayed`
        : `'${decl.name}' must be filled from memory in exactly one place in ${u.name} (found ${fills.length}); ` +
            "relay streams the buffers that bufferAt makes",
    );
  }
  const fill = fills[0];
  if (fill.guarded) {
    throw primitiveError("AL3010", P, `the fill of '${decl.name}' in ${u.name} is under a condition`);
  }
  const src = (fill.store.value as { buffer: string }).buffer;
  const backs = storesIn(
    u.body,
    (s) => s.buffer === src && s.value.kind === "load" && s.value.buffer === decl.name,
  );
  if (backs.length > 1 || backs.some((b) => b.guarded)) {
    throw primitiveError(
      "AL3010",
      P,
      `'${decl.name}' is written back to '${src}' more than once or conditionally`,
    );
  }
  return backs.length ? { fill, back: backs[0] } : { fill };
}

/** The source must be read by the fills only (read-only relay: not written by any PE). */
function checkSource(pes: readonly SpatialUnit[], sites: readonly PeSites[], src: string, buf: string): void {
  const accumulate = sites.some((s) => s.back);
  pes.forEach((u, k) => {
    visitStmts(u.body, (s) => {
      const own = s === sites[k].fill.store || s === sites[k].back?.store;
      const writes =
        (s.kind === "store" && s.buffer === src) ||
        (s.kind === "call" && s.args.some((a) => a.kind === "buffer" && a.name === src));
      if (!own && writes) {
        throw primitiveError(
          "AL3010",
          P,
          `${u.name} writes '${src}' besides the buffer '${buf}', so '${src}' cannot be streamed`,
        );
      }
    });
    if (accumulate && !sites[k].back) {
      throw primitiveError(
        "AL3010",
        P,
        `${u.name} does not write '${buf}' back to '${src}' like the other PEs`,
      );
    }
  });
}

const coordIdx = (c: readonly number[]) => c.map((x) => idx(x));

/** A PE with its fill reading its FIFO (and forwarding) and its write-back feeding the next PE. */
function streamUnit(
  u: SpatialUnit & { coords: readonly number[] },
  s: PeSites,
  flow: Flow,
  fifo: string,
  buf: string,
): { unit: SpatialUnit; fused: boolean } {
  const { store } = s.fill;
  const got: Stmt = {
    ...store,
    value: { kind: "streamGet", type: store.value.type, stream: fifo, indices: coordIdx(u.coords) },
  };
  const next = flow.next(u.coords);
  const forward: Stmt[] =
    !flow.accumulate && next
      ? [
          {
            kind: "streamPut",
            stream: fifo,
            indices: coordIdx(next),
            value: load(buf, store.indices, store.value.type),
          },
        ]
      : [];
  let body = replaceIn(u.body, store, [got, ...forward]);
  let put: Stmt | undefined;
  if (s.back) {
    const b = s.back.store;
    const out = flow.next(u.coords, true);
    if (!out) throw primitiveError("AL3010", P, `${u.name} has no successor for '${buf}'`);
    put = { kind: "streamPut", stream: fifo, indices: coordIdx(out), value: b.value };
    body = replaceIn(body, b, [put]);
  }
  const fused = streamFill(body, got, buf, put);
  return { unit: { ...u, body: fused ?? body }, fused: !!fused };
}

/** The unit that reads the source for the chains' first PEs (and stores what the last ones pass on). */
function ioUnit(
  name: string,
  pes: readonly (SpatialUnit & { coords: readonly number[] })[],
  sites: readonly PeSites[],
  flow: Flow,
  fifo: string,
  src: string,
  taken: Set<string>,
): SpatialUnit {
  const heads = pes.flatMap((u, k) => (flow.isHead(u.coords) ? [k] : []));
  const role = flow.accumulate ? "io" : "load";
  const fresh = (loops: readonly { name: string }[]) =>
    loops.map((l) => freshName(taken, `${l.name}_${role}`));
  const fill0 = sites[0].fill;
  const common = sites[0].back ? sharedPrefix(fill0.path, sites[0].back.path) : fill0.path.length;
  const outerIvs = fresh(fill0.path.slice(0, common));
  const fillIvs = [...outerIvs, ...fresh(fill0.path.slice(common))];
  const puts: Stmt[] = heads.map((k) => {
    const { path, store } = sites[k].fill;
    const value = store.value as LoadExpr;
    return {
      kind: "streamPut",
      stream: fifo,
      indices: coordIdx(pes[k].coords),
      value: load(value.buffer, transplant(value.indices, path, fillIvs), value.type),
    };
  });
  const inner: Stmt[] = cloneLoops(fill0.path.slice(common), fillIvs.slice(common), puts);
  const back0 = sites[0].back;
  if (back0) {
    const backIvs = [...outerIvs, ...fresh(back0.path.slice(common))];
    const tails = pes.flatMap((u, k) => (flow.isTail(u.coords) ? [k] : []));
    const drains: Stmt[] = tails.map((k) => {
      const { path, store } = sites[k].back as Site;
      const out = flow.next(pes[k].coords, true) as readonly number[];
      return {
        kind: "store",
        buffer: src,
        indices: transplant(store.indices, path, backIvs),
        value: { kind: "streamGet", type: store.value.type, stream: fifo, indices: coordIdx(out) },
      };
    });
    inner.push(...cloneLoops(back0.path.slice(common), backIvs.slice(common), drains));
  }
  return { name, body: cloneLoops(fill0.path.slice(0, common), outerIvs, inner) };
}

function sharedPrefix(a: readonly Stmt[], b: readonly Stmt[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function uniqueUnit(region: SpatialStmt, base: string): string {
  const taken = new Set(region.units.map((u) => u.name));
  let name = base;
  for (let k = 1; taken.has(name); k++) name = `${base}_${k}`;
  return name;
}
