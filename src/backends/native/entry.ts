// The C++ side of a native call: `extern "C" int <entry>(void* a0, ..., double* fault)` per top, which
// turns each argument into what the top function takes (argument plans in abi.ts), calls it, converts
// the written arrays back, and returns 0; an index the printer could not prove in bounds is checked
// (allo_nat::ix) and, outside its dimension, ends the call with 1 and the site and index in `fault`; so
// is a bit position outside its value (allo_nat::bitpos). A dataflow deadlock ends it with 2, data left
// in a region's stream with 3, and the report in allo_nat_report() (include/allo_dataflow.h).

import type { BufferDecl } from "../../ir/nodes.ts";
import type { ElemType } from "../../types/dtype.ts";
import { castText } from "../cxx/convert.ts";
import type { Helper } from "../cxx/prelude.ts";
import { category, cType, widthOf } from "../cxx/types.ts";
import { elemBytes, elemCount } from "../hls/data.ts";
import type { ArgPlan } from "./abi.ts";

/** The runtime a translation unit includes: the checks' escape, and the coroutines when it has dataflow. */
export const nativeRuntime = (dataflow: boolean): string =>
  dataflow ? "#include <allo_dataflow.h>\n" : "#include <allo_native.h>\n";

const dims = (b: BufferDecl): string =>
  b.shape
    .slice(1)
    .map((d) => `[${d}]`)
    .join("");

/** A pointer to the top's array parameter of buffer b, from a pointer to its first element. */
const arrayPtr = (b: BufferDecl, p: string): string =>
  b.shape.length <= 1 ? `(${cType(b.type)}*)${p}` : `(${cType(b.type)}(*)${dims(b)})${p}`;

/** One element of type t from raw little-endian bytes at `p` (../hls/data.ts's layout). */
function fromBytes(t: ElemType, p: string): string {
  const T = cType(t);
  if (t.kind === "float") {
    const F = t.bits === 64 ? "double" : "float";
    return `[&] { ${F} x; memcpy(&x, ${p}, sizeof x); return (${T})x; }()`;
  }
  const raw = `allo_tb::raw_at<${widthOf(t)}>(${p})`;
  if (category(t) === "fixed") return `[&] { ${T} x; x.range(${widthOf(t) - 1}, 0) = ${raw}; return x; }()`;
  if (category(t) === "bool") return `(${raw} != 0)`;
  return category(t) === "ap" ? `${T}(${raw})` : `(${T})${raw}.to_uint64()`;
}

/** Statement storing element x of type t as raw bytes at `p`. */
function toBytes(t: ElemType, x: string, p: string): string {
  if (t.kind === "float") {
    const F = t.bits === 64 ? "double" : "float";
    return `{ ${F} y = (${F})${x}; memcpy(${p}, &y, sizeof y); }`;
  }
  const W = widthOf(t);
  const bits = category(t) === "fixed" ? `ap_uint<${W}>(${x}.range(${W - 1}, 0))` : `ap_uint<${W}>(${x})`;
  return `allo_tb::put_raw<${W}>(${p}, ${bits});`;
}

/**
 * An ap_int of at most 64 bits in a 64-bit boundary array: one limb, which holds an in-range value as
 * the boundary's int64 or uint64 does.
 */
const sharesLayout = (t: ElemType, boundary: ElemType): boolean =>
  t.kind === "int" &&
  category(t) === "ap" &&
  widthOf(t) <= 64 &&
  boundary.kind === "int" &&
  boundary.bits === 64;

/**
 * The user's array itself when every element is already a value of type t (the usual case: then the
 * kernel's writes are the boundary's values too), else the converted copy and its conversion back.
 */
