// The Vitis HLS target of the C++ core: `#pragma HLS` directives for loops (pipeline, unroll,
// dataflow), functions (dataflow, inline), dataflow regions, and buffers: array_partition per
// partitioned dimension (dim 0 = every dimension; factors normalised as the layout types define them),
// the depth of each FIFO and bind_storage from bindStorage.

import { bufferLayout } from "../../ir/analysis/layout.ts";
import type { BufferDecl } from "../../ir/nodes.ts";
import type { CxxTarget } from "../cxx/target.ts";

/** The FIFO depth directive, in blocks for a block stream (the IR counts its depth in elements). */
export function streamPragma(b: BufferDecl, name: string): string {
  const depth = (b.stream?.depth ?? 2) / (b.stream?.block ?? 1);
  return `stream variable=${name} depth=${depth}`;
}

/** `array_partition` directives for a memory buffer, one per partitioned dimension. */
export function partitionPragmas(b: BufferDecl, name: string): string[] {
  if (b.stream || b.shape.length === 0) return [];
  return bufferLayout(b).flatMap((d, k) => {
    if (d.kind === "none") return [];
    const factor = d.kind === "complete" ? "" : ` factor=${d.factor}`;
    return [`array_partition variable=${name} ${d.kind} dim=${k + 1}${factor}`];
  });
}

/** `bind_storage` for a buffer bound with bindStorage (a 0-d local outlined from an array has none). */
export function storagePragmas(b: BufferDecl, name: string): string[] {
  const s = b.storage;
  if (!s || (b.shape.length === 0 && !b.stream)) return [];
  const latency = s.latency !== undefined ? ` latency=${s.latency}` : "";
  return [`bind_storage variable=${name} type=${s.type} impl=${s.impl}${latency}`];
}

export const HLS_TARGET: CxxTarget = {
  directivePrefix: "#pragma HLS ",
  functionDirectives: (f) => [
    ...(f.attrs.dataflow ? ["dataflow"] : []),
    ...(f.attrs.inline ? ["inline"] : []),
  ],
  loopDirectives: (st) => {
    const out: string[] = [];
    if (st.attrs.pipelineII !== undefined)
      out.push(`pipeline II=${st.attrs.pipelineII}${st.attrs.rewind ? " rewind" : ""}`);
    if (st.attrs.unroll !== undefined)
      out.push(st.attrs.unroll === 0 ? "unroll" : `unroll factor=${st.attrs.unroll}`);
    if (st.attrs.dataflow) out.push("dataflow");
    return out;
  },
  bufferDirectives: (b, name, local) => [
    ...(local && b.stream ? [streamPragma(b, name)] : []),
    ...partitionPragmas(b, name),
    ...storagePragmas(b, name),
  ],
  regionDirectives: ["dataflow"],
};
