// Layout inference as a schedule step sees it: after every step that changed the module, the layout
// classes are recomputed (src/ir/analysis/layout-classes.ts) and every member of a partitioned class
// gets the class's layout, which MLIR and HLS print. A class whose requirements have no greatest
// element (AL3402) or that holds a stream (AL3403) fails the step, naming every requirement and binding;
// the Schedule tags each partition request with the schedule that asks (one requirement per schedule).

import { AlloError, type Note, where } from "../diagnostics/error.ts";
import { isUnpartitioned, type Layout, layoutText, sameLayout } from "../ir/analysis/layout.ts";
import {
  type Binding,
  inferLayoutClasses,
  type LayoutClass,
  maximalRequirements,
  type Requirement,
} from "../ir/analysis/layout-classes.ts";
import type { BufferDecl, Func, Module, Span } from "../ir/nodes.ts";
import { atCallSite } from "./call-site.ts";
import type { PartitionRequest } from "./primitives/partition.ts";

/** `m` with every buffer carrying its class's layout (the same module when nothing changes). */
export function withLayouts(m: Module): Module {
  const layouts = new Map<string, Layout>();
  for (const c of inferLayoutClasses(m).classes) {
    if (c.stream) throw streamInClass(m, c);
    if (!c.accepted) throw incompatible(m, c);
    if (!isUnpartitioned(c.join)) for (const k of c.members) layouts.set(k, c.join);
  }
  let changed = false;
  const functions = m.functions.map((f): Func => {
    let buffers: Record<string, BufferDecl> | undefined;
    for (const b of Object.values(f.buffers)) {
      const want = layouts.get(`${f.name}:${b.name}`);
      if (want === undefined ? b.layout === undefined : b.layout && sameLayout(b.layout, want)) continue;
      const { layout: _, ...rest } = b;
      buffers ??= { ...f.buffers };
      buffers[b.name] = want ? { ...rest, layout: want } : rest;
    }
    if (!buffers) return f;
    changed = true;
    return { ...f, buffers };
  });
  return changed ? { ...m, functions } : m;
}

/** partition's request, tagged with the schedule that asks and where (its layout requirement). */
export function tagPartition(
  resolved: readonly unknown[],
  schedule: number,
  site?: Span,
  via?: Span,
): unknown[] {
  const [buf, req] = resolved;
  const from = { schedule, ...(site ? { site } : {}), ...(via ? { via } : {}) };
  return [buf, { ...(req as PartitionRequest), from }];
}

/**
 * A changed module with its layout classes re-inferred (the same module when the step changed nothing);
 * a layout conflict is the error of the step that completes it, at its call (a compose's for a replay).
 */
export function layoutsOf(before: Module, after: Module, at: Span | undefined): Module {
  if (after === before) return after;
  try {
    return withLayouts(after);
  } catch (e) {
    throw e instanceof AlloError ? atCallSite(e, at) : e;
  }
}

/** `Y` in the top, `f:Y` elsewhere. */
const shown = (m: Module, key: string): string =>
  key.startsWith(`${m.top}:`) ? key.slice(m.top.length + 1) : key;

function requirementNote(r: Requirement): Note {
  const via = r.from?.via ? ` (via compose at ${where(r.from.via)})` : "";
  return {
    ...(r.from?.site ? { span: r.from.site } : {}),
    message: `'${r.buffer}' requires ${layoutText(r.layout)}${via}`,
  };
}

function bindingNote(b: Binding): Note {
  const message =
    b.kind === "arg"
      ? `'${b.outer}' is passed as ${b.inner} to ${b.callee} here`
      : `'${b.outer}' is the result of ${b.callee} (its returned '${b.inner}') here`;
  return { ...(b.span ? { span: b.span } : {}), message };
}

/** The partition calls that state `l` on `buf`: dim 0 when every dimension is complete. */
function partitionCalls(buf: string, l: Layout): string {
  if (l.every((d) => d.kind === "complete")) return `s.partition("${buf}", { type: "complete", dim: 0 })`;
  return l
    .flatMap((d, k) => {
      if (d.kind === "none") return [];
      const factor = d.kind === "complete" ? "" : `, factor: ${d.factor}`;
      return [`s.partition("${buf}", { type: "${d.kind}", dim: ${k + 1}${factor} })`];
    })
    .join("; ");
}

/** AL3402: the class's maximal requirements are incomparable; their join is the one-line fix. */
function incompatible(m: Module, c: LayoutClass): AlloError {
  const max = maximalRequirements(c);
  const join = layoutText(c.join);
  const which = max.length === 2 ? "both" : `all ${max.length}`;
  const notes: Note[] = [
    ...max.map(requirementNote),
    ...c.bindings.map(bindingNote),
    {
      message: `${join} satisfies ${which}; state it first, before the steps above: ${partitionCalls(shown(m, c.members[0]), c.join)}`,
    },
  ];
  return new AlloError(
    "AL3402",
    `Incompatible layouts for '${c.members[0]}': no requirement covers all the others.`,
    {
      notes,
      details: {
        buffer: c.members[0],
        members: c.members,
        requirements: max.map((r) => ({
          buffer: r.buffer,
          layout: layoutText(r.layout),
          ...(r.from?.site ? { at: where(r.from.site) } : {}),
        })),
        join,
      },
    },
  );
}

/** AL3403: a stream is bound to a partitioned buffer; a FIFO has no banks. */
function streamInClass(m: Module, c: LayoutClass): AlloError {
  const stream = c.stream!;
  return new AlloError(
    "AL3403",
    `'${stream}' is a stream, and it is bound to buffers partitioned as ${layoutText(c.join)}; a stream has no banks: partition a buffer that is not bound to '${shown(m, stream)}', or do not stream it`,
    {
      notes: [...c.requirements.map(requirementNote), ...c.bindings.map(bindingNote)],
      details: { buffer: stream, members: c.members, join: layoutText(c.join) },
    },
  );
}
