// Whether two modules can be compared: their top functions must take the same parameters (kind,
// element type, number of elements, in order) and return the same buffers. Names may differ; outputs
// are matched by position, elements in row-major order, so a reshaped parameter (same storage at the
// boundary) still compares. Stream interfaces are not compared (the verifier reads memory buffers).

import type { Func, Module } from "../ir/nodes.ts";
import { elementCount } from "../ir/shape.ts";
import { typeName } from "../types/dtype.ts";

export function topOf(m: Module): Func | undefined {
  return m.functions.find((f) => f.name === m.top);
}

/** What must agree between matched buffers: stream or memory, element type, element count. */
function bufferKey(f: Func, name: string): string {
  const b = f.buffers[name];
  return `${b.stream ? "stream " : ""}${typeName(b.type)} x ${elementCount(b.shape)}`;
}

function paramKey(f: Func, k: number): string {
  const p = f.params[k];
  return p.kind === "scalar" ? `scalar ${typeName(p.type)}` : bufferKey(f, p.name);
}

function describeParam(f: Func, k: number): string {
  const p = f.params[k];
  if (p.kind === "scalar") return `${p.name}: ${typeName(p.type)}`;
  return describeBuffer(f, p.name);
}

function describeBuffer(f: Func, name: string): string {
  const b = f.buffers[name];
  const shape = b.shape.length ? `[${b.shape.join(", ")}]` : "";
  return `${name}: ${b.stream ? "stream " : ""}${typeName(b.type)}${shape}`;
}

/** Why the two functions' interfaces differ, or undefined when they match. */
export function signatureMismatch(a: Func, b: Func, labels: readonly [string, string]): string | undefined {
  const [la, lb] = labels;
  const streams = [a, b].flatMap((f) =>
    [...f.params.flatMap((p) => (p.kind === "buffer" ? [p.name] : [])), ...f.results]
      .filter((n) => f.buffers[n].stream)
      .map((n) => `'${f.name}:${n}'`),
  );
  if (streams.length) return `stream parameters or results cannot be compared: ${streams.join(", ")}`;
  if (a.params.length !== b.params.length) {
    return `the signatures differ: '${a.name}' takes ${a.params.length} parameter(s) in the ${la} module, '${b.name}' takes ${b.params.length} in the ${lb}`;
  }
  for (let k = 0; k < a.params.length; k++) {
    if (paramKey(a, k) !== paramKey(b, k)) {
      return `the signatures differ: parameter ${k + 1} is '${describeParam(a, k)}' in the ${la} module and '${describeParam(b, k)}' in the ${lb}`;
    }
  }
  if (a.results.length !== b.results.length) {
    return `the signatures differ: ${a.results.length} returned buffer(s) in the ${la} module, ${b.results.length} in the ${lb}`;
  }
  for (let k = 0; k < a.results.length; k++) {
    if (bufferKey(a, a.results[k]) !== bufferKey(b, b.results[k])) {
      return `the signatures differ: result ${k + 1} is '${describeBuffer(a, a.results[k])}' in the ${la} module and '${describeBuffer(b, b.results[k])}' in the ${lb}`;
    }
  }
  return undefined;
}
