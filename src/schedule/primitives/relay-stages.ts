// relay(buffer, stage, { depth }) between the stages of a function (Allo's `.to()`): a local buffer that
// one top-level band or call of the function writes and a later stage reads becomes a FIFO, and the
// stages from the producer to the consumer become the units of one dataflow region (a called stage's
// body is inlined into its unit), which every backend runs like a df region. A stage is named by its
// band name (`grid(..., { name: "C" })`) or its callee.
//
// A FIFO keeps the element order, so both ends must visit the buffer the same way: the producer stores
// each element once and the consumer loads each once, in row-major order, in a nest of loops over
// exactly the buffer's shape whose variables index it in order (not under a condition, not in a
// select). Relaying the same buffer to a second stage adds a second FIFO (a fork): the producer puts each
// value into every FIFO, and the array itself goes away once no stage reads it from memory. Units of a
// region may share only streams and arrays they only read; an array still passed through memory from
// one unit to another is refused when the design is built (src/ir/analysis/stage-region.ts).

import { AlloError, internalError } from "../../diagnostics/error.ts";
import { STAGE_REGION, stageName } from "../../ir/analysis/stage-region.ts";
import { constIndex } from "../../ir/build.ts";
import { freshName, takenNames } from "../../ir/names.ts";
import type { BufferDecl, CallStmt, Expr, ForStmt, Func, Module, SpatialUnit, Stmt } from "../../ir/nodes.ts";
import { elementCount } from "../../ir/shape.ts";
import {
  findFunc,
  mapExpr,
  mapStmtExprs,
  rewriteBlock,
  stmtExprs,
  visitStmts,
  walkExpr,
} from "../../ir/walk.ts";
import type { BufferRef, StageRef } from "../refs.ts";
import type { RelayOptions } from "./relay.ts";
import { drainAfter, fillBefore } from "./relay-calls.ts";
import { type PrimitiveResult, primitiveError } from "./result.ts";
import { inlineCall } from "./util/inline-call.ts";
import { getFunc, withFunc } from "./util/loops.ts";

const P = "relay";

/** A top-level statement of the function, or a unit of its stage region. */
type Stage = { readonly stmt: Stmt } | { readonly unit: SpatialUnit };

const nameOf = (s: Stage) => ("unit" in s ? s.unit.name : stageName(s.stmt));
const bodyOf = (s: Stage): readonly Stmt[] => ("unit" in s ? s.unit.body : [s.stmt]);

