// The ports of one bank of a RAM as its `bindStorage` type builds it (UG1399's bind_storage types, as
// ScaleHLS's MemPortInfo reads them; reference qor.md 1.4): ram_1p one read/write port, ram_2p one
// read/write and one read port, ram_t2p two read/write, ram_s2p one read and one write; a ROM's ports
// read. Without a type (Vitis chooses) a bank has the profile's `portsPerBank` read/write ports. A read
// takes a read port first, a write a write port, then either takes a read/write one.

import type { BufferDecl } from "../ir/nodes.ts";
import type { Profile } from "./profile.ts";

export interface BankPorts {
  readonly read: number;
  readonly write: number;
  readonly readWrite: number;
  /** The bind_storage type they come from, when the user gave one. */
  readonly type?: string;
}

const BY_TYPE: Readonly<Record<string, Omit<BankPorts, "type">>> = {
  ram_1p: { read: 0, write: 0, readWrite: 1 },
  ram_2p: { read: 1, write: 0, readWrite: 1 },
  ram_t2p: { read: 0, write: 0, readWrite: 2 },
  ram_s2p: { read: 1, write: 1, readWrite: 0 },
  // A ROM is initialised, not written, in hardware: its writes (the initial fill) are given its ports.
  rom_1p: { read: 0, write: 0, readWrite: 1 },
  rom_2p: { read: 0, write: 0, readWrite: 2 },
};

export function bankPorts(b: BufferDecl, p: Profile): BankPorts {
  const type = b.storage?.type;
  const ports = type ? BY_TYPE[type] : undefined;
  return ports ? { ...ports, type } : { read: 0, write: 0, readWrite: p.mem.portsPerBank };
}

/** The least II at which a bank serves `reads` and `writes` per iteration. */
export function bankMii(ports: BankPorts, reads: number, writes: number): number {
  const fits = (ii: number) =>
    (ports.write > 0 || ports.readWrite > 0 || writes === 0) &&
    Math.max(0, reads - ports.read * ii) + Math.max(0, writes - ports.write * ii) <= ports.readWrite * ii;
  const most = Math.max(1, reads + writes);
  for (let ii = 1; ii <= most; ii++) if (fits(ii)) return ii;
  return most;
}

/** The ports as a user reads them: `2 ports`, or `ram_s2p's 1 read and 1 write port`. */
export function portsText(ports: BankPorts): string {
  if (!ports.type) return `${ports.readWrite} ports`;
  const parts = [
    ports.read ? `${ports.read} read` : "",
    ports.write ? `${ports.write} write` : "",
    ports.readWrite ? `${ports.readWrite} read/write` : "",
  ].filter(Boolean);
  const total = ports.read + ports.write + ports.readWrite;
  return `${ports.type}'s ${parts.join(" and ")} port${total > 1 ? "s" : ""}`;
}
