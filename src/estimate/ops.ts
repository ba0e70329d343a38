// The operations of one loop iteration as a dependence graph, the unit the list scheduler works on:
// loops inside the body are unrolled (Vitis fully unrolls loops under a pipelined loop, and `unroll(f)`
// replicates its body), each copy's ivs substituted as constants. Index arithmetic, casts, selects and
// integer add/compare/logic are free wires (0 stages, as in Vitis reports at these clocks); floating-point
// operators, integer multipliers and dividers are cores from the target profile; identical reads of one
// address merge into one load until the next store to that buffer.

import { bufferLayout } from "../ir/analysis/layout.ts";
import type { Expr, Func, Stmt } from "../ir/nodes.ts";
import {
  combine,
  constLinear,
  type Env,
  type Linear,
  linearIn,
  linearKey,
  linearSpan,
  type MemKind,
  memKind,
  scaled,
} from "./access.ts";
import { StoreLog } from "./store-log.ts";

export interface Op {
  readonly id: number;
  readonly kind: "load" | "store" | "calc" | "call";
  /** calc: the profile's operator key (fadd, fmul, imul, ...). */
  readonly key?: string;
  /** imul: operand width, which picks the multiplier row. */
  readonly bits?: number;
  readonly deps: readonly number[];
  readonly buffer?: string;
  readonly mem?: MemKind;
  /** An access of an m_axi port: the bundle whose read or write channel it takes (./axi-channels.ts). */
  readonly bundle?: string;
  readonly idx?: readonly (Linear | undefined)[];
  /** Each index's least and greatest value over the loops around it, where their trip counts are known. */
  readonly spans?: readonly (readonly [number, number] | undefined)[];
  /** Buffer and index forms: equal keys are the same address in every iteration. */
  readonly addr?: string;
  /** load: the iteration itself wrote this address before (unconditionally), so no earlier one feeds it. */
  readonly fresh?: boolean;
  /** call: the callee, its latency (the op's stages) and the cycles between its starts. */
  readonly callee?: string;
  readonly stages?: number;
  readonly interval?: number;
}

export interface OpsContext {
  readonly func: Func;
  /** Buffers accessed through an AXI port here: the wrapIo top's ports and the arrays bound to them. */
  readonly axi: ReadonlySet<string>;
  /** The m_axi bundle of each of those that has one. */
  readonly bundles?: ReadonlyMap<string, string>;
  /** Counted when an inner loop's bounds are not constant in a copy (its average trip count is used). */
  readonly notes: string[];
  /** Latency and interval of a called function (calls inside a pipelined loop are ops of its iteration). */
  readonly callee: (name: string) => { readonly latency: number; readonly interval: number };
  /** A loop counter's last value (0-based), where the estimator knows its trip count. */
  readonly counterMax?: (counter: string) => number | undefined;
  /** The top's interface arrays (kernel-only estimates), which Vitis never partitions by itself. */
  readonly ports?: ReadonlySet<string>;
}

type OpFields = Omit<Op, "id" | "kind" | "deps">;

/**
 * An op with every field present (undefined where it does not apply): ops of one object shape keep the
 * scheduler's loops over thousands of them monomorphic, where spreads of optional fields made many.
 */
function newOp(id: number, kind: Op["kind"], deps: readonly number[], o: OpFields): Op {
  return {
    id,
    kind,
    key: o.key,
    bits: o.bits,
    deps,
    buffer: o.buffer,
    mem: o.mem,
    bundle: o.bundle,
    idx: o.idx,
    spans: o.spans,
    addr: o.addr,
    fresh: o.fresh ?? false,
    callee: o.callee,
    stages: o.stages,
    interval: o.interval,
  };
}

const FLOAT_KEYS: Readonly<Record<string, string>> = { "+": "add", "-": "add", "*": "mul", "/": "div" };

/** The profile key of a binary operator on `t`, or undefined for a free one. */
function binaryKey(op: string, e: Expr & { kind: "binary" }): { key: string; bits?: number } | undefined {
  const t = e.lhs.type;
  if (t.kind === "float") {
    const pre = t.bits === 64 ? "d" : "f";
    if (FLOAT_KEYS[op]) return { key: `${pre}${FLOAT_KEYS[op]}` };
    if (["<", "<=", ">", ">=", "==", "!=", "min", "max"].includes(op)) return { key: `${pre}cmp` };
    return undefined;
  }
  if (t.kind === "index") return undefined;
  const bits = t.kind === "int" || t.kind === "fixed" ? t.bits : 32;
  if (op === "*") return isConst(e.lhs) || isConst(e.rhs) ? undefined : { key: "imul", bits };
  if (op === "/" || op === "%") return isConst(e.rhs) ? undefined : { key: "idiv", bits };
  return undefined;
}

const isConst = (e: Expr): boolean => e.kind === "const";

const INTRINSIC_KEYS: Readonly<Record<string, string>> = {
  sqrt: "sqrt",
  exp: "exp",
  log: "exp",
  pow: "exp",
  tanh: "exp",
};

