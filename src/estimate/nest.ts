// Latency of one function's loop tree, normalised like Vitis: a user-pipelined loop flattens with its
// perfect parents into one row (labels joined by `_`) and unrolls every loop inside it; an innermost
// loop (or the longest perfect nest above it that carries no recurrence) with trip count >=
// autoPipelineMinTrip is pipelined automatically; other loops run sequentially. Pipelined rows take
// II*(TC-1) + max(IL-1, 1), and + module and call overheads when they are not the whole function body;
// sequential loops TC * body; calls the callee's latency + the call overhead.

import type { CallStmt, ForStmt, Func, SpatialStmt, Stmt } from "../ir/nodes.ts";
import { constLinear, counter, Env, linearIn } from "./access.ts";
import { channelUses } from "./axi-channels.ts";
import { BeatCount, type Beats, sharedChannelBound } from "./bus-beats.ts";
import { type CosimProcess, cosimTiming, streamPhase } from "./cosim.ts";
import { pipoChannels, processIo, type RegionTiming, regionTiming } from "./dataflow.ts";
import { scheduleIteration, type UsedImpl } from "./iteration.ts";
import type { FlatNest, FuncCost, NestContext, NestCosting, Tally } from "./nest-context.ts";
import { ivForm, type OpsContext } from "./ops.ts";
import { coreUses, estimatePipeline, iterationOps } from "./pipeline.ts";
import type { FlatCounter } from "./recurrence.ts";
import { nestKey, Renaming } from "./reuse.ts";
import type { LoopRow } from "./row.ts";

const addUse = (t: Tally, use: UsedImpl, n: number): void => {
  t.dsp += use.impl.dsp * n;
  t.ff += use.impl.ff * n;
  t.lut += use.impl.lut * n;
};

/** The loop and the loops perfectly nested in it, outermost first. */
function chainOf(l: ForStmt): ForStmt[] {
  const out = [l];
  while (out[out.length - 1].body.length === 1 && out[out.length - 1].body[0].kind === "for")
    out.push(out[out.length - 1].body[0] as ForStmt);
  return out;
}

const fullyUnrolled = (l: ForStmt): boolean => l.attrs.unroll === 0;
/** Loops (or calls: a callee is a module of its own, so the loop around it is not innermost) in a block. */
const hasLoops = (b: readonly Stmt[]): boolean =>
  b.some(
    (s) =>
      (s.kind === "for" && !fullyUnrolled(s)) ||
      (s.kind === "if" && (hasLoops(s.then) || hasLoops(s.else))) ||
      s.kind === "while" ||
      s.kind === "call",
  );

export class NestEstimator {
  private readonly seq = new Map<string, { use: UsedImpl; n: number }>();
  private readonly tally: Tally = { dsp: 0, ff: 0, lut: 0 };
  /** Midpoint of each counter's range, for average trip counts of loops with varying bounds. */
  private readonly mids = new Map<string, number>();
  /** The context of an iteration's ops: the function's, with the counters' ranges known here. */
  private readonly ops: OpsContext;
  /** Cosim-like minus csynth-equivalent latency of the regions (and callees with regions) so far. */
  private cosimExtra = 0;
  private hasRegion = false;
  private readonly beats = new BeatCount();

  constructor(private readonly c: NestContext) {
    const mid = this.mids;
    this.ops = { ...c, counterMax: (v) => (mid.has(v) ? 2 * (mid.get(v) as number) : undefined) };
  }

  private get f(): Func {
    return this.c.func;
  }

  /** Trip count of a loop in env (the average over the enclosing loops when its bounds vary). */
  private trip(l: ForStmt, env: Env): number {
    const lb = linearIn(l.lb, env);
    const ub = linearIn(l.ub, env);
    if (!lb || !ub) {
      this.c.notes.push(`loop '${l.name}' has non-affine bounds: counted as 1 iteration`);
      return 1;
    }
    const at = (x: typeof lb) => x.c + [...x.terms].reduce((s, [v, k]) => s + k * (this.mids.get(v) ?? 0), 0);
    const span = at(ub) - at(lb);
    if (lb.terms.size || ub.terms.size)
      this.c.notes.push(`loop '${l.name}' has varying bounds: its average trip count is used`);
    return Math.max(0, Math.round(span / l.step));
  }

