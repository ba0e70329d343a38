// Command-line flags of `npx allo`, mapped onto one options object (no environment variables).
// `--flag value` and `--flag=value` both work; `--print-after-each` alone goes to stderr, with `=file`
// to that file. `--help` and `--version` are answers, not errors: main() prints them on stdout.

import { TARGETS, type Target, VITIS_MODES, type VitisMode } from "../api/build.ts";
import { AlloError } from "../diagnostics/error.ts";

export interface CliOptions {
  readonly file: string;
  readonly kernel?: string;
  readonly target: Target;
  readonly project?: string;
  readonly mode: VitisMode;
  readonly schedule?: string;
  /** --inputs file.json: the vitis_hls project's input data (its expected outputs come from a CPU run). */
  readonly inputs?: string;
  /** --estimate[=profile]: print the QoR estimate (after the target's output when --target is given). */
  readonly estimate?: { readonly profile?: string };
  /** --report file.html: write the design report there. */
  readonly report?: string;
  /** Whether --target was given (with --estimate alone, only the estimate is printed). */
  readonly targetGiven?: boolean;
  /** Given with --print-after-each: the MLIR after each step goes to `file`, or to stderr without one. */
  readonly printAfterEach?: { readonly file?: string };
}

/** What the command line asks for: a compilation, or one of the two answers. */
export type CliRequest =
  | { readonly kind: "compile"; readonly options: CliOptions }
  | { readonly kind: "help" | "version" };

export const USAGE = `usage: npx allo <file.ts> [--kernel name] [--target ${TARGETS.join("|")}]
                 [--project dir] [--mode ${VITIS_MODES.join("|")}] [--inputs file.json] [--schedule file.ts]
                 [--print-after-each[=file]] [--estimate[=profile]] [--report file.html]
       npx allo --help | --version

Compiles a kernel written in TypeScript from its source text; the file itself is not run.
If the file exports \`schedule(s)\`, that one function is run on the kernel's Schedule, with the file's
compile-time constants and its allo-ts imports in scope. --schedule file.ts runs that file (it may import
anything) and applies the schedule(s) it exports instead.
  --target mlir                 print the MLIR (default)
  --target vhls | vivado_hls    print the Vitis HLS C++
  --target vitis_hls            write an HLS project to --project (default <kernel>.prj) for --mode,
                                with input data and the expected outputs its testbench checks
  --inputs file.json            that input data: {"A": [[1, 2], [3, 4]], ...} by parameter name, or
                                an array of the arguments (docs/vitis-project.md)
  --target cpu | llvm           print the generated JavaScript of the CPU backend
  --print-after-each[=file]     print the MLIR after every schedule step to stderr (or to file)
  --estimate[=profile]          print the latency, II and resource estimate (profile u280 by default)
  --report file.html            write the design report (one self-contained HTML page; the --estimate
                                profile when given)`;

const usageError = (why: string) => new AlloError("AL9001", `${why}\n${USAGE}`);

export function parseArgs(argv: readonly string[]): CliRequest {
  let file: string | undefined;
  const o: { -readonly [K in keyof CliOptions]?: CliOptions[K] } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[i + 1];
      if (v === undefined || v.startsWith("--")) throw usageError(`${flag} needs a value`);
      i++;
      return v;
    };
    switch (flag) {
      case "--help":
      case "-h":
        return { kind: "help" };
      case "--version":
      case "-v":
        return { kind: "version" };
      case "--kernel":
        o.kernel = value();
        break;
      case "--target":
        o.target = oneOf(value(), TARGETS, "AL5004", "target");
        o.targetGiven = true;
        break;
      case "--project":
        o.project = value();
        break;
      case "--mode":
        o.mode = oneOf(value(), VITIS_MODES, "AL9001", "mode");
        break;
      case "--schedule":
        o.schedule = value();
        break;
      case "--inputs":
        o.inputs = value();
        break;
      case "--print-after-each":
        if (inline === "") throw usageError("--print-after-each= needs a file name");
        o.printAfterEach = inline === undefined ? {} : { file: inline };
        break;
      case "--estimate":
        if (inline === "") throw usageError("--estimate= needs a profile name");
        o.estimate = inline === undefined ? {} : { profile: inline };
        break;
      case "--report":
        o.report = value();
        break;
      default:
        if (flag.startsWith("-")) throw usageError(`unknown flag '${flag}'`);
        if (file) throw usageError(`one kernel file at a time (got '${file}' and '${arg}')`);
        file = arg;
    }
  }
  if (!file) throw usageError("which kernel file? give its path");
  if (o.inputs && o.target !== "vitis_hls") {
    throw usageError("--inputs is the data of a Vitis project: give it with --target vitis_hls");
  }
  return { kind: "compile", options: { target: "mlir", mode: "csim", ...o, file } };
}

function oneOf<T extends string>(
  v: string,
  allowed: readonly T[],
  code: "AL5004" | "AL9001",
  what: string,
): T {
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new AlloError(code, `unknown ${what} '${v}'; use one of ${allowed.join(", ")}`);
}
