// widenLoaders: the loaders of a PE array that read an m_axi port in place (streamed-ports.ts) keep
// up with the array. An m_axi bundle has one read channel, one read a cycle, while the array takes an
// operand per PE row (or column) a cycle: relay's A loader reads Mt elements of A an iteration (II Mt)
// and rereads A for every column step, its B loader reads Nt (II Nt). So a loader first stages the
// reads it repeats in a tile on chip (stage-tile.ts), then reads the port in words of adjacent
// elements, one beat each (pack-words.ts): the B loader's Nt operands of a step are one word, the A
// tile fills in words of Mt. The port's declaration changes in every function it passes through, so
// the Vitis top's port itself is the wide m_axi port. A loader of an array kept on chip stages its
// tile too (its RAM has two ports, not one per PE row).

import { bufferLayout, isUnpartitioned } from "../../ir/analysis/layout.ts";
import type { BufferDecl, Func, Module } from "../../ir/nodes.ts";
import { visitExprs, visitStmts } from "../../ir/walk.ts";
import { beatLanes, packWords, wordDecl, wordLanes } from "./pack-words.ts";
import { portChain } from "./port-chain.ts";
import { stageTile } from "./stage-tile.ts";

/** The buffers `f` reads itself (not only passes on). */
function readBuffers(f: Func): Set<string> {
  const out = new Set<string>();
  visitExprs(f.body, (x) => void (x.kind === "load" && out.add(x.buffer)));
  return out;
}

const reads = (f: Func, param: string): boolean => readBuffers(f).has(param);

/**
 * `m` with the loaders of the top's ports `ports` (streamed) staged and reading words, and those of
 * on-chip arrays staged. Ports that share a loader (a function called once per weight) share its
 * words; if a function that takes words would also be passed an array that does not (called with an
 * on-chip array as well), no port is read in words.
 */
function widenLoaders(m: Module, ports: readonly string[]): Module {
  let out = m;
  for (const port of ports) {
    const top = out.functions.find((f) => f.name === out.top) as Func;
    const chain = portChain(out, top, port);
    const loaders = chain.filter((u) => reads(u.func, u.param));
    if (loaders.length !== 1) continue;
    const [{ func, param }] = loaders;
    const shared = func.buffers[param].word;
    const staged = shared ? func : (stageTile(func, param, beatLanes(func.buffers[param])) ?? func);
    const w = shared ?? wordLanes(staged, param);
    const loader = w > 1 && !shared ? packWords(staged, param, w) : staged;
    const widened = (f: Func, p: string): Func =>
      w > 1 && !f.buffers[p].word ? { ...f, buffers: { ...f.buffers, [p]: wordDecl(f.buffers[p], w) } } : f;
    const renamed = new Map(
      chain.map((u) => [u.func.name, u.func === func ? loader : widened(u.func, u.param)]),
    );
    out = { ...out, functions: out.functions.map((f) => renamed.get(f.name) ?? f) };
  }
  if (!wordsAgree(out)) out = m;
  return { ...out, functions: out.functions.map(stageOnChip) };
}

/** Whether every call passes arrays of words exactly to parameters of words (the C++ types agree). */
function wordsAgree(m: Module): boolean {
  const funcs = new Map(m.functions.map((f) => [f.name, f]));
  let agree = true;
  for (const f of m.functions)
    visitStmts(f.body, (s) => {
      const callee = s.kind === "call" ? funcs.get(s.callee) : undefined;
      if (s.kind !== "call" || !callee) return;
      s.args.forEach((a, k) => {
        const p = callee.params[k];
        if (a.kind !== "buffer" || p?.kind !== "buffer") return;
        agree &&= f.buffers[a.name]?.word === callee.buffers[p.name]?.word;
      });
    });
  return agree;
}

/**
 * A loader of an unpartitioned on-chip array (a layer's activations between two PE arrays) reads two
 * elements a cycle through its RAM's two ports: it stages the same tile, filled an element a cycle.
 */
function stageOnChip(f: Func): Func {
  let out = f;
  let read: Set<string> | undefined;
  for (const p of f.params) {
    const d = p.kind === "buffer" ? f.buffers[p.name] : undefined;
    // A scalar (a PE's own element of C after slicing) has no tile to stage.
    if (!d || d.stream || d.word || d.shape.length === 0 || !isUnpartitioned(bufferLayout(d))) continue;
    if (!(read ??= readBuffers(f)).has(p.name)) continue;
    out = stageTile(out, p.name, 1) ?? out;
  }
  return out;
}

/**
 * The prepared kernel `m` with the loaders of the Vitis top's streamed ports (streamed-ports.ts, by
 * argument position) widened, and the declarations of the ports it now reads in words, by position.
 */
export function widenStreamedPorts(
  m: Module,
  streamed: ReadonlySet<number>,
): { module: Module; words: Map<number, BufferDecl> } {
  const params = (m.functions.find((f) => f.name === m.top) as Func).params;
  const names = new Map(
    [...streamed].flatMap((k) => (params[k]?.kind === "buffer" ? [[k, params[k].name]] : [])),
  );
  const module = widenLoaders(m, [...names.values()]);
  const top = module.functions.find((f) => f.name === m.top) as Func;
  const words = new Map<number, BufferDecl>();
  for (const [k, name] of names) if (top.buffers[name].word) words.set(k, top.buffers[name]);
  return { module, words };
}
