// A progress bar on stderr for long proofs: drawn only on a terminal and only once a proof has run
// for two seconds, so scripts, tests and short proofs print nothing. The amount of work is estimated
// statically (loads and stores times the constant trip counts of their loops).

import { assertNever } from "../diagnostics/error.ts";
import { constTripCount } from "../ir/analysis/trip-count.ts";
import type { Expr, Module, Stmt } from "../ir/nodes.ts";

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

/** Loads and stream reads in an expression. */
function accesses(e: Expr): number {
  switch (e.kind) {
    case "load":
    case "streamGet":
      return 1 + e.indices.reduce((n, x) => n + accesses(x), 0);
    case "binary":
    case "logical":
      return accesses(e.lhs) + accesses(e.rhs);
    case "unary":
      return accesses(e.operand);
    case "cast":
    case "bitcast":
    case "bitPos":
      return accesses(e.value);
    case "select":
      return accesses(e.cond) + Math.max(accesses(e.then), accesses(e.else));
    case "intrinsic":
      return e.args.reduce((n, x) => n + accesses(x), 0);
    default:
      return 0;
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
  const block = (b: readonly Stmt[]): number => {
    let n = 0;
    for (const s of b) n += stmt(s);
    return n;
  };
  const stmt = (s: Stmt): number => {
    switch (s.kind) {
      case "for": {
        return (constTripCount(s) ?? 1) * block(s.body);
      }
      case "if":
        return accesses(s.cond) + Math.max(block(s.then), block(s.else));
      case "while":
        return accesses(s.cond) + block(s.body);
      case "spatial":
        return s.units.reduce((acc, u) => acc + block(u.body), 0);
      case "call":
        return s.args.reduce((n, a) => n + (a.kind === "value" ? accesses(a.value) : 0), func(s.callee));
      case "store":
      case "streamPut":
        return 1 + accesses(s.value) + s.indices.reduce((n, x) => n + accesses(x), 0);
      case "alloc":
        return 0;
      default:
        return assertNever(s, "statement");
    }
  };
  return Math.max(1, func(m.top));
}