function inPlace(
  { arg, boundary: B }: ArgPlan,
  a: string,
  buf: string,
  buffer: string,
  pre: string[],
  post: string[],
  helpers: Set<Helper>,
): string {
  const b = arg.decl;
  const boundary = B as ElemType;
  const T = cType(b.type);
  const n = elemCount(b);
  const src = `((${cType(boundary)}*)${a})[i]`;
  const roundTrip = castText(castText(src, boundary, b.type, helpers), b.type, boundary, helpers);
  pre.push(
    `  ${T}* p_${buf} = (${T}*)${a};`,
    `  bool fits_${buf} = true;`,
    `  for (long long i = 0; i < ${n}; i++) fits_${buf} &= ${roundTrip} == ${src};`,
    `  if (!fits_${buf}) {`,
    `  ${buffer}`,
    `    p_${buf} = ${buf}.get();`,
    `    for (long long i = 0; i < ${n}; i++) p_${buf}[i] = ${castText(src, boundary, b.type, helpers)};`,
    "  }",
  );
  if (arg.output) {
    const back = castText(`p_${buf}[i]`, b.type, boundary, helpers);
    post.push(`  if (!fits_${buf}) for (long long i = 0; i < ${n}; i++) ${src} = ${back};`);
  }
  return arrayPtr(b, `p_${buf}`);
}

/** How the entry runs a module with streams or regions left (coroutines, include/allo_dataflow.h). */
export interface EntryDataflow {
  /** A top that may block is a coroutine, driven to completion; the number names it in a report. */
  readonly drive?: number;
}

/**
 * The extern "C" entry `name` calling C++ function `top` with the planned arguments; with `dataflow`,
 * each call first resets the coroutines' pool.
 */
export function entryText(
  name: string,
  top: string,
  plans: readonly ArgPlan[],
  helpers: Set<Helper>,
  dataflow?: EntryDataflow,
): string {
  const drive = dataflow?.drive;
  const pre: string[] = [];
  const post: string[] = [];
  const call = plans.map((p, k) => {
    const b = p.arg.decl;
    const T = cType(b.type);
    const n = elemCount(b);
    const a = `a${k}`;
    if (p.kind === "direct" || p.kind === "limbs") return arrayPtr(b, a);
    const loop = (body: string) => `  for (long long i = 0; i < ${n}; i++) ${body}`;
    // One buffer per argument for the library's lifetime: a fresh one per call would cost its page
    // faults every call (as much as the conversions for a 128 KiB array). An output the call does not
    // read starts from zeros, as the CPU backend's fresh arrays do.
    const buffer = `  static thread_local std::unique_ptr<${T}[]> b${k}(new ${T}[${n}]);`;
    if (p.kind === "convert" && p.arg.input && sharesLayout(b.type, p.boundary as ElemType)) {
      return inPlace(p, a, `b${k}`, buffer, pre, post, helpers);
    }
    pre.push(buffer);
    if (!p.arg.input) pre.push(`  std::fill_n(b${k}.get(), ${n}, ${T}());`);
    if (p.kind === "bytes") {
      const at = `(unsigned char*)${a} + i * ${elemBytes(b.type)}`;
      if (p.arg.input) pre.push(loop(`b${k}[i] = ${fromBytes(b.type, at)};`));
      if (p.arg.output) post.push(loop(toBytes(b.type, `b${k}[i]`, at)));
      return p.arg.scalar ? `b${k}[0]` : arrayPtr(b, `b${k}.get()`);
    }
    const B = p.boundary as ElemType;
    const src = `((${cType(B)}*)${a})[i]`;
    if (p.arg.input) pre.push(loop(`b${k}[i] = ${castText(src, B, b.type, helpers)};`));
    if (p.arg.output) post.push(loop(`${src} = ${castText(`b${k}[i]`, b.type, B, helpers)};`));
    return arrayPtr(b, `b${k}.get()`);
  });
  const params = [...plans.map((_, k) => `void* a${k}`), "double* fault"].join(", ");
  return [
    `extern "C" __attribute__((visibility("default"))) int ${name}(${params}) {`,
    "  allo_nat::fault = fault;",
    ...(dataflow ? ["  allo_nat::begin_call();"] : []),
    ...pre,
    // setjmp may only be a whole controlling expression (C 7.13.1.1): its value is switched on.
    "  switch (setjmp(allo_nat::escape)) {",
    "    case 0: break;",
    "    case 1: return 1;",
    "    case 2: return 2;",
    "    default: return 3;",
    "  }",
    drive === undefined
      ? `  ${top}(${call.join(", ")});`
      : `  allo_nat::drive(${top}(${call.join(", ")}), ${drive});`,
    ...post,
    "  return 0;",
    "}",
    "",
  ].join("\n");
}
