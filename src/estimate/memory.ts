// Storage of on-chip buffers: per bank (after `layoutOf`), a completely partitioned buffer is registers,
// a bank of at most lutramMaxBits bits is LUTRAM, anything larger is the cheapest tiling of BRAM18K
// aspect ratios (ceil(W/w) * ceil(D/d) for each [depth d, width w] of the profile). FIFOs count their
// depth x width the same way. A `bindStorage` impl decides instead: "uram" tiles URAM288 blocks
// (4096 x 72), "bram" BRAM18K even when small, "lutram"/"srl" LUTRAM. A ping-pong (PIPO) channel
// between dataflow processes holds two copies (UG1399), so its storage counts twice.

import { bufferLayout } from "../ir/analysis/layout.ts";
import { widthOf } from "../ir/analysis/range.ts";
import type { BufferDecl } from "../ir/nodes.ts";
import { elementCount } from "../ir/shape.ts";
import { bankTotal } from "./access.ts";
import type { Profile } from "./profile.ts";

export interface Storage {
  readonly bram18k: number;
  readonly uram: number;
  readonly ff: number;
  readonly lut: number;
}

/** BRAM18K blocks for one bank of `depth` words of `width` bits (0: LUTRAM, unless BRAM is forced). */
export function bramBlocks(depth: number, width: number, p: Profile, force = false): number {
  if (depth * width <= p.mem.lutramMaxBits && !force) return 0;
  return Math.min(...p.mem.bram18kConfigs.map(([d, w]) => Math.ceil(width / w) * Math.ceil(depth / d)));
}

/** UltraScale+ URAM288: one fixed aspect, 4096 words of 72 bits (UG573). */
const URAM_DEPTH = 4096;
const URAM_WIDTH = 72;

export function storageOf(b: BufferDecl, p: Profile): Storage {
  const width = widthOf(b.type);
  if (b.stream) {
    const words = b.stream.depth;
    const banks = elementCount(b.shape);
    const bram = bramBlocks(words, width, p);
    return {
      bram18k: bram * banks,
      uram: 0,
      ff: bram ? 0 : banks * width,
      lut: bram ? 0 : banks * Math.ceil((words * width) / 10),
    };
  }
  const elems = elementCount(b.shape);
  const layout = bufferLayout(b);
  if (b.shape.length === 0 || layout.every((d) => d.kind === "complete"))
    return { bram18k: 0, uram: 0, ff: elems * width, lut: 0 };
  const banks = bankTotal(b);
  const depth = Math.ceil(elems / banks);
  const impl = b.storage?.impl ?? "auto";
  if (impl === "uram")
    return {
      bram18k: 0,
      uram: banks * Math.ceil(width / URAM_WIDTH) * Math.ceil(depth / URAM_DEPTH),
      ff: 0,
      lut: 0,
    };
  const per = impl === "lutram" || impl === "srl" ? 0 : bramBlocks(depth, width, p, impl === "bram");
  // LUTRAM: about a LUT per 10 bits and an output register, as small RAM_AUTO arrays report.
  return per
    ? { bram18k: per * banks, uram: 0, ff: 0, lut: 0 }
    : { bram18k: 0, uram: 0, ff: banks * width, lut: banks * Math.ceil((depth * width) / 10) };
}

export function addStorage(t: { -readonly [K in keyof Storage]: number }, s: Storage): void {
  t.bram18k += s.bram18k;
  t.uram += s.uram;
  t.ff += s.ff;
  t.lut += s.lut;
}