  /** The environments of a loop's copies when kept with unroll factor f: counter form per copy. */
  private keep(l: ForStmt, env: Env, trip: number): { envs: Env[]; trip: number } {
    const f = l.attrs.unroll && l.attrs.unroll > 1 ? Math.min(l.attrs.unroll, Math.max(1, trip)) : 1;
    const lb = linearIn(l.lb, env) ?? constLinear(0);
    const n = Math.ceil(trip / f);
    this.mids.set(counter(l.iv), (n - 1) / 2);
    const envs = Array.from({ length: f }, (_, c) => env.with(l.iv, ivForm(lb, l.step, counter(l.iv), f, c)));
    return { envs, trip: n };
  }

  /** Function latency: its body (a dataflow region when the function is one) plus the function overhead. */
  func(env: Env = Env.EMPTY): FuncCost {
    const whole =
      this.f.body.length === 1 && this.f.body[0].kind === "for" ? (this.f.body[0] as ForStmt) : undefined;
    let body: RegionTiming | undefined;
    const region = this.f.body.length === 1 && this.f.body[0].kind === "spatial" ? this.f.body[0] : undefined;
    if (region) body = this.region(region, env);
    else if (this.f.attrs.dataflow) {
      const ps = this.f.body.filter((st) => st.kind !== "alloc" || this.c.labels.fills.has(st));
      const name = (st: Stmt, k: number) => (st.kind === "call" ? st.callee : `statement ${k + 1}`);
      body = this.processes(
        this.f.name,
        ps.map((st, k) => [[st], () => this.block([st], env, 0), name(st, k)] as const),
      );
    }
    const seq = body ? 0 : this.block(this.f.body, env, 0, whole);
    for (const { use, n } of this.seq.values()) addUse(this.tally, use, n);
    const over = this.c.profile.loop.funcOverhead;
    const latency = (body?.latency ?? seq) + over;
    const cosimLatency = (body?.cosim.latency ?? seq + this.cosimExtra) + over;
    const cosim = this.hasRegion
      ? { cosim: { latency: cosimLatency, interval: body?.cosim.interval ?? cosimLatency + 1 } }
      : {};
    const beats = this.beats.beats();
    return { latency, interval: body?.interval ?? latency + 1, compute: this.tally, ...cosim, beats };
  }

