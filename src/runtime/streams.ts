// The one stream runtime (docs/ir-semantics.md), shared by the CPU backend (values are numbers or
// bigints) and the verifier's symbolic run (values are DAG node ids): bounded FIFOs, and a round-robin
// scheduler that runs each unit of a spatial region as a generator until it blocks or finishes. A round
// in which no unit moved a value and none finished means every unfinished unit is blocked: the one
// deadlock report (AL4101, deadlockReport below, in api.md section 7's terms) lists them instead of
// hanging. A local stream still holding values when its region ends is AL4102. How a failure is
// raised is the caller's: an AlloError on the CPU, a failed design in the verifier.

import { AlloError, where } from "../diagnostics/error.ts";
import { endsOf, type StreamUses } from "../ir/analysis/streams.ts";
import type { Span } from "../ir/nodes.ts";
import { elementCount } from "../ir/shape.ts";

export interface Fifo<V> {
  readonly stream: string;
  readonly indices: readonly number[];
  readonly depth: number;
  readonly buf: V[];
  head: number;
  /** Values held. */
  n: number;
  puts: number;
  gets: number;
}

/** The FIFOs of stream `stream` of shape `shape`, one per element, in row-major order. */
export function makeFifos<V>(stream: string, shape: readonly number[], depth: number): Fifo<V>[] {
  const count = elementCount(shape);
  return Array.from({ length: count }, (_, k) => {
    const indices: number[] = [];
    for (let d = shape.length - 1; d >= 0; d--) {
      indices.unshift(k % shape[d]);
      k = Math.floor(k / shape[d]);
    }
    return { stream, indices, depth, buf: new Array<V>(depth), head: 0, n: 0, puts: 0, gets: 0 };
  });
}

/** A FIFO as users name it: `A_fifo[0][1]`. */
export const fifoLabel = (f: Fifo<unknown>): string => f.stream + f.indices.map((i) => `[${i}]`).join("");

/** Where a unit waits: the generated code yields this when a put finds its FIFO full or a get empty. */
export interface Wait<V> {
  readonly op: "put" | "get";
  readonly fifo: Fifo<V>;
  readonly at?: Span;
  /** Enclosing loop indices by loop name. */
  readonly ivs: Readonly<Record<string, number>>;
}

/**
 * The wait record of one blocking site of a running unit: made once per run of the unit and refilled
 * each time it blocks (the FIFO and the loop indices' values), so blocking allocates nothing; the
 * indices by name are built only when a report reads them.
 */
export interface Site<V> extends Wait<V> {
  fifo: Fifo<V>;
  readonly values: number[];
}

/** What a blocked region reports to whoever runs it. */
export interface RegionWait<V> {
  readonly region: string;
  readonly span?: Span;
  readonly uses?: StreamUses;
  readonly units: readonly { readonly name: string; readonly wait?: Wait<V> | RegionWait<V> }[];
}

export interface Unit<V> {
  readonly name: string;
  readonly body: () => Generator<Wait<V> | RegionWait<V>, void>;
}

/** How a run fails: a deadlock (AL4101) or data left in a stream (AL4102), with the report's text. */
export type Failure = (
  code: "AL4101" | "AL4102",
  text: string,
  span: Span | undefined,
  details: Readonly<Record<string, unknown>>,
) => Error;

/** A stream failure of a run (CPU, native) is the user's error, at the region (or the blocked statement). */
export const streamError: Failure = (code, text, span, details) =>
  new AlloError(code, text, span ? { span, details } : { details });

/** A wait that would block again at once: resuming its unit changes nothing but the cost. */
const stillBlocked = <V>(w: Wait<V> | RegionWait<V> | undefined): boolean =>
  w !== undefined && !("region" in w) && (w.op === "get" ? w.fifo.n === 0 : w.fifo.n === w.fifo.depth);

export class Streams<V> {
  /** Values moved so far; a round that leaves it unchanged made no progress. */
  moved = 0;

  constructor(private readonly fail: Failure) {}

  push(f: Fifo<V>, v: V): void {
    f.buf[(f.head + f.n) % f.depth] = v;
    f.n++;
    f.puts++;
    this.moved++;
  }

  pop(f: Fifo<V>): V {
    const v = f.buf[f.head];
    f.head = (f.head + 1) % f.depth;
    f.n--;
    f.gets++;
    this.moved++;
    return v;
  }

  /** A site's wait record (the generated code sets `fifo` and `values` before yielding it). */
  site(op: "put" | "get", at: Span | undefined, names: readonly string[]): Site<V> {
    const values = names.map(() => 0);
    return {
      op,
      at,
      fifo: undefined as unknown as Fifo<V>,
      values,
      get ivs() {
        return Object.fromEntries(names.map((n, k) => [n, values[k]]));
      },
    };
  }

  *waitGet(w: Wait<V>): Generator<Wait<V>, void> {
    while (w.fifo.n === 0) yield w;
  }