export function relayStages(
  m: Module,
  buf: BufferRef,
  dst: StageRef,
  opts: RelayOptions = {},
): PrimitiveResult {
  const f = getFunc(m, buf.func, P);
  if (dst.func !== f.name) {
    throw primitiveError(
      "AL3010",
      P,
      `'${buf.buffer}' is a buffer of '${f.name}' but stage '${dst.name}' is in '${dst.func}'`,
    );
  }
  const decl = f.buffers[buf.buffer];
  if (decl.role !== "local" || decl.stream || decl.state) {
    const what = decl.stream
      ? "a stream already"
      : decl.state
        ? "stateful"
        : `a ${decl.role === "param" ? "parameter" : "result"}`;
    throw primitiveError(
      "AL3010",
      P,
      `'${buf.buffer}' is ${what}: only a local array that one stage of '${f.name}' writes and a later one reads can become a FIFO`,
    );
  }
  const elements = elementCount(decl.shape);
  const depth = opts.depth ?? elements;
  if (!Number.isInteger(depth) || depth < 1)
    throw primitiveError("AL3010", P, `depth must be a positive integer, got ${depth}`);

  const stages = stagesOf(f);
  const c = stages.findIndex((s) => nameOf(s) === dst.name);
  const writers = stages.flatMap((s, i) => (touches(m, bodyOf(s), buf.buffer, "write") ? [i] : []));
  if (writers.length !== 1) {
    throw primitiveError(
      "AL3010",
      P,
      writers.length === 0
        ? `no stage of '${f.name}' writes '${buf.buffer}'`
        : `'${buf.buffer}' is written by ${writers.length} stages (${writers.map((i) => nameOf(stages[i]) ?? "a statement").join(", ")}); a FIFO has one producer`,
    );
  }
  const p = writers[0];
  if (!(c > p)) {
    throw primitiveError(
      "AL3010",
      P,
      `stage '${dst.name}' runs before '${nameOf(stages[p]) ?? "the stage"}' writes '${buf.buffer}'; relay a buffer to a stage that reads it later`,
    );
  }
  if (!touches(m, bodyOf(stages[c]), buf.buffer, "read")) {
    throw primitiveError("AL3010", P, `stage '${dst.name}' does not read '${buf.buffer}'`);
  }

  // The stages from the region's first (or the producer) to the consumer become units.
  const region = stages.flatMap((s, i) => ("unit" in s ? [i] : []));
  const lo = Math.min(p, region[0] ?? p);
  const hi = Math.max(c, region.at(-1) ?? c);
  const taken = takenNames(f);
  const buffers: Record<string, BufferDecl> = { ...f.buffers };
  const hoisted: Stmt[] = [];
  const units: SpatialUnit[] = [];
  const unitNames = new Set<string>();
  let producer = -1;
  let consumer = -1;
  for (let i = lo; i <= hi; i++) {
    const s = stages[i];
    if ("stmt" in s && s.stmt.kind === "alloc") {
      hoisted.push(s.stmt);
      continue;
    }
    if (i === p) producer = units.length;
    if (i === c) consumer = units.length;
    if ("unit" in s) {
      unitNames.add(s.unit.name);
      units.push(s.unit);
      continue;
    }
    const name = freshName(unitNames, nameOf(s) ?? "stage");
    const call = s.stmt.kind === "call" ? s.stmt : undefined;
    const callee = call && findFunc(m, call.callee);
    const end = i === p ? "store" : i === c ? "load" : undefined;
    if (call && callee && (end === undefined || streamsThrough(call, callee, buf.buffer, end))) {
      const inlined = inlineCall(callee, call, taken);
      Object.assign(buffers, inlined.buffers);
      for (const [name, parts] of inlined.partitions) {
        const b = buffers[name];
        if (b) buffers[name] = { ...b, partitions: [...b.partitions, ...parts] };
      }
      // The call's results are the caller's buffers: allocated before the region, visible after it.
      const result = (t: Stmt) => t.kind === "alloc" && call.results.includes(t.buffer);
      hoisted.push(...inlined.body.filter(result));
      units.push({ name, body: inlined.body.filter((t) => !result(t)) });
    } else units.push({ name, body: [s.stmt] });
  }

  const fifo = freshName(taken, `${buf.buffer}_${dst.name}`);
  buffers[fifo] = {
    name: fifo,
    type: decl.type,
    shape: [],
    role: "local",
    partitions: [],
    stream: { depth },
    span: decl.span,
  };
  const value = freshName(taken, `${buf.buffer}_v`);
  // A called stage kept as a call (./relay-calls.ts) touches the array only through its arguments.
  const pBody = units[producer].body;
  units[producer] = {
    ...units[producer],
    body:
      stores(pBody, buf.buffer) === 0
        ? drainAfter(pBody, decl, fifo, taken)
        : putInto(pBody, decl, fifo, value, buffers),
  };
  const cBody = units[consumer].body;
  units[consumer] = {
    ...units[consumer],
    body:
      readsOf(cBody, buf.buffer) === 0
        ? fillBefore(cBody, decl, fifo, taken, buffers)
        : getFrom(cBody, decl, fifo),
  };

  // The array goes once no unit and no later statement reads it from memory.
  const after = stages.slice(hi + 1).flatMap(bodyOf);
  const stillRead = [...units.flatMap((u) => u.body), ...after].some((s) => readsOf([s], buf.buffer) > 0);
  if (!stillRead) {
    units[producer] = { ...units[producer], body: dropArray(units[producer].body, buf.buffer) };
    delete buffers[buf.buffer];
  }
  const keep = (s: Stmt) => stillRead || !(s.kind === "alloc" && s.buffer === buf.buffer);
  const spatial: Stmt = { kind: "spatial", name: STAGE_REGION, units };
  const body = [
    ...stages.slice(0, lo).flatMap(bodyOf),
    ...hoisted.filter(keep),
    { kind: "alloc", buffer: fifo } satisfies Stmt,
    spatial,
    ...after,
  ].filter(keep);
  return { module: withFunc(m, { ...f, buffers, body }) };
}