  /** Processes run as one region: csynth-equivalent and cosim-like timing (./dataflow.ts, ./cosim.ts). */
  private processes(
    region: string,
    items: readonly (readonly [readonly Stmt[], () => number | FuncCost, string])[],
  ): RegionTiming {
    const extra = this.c.profile.dataflow.intervalExtra;
    const extraBefore = this.cosimExtra;
    const beats: Beats[] = [];
    const ps: CosimProcess[] = items.map(([body, cost]) => {
      const at = this.c.rows.length;
      const extra = this.cosimExtra;
      const mark = this.beats.mark();
      const c = cost();
      beats.push(this.beats.since(mark));
      const latency = typeof c === "number" ? c : c.latency;
      // A region inside the process (a call of a region's function) lasts as the cosim-like model says.
      const cosim = typeof c === "number" ? latency + this.cosimExtra - extra : (c.cosim?.latency ?? latency);
      return {
        latency,
        interval: typeof c === "number" ? latency : c.interval,
        stream: streamPhase(cosim, this.c.rows.slice(at)),
        ...processIo(body, (b) => this.f.buffers[b]?.stream !== undefined, this.c.funcOf),
      };
    });
    for (const b of pipoChannels(ps)) this.c.pipo(this.f, b);
    const depth = (key: string) => this.f.buffers[key.replace(/\[.*$/, "")]?.stream?.depth ?? 1;
    this.hasRegion = true;
    this.cosimExtra = extraBefore;
    let cosim = cosimTiming(ps, depth, extra);
    const starts = ps.map((p, k) => ({ name: items[k][2], beats: beats[k], start: p.stream.offset }));
    const shared = sharedChannelBound(starts);
    if (shared && shared.end > cosim.latency) {
      this.c.notes.push(`${region}: at least ${shared.end} cycles in co-simulation: ${shared.why}`);
      cosim = { latency: shared.end, interval: Math.max(cosim.interval, shared.busy + extra) };
    }
    return { ...regionTiming(ps, extra), cosim };
  }

  /** A spatial region (PE array, loaders, drainers): its units run as dataflow processes. */
  private region(st: SpatialStmt, env: Env): RegionTiming {
    return this.processes(
      st.name,
      st.units.map((u) => [
        u.body,
        () => {
          const cost = this.c.unit(u, this.f, env);
          this.addCompute(cost.compute);
          this.beats.addBeats(cost.beats);
          const over = this.c.profile.loop.childCallOverhead;
          const cosim = cost.cosim && { ...cost.cosim, latency: cost.cosim.latency + over };
          this.c.process(st.name, u.name, { latency: cost.latency + over, interval: cost.interval });
          return { ...cost, latency: cost.latency + over, ...(cosim ? { cosim } : {}) };
        },
        u.name,
      ]),
    );
  }

  /** Latency of a block run in order; `whole` is a loop that is the entire function body. */
  block(list: readonly Stmt[], env: Env, depth: number, whole?: ForStmt): number {
    let total = 0;
    let group: Stmt[] = [];
    const flush = () => {
      if (group.length) total += this.straight(group, env);
      group = [];
    };
    for (const st of list) {
      if (st.kind === "alloc") {
        const fill = this.c.labels.fills.get(st);
        if (fill) {
          flush();
          total += this.block(fill, env, depth);
        }
      } else if (st.kind === "for" && !(fullyUnrolled(st) && !hasLoops(st.body))) {
        flush();
        total += this.loop(st, env, depth, st === whole);
      } else if (st.kind === "if" && (hasLoops(st.then) || hasLoops(st.else))) {
        flush();
        total += this.straight([{ ...st, then: [], else: [] }], env);
        // One branch runs: the longer one's latency, and the more of each channel's beats.
        const at = this.beats.mark();
        const then = this.block(st.then, env, depth);
        const thenBeats = this.beats.since(at);
        this.beats.scaleSince(at, 0);
        total += Math.max(then, this.block(st.else, env, depth));
        this.beats.maxSince(at, thenBeats);
      } else if (st.kind === "call") {
        flush();
        total += this.call(st);
      } else if (st.kind === "spatial") {
        flush();
        const t = this.region(st, env);
        this.cosimExtra += t.cosim.latency - t.latency;
        total += t.latency;
      } else group.push(st);
    }
    flush();
    return total;
  }

  private call(st: CallStmt): number {
    const cost = this.c.callee(st.callee);
    this.addCompute(cost.compute);
    this.beats.addBeats(cost.beats);
    if (cost.cosim) {
      this.hasRegion = true;
      this.cosimExtra += cost.cosim.latency - cost.latency;
    }
    return cost.latency + this.c.profile.loop.childCallOverhead;
  }

  /** Straight-line statements scheduled as one block; their cores are shared with other sequential blocks. */
  private straight(list: readonly Stmt[], env: Env): number {
    const ops = iterationOps(list, [env], this.ops);
    if (ops.length === 0) return 0;
    const sched = scheduleIteration(ops, this.f, this.c.profile, new Set());
    this.beats.addOps(ops, this.c.profile, 1);
    for (const [key, u] of coreUses(sched)) {
      const cur = this.seq.get(key);
      if (!cur || cur.n < u.n) this.seq.set(key, u);
    }
    return sched.il;
  }

  private loop(l: ForStmt, env: Env, depth: number, whole: boolean): number {
    const chain = chainOf(l);
    const user = chain.findIndex((x) => x.attrs.pipelineII !== undefined);
    if (user >= 0) return this.pipelined(chain.slice(0, user + 1), env, depth, whole, "user");
    const inner = chain[chain.length - 1];
    if (!hasLoops(inner.body) && !chain.some((x) => x.attrs.unroll !== undefined)) {
      for (let s = 0; s < chain.length; s++) {
        const notesBefore = this.c.notes.length;
        const flat = this.flatten(chain.slice(s), env);
        if (flat.trip < this.c.profile.loop.autoPipelineMinTrip) continue;
        const tried = this.costing(flat, 1, "auto", notesBefore);
        if (tried.est.ii > 1 && s < chain.length - 1) continue;
        // The whole chain is pipelined in this very environment: this trial is its costing.
        return this.sequentialAround(chain.slice(0, s), env, depth, (e, d) =>
          this.pipelined(chain.slice(s), e, d, whole && s === 0, "auto", s === 0 ? tried : undefined),
        );
      }
    }
    return this.sequential(l, env, depth);
  }

  /** Sequential loops `outer` around a nest costed by `inside`. */
  private sequentialAround(
    outer: readonly ForStmt[],
    env: Env,
    depth: number,
    inside: (e: Env, d: number) => number,
  ): number {
    if (outer.length === 0) return inside(env, depth);
    const [l, ...rest] = outer;
    return this.sequentialWith(l, env, depth, (e) => this.sequentialAround(rest, e, depth + 1, inside));
  }

  private sequential(l: ForStmt, env: Env, depth: number): number {
    return this.sequentialWith(l, env, depth, (e) => this.block(l.body, e, depth + 1));
  }

  /** A loop that is not pipelined: TC iterations of its body (a partial unroll runs f copies per iteration). */
  private sequentialWith(l: ForStmt, env: Env, depth: number, body: (e: Env) => number): number {
    const { envs, trip } = this.keep(l, env, this.trip(l, env));
    const at = this.c.rows.length;
    const extra = this.cosimExtra;
    const beatsBefore = this.beats.mark();
    const il = Math.max(
      1,
      envs.reduce((s, e) => s + body(e), 0),
    );
    // The body's cosim-like difference recurs on every iteration.
    this.cosimExtra = extra + (this.cosimExtra - extra) * trip;
    this.beats.scaleSince(beatsBefore, trip);
    const latency = trip * il;
    const row: LoopRow = {
      label: this.label(l),
      func: this.f.name,
      depth,
      tripCount: trip,
      iterationLatency: il,
      latency,
      ...this.origin(l),
    };
    this.c.rows.splice(at, 0, row);
    this.c.rowLoops.set(row, [l]);
    this.addControl();
    return latency;
  }

  private label(l: ForStmt): string {
    return this.c.labels.label.get(l) ?? `l_${l.name}`;
  }

  /** Where a row comes from: the loop's source span, or the wrapIo interface. */
  private origin(l: ForStmt): Pick<LoopRow, "span" | "io"> {
    return { ...(l.span ? { span: l.span } : {}), ...(this.c.io ? { io: true as const } : {}) };
  }

  /** A callee's or unit's resources: each call site has its own instance. */
  private addCompute(t: Tally): void {
    this.tally.dsp += t.dsp;
    this.tally.ff += t.ff;
    this.tally.lut += t.lut;
  }

  private addControl(): void {
    this.tally.ff += this.c.profile.loop.controlFf;
    this.tally.lut += this.c.profile.loop.controlLut;
  }

  /** The counters and ops of a flattened nest (its innermost body, loops inside unrolled). */
  private flatten(loops: readonly ForStmt[], env: Env): FlatNest {
    let envs: Env[] = [env];
    const counters: FlatCounter[] = [];
    for (const l of loops) {
      const next: Env[] = [];
      let trip = 0;
      for (const e of envs) {
        const k = this.keep(l, e, this.trip(l, e));
        trip = k.trip;
        next.push(...k.envs);
      }
      envs = next;
      counters.push({ counter: counter(l.iv), trip });
    }
    const ops = iterationOps(loops[loops.length - 1].body, envs, this.ops);
    return { counters, trip: counters.reduce((p, c) => p * c.trip, 1), ops };
  }

  /**
   * The costing of the nest `loops` pipelined: a structurally equal one's in its names (./reuse.ts), the
   * one `made` while deciding to pipeline it, or costed now.
   */
  private nestCosting(
    loops: readonly ForStmt[],
    env: Env,
    target: number,
    kind: "user" | "auto",
    made?: NestCosting,
  ): NestCosting {
    const key = nestKey(loops, this.f, this.ops, kind === "user");
    const same = key && this.c.nests.get(key.key);
    if (key && same) {
      const to = new Renaming(same.names, key.names);
      const { est } = same;
      this.c.notes.push(...same.notes.map((n) => to.text(n)));
      return {
        ...same,
        est: {
          ...est,
          ...(est.limitedBy ? { limitedBy: to.text(est.limitedBy) } : {}),
          notes: est.notes.map((n) => to.text(n)),
          // An automatic partition changes only the layout (./auto-partition.ts).
          partitioned: est.partitioned.map((d) => ({ ...this.f.buffers[to.name(d.name)], layout: d.layout })),
        },
      };
    }
    const notesBefore = this.c.notes.length;
    const costing = made ?? this.costing(this.flatten(loops, env), target, kind, notesBefore);
    if (key) this.c.nests.set(key.key, { ...costing, names: key.names });
    return costing;
  }

  /** A flattened nest pipelined at `target`; the notes told since `notesBefore` are its own. */
  private costing(flat: FlatNest, target: number, kind: "user" | "auto", notesBefore: number): NestCosting {
    const { profile, ports } = this.c;
    const est = estimatePipeline(flat.ops, this.f, flat.counters, profile, target, kind === "user", ports);
    return {
      trip: flat.trip,
      est,
      uses: channelUses(flat.ops, this.c.profile),
      callees: flat.ops.flatMap((op) => (op.callee ? [op.callee] : [])),
      notes: this.c.notes.slice(notesBefore),
    };
  }

  private pipelined(
    loops: readonly ForStmt[],
    env: Env,
    depth: number,
    whole: boolean,
    kind: "user" | "auto",
    made?: NestCosting,
  ): number {
    const target = Math.max(1, loops[loops.length - 1].attrs.pipelineII ?? 1);
    const { trip, est, uses, callees } = this.nestCosting(loops, env, target, kind, made);
    const latency = trip === 0 ? 0 : est.ii * (trip - 1) + Math.max(est.il - 1, 1);
    const row: LoopRow = {
      label: loops.map((l) => this.label(l)).join("_"),
      func: this.f.name,
      depth,
      tripCount: trip,
      ii: est.ii,
      targetIi: target,
      iterationLatency: est.il,
      latency,
      ...(est.limitedBy ? { limitedBy: est.limitedBy } : {}),
      pipeline: kind,
      ...this.origin(loops[0]),
    };
    this.c.rows.push(row);
    this.c.rowLoops.set(row, loops);
    this.c.notes.push(...est.notes.map((n) => `${row.label}: ${n}`));
    for (const decl of est.partitioned) this.c.autoPartition(this.f, decl);
    for (const { use, n } of est.instances) addUse(this.tally, use, n);
    this.beats.addUses(uses, trip);
    for (const name of callees) {
      const callee = this.c.callee(name);
      this.addCompute(callee.compute);
      this.beats.addBeats(callee.beats, trip);
    }
    this.addControl();
    const lp = this.c.profile.loop;
    return whole ? latency : latency + lp.pipelineModuleOverhead + lp.childCallOverhead;
  }
}
