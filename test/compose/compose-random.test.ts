// Randomized: over random call graphs (leaf kernels called by mid-level kernels, shared or through
// instance(f, id), called by a top), composing a leaf's or a mid-level kernel's random schedule onto
// the top gives the same module as writing the same steps on the top directly with the instance names
// that the naming rule predicts, and the composed design runs like the unscheduled one.
import assert from "node:assert/strict";
import { test } from "node:test";
import { printMlir } from "../../src/backends/mlir/print.ts";
import { AlloError } from "../../src/diagnostics/error.ts";
import { customize, type Schedule } from "../../src/index.ts";
import { assertSameRun, caught } from "../schedule/support.ts";
import { rng } from "../support/random.ts";

/** One step written against qualified names: `q("j")` is the loop j of the function the step targets. */
type Op = (s: Schedule, q: (name: string) => string) => void;

const OPS: readonly Op[] = [
  (s, q) => s.split(q("i"), 2),
  (s, q) => s.split(q("j"), 4),
  (s, q) => s.pipeline(q("j")),
  (s, q) => s.unroll(q("i"), 2),
  (s, q) => s.reorder(q("j"), q("i")),
  (s, q) => s.partition(q("B"), { type: "cyclic", dim: 2, factor: 2 }),
];

interface Call {
  readonly callee: string;
  readonly id?: string;
}

interface Graph {
  readonly text: string;
  /** The calls each mid-level kernel and the top make, in order. */
  readonly calls: Readonly<Record<string, readonly Call[]>>;
}

const LEAVES = ["L0", "L1"];
const MIDS = ["M0", "M1"];
const T = "int32<[8, 8]>";

function randomGraph(r: () => number): Graph {
  const pick = <X>(xs: readonly X[]) => xs[Math.floor(r() * xs.length)];
  let ids = 0;
  const call = (callees: readonly string[]): Call =>
    r() < 0.5 ? { callee: pick(callees) } : { callee: pick(callees), id: `c${++ids}` };
  const calls: Record<string, Call[]> = {};
  const show = (c: Call) => (c.id ? `instance(${c.callee}, "${c.id}")` : c.callee);
  const leaves = LEAVES.map(
    (l, k) =>
      `export function ${l}(A: ${T}, B: ${T}): void {\n  for (const [i, j] of grid(8, 8)) {\n    B[i][j] = A[i][j] * ${k + 2} + ${k};\n  }\n}\n`,
  );
  const mids = MIDS.map((m) => {
    calls[m] = [call(LEAVES), call(LEAVES)];
    const [a, b] = calls[m].map(show);
    return `export function ${m}(A: ${T}, B: ${T}): void {\n  const T: ${T} = zeros();\n  ${a}(A, T);\n  ${b}(T, B);\n}\n`;
  });
  calls.top = [call([...MIDS, ...LEAVES]), call(MIDS), call(MIDS)];
  const body = calls.top.map((c, k) => `  ${show(c)}(${k === 0 ? "A, B" : k === 1 ? "B, C" : "C, D"});`);
  const top = `export function top(A: ${T}, B: ${T}, C: ${T}, D: ${T}): void {\n${body.join("\n")}\n}\n`;
  const text = `import { grid, instance, type int32, zeros } from "allo-ts";\n${[...leaves, ...mids, top].join("")}`;
  return { text, calls };
}

/** Every function name the naming rule gives an instance of `kernel` in the top, with its suffix. */
function instancesOf(g: Graph, kernel: string): { name: string; suffix: string }[] {
  const out = new Map<string, string>();
  const visit = (f: string, suffix: string) => {
    if (f === kernel) out.set(`${f}${suffix}`, suffix);
    for (const c of g.calls[f] ?? []) visit(c.callee, c.id ? `_${c.id}${suffix}` : suffix);
  };
  visit("top", "");
  return [...out].map(([name, suffix]) => ({ name, suffix }));
}

/** Random ops that apply one after the other on `s` (through `q`), those that failed left out. */
function randomOps(r: () => number, s: Schedule, funcs: readonly string[]): [string, Op][] {
  const kept: [string, Op][] = [];
  for (let n = 0; n < 4; n++) {
    const op = OPS[Math.floor(r() * OPS.length)];
    const f = funcs[Math.floor(r() * funcs.length)];
    try {
      op(s, (x) => `${f}:${x}`);
      kept.push([f, op]);
    } catch (e) {
      if (!(e instanceof AlloError)) throw e;
    }
  }
  return kept;
}

const text = (s: Schedule) => printMlir(s.ir);

test("compose on random call graphs equals writing the steps on each instance directly", () => {
  let composedSteps = 0;
  for (let seed = 1; seed <= 24; seed++) {
    const r = rng(seed);
    const g = randomGraph(r);
    const kernel = [...LEAVES, ...MIDS][Math.floor(r() * 4)];
    const sub = customize(g.text, { name: kernel });
    const callees = [
      ...new Set((g.calls[kernel] ?? []).map((c) => (c.id ? `${c.callee}_${c.id}` : c.callee))),
    ];
    const ops = randomOps(r, sub, callees.length ? callees : [kernel]);
    const targets = instancesOf(g, kernel);
    const byId = r() < 0.4 ? targets.find((t) => t.suffix !== "") : undefined;
    const sTop = customize(g.text, { name: "top" });
    const chosen = byId ? [byId] : targets;
    if (chosen.length === 0) {
      assert.equal(caught(() => sTop.compose(sub)).code, "AL3301", `seed ${seed}: no instance of ${kernel}`);
      continue;
    }
    sTop.compose(sub, byId ? { id: byId.suffix.slice(1) } : {});
    const direct = customize(g.text, { name: "top" });
    for (const t of chosen) for (const [f, op] of ops) op(direct, (x) => `${f}${t.suffix}:${x}`);
    assert.equal(
      text(sTop),
      text(direct),
      `seed ${seed}: ${kernel} into ${chosen.map((t) => t.name)}\n${g.text}`,
    );
    assert.equal(sTop.steps.length, chosen.length * ops.length);
    composedSteps += sTop.steps.length;
    assertSameRun(sTop.original, sTop.ir, `seed ${seed}`, [seed]);
  }
  assert.ok(composedSteps > 20, `the random schedules compose some steps (${composedSteps})`);
});
