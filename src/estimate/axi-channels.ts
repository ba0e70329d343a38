// The channels of the design's m_axi ports. Each bundle is one AXI4 master with a read channel and a
// write channel, so a pipelined loop issues at most `axiReadChannels` reads and `axiWriteChannels`
// writes of one bundle a cycle (profile `mem`: 1 and 1; Vitis: "Unable to schedule bus request
// operation on port 'gmem' due to limited memory ports"), whatever the layout behind the port: reads
// and writes do not take each other's channel, and arrays that share a bundle share its channels.

import type { Op } from "./ops.ts";
import type { Profile } from "./profile.ts";

export interface Channel {
  /** The key the port table books it under (distinct from every `buffer#bank`). */
  readonly key: string;
  readonly bundle: string;
  readonly dir: "read" | "write";
  /** Accesses it takes a cycle. */
  readonly capacity: number;
}

/** The channel an access takes, or undefined for an access that is not of an m_axi port. */
export function channelOf(op: Op, p: Profile): Channel | undefined {
  if (!op.bundle || (op.kind !== "load" && op.kind !== "store")) return undefined;
  const dir = op.kind === "load" ? "read" : "write";
  const capacity = dir === "read" ? p.mem.axiReadChannels : p.mem.axiWriteChannels;
  return { key: `m_axi ${op.bundle} ${dir}`, bundle: op.bundle, dir, capacity };
}

export interface ChannelUse {
  readonly channel: Channel;
  /** Accesses per iteration, and the arrays they are of. */
  readonly n: number;
  readonly arrays: ReadonlySet<string>;
}

/** The accesses of an iteration per channel. */
export function channelUses(ops: readonly Op[], p: Profile): ChannelUse[] {
  const uses = new Map<string, { channel: Channel; n: number; arrays: Set<string> }>();
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    const channel = channelOf(op, p);
    if (!channel) continue;
    const use = uses.get(channel.key) ?? { channel, n: 0, arrays: new Set<string>() };
    use.n++;
    use.arrays.add(op.buffer ?? "");
    uses.set(channel.key, use);
  }
  return [...uses.values()];
}

/** Why a channel holds the loop back, and what to do about it. */
export function channelConflict({ channel, n, arrays }: ChannelUse): string {
  const { bundle, dir, capacity } = channel;
  const names = [...arrays].map((a) => `'${a}'`).join(", ");
  const rate =
    capacity === 1
      ? `the single ${dir} channel of the m_axi bundle '${bundle}' takes one ${dir} a cycle`
      : `the ${capacity} ${dir} channels of the m_axi bundle '${bundle}' take ${capacity} ${dir}s a cycle`;
  const stage =
    dir === "read"
      ? "stage the array through a partitioned local buffer (bufferAt) read in one pass"
      : "collect the results in a partitioned local buffer (bufferAt) written back in one pass";
  const split = arrays.size > 1 ? ", give the arrays bundles of their own (interfaces.<name>.bundle)" : "";
  return `${rate}, and each iteration makes ${n} ${dir}s of ${names} through it; ${dir} fewer elements per iteration, pack them into a wider element type${split}, or ${stage}`;
}
