// One pipelined loop (or flattened nest) end to end: Vitis's automatic partitions of the arrays whose
// ports would hold it back, the iteration's ops, its schedule, II with the
// reason it exceeds the target, the fabric rebinding of recurrence fadds under a user's pipeline
// directive, and the operator instances it needs (ceil(n / II) of each core: Vitis shares a core
// between the II cycles of an iteration).

import type { BufferDecl, Func, Stmt } from "../ir/nodes.ts";
import type { Env } from "./access.ts";
import { autoPartitioned } from "./auto-partition.ts";
import {
  callMii,
  type IterationSchedule,
  opBanks,
  recMii,
  resMii,
  scheduleIteration,
  type UsedImpl,
} from "./iteration.ts";
import { IterationBuilder, type Op, type OpsContext } from "./ops.ts";
import type { Profile } from "./profile.ts";
import type { FlatCounter } from "./recurrence.ts";

export interface PipelineEstimate {
  readonly ii: number;
  readonly il: number;
  readonly limitedBy?: string;
  /** Core instances: ceil(uses / II) per operator implementation. */
  readonly instances: readonly { readonly use: UsedImpl; readonly n: number }[];
  /** The arrays taken as automatically partitioned for this loop (auto-partition.ts), and a note on each. */
  readonly partitioned: readonly BufferDecl[];
  readonly notes: readonly string[];
}

/** The ops of an iteration over every environment (unrolled copies of the flattened loops). */
export function iterationOps(body: readonly Stmt[], envs: readonly Env[], ctx: OpsContext): Op[] {
  const b = new IterationBuilder(ctx);
  for (const env of envs) b.stmts(body, env);
  return b.ops;
}

/** Operator uses of a schedule, grouped by core, each use counted once. */
export function coreUses(s: IterationSchedule): Map<string, { use: UsedImpl; n: number }> {
  const out = new Map<string, { use: UsedImpl; n: number }>();
  for (let i = 0; i < s.binding.length; i++) {
    const use = s.binding[i];
    if (!use) continue;
    const key = `${use.key}/${use.impl.impl}/${use.impl.maxBits ?? ""}`;
    const cur = out.get(key);
    out.set(key, { use, n: (cur?.n ?? 0) + 1 });
  }
  return out;
}

export function estimatePipeline(
  given: readonly Op[],
  f: Func,
  chain: readonly FlatCounter[],
  p: Profile,
  target: number,
  userDirective: boolean,
  ports: ReadonlySet<string> = new Set(),
): PipelineEstimate {
  const { func: g, ops, partitioned, notes } = autoPartitioned(given, f, ports, p.mem.portsPerBank, target);
  const fabric = new Set<number>();
  const banks = opBanks(ops, g);
  let sched = scheduleIteration(ops, g, p, fabric, banks);
  let rec = recMii(ops, sched, chain, p);
  // Vitis binds a recurrence's fadd to the shorter fabric core when the user's target is missed.
  while (userDirective && rec.ii > target) {
    const more = rec.path.filter(
      (id) => ops[id].key === "fadd" && !fabric.has(id) && p.ops.fadd?.some((r) => r.impl === "fabric"),
    );
    if (more.length === 0) break;
    for (const id of more) fabric.add(id);
    sched = scheduleIteration(ops, g, p, fabric, banks);
    rec = recMii(ops, sched, chain, p);
  }
  const res = resMii(ops, g, p, ports, banks);
  const call = callMii(ops);
  const ii = Math.max(target, res.ii, rec.ii, call.ii);
  const limit = ii <= target ? undefined : [rec, res, call].find((b) => b.ii === ii)?.why;
  const instances = [...coreUses(sched).values()].map(({ use, n }) => ({ use, n: Math.ceil(n / ii) }));
  return { ii, il: sched.il, ...(limit ? { limitedBy: limit } : {}), instances, partitioned, notes };
}
