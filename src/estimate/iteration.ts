// The list scheduler of one iteration and the loop's minimum II: ops start as soon as their inputs are
// ready (ASAP) and a RAM access also waits for a free port on every bank it may touch (`portsPerBank`
// per bank per cycle), an m_axi access for its bundle's read or write channel (./axi-channels.ts); the
// iteration latency IL is the schedule length. II = max(target, ResMII, RecMII): ResMII = max over
// banks and channels of ceil(accesses / ports), RecMII = max over carried dependences of
// ceil((LATENCY along the store's input path from the load + memory overhead) / distance). When a user's
// pipeline target is missed through a recurrence, fadds on it are rebound to the fabric core (Vitis does,
// see docs/estimate.md) and the loop is scheduled again.

import type { Func } from "../ir/nodes.ts";
import { banksTouched, bankText, bankTotal } from "./access.ts";
import { channelConflict, channelOf, channelUses } from "./axi-channels.ts";
import type { Op } from "./ops.ts";
import type { OpImpl, Profile } from "./profile.ts";
import { type BankPorts, bankMii, bankPorts, portsText } from "./ram-ports.ts";
import { carriedCandidates, carriedDistance, type FlatCounter } from "./recurrence.ts";

export interface UsedImpl {
  readonly key: string;
  readonly impl: OpImpl;
}

/** Each profile row as a use of its operator, made once (an unrolled body binds thousands of ops to a few). */
const uses = new WeakMap<OpImpl, UsedImpl>();

function useOf(key: string, impl: OpImpl): UsedImpl {
  let use = uses.get(impl);
  // A profile built in code may share a row between operators.
  if (use?.key !== key) uses.set(impl, (use = { key, impl }));
  return use;
}

/** The core an op is bound to (undefined: free wire or memory op), fabric when it was rebound. */
export function bindOp(op: Op, p: Profile, fabric: ReadonlySet<number>): UsedImpl | undefined {
  if (op.kind !== "calc" || !op.key) return undefined;
  const rows = p.ops[op.key];
  if (!rows) return undefined;
  if (op.key === "imul") {
    const row =
      rows.find((r) => (r.maxBits ?? Number.POSITIVE_INFINITY) >= (op.bits ?? 32)) ?? rows[rows.length - 1];
    return useOf(op.key, row);
  }
  const alt = fabric.has(op.id) ? rows.find((r) => r.impl === "fabric") : undefined;
  return useOf(op.key, alt ?? rows[0]);
}

function memStages(op: Op, p: Profile): number {
  const load = op.kind === "load";
  switch (op.mem) {
    case "ram":
      return load ? p.mem.bramLoadStages : p.mem.storeStages;
    case "axi":
      return load ? p.mem.axiLoadStages : p.mem.axiStoreStages;
    case "fifo":
      return 1;
    default:
      return 0;
  }
}

/** Cycles an op takes: its core's stages, a memory access's, or a call's callee latency. */
function opStages(op: Op, use: UsedImpl | undefined, p: Profile): number {
  if (op.kind === "call") return op.stages ?? 0;
  return op.kind === "calc" ? (use?.impl.stages ?? 0) : memStages(op, p);
}

export interface IterationSchedule {
  /** Cycle each op ends in. */
  readonly end: readonly number[];
  readonly il: number;
  readonly binding: readonly (UsedImpl | undefined)[];
}

/**
 * The ports of a function's RAM banks and AXI channels per cycle, each a numbered resource: the first
 * cycle from t where one has a free port, found by skipping full cycles with path compression (an
 * unrolled body makes thousands of accesses to a few banks, and a linear scan from each access's ready
 * time would be quadratic).
 */
class PortTable {
  private readonly used: Map<number, number>[] = [];
  private readonly skip: Map<number, number>[] = [];

  freeFrom(resource: number, t: number): number {
    // Read in bounds only: an out-of-bounds read makes V8 drop the scheduler's optimized code.
    const skip = resource < this.skip.length ? this.skip[resource] : undefined;
    let n = skip?.get(t);
    if (skip === undefined || n === undefined) return t;
    const seen = [t];
    for (let m = skip.get(n); m !== undefined; m = skip.get(n)) {
      seen.push(n);
      n = m;
    }
    for (const x of seen) skip.set(x, n);
    return n;
  }