/** What an iteration's builder knows of one buffer: how it is held, and what the iteration did to it so far. */
interface BufferState {
  readonly mem: MemKind;
  readonly bundle: string | undefined;
  /** Lanes per word of a port read in words (BufferDecl.word), else 0. */
  readonly word: number;
  /** Its layout has a block-partitioned dimension, whose banks an index's range decides (access.ts). */
  readonly blocked: boolean;
  stores: StoreLog;
  /** Merged reads since the last store: address -> load op. */
  reads: Map<string, number> | undefined;
}

export class IterationBuilder {
  readonly ops: Op[] = [];
  private readonly buffers = new Map<string, BufferState>();
  /** Addresses stored so far in this iteration outside any condition (`let acc = 0` in a loop body). */
  private readonly surelyWritten = new Set<string>();
  /** Depth of the if/while bodies being added. */
  private conditional = 0;

  constructor(private readonly ctx: OpsContext) {}

  private state(name: string): BufferState {
    let s = this.buffers.get(name);
    if (!s) {
      const decl = this.ctx.func.buffers[name];
      const mem = memKind(decl, this.ctx.axi);
      const blocked = mem === "ram" && bufferLayout(decl).some((d) => d.kind === "block");
      const bundle = this.ctx.bundles?.get(name);
      const word = decl.word ?? 0;
      this.buffers.set(name, (s = { mem, bundle, word, blocked, stores: new StoreLog(), reads: undefined }));
    }
    return s;
  }

  private indices(indices: readonly Expr[], env: Env): (Linear | undefined)[] {
    const out: (Linear | undefined)[] = [];
    for (let i = 0; i < indices.length; i++) out.push(linearIn(indices[i], env));
    return out;
  }

  private add(kind: Op["kind"], deps: number[], fields: OpFields): number {
    const id = this.ops.length;
    this.ops.push(newOp(id, kind, deps, fields));
    return id;
  }

  /** The ops that produce `e`'s value (its dependence frontier). */
  expr(e: Expr, env: Env): number[] {
    const out: number[] = [];
    this.frontier(e, env, out);
    return out;
  }

  /** Adds `e`'s ops and pushes its dependence frontier onto `out` (no list per node: bodies are unrolled). */
  private frontier(e: Expr, env: Env, out: number[]): void {
    switch (e.kind) {
      case "const":
      case "iv":
      case "param":
        return;
      case "load":
        this.load(e.buffer, e.indices, env, out);
        return;
      case "streamGet":
        out.push(this.access("load", e.stream, this.indices(e.indices, env), []));
        return;
      case "binary": {
        const k = binaryKey(e.op, e);
        const deps = k ? [] : out;
        this.frontier(e.lhs, env, deps);
        this.frontier(e.rhs, env, deps);
        if (k) out.push(this.add("calc", deps, k));
        return;
      }
      case "logical":
        this.frontier(e.lhs, env, out);
        this.frontier(e.rhs, env, out);
        return;
      case "unary":
        this.frontier(e.operand, env, out);
        return;
      case "cast":
      case "bitcast":
      case "bitPos":
        this.frontier(e.value, env, out);
        return;
      case "select":
        this.frontier(e.cond, env, out);
        this.frontier(e.then, env, out);
        this.frontier(e.else, env, out);
        return;
      case "intrinsic": {
        const k = INTRINSIC_KEYS[e.fn];
        const deps = k ? [] : out;
        for (let i = 0; i < e.args.length; i++) this.frontier(e.args[i], env, deps);
        const pre = e.type.kind === "float" && e.type.bits === 64 ? "d" : "f";
        if (k) out.push(this.add("calc", deps, { key: `${pre}${k}` }));
        return;
      }
    }
  }

  /**
   * A call as one op: it starts when its value arguments are ready and every earlier store to a buffer it
   * is passed has happened, takes the callee's latency, and counts as writing every buffer it is passed.
   */
  private call(st: Stmt & { kind: "call" }, env: Env): void {
    const deps = st.args.flatMap((a) => (a.kind === "value" ? this.expr(a.value, env) : []));
    const buffers = [...st.args.flatMap((a) => (a.kind === "buffer" ? [a.name] : [])), ...st.results];
    for (const b of buffers) for (const x of this.state(b).stores.all()) deps.push(x.id);
    const cost = this.ctx.callee(st.callee);
    const id = this.add("call", deps, { callee: st.callee, stages: cost.latency, interval: cost.interval });
    for (const b of buffers) {
      const s = this.state(b);
      s.reads = undefined;
      s.stores = new StoreLog();
      s.stores.put(id, `${b}[call]`, false, undefined);
    }
  }

