// `s.estimate()`: latency, interval, loop rows and resources of the design as the vitis_hls project
// synthesizes it (the wrapIo top around the kernel), from the loop IR and a target profile, without the
// vendor tools, after the HLS passes (units outlined into functions, so rows and calls are those of the
// C++). Functions are estimated bottom-up over calls, spatial regions as dataflow; see docs/estimate.md.

import { type InterfaceSpec, projectOptions } from "../backends/hls/options.ts";
import { HLS_PASSES } from "../backends/hls/passes.ts";
import { AlloError } from "../diagnostics/error.ts";
import type { BufferDecl, ForStmt, Func, Module, SpatialUnit } from "../ir/nodes.ts";
import { runPasses } from "../ir/passes/pass.ts";
import { serialisable } from "../util/json.ts";
import { bankTotal, Env } from "./access.ts";
import { formatEstimate } from "./format.ts";
import { type ProcessGraph, processGraphs, processKey } from "./graph.ts";
import { type FuncInterface, functionInterfaces } from "./interface.ts";
import { type FuncLabels, functionLabels } from "./labels.ts";
import { addStorage, type Storage, storageOf } from "./memory.ts";
import { NestEstimator } from "./nest.ts";
import type { FuncCost, NestContext, ProcessTiming } from "./nest-context.ts";
import { type Profile, resolveProfile } from "./profile.ts";
import { Renaming, type RowTemplate, replayRows, rowTemplates } from "./reuse.ts";
import type { LoopRow } from "./row.ts";
import { mayHaveTwin, structuralKey } from "./structural-key.ts";
import { wrapTop } from "./wrap.ts";

export type { GraphFifo, GraphProcess, ProcessGraph } from "./graph.ts";
export { type Profile, profiles } from "./profile.ts";
export type { LoopRow } from "./row.ts";

export interface EstimateOptions {
  /** A named profile ("u280", "u280-2.5ns", "pynq-z1") or an inline one; default "u280". */
  readonly profile?: string | Profile;
  /** Estimate the wrapIo top (default true, as the vitis_hls target builds it). */
  readonly wrapIo?: boolean;
  /** The vitis_hls build's `interfaces` (mode and m_axi bundle per argument), for the wrapIo top. */
  readonly interfaces?: Readonly<Record<string, InterfaceSpec>>;
}

export interface Resources {
  readonly dsp: number;
  readonly bram18k: number;
  readonly uram: number;
  readonly ff: number;
  readonly lut: number;
}

export class Estimate {
  constructor(
    readonly top: string,
    readonly latency: number,
    readonly interval: number,
    readonly loops: readonly LoopRow[],
    readonly resources: Resources,
    readonly profile: Profile,
    readonly dataflow: boolean,
    /** Where the model approximated (varying bounds, non-affine indices). */
    readonly notes: readonly string[],
    /**
     * With a dataflow region or PE array: latency and interval as co-simulation would measure them (FIFO
     * rates, fill and drain, back-pressure of FIFO depths), beside the csynth-equivalent ones above.
     */
    readonly cosim?: { readonly latency: number; readonly interval: number },
    /** The graphs of `graph` below, or how to extract them. */
    graphs: readonly ProcessGraph[] | (() => readonly ProcessGraph[]) = [],
  ) {
    // Extracted when first read (the report, JSON): a PE array's graph has thousands of processes.
    const extract = typeof graphs === "function" ? graphs : () => graphs;
    let made: readonly ProcessGraph[] | undefined;
    Object.defineProperty(this, "graph", { enumerable: true, get: () => (made ??= extract()) });
    // Results are data: `JSON.stringify(est)` keeps every number (non-finite ones by name, as verify results).
    serialisable(this);
  }

  /** The process/FIFO graph of each PE array and dataflow region, with per-process timing. */
  declare readonly graph: readonly ProcessGraph[];

  toString(): string {
    return formatEstimate(this);
  }
}

function checkOptions(o: EstimateOptions): void {
  for (const k of Object.keys(o)) {
    if (k !== "profile" && k !== "wrapIo" && k !== "interfaces")
      throw new AlloError(
        "AL7003",
        `unknown estimate option '${k}'; the options are profile, wrapIo and interfaces`,
      );
  }
  if (o.wrapIo !== undefined && typeof o.wrapIo !== "boolean")
    throw new AlloError("AL7003", "the estimate option wrapIo must be true or false");
}

/** The HLS passes' output per scheduled module (modules are immutable): a report's repeated estimates run them once. */
const afterPasses = new WeakMap<Module, Module>();
function hlsModule(source: Module): Module {
  let m = afterPasses.get(source);
  if (!m) {
    m = runPasses(HLS_PASSES, source).module;
    afterPasses.set(source, m);
  }
  return m;
}