  /** Books one of the `ports` of `resource` in cycle t. */
  take(resource: number, t: number, ports: number): void {
    const used = (this.used[resource] ??= new Map<number, number>());
    const n = (used.get(t) ?? 0) + 1;
    used.set(t, n);
    if (n >= ports) (this.skip[resource] ??= new Map<number, number>()).set(t, t + 1);
  }
}

/** The port kinds of a bank: a resource per bank and kind (bank * KINDS + kind). */
const [READ, WRITE, READ_WRITE, KINDS] = [0, 1, 2, 3];

/** The port kinds an access may take on a bank, in the order it tries them, with their counts. */
function portKinds(ports: BankPorts, write: boolean): (readonly [number, number])[] {
  const own = write ? ([WRITE, ports.write] as const) : ([READ, ports.read] as const);
  const kinds = [own, [READ_WRITE, ports.readWrite] as const].filter(([, n]) => n > 0);
  return kinds.length > 0 ? kinds : [[READ_WRITE, 1]];
}

/**
 * The banks each RAM access of `ops` may touch under f's layouts (undefined for every other op), by
 * op id: found once for the scheduler and ResMII.
 */
export function opBanks(ops: readonly Op[], f: Func): (readonly number[] | undefined)[] {
  return ops.map((op) =>
    op.mem === "ram" && op.buffer ? banksTouched(f.buffers[op.buffer], op.idx ?? [], op.spans) : undefined,
  );
}

/** The first cycle from `from` with a port of one of `kinds` free on the bank whose resources start at `bank`. */
function firstFree(
  ports: PortTable,
  bank: number,
  kinds: readonly (readonly [number, number])[],
  from: number,
) {
  let c = Number.POSITIVE_INFINITY;
  for (let i = 0; i < kinds.length; i++) c = Math.min(c, ports.freeFrom(bank + kinds[i][0], from));
  return c;
}

/** ASAP schedule with port limits; IL >= 1. */
export function scheduleIteration(
  ops: readonly Op[],
  f: Func,
  p: Profile,
  fabric: ReadonlySet<number>,
  banksOf: readonly (readonly number[] | undefined)[] = opBanks(ops, f),
): IterationSchedule {
  const end: number[] = [];
  const binding = ops.map((o) => bindOp(o, p, fabric));
  const ports = new PortTable();
  // Resources are numbered as first used: a channel one, a RAM KINDS per bank from its first.
  let resources = 0;
  const channels = new Map<string, number>();
  const rams = new Map<string, { first: number; kinds: (readonly [number, number])[][] }>();
  const ramOf = (decl: Func["buffers"][string]) => {
    let ram = rams.get(decl.name);
    if (!ram) {
      const bp = bankPorts(decl, p);
      rams.set(decl.name, (ram = { first: resources, kinds: [portKinds(bp, false), portKinds(bp, true)] }));
      resources += KINDS * bankTotal(decl);
    }
    return ram;
  };
  // Indexed loops: an iteration's thousands of ops are scheduled before V8 has optimized this.
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    let t = 0;
    for (let d = 0; d < op.deps.length; d++) t = Math.max(t, end[op.deps[d]]);
    const channel = channelOf(op, p);
    if (channel) {
      let r = channels.get(channel.key);
      if (r === undefined) channels.set(channel.key, (r = resources++));
      t = ports.freeFrom(r, t);
      ports.take(r, t, channel.capacity);
    }
    const banks = banksOf[op.id];
    if (banks && op.buffer) {
      const { first, kinds: both } = ramOf(f.buffers[op.buffer]);
      const kinds = both[op.kind === "store" ? 1 : 0];
      // The first cycle from t with a free port in every bank the access may touch.
      for (let moved = true; moved; ) {
        moved = false;
        for (let j = 0; j < banks.length; j++) {
          const c = firstFree(ports, first + KINDS * banks[j], kinds, t);
          if (c > t) [t, moved] = [c, true];
        }
      }
      for (let j = 0; j < banks.length; j++) {
        const bank = first + KINDS * banks[j];
        const [k, n] = kinds.find(([k]) => ports.freeFrom(bank + k, t) === t) ?? kinds[0];
        ports.take(bank + k, t, n);
      }
    }
    end[op.id] = t + opStages(op, binding[op.id], p);
  }
  return { end, il: Math.max(1, ...end), binding };
}

