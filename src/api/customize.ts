// customize(kernel | sourceText, options): compile a kernel to IR and return its Schedule.

import { AlloError } from "../diagnostics/error.ts";
import { compileModule, sourceOfFunction, sourceOfText } from "../frontend/index.ts";
import type { Module } from "../ir/nodes.ts";
import type { CustomizeOptions } from "../schedule/schedule.ts";
import { Schedule } from "./schedule.ts";

export function customize(kernel: Function | string, options: CustomizeOptions = {}): Schedule {
  let module: Module;
  if (typeof kernel === "string") {
    if (!options.name) {
      throw new AlloError(
        "AL9001",
        'customize(sourceText) needs the kernel\'s name: customize(text, { name: "gemm" })',
      );
    }
    module = compileModule({
      source: sourceOfText(kernel, options.file),
      name: options.name,
      ...instantiate(options),
    });
  } else if (typeof kernel === "function") {
    module = compileModule({
      source: sourceOfFunction(kernel),
      name: options.name ?? kernel.name,
      ...instantiate(options),
    });
  } else {
    throw new AlloError("AL9001", "customize() takes a kernel function or its source text");
  }
  return new Schedule(module, options);
}

function instantiate(o: CustomizeOptions) {
  return o.instantiate ? { instantiate: o.instantiate } : {};
}
