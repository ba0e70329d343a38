// The IR module of a kernel (a function or its source text) with its template values: what customize()
// schedules, and what compose(f) customizes a kernel into before running its registered schedule.

import { AlloError } from "../diagnostics/error.ts";
import { overloadForms, pickForm } from "../dsl/overload.ts";
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
  const forms = overloadForms(kernel);
  if (forms) {
    // An overloaded kernel: the form whose template parameters the given values fit.
    if (!options.instantiate) {
      throw new AlloError(
        "AL1021",
        `customize() of an overloaded kernel (forms ${forms.map((f) => f.name).join(", ")}) needs { instantiate } to pick a form, or customize one form by its own name`,
      );
    }
    return pickForm(forms, "customize()", (f) => kernelModule(f, options)).value;
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