  /**
   * A load's value: the stored value itself when this iteration stored the address unconditionally
   * and no store of unknown address came after (Vitis forwards it in registers), else a memory read.
   */
  private load(buffer: string, indices: readonly Expr[], env: Env, out: number[]): void {
    const idx = this.indices(indices, env);
    const keys = idx.map(linearKey);
    const s = this.state(buffer);
    const exact = idx.every((l) => l !== undefined);
    const whole = `${buffer}[${keys.join(",")}]`;
    if (exact && s.mem !== "fifo") {
      const own = s.stores.get(whole);
      if (own?.forward && s.stores.exactSince(own)) {
        for (let i = 0; i < own.forward.length; i++) out.push(own.forward[i]);
        return;
      }
    }
    out.push(this.access("load", buffer, idx, [], keys, s.word ? undefined : whole));
  }

  /** `whole`: the address of every index, when the caller made it (a port read in words uses fewer). */
  private access(
    kind: "load" | "store",
    buffer: string,
    idx: readonly (Linear | undefined)[],
    deps: number[],
    keys: readonly string[] = idx.map(linearKey),
    whole?: string,
  ): number {
    const s = this.state(buffer);
    const { mem, bundle, stores } = s;
    // A port read in words (BufferDecl.word): the lanes of one word are one read.
    const addr = whole ?? `${buffer}[${(s.word ? keys.slice(0, -1) : keys).join(",")}]`;
    const exact = idx.every((l) => l !== undefined);
    const seen = kind === "load" && mem !== "fifo" ? s.reads : undefined;
    const hit = seen?.get(addr);
    if (hit !== undefined) return hit;
    const max = this.ctx.counterMax;
    const spans = s.blocked && max ? idx.map((l) => l && linearSpan(l, max)) : undefined;
    const id = this.ops.length;
    if (kind === "load") {
      for (const st of stores.feeding(addr, exact)) {
        st.read = true;
        deps.push(st.id);
      }
      const fresh = exact && this.surelyWritten.has(addr);
      this.ops.push(newOp(id, kind, deps, { buffer, mem, bundle, idx, spans, addr, fresh }));
      if (mem !== "fifo") s.reads = (seen ?? new Map()).set(addr, id);
      return id;
    }
    s.reads = undefined;
    const surely = exact && this.conditional === 0 && mem !== "fifo";
    if (surely) this.surelyWritten.add(addr);
    this.ops.push(newOp(id, kind, deps, { buffer, mem, bundle, idx, spans, addr }));
    // An earlier unconditional store of the same address that no load read from memory is overwritten
    // before anything sees it: Vitis keeps only the last one (x[i] += ... unrolled: one store, not N).
    const prev = stores.get(addr);
    if (surely && prev?.forward && !prev.read) {
      this.ops[prev.id] = newOp(prev.id, "calc", this.ops[prev.id].deps, {});
    }
    stores.put(id, addr, exact, surely ? deps : undefined);
    return id;
  }

  /** Adds the statements of one iteration (loops inside are unrolled). */
  stmts(list: readonly Stmt[], env: Env): void {
    for (let i = 0; i < list.length; i++) this.stmt(list[i], env);
  }

  private stmt(st: Stmt, env: Env): void {
    switch (st.kind) {
      case "store":
        this.access("store", st.buffer, this.indices(st.indices, env), this.expr(st.value, env));
        return;
      case "streamPut":
        this.access("store", st.stream, this.indices(st.indices, env), this.expr(st.value, env));
        return;
      case "if":
        // Both branches are built in hardware; the schedule takes the longer one (ScaleHLS's rule).
        this.expr(st.cond, env);
        this.conditional++;
        this.stmts(st.then, env);
        this.stmts(st.else, env);
        this.conditional--;
        return;
      case "for": {
        const copies = unrolledCopies(st, env, this.ctx.notes);
        for (let i = 0; i < copies.length; i++) this.stmts(st.body, copies[i]);
        return;
      }
      case "while":
        this.expr(st.cond, env);
        this.conditional++;
        this.stmts(st.body, env);
        this.conditional--;
        return;
      case "call":
        this.call(st, env);
        return;
      case "alloc":
      case "spatial":
        return;
    }
  }
}

/** The environments of a loop's fully unrolled copies: iv = lb + step * c for each iteration c. */
export function unrolledCopies(l: Stmt & { kind: "for" }, env: Env, notes: string[]): Env[] {
  const lb = linearIn(l.lb, env);
  const ub = linearIn(l.ub, env);
  if (!lb || !ub || lb.terms.size > 0 || ub.terms.size > 0) {
    notes.push(`loop '${l.name}' is unrolled with bounds that vary: one copy is counted`);
    return [env];
  }
  const n = Math.max(0, Math.ceil((ub.c - lb.c) / l.step));
  const copies: Env[] = [];
  for (let c = 0; c < n; c++) copies.push(env.with(l.iv, constLinear(lb.c + l.step * c)));
  return copies;
}

/** The value of a kept loop's iv over its counter, times an unroll factor plus copy c: lb + step * (f * #iv + c). */
export function ivForm(lb: Linear, step: number, counterName: string, factor: number, c: number): Linear {
  return combine(lb, scaled({ c, terms: new Map([[counterName, factor]]) }, step), 1);
}
