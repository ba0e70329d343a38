// JavaScript for `for` loops: iv ranges for the bounds proofs of access.ts, loop-invariant offsets
// hoisted in front of loops, elements kept in locals across a loop (promote.ts), and unroll-and-jam
// by JAM (jam.ts) with a remainder loop, of loops whose inner loop accumulates into elements that
// move with the outer loop (a GEMM's C[i][j] over k) or with the inner loop (the seed's reordered
// GEMM, row[j] over j inside k: the JAM copies then share one load and store of row[j]), or whose
// rows share reads (a stencil: jam-rows.ts; the copies share sliding windows, slide.ts).

import { ivSpan, type Range } from "../../ir/analysis/range.ts";
import { tripCount } from "../../ir/analysis/trip-count.ts";
import { idx, idxOp, ivRef } from "../../ir/build.ts";
import type { Expr, ForStmt, Stmt } from "../../ir/nodes.ts";
import { substituteIvs } from "../../ir/walk.ts";
import type { LoopFrame } from "./access.ts";
import { compileExpr } from "./expr.ts";
import { GenBase, indent } from "./gen-base.ts";
import type { Val } from "./int-ops.ts";
import { innerOf, JAM, jammable } from "./jam.ts";
import { rowsJammable } from "./jam-rows.ts";
import { constantElements, key, type Promotion, promotions } from "./promote.ts";
import { windows } from "./slide.ts";

export abstract class LoopGen extends GenBase {
  /** The range of an iv running from lb to below ub, its last `spare` steps left to a remainder loop. */
  private ivSpan(lb: Val, ub: Val, spare = 0n): Range | undefined {
    return lb.range && ub.range ? ivSpan(lb.range, ub.range, spare) : undefined;
  }

  private frameFor(s: ForStmt, js: string, range: Range | undefined): LoopFrame {
    const f = { iv: s.iv, name: s.name, js, hoisted: new Map<string, string>() };
    return range ? { ...f, range } : f;
  }

  /** Locals for the elements promote.ts finds in `s`, read before the loop and written back after it. */
  private promote(s: ForStmt, into: Map<string, string>, before: string[], after: string[]): Promotion[] {
    const skip = (b: string) => this.info.isVar(this.f, b) || this.promoted.has(b);
    const promos = promotions(s, this.f.buffers, this.ivRange, skip);
    for (const p of promos) {
      const el = this.element(p.buffer, p.indices);
      const local = this.fresh("s");
      before.push(`let ${local} = ${el};`);
      if (p.stored) after.push(`${el} = ${local};`);
      into.set(p.buffer, local);
    }
    return promos;
  }

  /** Locals for the constant-position elements of `s` (promote.ts); the buffers they belong to. */
  private pin(s: ForStmt, frame: LoopFrame, before: string[], after: string[]): string[] {
    const skip = (b: string) =>
      this.info.isVar(this.f, b) || this.promoted.has(b) || this.elementLocals.has(b);
    const ranges = (iv: string) => (iv === s.iv ? frame.range : this.ivRange(iv));
    const buffers: string[] = [];
    for (const p of constantElements(s, this.f.buffers, ranges, skip)) {
      const el = this.element(p.buffer, p.indices);
      const local = this.fresh("c");
      before.push(`let ${local} = ${el};`);
      if (p.stored) after.push(`${el} = ${local};`);
      const locals = this.elementLocals.get(p.buffer) ?? new Map<string, string>();
      if (locals.size === 0) buffers.push(p.buffer);
      this.elementLocals.set(p.buffer, locals.set(key(p.indices), local));
    }
    return buffers;
  }

  /** Compiles a block inside a loop frame with some buffers' elements in locals. */
  private within(frame: LoopFrame, locals: ReadonlyMap<string, string>, body: readonly Stmt[]): string[] {
    for (const [b, l] of locals) this.promoted.set(b, l);
    this.loops.push(frame);
    this.scope.loops++;
    const out = this.block(body);
    this.scope.loops--;
    this.loops.pop();
    for (const b of locals.keys()) this.promoted.delete(b);
    return out;
  }