/** The function's top-level statements, with the units of its stage region in the region's place. */
function stagesOf(f: Func): Stage[] {
  return f.body.flatMap((s): Stage[] =>
    s.kind === "spatial" && s.name === STAGE_REGION && !s.grid
      ? s.units.map((unit) => ({ unit }))
      : [{ stmt: s }],
  );
}

/** Whether `body` writes (stores, puts, or passes to a callee that writes) or reads `buffer`. */
function touches(m: Module, body: readonly Stmt[], buffer: string, how: "read" | "write"): boolean {
  let hit = false;
  visitStmts(body, (s) => {
    if (how === "read" && readsOf([s], buffer, false) > 0) hit = true;
    if (how === "write" && s.kind === "store" && s.buffer === buffer) hit = true;
    if (s.kind === "call") {
      const callee = findFunc(m, s.callee);
      s.args.forEach((a, i) => {
        const p = callee?.params[i];
        if (a.kind !== "buffer" || a.name !== buffer || !callee || p?.kind !== "buffer") return;
        if ((how === "write" ? stores : readsOf)(callee.body, p.name) > 0) hit = true;
      });
      if (how === "write" && s.results.includes(buffer)) hit = true;
    }
  });
  return hit;
}

/**
 * Whether the callee visits the array it gets for `buffer` once in row-major order (`how` it: stores
 * for the producer, loads for the consumer), so its body can take the FIFO itself when inlined.
 */
function streamsThrough(call: CallStmt, callee: Func, buffer: string, how: "store" | "load"): boolean {
  const at = call.args.findIndex((a) => a.kind === "buffer" && a.name === buffer);
  const r = call.results.indexOf(buffer);
  const own = at >= 0 ? callee.params[at]?.name : callee.results[r];
  const decl = own === undefined ? undefined : callee.buffers[own];
  if (!decl) return false;
  try {
    streamSite(callee.body, decl, how);
    return true;
  } catch (e) {
    if (e instanceof AlloError && e.code === "AL3010") return false;
    throw e;
  }
}

/** Loads of `buffer` in `body` (nested blocks too unless `deep` is false for the first statement's own). */
function readsOf(body: readonly Stmt[], buffer: string, deep = true): number {
  let n = 0;
  const count = (e: Expr) => walkExpr(e, (x) => void (x.kind === "load" && x.buffer === buffer && n++));
  if (deep) visitStmts(body, (s) => stmtExprs(s).forEach(count));
  else for (const s of body) stmtExprs(s).forEach(count);
  return n;
}

function stores(body: readonly Stmt[], buffer: string): number {
  let n = 0;
  visitStmts(body, (s) => void (s.kind === "store" && s.buffer === buffer && n++));
  return n;
}

/**
 * The single access of `buffer` that a FIFO can replace: on a path of loops over exactly its shape
 * (from 0, step 1), indexed by their variables in order, not under a condition. Returns the statement.
 */
function streamSite(body: readonly Stmt[], decl: BufferDecl, how: "store" | "load"): Stmt {
  const sites: { s: Stmt; loops: readonly ForStmt[]; guarded: boolean }[] = [];
  const walk = (b: readonly Stmt[], loops: readonly ForStmt[], guarded: boolean) => {
    for (const s of b) {
      const hit =
        how === "store" ? s.kind === "store" && s.buffer === decl.name : readsOf([s], decl.name, false) > 0;
      if (hit)
        sites.push({
          s,
          loops,
          guarded: guarded || s.kind === "for" || s.kind === "if" || s.kind === "while",
        });
      if (s.kind === "for") walk(s.body, [...loops, s], guarded);
      else if (s.kind === "if") {
        walk(s.then, loops, true);
        walk(s.else, loops, true);
      } else if (s.kind === "while") walk(s.body, loops, true);
      else if (s.kind === "spatial") for (const u of s.units) walk(u.body, loops, true);
    }
  };
  walk(body, [], false);
  const verb = how === "store" ? "writes" : "reads";
  const fail = (why: string) =>
    primitiveError(
      "AL3010",
      P,
      `'${decl.name}' cannot become a FIFO: its ${how === "store" ? "producer" : "consumer"} ${why}`,
    );
  if (sites.length !== 1)
    throw fail(
      `${verb} it in ${sites.length} places; a FIFO needs one ${how} per element (${how === "load" ? "read it once into a local" : "write it once"})`,
    );
  const [{ s, loops, guarded }] = sites;
  if (guarded) throw fail(`${verb} it under a condition or in a loop bound`);
  const indices = how === "store" && s.kind === "store" ? s.indices : loadIndices(s, decl.name);
  const ordered =
    loops.length === decl.shape.length &&
    loops.every(
      (l, d) =>
        constIndex(l.lb) === 0 &&
        l.step === 1 &&
        constIndex(l.ub) === decl.shape[d] &&
        indices[d]?.kind === "iv" &&
        (indices[d] as { name: string }).name === l.iv,
    );
  if (!ordered) {
    throw fail(
      `does not ${how === "store" ? "write" : "read"} its elements once each in row-major order (loops over [${decl.shape.join(", ")}] indexing it in order)`,
    );
  }
  return s;
}

