// The report's process/FIFO diagram (inline SVG, laid out here: no network, no layout engine): per
// spatial region, PEs made by unfold on their grid, the other processes in columns layered by stream
// topological order (loaders before the grid, drainers after), one line per FIFO with its depth, each
// process with its estimated interval; the slowest processes (the region's interval) are marked. Large
// arrays are drawn compact: boxes without text, names and timing in tooltips.

import type { Estimate, GraphProcess, ProcessGraph } from "../estimate/index.ts";
import { elementCount } from "../ir/shape.ts";
import { fragment, type Html, h, num } from "./html.ts";

interface Edge {
  readonly from: number;
  readonly to: number;
  readonly label: string;
  readonly depth: number;
}

/** FIFO edges between processes of the region (a FIFO with several ends gives one edge per pair). */
function edgesOf(g: ProcessGraph): { edges: Edge[]; outside: number } {
  const at = new Map(g.processes.map((p, k) => [p.name, k]));
  const edges: Edge[] = [];
  let outside = 0;
  for (const f of g.fifos) {
    const from = f.producer.split(",").map((n) => at.get(n));
    const to = f.consumer.split(",").map((n) => at.get(n));
    for (const a of from)
      for (const b of to)
        if (a === undefined || b === undefined) outside++;
        else edges.push({ from: a, to: b, label: f.label, depth: f.depth });
  }
  return { edges, outside };
}

/** Longest-path layers over the FIFO edges (Kahn's order; processes on a FIFO cycle follow their placed inputs). */
function layers(n: number, edges: readonly Edge[]): number[] {
  const layer = new Array<number>(n).fill(0);
  const indeg = new Array<number>(n).fill(0);
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const e of edges)
    if (e.from !== e.to) {
      out[e.from].push(e.to);
      indeg[e.to]++;
    }
  const placed = new Array<boolean>(n).fill(false);
  const ready = indeg.flatMap((d, k) => (d === 0 ? [k] : []));
  let next = 0;
  for (;;) {
    while (ready.length) {
      const k = ready.pop() as number;
      placed[k] = true;
      for (const t of out[k]) {
        layer[t] = Math.max(layer[t], layer[k] + 1);
        if (--indeg[t] === 0) ready.push(t);
      }
    }
    while (next < n && placed[next]) next++;
    if (next === n) return layer;
    // A cycle: release its first unplaced process at the layer its placed inputs give it.
    indeg[next] = 0;
    ready.push(next);
  }
}

interface Layout {
  readonly x: number[];
  readonly y: number[];
  readonly width: number;
  readonly height: number;
}

/** Positions (cell units) of every process: layered columns around the PE grid. */
function layout(ps: readonly GraphProcess[], edges: readonly Edge[]): Layout {
  const layer = layers(ps.length, edges);
  const grid = ps.flatMap((p, k) => (p.coords ? [k] : []));
  const gridLayer = grid.length ? Math.min(...grid.map((k) => layer[k])) : Number.POSITIVE_INFINITY;
  // Grid rows come from the first coordinate, columns from the others (row-major).
  const extents = grid.length
    ? (ps[grid[0]].coords as readonly number[]).map(
        (_, d) => 1 + Math.max(...grid.map((k) => (ps[k].coords as readonly number[])[d])),
      )
    : [];
  const rows = extents.length > 1 ? extents[0] : 1;
  const cols = extents.length > 1 ? elementCount(extents.slice(1)) : (extents[0] ?? 0);
  const x = new Array<number>(ps.length).fill(0);
  const y = new Array<number>(ps.length).fill(0);
  // Columns of the other processes: before the grid (up to its first layer) and after it.
  const before = new Map<number, number[]>();
  const after = new Map<number, number[]>();
  ps.forEach((p, k) => {
    if (p.coords) return;
    const side = layer[k] <= gridLayer ? before : after;
    side.set(layer[k], [...(side.get(layer[k]) ?? []), k]);
  });
  let col = 0;
  let height = rows;
  const place = (side: Map<number, number[]>) => {
    for (const l of [...side.keys()].sort((a, b) => a - b)) {
      (side.get(l) as number[]).forEach((k, r) => {
        x[k] = col;
        y[k] = r;
      });
      height = Math.max(height, (side.get(l) as number[]).length);
      col++;
    }
  };
  place(before);
  for (const k of grid) {
    const c = ps[k].coords as readonly number[];
    const rest = c.length > 1 ? c.slice(1) : c;
    const dims = extents.length > 1 ? extents.slice(1) : extents;
    x[k] = col + rest.reduce((a, v, d) => a * dims[d] + v, 0);
    y[k] = c.length > 1 ? c[0] : 0;
  }
  col += cols;
  place(after);
  return { x, y, width: col, height };
}