  /**
   * Sliding windows of `s` (slide.ts): the first values read before the loop (into `before`), each
   * iteration's new value read first in the body (`head`, compiled in the loop's frame) and the
   * locals shifted last (`tail`).
   */
  private slide(
    s: ForStmt,
    frame: LoopFrame,
    before: string[],
  ): { head: string[]; tail: string[]; buffers: string[] } {
    const skip = (b: string) =>
      this.info.isVar(this.f, b) || this.promoted.has(b) || this.elementLocals.has(b);
    const [head, tail, buffers] = [[] as string[], [] as string[], [] as string[]];
    for (const w of windows(s, this.f.buffers, this.ivRange, frame.range, skip)) {
      const at = (base: Expr, c: bigint) => this.element(w.buffer, [...w.lead, idxOp("+", base, idx(c))]);
      const locals = w.offsets.map(() => this.fresh("w"));
      const n = locals.length - 1;
      w.offsets.slice(0, n).forEach((c, k) => void before.push(`let ${locals[k]} = ${at(s.lb, c)};`));
      before.push(`let ${locals[n]};`);
      this.loops.push(frame);
      head.push(`${locals[n]} = ${at(ivRef(s.iv), w.offsets[n])};`);
      this.loops.pop();
      for (let k = 0; k < n; k++) tail.push(`${locals[k]} = ${locals[k + 1]};`);
      const byOffset = new Map(w.offsets.map((c, k) => [c, locals[k]]));
      // A buffer read along several rows has a window per row: one map for all of them.
      const read = this.elementLocals.get(w.buffer) ?? new Map<string, string>();
      for (const [key, c] of w.offsetOf) read.set(key, byOffset.get(c) as string);
      this.elementLocals.set(w.buffer, read);
      buffers.push(w.buffer);
    }
    return { head, tail, buffers };
  }

  private hoisted = (f: LoopFrame) => [...f.hoisted].map(([code, name]) => `const ${name} = ${code};`);

  /**
   * The statements of jammed copies, each float operation a const, one step of every copy in turn: the
   * copies' dependence chains overlap (V8's code keeps about the source order). Only for bodies of stores, whose
   * copies rowsJammable proved independent and unable to fail, so the new order changes nothing.
   */
  private interleave(
    frame: LoopFrame,
    locals: ReadonlyMap<string, string>,
    copies: readonly ForStmt[],
  ): string[] {
    const seqs = copies.map((c) =>
      c.body.flatMap((st) => {
        this.steps = [];
        const line = this.within(frame, locals, [st]);
        const seq = [...this.steps, ...line];
        this.steps = undefined;
        return seq;
      }),
    );
    const out: string[] = [];
    for (let k = 0; k < Math.max(...seqs.map((q) => q.length)); k++)
      for (const q of seqs) if (k < q.length) out.push(q[k]);
    return out;
  }

  /** A loop; `jammed`, when given, are the copies whose bodies `s` runs one after another (jamRows). */
  protected loop(s: ForStmt, jammed?: readonly ForStmt[]): string[] {
    const lb = compileExpr(s.lb, this);
    const ub = compileExpr(s.ub, this);
    const unrolled = this.jam(s, lb, ub) ?? this.jamInner(s, lb, ub) ?? this.jamRows(s, lb, ub);
    if (unrolled) return unrolled;
    const v = this.ident("v", s.iv);
    const frame = this.frameFor(s, v, this.ivSpan(lb, ub));
    const [locals, before, after] = [new Map<string, string>(), [] as string[], [] as string[]];
    this.promote(s, locals, before, after);
    const pinned = this.pin(s, frame, before, after);
    const win = this.slide(s, frame, before);
    const interleaved = jammed && s.body.every((st) => st.kind === "store");
    const own = interleaved ? this.interleave(frame, locals, jammed) : this.within(frame, locals, s.body);
    const body = [...win.head, ...own, ...win.tail];
    for (const b of [...win.buffers, ...pinned]) this.elementLocals.delete(b);
    const simple = /^(?:\w+|\d+)$/.test(ub.code);
    const end = simple ? ub.code : this.fresh("e");
    const init = simple ? `let ${v} = ${lb.code}` : `let ${v} = ${lb.code}, ${end} = ${ub.code}`;
    const step = s.step === 1 ? `${v}++` : `${v} += ${s.step}`;
    const head = `for (${init}; ${v} < ${end}; ${step}) {`;
    const tick = this.tick(s.name, s.span, jammed?.length);
    return [...this.hoisted(frame), ...before, head, ...indent([...tick, ...body]), "}", ...after];
  }