/** The indices of the one load of `buffer` in `s`; the load may not sit in a select or a logical operator. */
function loadIndices(s: Stmt, buffer: string): readonly Expr[] {
  let found: readonly Expr[] = [];
  let conditional = false;
  const isIt = (x: Expr) => x.kind === "load" && x.buffer === buffer;
  for (const e of stmtExprs(s)) {
    walkExpr(e, (x) => {
      if (x.kind === "load" && isIt(x)) found = x.indices;
      if (x.kind === "select" || x.kind === "logical")
        walkExpr(x, (y) => void (isIt(y) && (conditional = true)));
    });
  }
  if (conditional) {
    throw primitiveError(
      "AL3010",
      P,
      `'${buffer}' is read inside a conditional expression; read it into a local first`,
    );
  }
  return found;
}

/**
 * The producer's store `B[ivs] = v` becomes `B_v = v; put(fifo, B_v)` (and keeps `B[ivs] = B_v` while the
 * array has other readers); a producer that already feeds a FIFO of B puts the same value into this one.
 */
function putInto(
  body: readonly Stmt[],
  decl: BufferDecl,
  fifo: string,
  value: string,
  buffers: Record<string, BufferDecl>,
): readonly Stmt[] {
  const site = streamSite(body, decl, "store");
  if (site.kind !== "store") throw internalError("relay: a store site that is no store");
  const v = site.value;
  const put: Stmt = { kind: "streamPut", stream: fifo, indices: [], value: v, span: site.span };
  if (v.kind === "load" && v.indices.length === 0 && buffers[v.buffer]?.shape.length === 0) {
    // Already `B[ivs] = B_v` from an earlier relay of B: one more put of B_v.
    return rewriteBlock(body, (s) => (s === site ? [put, s] : undefined));
  }
  buffers[value] = {
    name: value,
    type: decl.type,
    shape: [],
    role: "local",
    partitions: [],
    span: decl.span,
  };
  const ref: Expr = { kind: "load", type: decl.type, buffer: value, indices: [] };
  return rewriteBlock(body, (s) =>
    s === site
      ? [
          { kind: "alloc", buffer: value },
          { kind: "store", buffer: value, indices: [], value: v, span: site.span },
          { ...put, value: ref },
          { ...site, value: ref },
        ]
      : undefined,
  );
}

/** The consumer's one load of B becomes a get from the FIFO. */
function getFrom(body: readonly Stmt[], decl: BufferDecl, fifo: string): readonly Stmt[] {
  const site = streamSite(body, decl, "load");
  const get = (x: Expr): Expr =>
    x.kind === "load" && x.buffer === decl.name
      ? {
          kind: "streamGet",
          type: decl.type,
          stream: fifo,
          indices: [],
          ...(site.span ? { span: site.span } : {}),
        }
      : x;
  return rewriteBlock(body, (s) => (s === site ? [mapStmtExprs(s, (e) => mapExpr(e, get))] : undefined));
}

/** The producer without the array: its stores and its alloc (every reader now takes a FIFO). */
function dropArray(body: readonly Stmt[], buffer: string): readonly Stmt[] {
  return rewriteBlock(body, (s) =>
    (s.kind === "store" || s.kind === "alloc") && s.buffer === buffer ? [] : undefined,
  );
}