const timing = (p: GraphProcess): string =>
  p.interval === undefined ? "not costed" : `interval ${num(p.interval)}, latency ${num(p.latency ?? 0)}`;

/** A FIFO line between two boxes: side to side when they are more apart across than down, else bottom to top. */
function anchors(ax: number, ay: number, bx: number, by: number, w: number, hgt: number): number[] {
  if (Math.abs(bx - ax) >= Math.abs(by - ay)) {
    const right = bx >= ax;
    return [right ? ax + w : ax, ay + hgt / 2, right ? bx : bx + w, by + hgt / 2];
  }
  const down = by >= ay;
  return [ax + w / 2, down ? ay + hgt : ay, bx + w / 2, down ? by : by + hgt];
}

/** One region's diagram. */
function regionSvg(g: ProcessGraph): Html {
  const { edges, outside } = edgesOf(g);
  const ps = g.processes;
  const at = layout(ps, edges);
  const big = ps.length > 100;
  const [w, hgt, gx, gy] = big ? [10, 10, 4, 4] : [112, 36, 40, 18];
  const px = (k: number) => 8 + at.x[k] * (w + gx);
  const py = (k: number) => 8 + at.y[k] * (hgt + gy);
  const slowest = Math.max(...ps.map((p) => p.interval ?? 0));
  const lines = edges.map((e) => {
    const [x1, y1, x2, y2] = anchors(px(e.from), py(e.from), px(e.to), py(e.to), w, hgt);
    const line = h(
      "line",
      { x1, y1, x2, y2, class: "fifo" },
      !big && h("title", {}, `${e.label} depth ${e.depth}`),
    );
    return big
      ? line
      : fragment(
          line,
          h(
            "text",
            { x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 2, class: "depth", "text-anchor": "middle" },
            e.depth,
          ),
        );
  });
  const nodes = ps.map((p, k) =>
    h(
      "g",
      {
        class: p.interval !== undefined && p.interval === slowest ? "proc slow" : "proc",
        "data-name": p.name,
      },
      h("title", {}, `${p.name}: ${timing(p)}`),
      h("rect", { x: px(k), y: py(k), width: w, height: hgt, rx: big ? 1 : 4 }),
      !big && h("text", { x: px(k) + 6, y: py(k) + 14 }, p.name),
      !big &&
        h(
          "text",
          { x: px(k) + 6, y: py(k) + 29, class: "ii" },
          p.interval === undefined ? "-" : `II ${num(p.interval)}`,
        ),
    ),
  );
  const width = 16 + at.width * (w + gx);
  const height = 16 + at.height * (hgt + gy);
  const depths = [...new Set(g.fifos.map((f) => f.depth))].sort((a, b) => a - b);
  return fragment(
    h("h3", {}, `${g.func}: ${g.region}`),
    h(
      "p",
      { class: "hint" },
      `${ps.length} processes, ${g.fifos.length} FIFOs (depth ${depths.join(", ") || "-"})`,
      outside > 0 && `, ${outside} FIFO ends outside the region`,
      `; the slowest processes (interval ${num(slowest)}) are outlined in red`,
      big && "; hover a box for its name and timing",
      ".",
    ),
    h(
      "svg",
      {
        class: "graph",
        viewBox: `0 0 ${width} ${height}`,
        width,
        height,
        role: "img",
        "data-region": g.region,
      },
      lines,
      nodes,
    ),
  );
}

/** The section: one diagram per PE array or dataflow region (none for a design without one). */
export function dataflowGraph(e: Estimate): Html {
  if (e.graph.length === 0) return fragment();
  return h(
    "section",
    { id: "dataflow" },
    h("h2", {}, "Processes and FIFOs"),
    h(
      "p",
      { class: "hint" },
      "Each box a process with its estimated interval (II, cycles between starts); each line a FIFO from producer to consumer, with its depth.",
    ),
    e.graph.map(regionSvg),
  );
}
