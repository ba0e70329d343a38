// Layout-class inference against its specification: on random call trees with random partitions the
// union-find result equals the worklist fixpoint over the bindings (computed here by brute force), and
// the work is linear: a chain of 1000 calls costs one union per binding and a bounded number of finds.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type Layout, layoutJoin, layoutOf, layoutText, sameLayout } from "../../src/ir/analysis/layout.ts";
import { inferLayoutClasses } from "../../src/ir/analysis/layout-classes.ts";
import type { BufferDecl, Func, Module, Partition, PartitionType, Stmt } from "../../src/ir/nodes.ts";
import { rng } from "../support/random.ts";

const SHAPE = [12, 8];
const INT = { kind: "int", bits: 32, signed: true } as const;
const TYPES: readonly PartitionType[] = ["complete", "block", "cyclic"];

const decl = (name: string, role: BufferDecl["role"], partitions: Partition[] = []): BufferDecl => ({
  name,
  type: INT,
  shape: SHAPE,
  role,
  partitions,
});

const call = (callee: string, args: readonly string[]): Stmt => ({
  kind: "call",
  callee,
  args: args.map((name) => ({ kind: "buffer", name })),
  results: [],
});

function func(name: string, params: string[], locals: string[], body: Stmt[]): Func {
  const buffers: Record<string, BufferDecl> = {};
  for (const p of params) buffers[p] = decl(p, "param");
  for (const l of locals) buffers[l] = decl(l, "local");
  return {
    name,
    params: params.map((p) => ({ kind: "buffer", name: p })),
    results: [],
    buffers,
    body,
    attrs: {},
  };
}

/** A random call tree: each function has 2 params and 1 local and calls up to 2 later functions. */
function randomModule(r: () => number): Module {
  const n = 2 + Math.floor(r() * 6);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const functions: Func[] = [];
  for (let k = n - 1; k >= 0; k--) {
    const own = [`p${k}a`, `p${k}b`, `l${k}`];
    const body = functions
      .filter(() => r() < 0.6)
      .slice(0, 2)
      .map((g) => call(g.name, [pick(own), pick(own)]));
    functions.unshift(func(`f${k}`, own.slice(0, 2), own.slice(2), body));
  }
  // Random partitions from 3 schedules: one requirement per (buffer, schedule), different dimensions.
  const withParts = functions.map((f) => {
    const buffers = { ...f.buffers };
    for (const b of Object.values(buffers)) {
      const parts: Partition[] = [];
      for (let schedule = 1; schedule <= 3; schedule++) {
        for (const dim of [1, 2]) {
          if (r() < 0.12)
            parts.push({ type: pick(TYPES), dim, factor: 2 + Math.floor(r() * 5), from: { schedule } });
        }
      }
      buffers[b.name] = { ...b, partitions: parts };
    }
    return { ...f, buffers };
  });
  return { functions: withParts, top: "f0" };
}

/** The specification: ℓ rises from each requirement along the bindings until nothing changes. */
function bruteForce(m: Module) {
  const keys = m.functions.flatMap((f) => Object.keys(f.buffers).map((b) => `${f.name}:${b}`));
  const neighbours = new Map(keys.map((k) => [k, [] as string[]]));
  for (const f of m.functions) {
    for (const s of f.body) {
      if (s.kind !== "call") continue;
      const callee = m.functions.find((g) => g.name === s.callee)!;
      s.args.forEach((a, k) => {
        const u = `${f.name}:${a.kind === "buffer" ? a.name : ""}`;
        const w = `${callee.name}:${callee.params[k].name}`;
        neighbours.get(u)!.push(w);
        neighbours.get(w)!.push(u);
      });
    }
  }
  const reqs = new Map<string, Layout[]>(keys.map((k) => [k, []]));
  const l = new Map<string, Layout>(keys.map((k) => [k, layoutOf(SHAPE, [])]));
  for (const f of m.functions) {
    for (const b of Object.values(f.buffers)) {
      for (const s of [1, 2, 3]) {
        const parts = b.partitions.filter((p) => p.from?.schedule === s);
        if (parts.length === 0) continue;
        const d = layoutOf(SHAPE, parts);
        reqs.get(`${f.name}:${b.name}`)!.push(d);
        l.set(`${f.name}:${b.name}`, layoutJoin(l.get(`${f.name}:${b.name}`)!, d, SHAPE));
      }
    }
  }
  const work = [...keys];
  while (work.length > 0) {
    const v = work.pop()!;
    for (const w of neighbours.get(v)!) {
      const next = layoutJoin(l.get(w)!, l.get(v)!, SHAPE);
      if (!sameLayout(next, l.get(w)!)) {
        l.set(w, next);
        work.push(w);
      }
    }
  }
  const component = (v: string): string[] => {
    const seen = new Set([v]);
    const queue = [v];
    for (let k = 0; k < queue.length; k++)
      for (const w of neighbours.get(queue[k])!) if (!seen.has(w) && seen.add(w)) queue.push(w);
    return [...seen];
  };
  const accepted = (v: string) =>
    component(v).some((u) => reqs.get(u)!.some((d) => sameLayout(d, l.get(v)!)));
  return { keys, l, accepted, hasReq: (v: string) => component(v).some((u) => reqs.get(u)!.length > 0) };
}

test("union-find inference equals the worklist fixpoint on random call trees and partitions", () => {
  const r = rng(2026);
  const seen = { accepted: 0, rejected: 0 };
  for (let trial = 0; trial < 300; trial++) {
    const m = randomModule(r);
    const got = inferLayoutClasses(m);
    const want = bruteForce(m);
    const classOf = new Map(got.classes.flatMap((c) => c.members.map((k) => [k, c])));
    for (const v of want.keys) {
      const c = classOf.get(v);
      const at = `trial ${trial}, ${v}`;
      assert.equal(c !== undefined, want.hasReq(v), `${at}: has a requirement in its class`);
      const layout = c ? c.join : layoutOf(SHAPE, []);
      assert.equal(layoutText(layout), layoutText(want.l.get(v)!), at);
      if (c) assert.equal(c.accepted, want.accepted(v), `${at}: accepted`);
    }
    for (const c of got.classes) seen[c.accepted ? "accepted" : "rejected"]++;
  }
  assert.ok(seen.accepted > 50 && seen.rejected > 50, `both outcomes are exercised: ${JSON.stringify(seen)}`);
});

test("inference is linear: a 1000-call chain is 999 unions and a bounded number of find steps", () => {
  const chain = (n: number): Module => ({
    functions: Array.from({ length: n }, (_, k) => {
      const f = func(`f${k}`, ["A"], [], k + 1 < n ? [call(`f${k + 1}`, ["A"])] : []);
      if (k !== n - 1) return f;
      return {
        ...f,
        buffers: { A: decl("A", "param", [{ type: "cyclic", dim: 2, factor: 2, from: { schedule: 1 } }]) },
      };
    }),
    top: "f0",
  });
  const small = inferLayoutClasses(chain(1000));
  assert.equal(small.unions, 999);
  assert.equal(small.classes.length, 1);
  assert.equal(small.classes[0].members.length, 1000);
  assert.equal(small.classes[0].members[0], "f0:A", "outermost function first");
  assert.ok(small.findSteps <= 2 * (1000 + small.unions), `find steps ${small.findSteps}`);
  const big = inferLayoutClasses(chain(4000));
  assert.equal(big.unions, 3999);
  assert.ok(big.findSteps <= 2 * (4000 + big.unions), `4x the chain: ${big.findSteps} find steps`);
});
