// The native CPU target of the C++ core: no directives; every element index no range proves in bounds
// goes through allo_nat::ix (AL5010 on the host, as on the CPU backend, instead of a stray write into
// the process), every such bit position through allo_nat::bitpos (AL5015); local arrays past 64 KiB
// are static (stackPrefix), because a kernel runs on the caller's thread and its stack (8 MB by default, shared with Node) cannot hold a large tile. Static is safe here: the
// C++ core refuses recursion, every local is filled (or fully overwritten) at its allocation, and a
// call runs on one thread at a time.

import type { BitPosSite, CheckSite, CxxTarget, IndexSite } from "../cxx/target.ts";
import { stackPrefix } from "../hls/data.ts";

/** A native target for one translation unit; `sites` collects the checks, by number. */
export function nativeTarget(sites: CheckSite[]): CxxTarget {
  return {
    directivePrefix: "// ",
    functionDirectives: () => [],
    loopDirectives: () => [],
    bufferDirectives: () => [],
    regionDirectives: [],
    checkIndex(index: string, site: IndexSite): string {
      sites.push(site);
      return `allo_nat::ix(${index}, ${site.buffer.shape[site.dim]}, ${sites.length - 1})`;
    },
    checkBitPos(pos: string, site: BitPosSite): string {
      sites.push(site);
      return `allo_nat::bitpos(${pos}, ${site.bitPos.bits - site.bitPos.width}, ${sites.length - 1})`;
    },
    localPrefix: stackPrefix,
  };
}
