// The options of a Vitis project (api.md section 3): part, clock, per-argument interfaces, the control
// interface and wrapIo, checked once here so that every file of the project reads the same values.
// A bad option is AL9001 naming the option and what it accepts, never a silently ignored setting.

import { AlloError } from "../../diagnostics/error.ts";
import type { Func, Span } from "../../ir/nodes.ts";

export type InterfaceMode = "m_axi" | "axis" | "s_axilite";
export interface InterfaceSpec {
  readonly mode: InterfaceMode;
  /** The AXI bundle of an m_axi port (default gmem<k>, k counting array arguments). */
  readonly bundle?: string;
}

export interface VitisOptions {
  /** Device part (default Alveo U280, Allo's default). */
  readonly part?: string;
  /** Target clock period in ns (default 3.33, 300 MHz). */
  readonly clockNs?: number;
  /** Interface of each top-level argument, by name. */
  readonly interfaces?: Readonly<Record<string, InterfaceSpec>>;
  readonly control?: "s_axilite";
  /** Copy every array argument on chip in the top (default true), as Allo's wrap_io. */
  readonly wrapIo?: boolean;
}

/** The checked options, with defaults filled in. */
export interface ProjectOptions {
  readonly part: string;
  readonly clockNs: number;
  readonly interfaces: ReadonlyMap<string, InterfaceSpec>;
  readonly control?: "s_axilite";
  readonly wrapIo: boolean;
  /** Where the schedule partitioned a top-level argument (the wrapIo: false error points there). */
  readonly partitionSite?: (arg: string) => Span | undefined;
}

const MODES: readonly InterfaceMode[] = ["m_axi", "axis", "s_axilite"];
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function bad(option: string, what: string): AlloError {
  return new AlloError("AL9001", `vitis_hls build option ${option} ${what}`);
}

/** Checks `o` against the top function `top` (interfaces must name its arguments). */
export function projectOptions(
  o: VitisOptions,
  top: Func,
  partitionSite?: (arg: string) => Span | undefined,
): ProjectOptions {
  const part = o.part ?? "xcu280-fsvh2892-2L-e";
  if (typeof part !== "string" || !/^[\w.-]+$/.test(part))
    throw bad(
      "part",
      `must be a device part name such as "xcu280-fsvh2892-2L-e", got ${JSON.stringify(part)}`,
    );
  const clockNs = o.clockNs ?? 3.33;
  if (typeof clockNs !== "number" || !(clockNs > 0) || !Number.isFinite(clockNs))
    throw bad("clockNs", `must be a positive number of nanoseconds, got ${String(clockNs)}`);
  if (o.control !== undefined && o.control !== "s_axilite")
    throw bad("control", `must be "s_axilite", got ${JSON.stringify(o.control)}`);
  if (o.wrapIo !== undefined && typeof o.wrapIo !== "boolean")
    throw bad("wrapIo", `must be true or false, got ${String(o.wrapIo)}`);
  const args = [...top.params.map((p) => p.name), ...top.results];
  const interfaces = new Map<string, InterfaceSpec>();
  for (const [name, spec] of Object.entries(o.interfaces ?? {})) {
    if (!args.includes(name))
      throw bad(
        "interfaces",
        `names '${name}', which is not an argument of '${top.name}'; its arguments are ${args.join(", ") || "(none)"}`,
      );
    if (!spec || !MODES.includes(spec.mode))
      throw bad(
        `interfaces.${name}.mode`,
        `must be one of ${MODES.join(", ")}, got ${JSON.stringify(spec?.mode)}`,
      );
    if (spec.bundle !== undefined && (spec.mode !== "m_axi" || !IDENT.test(spec.bundle))) {
      throw bad(`interfaces.${name}.bundle`, "must be a C identifier, and only an m_axi port has a bundle");
    }
    interfaces.set(name, spec);
  }
  return {
    part,
    clockNs,
    interfaces,
    wrapIo: o.wrapIo ?? true,
    ...(o.control ? { control: o.control } : {}),
    ...(partitionSite ? { partitionSite } : {}),
  };
}
