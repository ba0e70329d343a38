// What the costing of one function sees and gives back (./nest.ts): the estimate's shared context
// (profile, rows, callees, units, reuse of nests), a function's cost, and a pipelined nest's costing.

import type { BufferDecl, ForStmt, Func, SpatialUnit } from "../ir/nodes.ts";
import type { Env } from "./access.ts";
import type { ChannelUse } from "./axi-channels.ts";
import type { Beats } from "./bus-beats.ts";
import type { FuncLabels } from "./labels.ts";
import type { Op, OpsContext } from "./ops.ts";
import type { PipelineEstimate } from "./pipeline.ts";
import type { Profile } from "./profile.ts";
import type { FlatCounter } from "./recurrence.ts";
import type { LoopRow } from "./row.ts";

export interface Tally {
  dsp: number;
  ff: number;
  lut: number;
}

export interface FuncCost {
  readonly latency: number;
  /** Cycles between starts: latency + 1 when sequential, the region's interval for a dataflow body. */
  readonly interval: number;
  readonly compute: Tally;
  /** Latency and interval under the cosim-like model, when a dataflow region runs inside. */
  readonly cosim?: { readonly latency: number; readonly interval: number };
  /** Its m_axi reads and writes per bundle channel over the whole run (./bus-beats.ts). */
  readonly beats?: Beats;
}

export interface NestContext extends OpsContext {
  readonly profile: Profile;
  readonly labels: FuncLabels;
  readonly rows: LoopRow[];
  /** The loops each row stands for (outer first), so a structurally equal function can reuse the rows. */
  readonly rowLoops: Map<LoopRow, readonly ForStmt[]>;
  /** The module's functions by name (a call's FIFO arguments are read or written as the callee does). */
  readonly funcOf: (name: string) => Func | undefined;
  /** The function is the wrapIo top: its loops are interface copies. */
  readonly io?: boolean;
  /** The estimate of a callee (computed once, bottom-up). */
  readonly callee: (name: string) => FuncCost;
  /** The estimate of a unit of a spatial region of `func` (structurally equal units once). */
  readonly unit: (u: SpatialUnit, func: Func, env: Env) => FuncCost;
  /** Told each process's timing (region name, unit name), for the estimate's process graph. */
  readonly process: (region: string, unit: string, t: ProcessTiming) => void;
  /** Told each local array of `func` that is a ping-pong channel between two of its processes. */
  readonly pipo: (func: Func, buffer: string) => void;
  /** The pipelined nests costed so far, by nest key (./reuse.ts), with the names of the one costed. */
  readonly nests: Map<string, NestCosting & { readonly names: readonly string[] }>;
  /** Told each array of `func` a pipelined loop takes as automatically partitioned, with that layout. */
  readonly autoPartition: (func: Func, decl: BufferDecl) => void;
}

/** A nest flattened into one loop: its counters, their product and the ops of one iteration. */
export interface FlatNest {
  readonly counters: FlatCounter[];
  readonly trip: number;
  readonly ops: readonly Op[];
}

/** What a pipelined nest costs, apart from where it is: trip count, II, IL, cores, channel beats, calls. */
export interface NestCosting {
  readonly trip: number;
  readonly est: PipelineEstimate;
  /** The m_axi channel uses of one iteration. */
  readonly uses: readonly ChannelUse[];
  readonly callees: readonly string[];
  /** What costing it told the user (trip counts of varying bounds). */
  readonly notes: readonly string[];
}

export interface ProcessTiming {
  readonly latency: number;
  readonly interval: number;
}
