// The IR module of a kernel (a function or its source text) with its template values: what customize()
// schedules, and what compose(f) customizes a kernel into before running its registered schedule.

import { AlloError } from "../diagnostics/error.ts";
import { compileModule, sourceOfFunction, sourceOfText } from "../frontend/index.ts";
import type { Module } from "../ir/nodes.ts";
import type { CustomizeOptions } from "../schedule/schedule.ts";

export function kernelModule(kernel: Function | string, options: CustomizeOptions = {}): Module {
  const templates = options.instantiate ? { instantiate: options.instantiate } : {};
  if (typeof kernel === "string") {
    if (!options.name) {
      throw new AlloError(
        "AL9001",
        'customize(sourceText) needs the kernel\'s name: customize(text, { name: "gemm" })',
      );
    }
    return compileModule({ source: sourceOfText(kernel, options.file), name: options.name, ...templates });
  }
  if (typeof kernel === "function") {
    return compileModule({
      source: sourceOfFunction(kernel),
      name: options.name ?? kernel.name,
      ...templates,
    });
  }
  throw new AlloError("AL9001", "customize() takes a kernel function or its source text");
}
