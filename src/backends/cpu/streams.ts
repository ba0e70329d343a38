// Streams and spatial regions at run time (docs/ir-semantics.md): bounded FIFOs, and a round-robin
// scheduler that runs each unit of a region as a generator until it blocks or finishes. A round in
// which no unit moved a value and none finished means every unfinished unit is blocked: AL4101 lists
// them instead of hanging. A local stream still holding values when its region ends is AL4102.

import { AlloError, where } from "../../diagnostics/error.ts";
import type { Span } from "../../ir/nodes.ts";

export interface Fifo {
  readonly stream: string;
  readonly indices: readonly number[];
  readonly depth: number;
  readonly buf: unknown[];
  head: number;
  /** Values held. */
  n: number;
  puts: number;
  gets: number;
}

/** Where a unit waits: the generated code yields this when a put finds its FIFO full or a get empty. */
export interface Wait {
  readonly op: "put" | "get";
  readonly fifo: Fifo;
  readonly at?: Span;
  /** Enclosing loop indices by loop name. */
  readonly ivs: Readonly<Record<string, number>>;
}

/** What a blocked region reports to whoever runs it. */
export interface RegionWait {
  readonly region: string;
  readonly span?: Span;
  readonly uses?: StreamUses;
  readonly units: readonly { readonly name: string; readonly wait?: Wait | RegionWait }[];
}

/** For each stream used in a region, which units put to and get from it (constant indices or any). */
export type StreamUses = Readonly<
  Record<string, readonly { unit: string; op: "put" | "get"; indices: readonly number[] | null }[]>
>;

export function makeFifos(stream: string, shape: readonly number[], depth: number): Fifo[] {
  const count = shape.reduce((a, b) => a * b, 1);
  return Array.from({ length: count }, (_, k) => {
    const indices: number[] = [];
    for (let d = shape.length - 1; d >= 0; d--) {
      indices.unshift(k % shape[d]);
      k = Math.floor(k / shape[d]);
    }
    return { stream, indices, depth, buf: new Array(depth), head: 0, n: 0, puts: 0, gets: 0 };
  });
}

const label = (f: Fifo) => f.stream + f.indices.map((i) => `[${i}]`).join("");

export class Streams {
  /** Values moved so far; a round that leaves it unchanged made no progress. */
  private moved = 0;

  push(f: Fifo, v: unknown): void {
    f.buf[(f.head + f.n) % f.depth] = v;
    f.n++;
    f.puts++;
    this.moved++;
  }

  pop(f: Fifo): unknown {
    const v = f.buf[f.head];
    f.head = (f.head + 1) % f.depth;
    f.n--;
    f.gets++;
    this.moved++;
    return v;
  }

  *waitGet(w: Wait): Generator<Wait, void> {
    while (w.fifo.n === 0) yield w;
  }

  /** Runs the units of a region; yields (to an enclosing region) whenever a whole round is stuck. */
  *region(
    name: string,
    span: Span | undefined,
    units: readonly { readonly name: string; readonly body: () => Generator<Wait | RegionWait, void> }[],
    uses: StreamUses,
    locals: readonly (readonly Fifo[])[],
  ): Generator<RegionWait, void> {
    const running = units.map((u) => ({
      name: u.name,
      gen: u.body(),
      done: false,
      wait: undefined as Wait | RegionWait | undefined,
    }));
    let left = running.length;
    while (left > 0) {
      const before = this.moved;
      let finished = false;
      for (const u of running) {
        if (u.done) continue;
        const r = u.gen.next();
        if (r.done) {
          u.done = true;
          u.wait = undefined;
          left--;
          finished = true;
        } else u.wait = r.value;
      }
      if (left > 0 && !finished && this.moved === before) {
        yield { region: name, span, uses, units: running.map((u) => ({ name: u.name, wait: u.wait })) };
      }
    }
    for (const fifos of locals) {
      for (const f of fifos) {
        if (f.n > 0) {
          throw new AlloError(
            "AL4102",
            `stream ${label(f)} still holds ${f.n} value(s) at the end of region '${name}' (puts ${f.puts}, gets ${f.gets}); every value put must be got`,
            span
              ? {
                  span,
                  details: { stream: f.stream, indices: f.indices, left: f.n, puts: f.puts, gets: f.gets },
                }
              : {},
          );
        }
      }
    }
  }