  /**
   * Unroll-and-jam of stencil rows (jam-rows.ts): the JAM copies of the inner loop become one loop
   * whose body runs them one after another, so its sliding windows cover the rows they share.
   */
  private jamRows(s: ForStmt, lb: Val, ub: Val): string[] | undefined {
    const jam = this.jamFrame(s, lb, ub);
    if (!jam) return undefined;
    const { inner, v, frame } = jam;
    const own = this.ivSpan(compileExpr(inner.lb, this), compileExpr(inner.ub, this));
    const ranges = (iv: string) => (iv === inner.iv ? own : this.ivRange(iv));
    const copies = jamCopies(s, inner);
    if (!own || !rowsJammable(s.iv, inner, copies, this.f.buffers, ranges)) {
      this.loops.pop();
      return undefined;
    }
    this.scope.loops++;
    const jammed = this.loop({ ...inner, body: copies.flatMap((c) => c.body) }, copies);
    this.scope.loops--;
    this.loops.pop();
    return this.jammedLoop(s, v, frame, lb, ub, jammed);
  }

  /**
   * Unroll-and-jam by JAM (jam.ts): JAM outer iterations share one inner loop, each with its own
   * promoted elements; a remainder loop runs the iterations left over.
   */
  private jam(s: ForStmt, lb: Val, ub: Val): string[] | undefined {
    const jam = this.jamFrame(s, lb, ub);
    if (!jam) return undefined;
    const { inner, v, frame } = jam;
    const copies = jamCopies(s, inner);
    const skip = (b: string) => this.info.isVar(this.f, b) || this.promoted.has(b);
    const first = promotions(inner, this.f.buffers, this.ivRange, skip);
    const shape = (b: string) => this.f.buffers[b].shape;
    const ok =
      jammable(s.iv, inner, first, shape, this.ivRange) &&
      copies.every((c) => promotions(c, this.f.buffers, this.ivRange, skip).length === first.length);
    if (!ok) {
      this.loops.pop();
      return undefined;
    }
    const [before, after] = [[] as string[], [] as string[]];
    const locals = copies.map((c) => {
      const m = new Map<string, string>();
      this.promote(c, m, before, after);
      return m;
    });
    const ilb = compileExpr(inner.lb, this);
    const iub = compileExpr(inner.ub, this);
    const k = this.ident("v", inner.iv);
    const kFrame = this.frameFor(inner, k, this.ivSpan(ilb, iub));
    this.scope.loops++;
    const body = copies.flatMap((c, n) => this.within(kFrame, locals[n], c.body));
    this.scope.loops--;
    this.loops.pop();
    const kStep = inner.step === 1 ? `${k}++` : `${k} += ${inner.step}`;
    const kEnd = this.fresh("e");
    const jammed = [
      ...this.hoisted(kFrame),
      ...before,
      `for (let ${k} = ${ilb.code}, ${kEnd} = ${iub.code}; ${k} < ${kEnd}; ${kStep}) {`,
      ...indent([...this.tick(inner.name, inner.span, JAM), ...body]),
      "}",
      ...after,
    ];
    return this.jammedLoop(s, v, frame, lb, ub, jammed);
  }

