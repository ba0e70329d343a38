// bindStorage(buffer, { impl, type, latency }): which memory the HLS tools build a buffer from (Vitis's
// bind_storage: BRAM, URAM, LUTRAM or SRL; one- or two-port RAM, ROM or FIFO). An annotation: values do
// not change, so the verifier proves the step without running it; the HLS backend prints the pragma.

import type { Func, Module, StorageBinding, StorageImpl, StorageType } from "../../ir/nodes.ts";
import { visitStmts } from "../../ir/walk.ts";
import type { BufferRef } from "../refs.ts";
import { type PrimitiveResult, primitiveError } from "./result.ts";
import { getFunc, withFunc } from "./util/loops.ts";

const P = "bindStorage";
export const STORAGE_IMPLS: readonly StorageImpl[] = ["bram", "uram", "lutram", "srl", "auto"];
export const STORAGE_TYPES: readonly StorageType[] = [
  "ram_1p",
  "ram_2p",
  "ram_t2p",
  "ram_s2p",
  "rom_1p",
  "rom_2p",
  "fifo",
];

/**
 * Binds `buf` to `binding` (impl and type are checked against the lists above by the registry).
 * Errors (AL3022): a scalar; a stream bound to anything but a fifo, or to URAM; a memory buffer bound
 * to a fifo; a ROM that the function (or a callee it is passed to) writes; a latency below 1; a buffer
 * this schedule already bound.
 */
export function bindStorage(m: Module, buf: BufferRef, binding: StorageBinding): PrimitiveResult {
  const f = getFunc(m, buf.func, P);
  const decl = f.buffers[buf.buffer];
  if (!decl) throw primitiveError("AL3003", P, `no buffer '${buf.buffer}' in '${f.name}'`);
  const name = `'${decl.name}'`;
  const bad = (text: string) => primitiveError("AL3022", P, text);
  const { impl, type, latency } = binding;
  if (decl.shape.length === 0 && !decl.stream)
    throw bad(`${name} is a scalar, held in a register; bind the storage of arrays and streams`);
  if (decl.stream && type !== "fifo")
    throw bad(`${name} is a stream; bind it with type "fifo" (a ${type} is memory)`);
  if (decl.stream && impl === "uram")
    throw bad(`${name} is a stream, and URAM does not implement FIFOs here; use "bram", "lutram" or "srl"`);
  if (!decl.stream && type === "fifo")
    throw bad(`${name} is memory, not a stream; bind it as a RAM or ROM ("ram_2p", "rom_1p", ...)`);
  if (type.startsWith("rom") && writes(m, f, decl.name))
    throw bad(
      `${name} is written in '${f.name}', so it cannot be a ROM; bind it as a RAM ("ram_1p", "ram_2p")`,
    );
  if (latency !== undefined && (!Number.isInteger(latency) || latency < 1))
    throw bad(`the latency of ${name} must be a whole number of cycles >= 1, got ${latency}`);
  if (decl.storage) throw bad(`${name} is already bound (${describe(decl.storage)}); bind each buffer once`);
  const storage: StorageBinding = { impl, type, ...(latency !== undefined ? { latency } : {}) };
  return { module: withFunc(m, { ...f, buffers: { ...f.buffers, [decl.name]: { ...decl, storage } } }) };
}

const describe = (b: StorageBinding): string =>
  `type ${b.type}, impl ${b.impl}${b.latency !== undefined ? `, latency ${b.latency}` : ""}`;

/** Whether f stores to `buffer`, defines it by a call, or passes it to a callee that writes it. */
function writes(m: Module, f: Func, buffer: string, seen = new Set<string>()): boolean {
  const key = `${f.name}\0${buffer}`;
  if (seen.has(key)) return false;
  seen.add(key);
  let found = false;
  visitStmts(f.body, (s) => {
    if (s.kind === "store" && s.buffer === buffer) found = true;
    if (s.kind !== "call") return;
    if (s.results.includes(buffer)) found = true;
    const callee = m.functions.find((g) => g.name === s.callee);
    s.args.forEach((a, k) => {
      const p = callee?.params[k];
      if (callee && a.kind === "buffer" && a.name === buffer && p?.kind === "buffer")
        found ||= writes(m, callee, p.name, seen);
    });
  });
  return found;
}