  /** Runs a blocking computation from code that cannot wait: a yield means nobody can ever unblock it. */
  drive<T>(gen: Generator<Wait | RegionWait, T>, fn: string, span: Span | undefined): T {
    const r = gen.next();
    if (r.done) return r.value;
    throw deadlock(
      "region" in r.value ? r.value : { region: fn, units: [{ name: fn, wait: r.value }] },
      span,
    );
  }

  /** A put or get outside any spatial region that can never complete. */
  stuck(w: Wait, fn: string): never {
    throw deadlock({ region: fn, units: [{ name: fn, wait: w }] }, w.at);
  }
}

interface Line {
  unit: string;
  wait: Wait;
  uses: StreamUses | undefined;
}

function leaves(r: RegionWait, prefix: string, out: Line[], finished: string[]): void {
  for (const u of r.units) {
    const name = prefix + u.name;
    if (!u.wait) finished.push(name);
    else if ("region" in u.wait) leaves(u.wait, `${name}/`, out, finished);
    else out.push({ unit: name, wait: u.wait, uses: r.uses });
  }
}

function ends(f: Fifo, uses: StreamUses | undefined, op: "put" | "get"): string {
  const names = (uses?.[f.stream] ?? [])
    .filter((u) => u.op === op && (u.indices === null || u.indices.every((x, k) => x === f.indices[k])))
    .map((u) => u.unit);
  return names.length ? [...new Set(names)].join(",") : "?";
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => r[c].length))) ?? [];
  return rows.map((r) =>
    `  ${r.map((x, c) => (c === r.length - 1 ? x : x.padEnd(widths[c]))).join("  ")}`.trimEnd(),
  );
}

function deadlock(r: RegionWait, span: Span | undefined): AlloError {
  const lines: Line[] = [];
  const finished: string[] = [];
  leaves(r, "", lines, finished);
  const at = r.span ?? span;
  const blocked = lines.map(({ unit, wait }) => ({
    unit,
    op: wait.op,
    stream: label(wait.fifo),
    occupancy: wait.fifo.n,
    depth: wait.fifo.depth,
    at: wait.at ? where(wait.at) : undefined,
    ivs: wait.ivs,
  }));
  const fifos = new Map(lines.map((l) => [l.wait.fifo, l.uses]));
  const streams = [...fifos].map(([f, uses]) => ({
    stream: label(f),
    producer: ends(f, uses, "put"),
    consumer: ends(f, uses, "get"),
    occupancy: f.n,
    depth: f.depth,
    puts: f.puts,
    gets: f.gets,
  }));
  const unitRows = blocked.map((b) => [
    b.unit,
    `${b.op} ${b.stream}`,
    `${b.occupancy}/${b.depth} ${b.op === "put" ? "full" : "empty"}`,
    b.at ? `at ${b.at}` : "",
    Object.entries(b.ivs)
      .map(([k, v]) => `${k}=${v}`)
      .join(" "),
  ]);
  const streamRows = streams.map((s) => [
    `stream ${s.stream}`,
    `${s.producer} -> ${s.consumer}`,
    `${s.occupancy}/${s.depth}`,
    `puts ${s.puts}`,
    `gets ${s.gets}`,
  ]);
  const text = [
    `Dataflow deadlock in region '${r.region}': every unfinished unit is blocked.`,
    ...table(unitRows),
    ...table(streamRows),
    ...(finished.length ? [`  finished: ${finished.join(", ")}`] : []),
  ].join("\n");
  const details = { region: r.region, blocked, streams, finished };
  return new AlloError("AL4101", text, at ? { span: at, details } : { details });
}