export interface Bound {
  readonly ii: number;
  readonly why?: string;
}

/**
 * A function called in a pipelined loop accepts a new call every `interval` cycles (latency + 1 for a
 * sequential one, as csynth reports), so the loop's II is at least that: the slowest call bounds it.
 */
export function callMii(ops: readonly Op[]): Bound {
  let best: Bound = { ii: 1 };
  for (const op of ops) {
    if (op.kind !== "call" || (op.interval ?? 1) <= best.ii) continue;
    best = {
      ii: op.interval ?? 1,
      why: `the call of '${op.callee}' takes ${op.stages} cycles and can start every ${op.interval} cycles; pipeline the loops inside '${op.callee}' (or make it a dataflow function) so it accepts a call per iteration, or do not pipeline the loop around the call`,
    };
  }
  return best;
}

/**
 * ResMII: the most loaded bank of any RAM or channel of an m_axi bundle, ceil(accesses / ports). An
 * interface array (`ports`: a port of the top, which Vitis does not partition) gets advice that does
 * not ask for a partition.
 */
export function resMii(
  ops: readonly Op[],
  f: Func,
  p: Profile,
  ports: ReadonlySet<string> = new Set(),
  banksOf: readonly (readonly number[] | undefined)[] = opBanks(ops, f),
): Bound {
  // Each bank's accesses, the banks in the order first touched (the first of equally loaded ones is named).
  const counts: { buffer: string; bank: number; reads: number; writes: number }[] = [];
  const byBank = new Map<string, Map<number, (typeof counts)[number]>>();
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    const banks = banksOf[op.id];
    if (!banks || !op.buffer) continue;
    let mine = byBank.get(op.buffer);
    if (!mine) byBank.set(op.buffer, (mine = new Map()));
    for (let j = 0; j < banks.length; j++) {
      const bank = banks[j];
      let c = mine.get(bank);
      if (!c) {
        mine.set(bank, (c = { buffer: op.buffer, bank, reads: 0, writes: 0 }));
        counts.push(c);
      }
      if (op.kind === "store") c.writes++;
      else c.reads++;
    }
  }
  let best: Bound = { ii: 1 };
  for (const { buffer, bank, reads, writes } of counts) {
    const b = f.buffers[buffer];
    const bp = bankPorts(b, p);
    const ii = bankMii(bp, reads, writes);
    if (ii <= best.ii) continue;
    const fix = ports.has(buffer)
      ? `'${buffer}' is an interface port, which Vitis cannot partition: unroll less, or stage it through a partitioned local buffer (bufferAt)`
      : `partition '${buffer}' (cyclic or block on the dimension the unrolled copies differ in)${bp.type ? ", bind it to a type with more ports (ram_t2p)" : ""} or unroll less`;
    const n = bp.type ? `${reads} reads and ${writes} writes` : `${reads + writes} accesses`;
    best = {
      ii,
      why: `port conflict on '${buffer}' bank ${bankText(b, bank)}: ${n} per iteration on ${portsText(bp)}; ${fix}`,
    };
  }
  for (const use of channelUses(ops, p)) {
    const ii = Math.ceil(use.n / use.channel.capacity);
    if (ii > best.ii) best = { ii, why: channelConflict(use) };
  }
  return best;
}

export interface Recurrence extends Bound {
  /** Ops on the carried path (candidates for the fabric rebinding). */
  readonly path: readonly number[];
}

/**
 * LATENCY (stages - 1) of calc ops along the longest path from op `from` to the inputs of op `to`, and
 * the ops with stages on it; undefined when `to` does not depend on `from`. Only `to`'s ancestors
 * numbered after `from` are visited (ops are numbered in dependence order), since most carried pairs
 * of an unrolled body have a short path or none; each keeps the first of its longest dependences.
 */
