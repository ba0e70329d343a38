// The Schedule: a kernel's IR plus the customizations applied to it so far. Each primitive resolves
// its names, applies a pure IR-to-IR function from ./primitives/, checks the result and records a
// replayable trace step. `String(s.module)` is the MLIR of the current IR.

import type { Module } from "../ir/nodes.ts";
import { printMlir } from "../backends/mlir/print.ts";

export interface CustomizeOptions {
  /** Kernel name when customizing source text. */
  readonly name?: string;
  /** File name used in diagnostics (and for relative imports) when customizing source text. */
  readonly file?: string;
  /** Template values: `{ T: int32, M: 64 }`. */
  readonly instantiate?: Readonly<Record<string, unknown>>;
  /** Print the IR after every primitive (with `(unchanged)` for steps that changed nothing). */
  readonly printAfterEach?: boolean;
  /** Prove every primitive equivalent as it is applied. */
  readonly verifyEachStep?: boolean;
}

/** The IR module as `s.module` shows it: String() of it is the MLIR text. */
export class IRModule {
  constructor(readonly ir: Module) {}
  toString(): string {
    return printMlir(this.ir);
  }
}

export class Schedule {
  /** The module before any customization, for `s.verify()`. */
  readonly original: Module;
  protected current: Module;

  constructor(
    module: Module,
    readonly options: CustomizeOptions = {},
  ) {
    this.original = module;
    this.current = module;
  }

  /** The current IR (plain data). */
  get ir(): Module {
    return this.current;
  }

  get module(): IRModule {
    return new IRModule(this.current);
  }

  toString(): string {
    return printMlir(this.current);
  }
}
