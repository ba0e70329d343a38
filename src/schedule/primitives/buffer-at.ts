// bufferAt(buffer, loop): keep the part of `buffer` that one iteration of `loop` touches in a local
// buffer. Before the first statement of the loop body that touches it, an init nest `<j>_init` loads the
// footprint from the buffer; the body works on the local copy; if the body writes it, a write-back nest
// `<j>_back` stores the footprint back after the last such statement. Exact for every kernel.

import { idx, ivRef, load } from "../../ir/build.ts";
import { freshName, takenNames } from "../../ir/names.ts";
import type { BufferDecl, Expr, ForStmt, Func, Module, Stmt } from "../../ir/nodes.ts";
import { stmtExprs, visitStmts, walkExpr } from "../../ir/walk.ts";
import type { BufferRef, LoopRef } from "../refs.ts";
import { type Access, accessesOf, dimName, fixedDim, redirect } from "./memory/nest.ts";
import { type PrimitiveResult, primitiveError } from "./result.ts";
import { getLoop, ivsOf, replaceLoop, withFunc } from "./util/loops.ts";

const P = "bufferAt";

/**
 * Buffers `buf` at `loop`.
 *
 * The footprint: a dimension of `buf` whose index is the same pure expression of the loops enclosing
 * `loop` (and `loop` itself) in every access inside the loop is fixed for one iteration and is dropped;
 * every other dimension is kept whole (extent of `buf`, indexed as before). So gemm's `C[i][j]` buffered
 * at `i` gives a local `C_buf` of shape [N], and a read of `A[i][k]` buffered at `j` a local of shape [K];
 * when every dimension is fixed the local is a scalar register.
 *
 * Init: the local is loaded from `buf` (not zeroed as in Allo), so partial sums continue from whatever
 * `buf` held: exact for output parameters that accumulate (`C[i][j] += ...` into a caller's C) as well
 * as for zero-initialized locals. The outermost init/write-back loop carries `buffer`, the innermost
 * `pipelineII: 1`.
 *
 * A written buffer must be accumulated: some loop around a store does not index it (the reduction
 * loops, found by analysis: `reduction()` is not needed), else AL3008. Other misuses are AL3016.
 */