function pathFrom(
  ops: readonly Op[],
  sched: IterationSchedule,
  from: number,
  to: number,
): { lat: number; path: number[] } | undefined {
  const cone = new Set<number>([to]);
  for (const stack = [to]; stack.length > 0; ) {
    for (const d of ops[stack.pop() as number].deps) {
      if (d < from || cone.has(d)) continue;
      cone.add(d);
      if (d !== from) stack.push(d);
    }
  }
  if (!cone.has(from)) return undefined;
  // `to` reads `from` directly and nothing else after it (a shift's store of its load): no stages between.
  if (cone.size === 2) return { lat: 0, path: [] };
  const stagesOf = (id: number) =>
    ops[id].kind === "call" ? (ops[id].stages ?? 0) : (sched.binding[id]?.impl.stages ?? 0);
  const lat = new Map<number, number>([[from, 0]]);
  const via = new Map<number, number>();
  for (const id of [...cone].sort((x, y) => x - y)) {
    if (id === from) continue;
    let best: number | undefined;
    for (const d of ops[id].deps) {
      const x = lat.get(d);
      if (x !== undefined && (best === undefined || x > (lat.get(best) as number))) best = d;
    }
    if (best === undefined) continue;
    via.set(id, best);
    const own = id === to ? 0 : Math.max(0, stagesOf(id) - 1);
    lat.set(id, (lat.get(best) as number) + own);
  }
  const total = lat.get(to);
  if (total === undefined) return undefined;
  const path: number[] = [];
  for (let id = via.get(to); id !== undefined && id !== from; id = via.get(id))
    if (stagesOf(id) > 0) path.push(id);
  return { lat: total, path: path.reverse() };
}

/** RecMII over every store/load pair of one buffer carried across iterations of the flattened nest. */
export function recMii(
  ops: readonly Op[],
  sched: IterationSchedule,
  chain: readonly FlatCounter[],
  p: Profile,
): Recurrence {
  let best: Recurrence = { ii: 1, path: [] };
  // A load of what this iteration already wrote is fed within the iteration, not across.
  const loads = new Map<string, Op[]>();
  for (let i = 0; i < ops.length; i++) {
    const ld = ops[i];
    if (ld.kind !== "load" || !ld.buffer || ld.fresh) continue;
    const same = loads.get(ld.buffer);
    if (same) same.push(ld);
    else loads.set(ld.buffer, [ld]);
  }
  const candidates = new Map(
    [...loads].map(([b, lds]) => [b, carriedCandidates(lds, (ld) => ld.idx ?? [], chain)] as const),
  );
  for (let i = 0; i < ops.length; i++) {
    const st = ops[i];
    if (st.kind !== "store" || (st.mem !== "ram" && st.mem !== "reg")) continue;
    for (const ld of candidates.get(st.buffer ?? "")?.(st.idx ?? []) ?? []) {
      const d = carriedDistance(st.idx ?? [], ld.idx ?? [], chain);
      if (d === undefined) continue;
      const over = st.mem === "ram" ? p.mem.recurrenceMemOverhead : 0;
      // No path into the store is longer than the cycle it ends in: skip pairs that cannot raise II.
      if (Math.ceil((sched.end[st.id] + over) / d) <= best.ii) continue;
      const path = ld.id < st.id ? pathFrom(ops, sched, ld.id, st.id) : undefined;
      const delay = (path?.lat ?? 0) + over;
      const ii = Math.ceil(delay / d);
      if (ii <= best.ii) continue;
      const via = st.mem === "ram" ? `the memory '${st.buffer}'` : `the register '${st.buffer}'`;
      best = {
        ii,
        path: path?.path ?? [],
        why: `recurrence through ${via}: each iteration reads what the one ${d} iteration${d === 1 ? "" : "s"} earlier wrote, ${delay} cycles around the loop; accumulate in a local buffer (bufferAt) or reorder so the reduction loop is not innermost, or unroll an outer loop into the pipeline to raise the distance`,
      };
    }
  }
  return best;
}
