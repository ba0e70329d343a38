// Target profiles for the estimator: one per device x clock x tool version, as JSON data in ./profiles
// (operator stages and resources, memory ports and latencies, loop overheads). A user passes a named
// profile or an inline object of the same shape; both are checked here (AL7001 unknown name, AL7002 a
// field missing or of the wrong kind), so the model never reads an undefined number.

import { readFileSync } from "node:fs";
import { AlloError } from "../diagnostics/error.ts";

/** One implementation of an operator (Vitis core): pipeline stages (LATENCY + 1) and its resources. */
export interface OpImpl {
  readonly impl: string;
  readonly stages: number;
  readonly dsp: number;
  readonly ff: number;
  readonly lut: number;
  /** Integer multipliers: the widest operand this row covers. */
  readonly maxBits?: number;
}

export interface Profile {
  readonly name: string;
  readonly description: string;
  readonly part: string;
  readonly clockNs: number;
  readonly tool: string;
  /** Fields not read from a published report (taken from an older profile or assumed). */
  readonly assumed: readonly string[];
  readonly device: {
    readonly dsp: number;
    readonly bram18k: number;
    readonly uram: number;
    readonly ff: number;
    readonly lut: number;
  };
  /** Operator key (fadd, fmul, fdiv, fsqrt, fexp, fcmp, dadd, dmul, imul, idiv) -> implementations, default first. */
  readonly ops: Readonly<Record<string, readonly OpImpl[]>>;
  readonly mem: {
    readonly bramLoadStages: number;
    readonly storeStages: number;
    readonly axiLoadStages: number;
    readonly axiStoreStages: number;
    /** Reads (writes) an m_axi bundle issues a cycle: one AXI4 master, one read and one write channel. */
    readonly axiReadChannels: number;
    readonly axiWriteChannels: number;
    readonly portsPerBank: number;
    readonly recurrenceMemOverhead: number;
    readonly lutramMaxBits: number;
    /** BRAM18K aspect ratios as [depth, width]. */
    readonly bram18kConfigs: readonly (readonly [number, number])[];
  };
  readonly loop: {
    readonly pipelineModuleOverhead: number;
    readonly childCallOverhead: number;
    readonly funcOverhead: number;
    readonly autoPipelineMinTrip: number;
    readonly controlFf: number;
    readonly controlLut: number;
  };
  readonly dataflow: { readonly intervalExtra: number };
}

const FILES = { u280: "u280.json", "u280-2.5ns": "u280-2.5ns.json", "pynq-z1": "pynq-z1.json" } as const;
export type ProfileName = keyof typeof FILES;
export const PROFILE_NAMES = Object.keys(FILES) as ProfileName[];

function load(name: ProfileName): Profile {
  const text = readFileSync(new URL(`./profiles/${FILES[name]}`, import.meta.url), "utf8");
  return checkProfile(JSON.parse(text));
}

const bad = (path: string, want: string): AlloError =>
  new AlloError(
    "AL7002",
    `the target profile's '${path}' must be ${want}; start from one of the named profiles (import { profiles } from "allo-ts") and change its fields`,
  );

function num(o: Record<string, unknown>, key: string, path: string): void {
  const v = o[key];
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw bad(`${path}.${key}`, "a number >= 0");
}

function obj(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw bad(path, "an object");
  return v as Record<string, unknown>;
}

const SECTIONS: Readonly<Record<string, readonly string[]>> = {
  device: ["dsp", "bram18k", "uram", "ff", "lut"],
  mem: [
    "bramLoadStages",
    "storeStages",
    "axiLoadStages",
    "axiStoreStages",
    "axiReadChannels",
    "axiWriteChannels",
    "portsPerBank",
    "recurrenceMemOverhead",
    "lutramMaxBits",
  ],
  loop: [
    "pipelineModuleOverhead",
    "childCallOverhead",
    "funcOverhead",
    "autoPipelineMinTrip",
    "controlFf",
    "controlLut",
  ],
  dataflow: ["intervalExtra"],
};

/** Checks an inline (or shipped) profile field by field; AL7002 names the first bad field. */
export function checkProfile(v: unknown): Profile {
  const p = obj(v, "profile");
  for (const k of ["name", "part", "tool"]) if (typeof p[k] !== "string") throw bad(k, "a string");
  num(p, "clockNs", "profile");
  for (const [section, keys] of Object.entries(SECTIONS)) {
    const o = obj(p[section], section);
    for (const k of keys) num(o, k, section);
  }
  const mem = obj(p.mem, "mem");
  for (const k of ["portsPerBank", "axiReadChannels", "axiWriteChannels"])
    if ((mem[k] as number) < 1) throw bad(`mem.${k}`, "at least 1");
  const cfg = mem.bram18kConfigs;
  if (
    !Array.isArray(cfg) ||
    cfg.length === 0 ||
    !cfg.every((c) => Array.isArray(c) && c.length === 2 && c.every((x) => Number.isInteger(x) && x > 0))
  )
    throw bad("mem.bram18kConfigs", "a non-empty list of [depth, width] pairs of positive integers");
  const ops = obj(p.ops, "ops");
  for (const [key, list] of Object.entries(ops)) {
    if (!Array.isArray(list) || list.length === 0)
      throw bad(`ops.${key}`, "a non-empty list of implementations");
    list.forEach((impl, k) => {
      const o = obj(impl, `ops.${key}[${k}]`);
      if (typeof o.impl !== "string") throw bad(`ops.${key}[${k}].impl`, "a string");
      for (const f of ["stages", "dsp", "ff", "lut"]) num(o, f, `ops.${key}[${k}]`);
      if (o.maxBits !== undefined) num(o, "maxBits", `ops.${key}[${k}]`);
    });
  }
  return { description: "", assumed: [], ...p } as unknown as Profile;
}

/** The profile an estimate uses: a name (default "u280") or an inline profile object. */
export function resolveProfile(p: string | Profile | undefined): Profile {
  if (p === undefined) return profiles.u280;
  if (typeof p === "string") {
    if (p in FILES) return profiles[p as ProfileName];
    throw new AlloError(
      "AL7001",
      `unknown target profile '${p}'; the named profiles are ${PROFILE_NAMES.map((n) => `'${n}'`).join(", ")}, or pass an inline profile object`,
    );
  }
  return checkProfile(p);
}

/** The named profiles as objects (the form an inline profile takes), read once. */
export const profiles: Readonly<Record<ProfileName, Profile>> = Object.freeze(
  Object.fromEntries(PROFILE_NAMES.map((n) => [n, Object.freeze(load(n))])) as Record<ProfileName, Profile>,
);