export function bufferAt(m: Module, buf: BufferRef, loop: LoopRef): PrimitiveResult {
  const { func: f, site } = getLoop(m, loop, P);
  const { loop: L, enclosing: outer } = site;
  const decl = buf.func === f.name ? f.buffers[buf.buffer] : undefined;
  if (!decl)
    throw primitiveError("AL3003", P, `no buffer '${buf.buffer}' in '${f.name}' (the loop's function)`);
  const at = `'${decl.name}' at loop '${L.name}'`;
  if (decl.stream) throw primitiveError("AL3016", P, `${at}: '${decl.name}' is a stream, not memory`);
  if (decl.shape.length === 0) {
    throw primitiveError("AL3016", P, `${at}: '${decl.name}' is a scalar, which is already a register`);
  }
  const acc = accessesOf(L.body, decl.name, P, "AL3016");
  if (acc.length === 0) {
    throw primitiveError(
      "AL3016",
      P,
      `${at}: loop '${L.name}' does not access '${decl.name}'; ${alternatives(f, decl.name)}`,
    );
  }
  if (acc.every((a) => a.loops.length === 0)) {
    const around = outer.map((l) => `'${l.name}'`).join(", ");
    throw primitiveError(
      "AL3016",
      P,
      `${at}: no loop inside '${L.name}' accesses '${decl.name}', so a buffer would be refilled every iteration; ` +
        (around ? `buffer at an enclosing loop (${around})` : "buffer at a loop that contains the accesses"),
    );
  }
  const stores = acc.filter((a) => a.kind === "store");
  if (stores.length > 0) checkReduction(decl, [...outer, L], stores, at);

  const taken = takenNames(f);
  const kept = decl.shape.map((_, d) => !fixedDim(acc, d));
  const local: BufferDecl = {
    name: freshName(taken, `${decl.name}_buf`),
    type: decl.type,
    shape: decl.shape.filter((_, d) => kept[d]),
    role: "local",
    partitions: [],
  };
  const dims = decl.shape.flatMap((extent, d) =>
    kept[d] ? [{ d, extent, name: dimName(acc, d, decl.name) }] : [],
  );
  const fixed = acc[0].indices;
  const srcIndex = (vars: readonly Expr[]) => {
    let k = 0;
    return decl.shape.map((_, d) => (kept[d] ? vars[k++] : fixed[d]));
  };
  const nest = (role: "init" | "back"): Stmt => {
    const loops = dims.map((x) => ({ ...x, iv: freshName(taken, `${x.name}_${role}`) }));
    const vars = loops.map((l) => ivRef(l.iv));
    const inner: Stmt =
      role === "init"
        ? {
            kind: "store",
            buffer: local.name,
            indices: vars,
            value: load(decl.name, srcIndex(vars), decl.type),
          }
        : {
            kind: "store",
            buffer: decl.name,
            indices: srcIndex(vars),
            value: load(local.name, vars, decl.type),
          };
    return wrap(loops, inner, role);
  };

  const first = Math.min(...acc.map((a) => a.top));
  const last = Math.max(...acc.map((a) => a.top));
  const rewritten = redirect(L.body.slice(first, last + 1), decl.name, local.name, (ix) =>
    ix.filter((_, d) => kept[d]),
  );
  const body: Stmt[] = [
    ...L.body.slice(0, first),
    { kind: "alloc", buffer: local.name },
    nest("init"),
    ...rewritten,
    ...(stores.length > 0 ? [nest("back")] : []),
    ...L.body.slice(last + 1),
  ];
  const g: Func = {
    ...replaceLoop(f, L.iv, () => [{ ...L, body }]),
    buffers: { ...f.buffers, [local.name]: local },
  };
  return { module: withFunc(m, g), handles: [{ kind: "buffer", func: f.name, buffer: local.name }] };
}

function wrap(
  loops: readonly { iv: string; name: string; extent: number }[],
  inner: Stmt,
  role: "init" | "back",
): Stmt {
  let s = inner;
  for (let k = loops.length - 1; k >= 0; k--) {
    const l = loops[k];
    const f: ForStmt = {
      kind: "for",
      iv: l.iv,
      name: `${l.name}_${role}`,
      lb: idx(0),
      ub: idx(l.extent),
      step: 1,
      attrs: { ...(k === 0 ? { buffer: true } : {}), ...(k === loops.length - 1 ? { pipelineII: 1 } : {}) },
      body: [s],
    };
    s = f;
  }
  return s;
}

function checkReduction(decl: BufferDecl, around: readonly ForStmt[], stores: readonly Access[], at: string) {
  for (const s of stores) {
    const used = new Set(s.indices.flatMap((e) => [...ivsOf(e)]));
    if ([...around, ...s.loops].some((l) => !used.has(l.iv))) return;
  }
  const s = stores[0];
  const loops = [...around, ...s.loops].map((l) => `'${l.name}'`).join(", ");
  throw primitiveError(
    "AL3008",
    P,
    `${at}: '${decl.name}' is written but not accumulated: every loop around its store (${loops}) indexes it, ` +
      `so no element is updated twice. bufferAt keeps the partial results of a reduction (a loop that does ` +
      `not index the store, like k in C[i][j] += A[i][k] * B[k][j])`,
  );
}

/** "loops that access it: 'i', 'k'" for error messages. */
function alternatives(f: Func, buffer: string): string {
  const names = new Set<string>();
  visitStmts(f.body, (s, loops) => {
    let hit = s.kind === "store" && s.buffer === buffer;
    if (s.kind !== "for") {
      for (const e of stmtExprs(s)) {
        walkExpr(e, (x) => {
          if (x.kind === "load" && x.buffer === buffer) hit = true;
        });
      }
    }
    if (hit) for (const l of loops) names.add(`'${l.name}'`);
  });
  return names.size
    ? `loops around its accesses: ${[...names].join(", ")}`
    : `'${buffer}' is not accessed in any loop`;
}
