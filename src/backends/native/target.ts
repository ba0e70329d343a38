// The native CPU target of the C++ core: no directives; every element index no range proves in bounds
// goes through allo_nat::ix (AL5010 on the host, as on the CPU backend, instead of a stray write into
// the process), every such bit position through allo_nat::bitpos (AL5015); local arrays past 64 KiB
// are static (stackPrefix), because a kernel runs on the caller's thread and its stack (8 MB by default, shared with Node) cannot hold a large tile. Static is safe here: the
// C++ core refuses recursion, every local is filled (or fully overwritten) at its allocation, and a
// call runs on one thread at a time (a coroutine's locals live in its frame instead). Streams and
// regions no static schedule was proven for run as coroutines (include/allo_dataflow.h).

import type {
  BitPosSite,
  CheckSite,
  CxxTarget,
  DriveSite,
  IndexSite,
  RegionSite,
  StreamSite,
  WaitSite,
} from "../cxx/target.ts";
import { stackPrefix } from "../hls/data.ts";

/** What a failed run's dataflow report names, by number (deadlock.ts reads it back). */
export interface DataflowSites {
  readonly waits: WaitSite[];
  readonly regions: RegionSite[];
  readonly drives: DriveSite[];
  readonly streams: StreamSite[];
}

export const noDataflowSites = (): DataflowSites => ({ waits: [], regions: [], drives: [], streams: [] });

/** A native target for one translation unit; `sites` collects the checks, `flow` the dataflow sites. */
export function nativeTarget(sites: CheckSite[], flow: DataflowSites): CxxTarget {
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
    coroutines: {
      waitSite: (s) => flow.waits.push(s) - 1,
      regionSite: (s) => flow.regions.push(s) - 1,
      driveSite: (s) => flow.drives.push(s) - 1,
      streamSite: (s) => flow.streams.push(s) - 1,
    },
  };
}
