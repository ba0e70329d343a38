// customize(kernel | sourceText, options): compile a kernel to IR and return its Schedule.

import type { CustomizeOptions } from "../schedule/schedule.ts";
import { kernelModule } from "./kernel-module.ts";
import { Schedule } from "./schedule.ts";

export function customize(kernel: Function | string, options: CustomizeOptions = {}): Schedule {
  return new Schedule(kernelModule(kernel, options), options);
}
