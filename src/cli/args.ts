// Command-line flags of `npx allo`, mapped onto one options object (no environment variables).

import { AlloError } from "../diagnostics/error.ts";

export const TARGETS = ["cpu", "mlir", "vhls", "vitis_hls"] as const;
export type CliTarget = (typeof TARGETS)[number];

export interface CliOptions {
  readonly file: string;
  readonly kernel?: string;
  readonly target: CliTarget;
  readonly project?: string;
  readonly mode: string;
  readonly schedule?: string;
  readonly printAfterEach: boolean;
}

export const USAGE = `usage: npx allo <file.ts> [--kernel name] [--target cpu|mlir|vhls|vitis_hls] [--project dir]
                 [--mode csim|csyn|cosim|sw_emu|hw_emu|hw] [--schedule file.ts] [--print-after-each]

Compiles a kernel written in TypeScript. A schedule is applied when the kernel file (or --schedule file)
exports \`schedule(s)\`, a function that receives the kernel's Schedule.
  --target mlir       print the MLIR (default)
  --target vhls       print the Vitis HLS C++
  --target vitis_hls  write an HLS project to --project (default <kernel>.prj)
  --target cpu        print the generated JavaScript of the CPU backend`;

export function parseArgs(argv: readonly string[]): CliOptions {
  let file: string | undefined;
  const o: {
    kernel?: string;
    target: CliTarget;
    project?: string;
    mode: string;
    schedule?: string;
    printAfterEach: boolean;
  } = {
    target: "mlir",
    mode: "csim",
    printAfterEach: false,
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--"))
      throw new AlloError("AL9001", `${flag} needs a value\n${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case "--kernel":
        o.kernel = value(i++, a);
        break;
      case "--target": {
        const t = value(i++, a);
        if (!(TARGETS as readonly string[]).includes(t)) {
          throw new AlloError("AL5004", `unknown target '${t}'; use one of ${TARGETS.join(", ")}`);
        }
        o.target = t as CliTarget;
        break;
      }
      case "--project":
        o.project = value(i++, a);
        break;
      case "--mode":
        o.mode = value(i++, a);
        break;
      case "--schedule":
        o.schedule = value(i++, a);
        break;
      case "--print-after-each":
        o.printAfterEach = true;
        break;
      case "--help":
      case "-h":
        throw new AlloError("AL9001", USAGE);
      default:
        if (a.startsWith("--")) throw new AlloError("AL9001", `unknown flag '${a}'\n${USAGE}`);
        if (file)
          throw new AlloError("AL9001", `one kernel file at a time (got '${file}' and '${a}')\n${USAGE}`);
        file = a;
    }
  }
  if (!file) throw new AlloError("AL9001", USAGE);
  return { file, ...o };
}