  /**
   * Unroll-and-jam when every element the inner loop stores moves with the inner iv and with nothing
   * else (jam.ts): the JAM copies of the inner body run one after another inside one inner loop, so
   * each element is loaded and stored once per JAM outer iterations and its updates keep their order.
   */
  private jamInner(s: ForStmt, lb: Val, ub: Val): string[] | undefined {
    const jam = this.jamFrame(s, lb, ub);
    if (!jam) return undefined;
    const { inner, v, frame } = jam;
    const ilb = compileExpr(inner.lb, this);
    const iub = compileExpr(inner.ub, this);
    const k = this.ident("v", inner.iv);
    const kFrame = this.frameFor(inner, k, this.ivSpan(ilb, iub));
    // The JAM bodies as one block: the elements it stores move with the inner iv, are read at the top
    // of an inner iteration and written at its bottom.
    const copies = jamCopies(s, inner);
    const block: ForStmt = { ...inner, body: copies.flatMap((c) => c.body) };
    this.loops.push(kFrame);
    const skip = (b: string) => this.info.isVar(this.f, b) || this.promoted.has(b);
    const promos = promotions(block, this.f.buffers, this.ivRange, skip);
    const shape = (b: string) => this.f.buffers[b].shape;
    if (!jammable(inner.iv, block, promos, shape, this.ivRange)) {
      this.loops.pop();
      this.loops.pop();
      return undefined;
    }
    const [moving, before, after] = [new Map<string, string>(), [] as string[], [] as string[]];
    this.promote(block, moving, before, after);
    this.loops.pop();
    // An element a copy reads at one position in every inner iteration (a GEMM's A[i][k + c]) is
    // read once before the inner loop.
    for (const [b, l] of moving) this.promoted.set(b, l);
    const reads: string[] = [];
    const invariant = copies.map((c) => {
      const m = new Map<string, string>();
      this.promote(c, m, reads, []);
      return m;
    });
    for (const b of moving.keys()) this.promoted.delete(b);
    this.scope.loops++;
    const body = copies.flatMap((c, n) => this.within(kFrame, new Map([...moving, ...invariant[n]]), c.body));
    this.scope.loops--;
    this.loops.pop();
    const kStep = inner.step === 1 ? `${k}++` : `${k} += ${inner.step}`;
    const kEnd = this.fresh("e");
    const jammed = [
      ...reads,
      ...this.hoisted(kFrame),
      `for (let ${k} = ${ilb.code}, ${kEnd} = ${iub.code}; ${k} < ${kEnd}; ${kStep}) {`,
      ...indent([...this.tick(inner.name, inner.span, JAM), ...before, ...body, ...after]),
      "}",
    ];
    return this.jammedLoop(s, v, frame, lb, ub, jammed);
  }

  /**
   * The inner loop of `s` and the frame of `s` stepping by JAM (pushed), when `s` has the shape both
   * jams need and at least JAM iterations.
   */
  private jamFrame(
    s: ForStmt,
    lb: Val,
    ub: Val,
  ): { inner: ForStmt; v: string; frame: LoopFrame } | undefined {
    const inner = innerOf(s);
    const range = this.ivSpan(lb, ub, BigInt((JAM - 1) * s.step));
    if (!inner || !range || !lb.range || range[0] + BigInt((JAM - 1) * s.step) >= ub.range![1])
      return undefined;
    const v = this.ident("v", s.iv);
    const frame = this.frameFor(s, v, range);
    this.loops.push(frame);
    return { inner, v, frame };
  }

  /** The outer loop stepping by JAM iterations around `jammed`, then the remainder loop. */
  private jammedLoop(s: ForStmt, v: string, frame: LoopFrame, lb: Val, ub: Val, jammed: string[]): string[] {
    const end = this.fresh("e");
    const head = [
      `let ${v} = ${lb.code};`,
      `const ${end} = ${ub.code};`,
      ...this.hoisted(frame),
      `for (; ${v} + ${(JAM - 1) * s.step} < ${end}; ${v} += ${JAM * s.step}) {`,
      ...indent([...this.tick(s.name, s.span, JAM), ...jammed]),
      "}",
    ];
    return ["{", ...indent([...head, ...this.remainder(s, v, end, lb, ub)]), "}"];
  }

  /** The iterations a jammed loop leaves over (none when constant bounds make the count a multiple of JAM). */
  private remainder(s: ForStmt, v: string, end: string, lb: Val, ub: Val): string[] {
    const [l, u] = [lb.range!, ub.range!];
    if (l[0] === l[1] && u[0] === u[1] && tripCount(l[0], u[0], s.step) % BigInt(JAM) === 0n) return [];
    const rest = this.frameFor(s, v, this.ivSpan(lb, ub));
    const [locals, before, after] = [new Map<string, string>(), [] as string[], [] as string[]];
    this.promote(s, locals, before, after);
    const body = this.within(rest, locals, s.body);
    const head = `for (; ${v} < ${end}; ${v} += ${s.step}) {`;
    const tick = this.tick(s.name, s.span);
    return [...this.hoisted(rest), ...before, head, ...indent([...tick, ...body]), "}", ...after];
  }
}

/** The inner loop once per jammed outer iteration, the outer iv shifted by 0, 1, ..., JAM - 1 steps. */
function jamCopies(s: ForStmt, inner: ForStmt): ForStmt[] {
  return Array.from({ length: JAM }, (_, c) => {
    const shifted = new Map([[s.iv, idxOp("+", ivRef(s.iv), idx(c * s.step))]]);
    return (c === 0 ? inner : substituteIvs([inner], shifted)[0]) as ForStmt;
  });
}
