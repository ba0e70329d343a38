// A progress bar on stderr for long proofs: drawn only on a terminal and only once a proof has run
// for two seconds, so scripts, tests and short proofs print nothing. The amount of work is estimated
// statically (loads and stores times the constant trip counts of their loops).

import { constIndex } from "../ir/build.ts";
import type { Module, Stmt } from "../ir/nodes.ts";
import { stmtExprs, walkExpr } from "../ir/walk.ts";

const DELAY_MS = 2000;
const REDRAW_MS = 100;
const WIDTH = 30;

export class Progress {
  private readonly start = performance.now();
  private last = 0;
  private shown = false;

  constructor(
    private readonly enabled: boolean,
    private readonly total: number,
  ) {}

  update(done: number, phase: string): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.start < DELAY_MS || now - this.last < REDRAW_MS) return;
    this.last = now;
    this.shown = true;
    const f = Math.min(done / this.total, 0.99);
    const full = Math.round(f * WIDTH);
    const secs = ((now - this.start) / 1000).toFixed(1);
    process.stderr.write(
      `\rverify ${phase} [${"#".repeat(full)}${".".repeat(WIDTH - full)}] ${Math.floor(f * 100)}%  ${secs}s `,
    );
  }

  finish(): void {
    if (this.shown) process.stderr.write(`\r${" ".repeat(WIDTH + 40)}\r`);
  }
}

/** Estimated loads + stores of running the module's top function once. */
export function estimateWork(m: Module): number {
  const memo = new Map<string, number>();
  const func = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    memo.set(name, 0);
    const f = m.functions.find((x) => x.name === name);
    const w = f ? block(f.body) : 0;
    memo.set(name, w);
    return w;
  };
  const block = (b: readonly Stmt[]): number => b.reduce((acc, s) => acc + stmt(s), 0);
  const stmt = (s: Stmt): number => {
    let accesses = 0;
    for (const e of stmtExprs(s))
      walkExpr(e, (x) => (accesses += x.kind === "load" || x.kind === "streamGet" ? 1 : 0));
    switch (s.kind) {
      case "for": {
        const lb = constIndex(s.lb);
        const ub = constIndex(s.ub);
        const trips = lb !== undefined && ub !== undefined ? Math.max(0, Math.ceil((ub - lb) / s.step)) : 1;
        return trips * block(s.body);
      }
      case "if":
        return accesses + Math.max(block(s.then), block(s.else));
      case "while":
        return accesses + block(s.body);
      case "spatial":
        return s.units.reduce((acc, u) => acc + block(u.body), 0);
      case "call":
        return accesses + func(s.callee);
      default:
        return accesses + (s.kind === "store" || s.kind === "streamPut" ? 1 : 0);
    }
  };
  return Math.max(1, func(m.top));
}