  /** Runs the units of a region; yields (to an enclosing region) whenever a whole round is stuck. */
  *region(
    name: string,
    span: Span | undefined,
    units: readonly Unit<V>[],
    /** Who uses which stream, for a deadlock report only: computed when one is due. */
    uses: () => StreamUses,
    locals: readonly (readonly Fifo<V>[])[],
  ): Generator<RegionWait<V>, void> {
    const running = units.map((u) => ({
      name: u.name,
      gen: u.body(),
      done: false,
      wait: undefined as Wait<V> | RegionWait<V> | undefined,
    }));
    let left = running.length;
    while (left > 0) {
      const before = this.moved;
      let finished = false;
      for (const u of running) {
        if (u.done || stillBlocked(u.wait)) continue;
        const r = u.gen.next();
        if (r.done) {
          u.done = true;
          u.wait = undefined;
          left--;
          finished = true;
        } else u.wait = r.value;
      }
      if (left > 0 && !finished && this.moved === before) {
        yield {
          region: name,
          span,
          uses: uses(),
          units: running.map((u) => ({ name: u.name, wait: u.wait })),
        };
      }
    }
    for (const fifos of locals) for (const f of fifos) if (f.n > 0) throw this.leftOver(f, name, span);
  }

  private leftOver(f: Fifo<V>, region: string, span: Span | undefined): Error {
    const { text, details } = leftOverReport(f, region);
    return this.fail("AL4102", text, span, details);
  }

  /** Runs a blocking computation from code that cannot wait: a yield means nobody can ever unblock it. */
  drive<T>(gen: Generator<Wait<V> | RegionWait<V>, T>, fn: string, span: Span | undefined): T {
    const r = gen.next();
    if (r.done) return r.value;
    const stuck = "region" in r.value ? r.value : { region: fn, units: [{ name: fn, wait: r.value }] };
    throw this.deadlock(stuck, span);
  }

  /** A put or get outside any spatial region that can never complete. */
  stuck(w: Wait<V>, fn: string): never {
    throw this.deadlock({ region: fn, units: [{ name: fn, wait: w }] }, w.at);
  }

  private deadlock(r: RegionWait<V>, span: Span | undefined): Error {
    const { text, details } = deadlockReport(r);
    return this.fail("AL4101", text, r.span ?? span, details);
  }
}

/** Data left in a local stream at the end of its region (AL4102). */
export function leftOverReport(
  f: Fifo<unknown>,
  region: string,
): { text: string; details: Record<string, unknown> } {
  return {
    text: `stream ${fifoLabel(f)} still holds ${f.n} value(s) at the end of region '${region}' (puts ${f.puts}, gets ${f.gets}); every value put must be got`,
    details: { stream: f.stream, indices: f.indices, left: f.n, puts: f.puts, gets: f.gets },
  };
}

interface Line<V> {
  unit: string;
  wait: Wait<V>;
  uses: StreamUses | undefined;
}

function leaves<V>(r: RegionWait<V>, prefix: string, out: Line<V>[], finished: string[]): void {
  for (const u of r.units) {
    const name = prefix + u.name;
    if (!u.wait) finished.push(name);
    else if ("region" in u.wait) leaves(u.wait, `${name}/`, out, finished);
    else out.push({ unit: name, wait: u.wait, uses: r.uses });
  }
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => r[c].length))) ?? [];
  return rows.map((r) =>
    `  ${r.map((x, c) => (c === r.length - 1 ? x : x.padEnd(widths[c]))).join("  ")}`.trimEnd(),
  );
}

/**
 * The deadlock report (AL4101, docs/dataflow.md): each blocked instance, where and on what, with its
 * loop indices; each stream one waits on, who feeds and drains it, its occupancy and counts so far;
 * the instances that finished. `details` holds the same as data.
 */
export function deadlockReport<V>(r: RegionWait<V>): { text: string; details: Record<string, unknown> } {
  const lines: Line<V>[] = [];
  const finished: string[] = [];
  leaves(r, "", lines, finished);
  const blocked = lines.map(({ unit, wait }) => ({
    instance: unit,
    op: wait.op,
    stream: fifoLabel(wait.fifo),
    occupancy: wait.fifo.n,
    depth: wait.fifo.depth,
    at: wait.at ? where(wait.at) : undefined,
    loops: wait.ivs,
  }));
  const fifos = new Map(lines.map((l) => [l.wait.fifo, l.uses]));
  const streams = [...fifos].map(([f, uses]) => ({
    name: fifoLabel(f),
    producer: endsOf(uses, f.stream, f.indices, "put"),
    consumer: endsOf(uses, f.stream, f.indices, "get"),
    occupancy: f.n,
    depth: f.depth,
    puts: f.puts,
    gets: f.gets,
  }));
  const unitRows = blocked.map((b) => [
    b.instance,
    `${b.op} ${b.stream}`,
    `${b.occupancy}/${b.depth} ${b.op === "put" ? "full" : "empty"}`,
    b.at ? `at ${b.at}` : "",
    Object.entries(b.loops)
      .map(([k, v]) => `${k}=${v}`)
      .join(" "),
  ]);
  const streamRows = streams.map((s) => [
    `stream ${s.name}`,
    `${s.producer} -> ${s.consumer}`,
    `${s.occupancy}/${s.depth}`,
    `puts ${s.puts}`,
    `gets ${s.gets}`,
  ]);
  const text = [
    `Dataflow deadlock in region '${r.region}': every unfinished instance is blocked.`,
    ...table(unitRows),
    ...table(streamRows),
    ...(finished.length ? [`  finished: ${finished.join(", ")}`] : []),
  ].join("\n");
  return { text, details: { region: r.region, blocked, streams, finished } };
}
