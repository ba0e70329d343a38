// The m_axi beats of a function over its whole run: reads and writes per bundle channel, counted from
// its pipelined iterations times their trip counts, its straight-line blocks and its calls. csynth
// schedules each dataflow process as if its bundles were its own; in co-simulation processes that
// share a channel take turns on it, so a region cannot end before the channel has served their beats
// together (cosim.ts reads the bound below).

import { type Channel, type ChannelUse, channelUses } from "./axi-channels.ts";
import type { Op } from "./ops.ts";
import type { Profile } from "./profile.ts";

/** Beats per channel key. */
export type Beats = ReadonlyMap<string, { readonly channel: Channel; readonly n: number }>;

export class BeatCount {
  private readonly count = new Map<string, { channel: Channel; n: number }>();

  /** The channel accesses of one iteration's ops, `times` over. */
  addOps(ops: readonly Op[], p: Profile, times: number): void {
    this.addUses(channelUses(ops, p), times);
  }

  /** Another function's (or process's) beats, `times` over. */
  addBeats(beats: Beats | undefined, times = 1): void {
    for (const { channel, n } of beats?.values() ?? [])
      this.addUses([{ channel, n, arrays: new Set() }], times);
  }

  /** Channel uses (of one iteration), `times` over. */
  addUses(uses: readonly ChannelUse[], times: number): void {
    for (const { channel, n } of uses) {
      const cur = this.count.get(channel.key);
      if (cur) cur.n += n * times;
      else this.count.set(channel.key, { channel, n: n * times });
    }
  }

  /** The counts now, to scale or diff what is added after. */
  mark(): ReadonlyMap<string, number> {
    return new Map([...this.count].map(([k, v]) => [k, v.n]));
  }

  /** What was added since `at`, as beats. */
  since(at: ReadonlyMap<string, number>): Beats {
    const out = new Map<string, { channel: Channel; n: number }>();
    for (const [k, v] of this.count) {
      const n = v.n - (at.get(k) ?? 0);
      if (n > 0) out.set(k, { channel: v.channel, n });
    }
    return out;
  }

  /** What was added since `at` counts `times` over (the body of a loop run `times` times). */
  scaleSince(at: ReadonlyMap<string, number>, times: number): void {
    for (const [k, v] of this.count) v.n = (at.get(k) ?? 0) + (v.n - (at.get(k) ?? 0)) * times;
  }

  /** Keeps, of what was added since `at` and of `other` (added since `at` too), the larger per channel. */
  maxSince(at: ReadonlyMap<string, number>, other: Beats): void {
    for (const [k, o] of other) {
      const cur = this.count.get(k);
      const mine = (cur?.n ?? 0) - (at.get(k) ?? 0);
      if (!cur) this.count.set(k, { channel: o.channel, n: (at.get(k) ?? 0) + o.n });
      else if (o.n > mine) cur.n = (at.get(k) ?? 0) + o.n;
    }
  }

  beats(): Beats {
    return this.since(new Map());
  }
}

/**
 * When the channel shared by several processes of a region that needs longest for their beats together
 * is done: `busy` = beats / capacity cycles after the earliest of their stream starts; with why, or
 * undefined when no channel is shared.
 */
export function sharedChannelBound(
  ps: readonly { readonly name: string; readonly beats?: Beats; readonly start: number }[],
): { end: number; busy: number; why: string } | undefined {
  const by = new Map<string, { channel: Channel; n: number; names: string[]; start: number }>();
  for (const p of ps)
    for (const [k, { channel, n }] of p.beats ?? []) {
      const cur = by.get(k) ?? { channel, n: 0, names: [], start: p.start };
      cur.n += n;
      cur.names.push(p.name);
      cur.start = Math.min(cur.start, p.start);
      by.set(k, cur);
    }
  let best: { end: number; busy: number; why: string } | undefined;
  for (const { channel, n, names, start } of by.values()) {
    if (names.length < 2) continue;
    const busy = Math.ceil(n / channel.capacity);
    if (best && best.end >= start + busy) continue;
    const who = names.map((x) => `'${x}'`).join(", ");
    best = {
      end: start + busy,
      busy,
      why: `processes ${who} share the ${channel.dir} channel of the m_axi bundle '${channel.bundle}' (${n.toLocaleString("en-US")} ${channel.dir}s in all, ${channel.capacity} a cycle): give them bundles of their own (interfaces.<name>.bundle) to let them run side by side`,
    };
  }
  return best;
}