export function estimateModule(source: Module, o: EstimateOptions = {}): Estimate {
  checkOptions(o);
  const profile = resolveProfile(o.profile);
  const prepared = hlsModule(source);
  const top = prepared.functions.find((f) => f.name === prepared.top) as Func;
  // Checked as the vitis_hls build checks them (AL9001).
  const { interfaces } = projectOptions({ interfaces: o.interfaces ?? {} }, top);
  const wrapper = o.wrapIo === false ? undefined : wrapTop(prepared, interfaces);
  const module = wrapper?.module ?? prepared;
  const rows: LoopRow[] = [];
  const notes: string[] = [];
  const costs = new Map<string, FuncCost>();
  const shapes = new Map<
    string,
    { cost: FuncCost; rows: readonly RowTemplate[]; storage: Storage; names: readonly string[] }
  >();
  const rowLoops = new Map<LoopRow, readonly ForStmt[]>();
  const storage = { bram18k: 0, uram: 0, ff: 0, lut: 0, dsp: 0 };
  const funcs = new Map<string, Func>(module.functions.map((f) => [f.name, f]));
  const keyed = mayHaveTwin(module.functions);
  const interfaceOf = functionInterfaces(module, wrapper);
  const estimate = (f: Func, labels = functionLabels(f), env: Env = Env.EMPTY): FuncCost => {
    const done = costs.get(f.name);
    if (done) return done;
    // A plain callee (no interface ports, no outer loop counters) equal in structure to one costed
    // before costs the same: its rows are replayed under its own labels (./reuse.ts).
    const iface = interfaceOf(f);
    const key = env.isEmpty && iface.ports.size === 0 && keyed(f) ? structuralKey(f) : undefined;
    const same = key === undefined ? undefined : shapes.get(key.key);
    if (key && same) {
      rows.push(...replayRows(f, labels, same.rows, new Renaming(same.names, key.names)));
      addStorage(storage, same.storage);
      costs.set(f.name, same.cost);
      return same.cost;
    }
    const at = rows.length;
    const cost = new NestEstimator(context(f, labels, iface, f === wrapper?.func)).func(env);
    costs.set(f.name, cost);
    const own = storageOfLocals(f);
    addStorage(storage, own);
    const templates = key === undefined ? undefined : rowTemplates(f, labels, rows.slice(at), rowLoops);
    if (key !== undefined && templates)
      shapes.set(key.key, { cost, rows: templates, storage: own, names: key.names });
    return cost;
  };
  const funcOf = (name: string): Func | undefined => funcs.get(name);
  const callee = (name: string): FuncCost => estimate(funcs.get(name) as Func);
  // After outlining a unit is one call of its own function; its body is costed in the region's function.
  const unit = (u: SpatialUnit, parent: Func, env: Env): FuncCost => {
    const f: Func = { ...parent, name: u.name, body: u.body, attrs: {} };
    return new NestEstimator(context(f, functionLabels(f), interfaceOf(parent), false)).func(env);
  };
  const timing = new Map<string, ProcessTiming>();
  const process = (region: string, u: string, t: ProcessTiming) => timing.set(processKey(region, u), t);
  // What the costing of a function (and of the units inside it, which share its buffers) finds about its
  // arrays' storage: the layout Vitis's automatic partitioning gives an array (the most banks when its
  // loops differ: one choice per array), and the ping-pong channels, which hold two copies.
  const autoLayouts = new WeakMap<Func["buffers"], Map<string, BufferDecl>>();
  const pipos = new WeakMap<Func["buffers"], Set<string>>();
  const autoPartition = (f: Func, decl: BufferDecl) => {
    let chosen = autoLayouts.get(f.buffers);
    if (!chosen) autoLayouts.set(f.buffers, (chosen = new Map()));
    const cur = chosen.get(decl.name);
    if (!cur || bankTotal(decl) > bankTotal(cur)) chosen.set(decl.name, decl);
  };
  const pipo = (f: Func, buffer: string) => {
    let set = pipos.get(f.buffers);
    if (!set) pipos.set(f.buffers, (set = new Set()));
    set.add(buffer);
  };
  /** The storage of a function's local arrays, after its costing. */
  const storageOfLocals = (f: Func): Storage => {
    const total = { bram18k: 0, uram: 0, ff: 0, lut: 0 };
    const auto = autoLayouts.get(f.buffers);
    const twice = pipos.get(f.buffers);
    for (const b of Object.values(f.buffers)) {
      if (b.role !== "local") continue;
      const one = storageOf(auto?.get(b.name) ?? b, profile);
      addStorage(total, one);
      if (twice?.has(b.name) && !b.stream) addStorage(total, one);
    }
    return total;
  };
  const nests: NestContext["nests"] = new Map();
  const shared = {
    notes,
    profile,
    rows,
    rowLoops,
    nests,
    callee,
    unit,
    funcOf,
    process,
    pipo,
    autoPartition,
  };
  function context(func: Func, labels: FuncLabels, iface: FuncInterface, io: boolean): NestContext {
    const { ports, axi, bundles } = iface;
    return { func, ports, axi, bundles, io, labels, ...shared };
  }
  const cost = wrapper ? estimate(wrapper.func, wrapper.labels) : estimate(top);
  const dataflow = top.attrs.dataflow === true;
  const resources: Resources = {
    dsp: cost.compute.dsp,
    bram18k: storage.bram18k,
    uram: storage.uram,
    ff: cost.compute.ff + storage.ff,
    lut: cost.compute.lut + storage.lut,
  };
  const uniqueNotes = [...new Set(notes)];
  return new Estimate(
    top.name,
    cost.latency,
    cost.interval,
    rows,
    resources,
    profile,
    dataflow,
    uniqueNotes,
    cost.cosim,
    () => processGraphs(source, timing),
  );
}
