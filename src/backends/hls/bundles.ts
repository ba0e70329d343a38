// The m_axi bundle of each array argument of a Vitis top, the one rule the kernel's interface pragmas
// (./vitis.ts) and the estimator's AXI channels (src/estimate/axi-channels.ts) read: the user's
// `interfaces.<name>.bundle`, else gmem<k> with k counting the array arguments, so each array has
// its own AXI master unless the user makes two share one. Scalars and arrays given another mode
// (axis, s_axilite) have no bundle.

import type { InterfaceSpec } from "./options.ts";
import type { TbArg } from "./testbench.ts";

/** The bundle of each of `args` (tbArgs of the top), undefined where the argument is not m_axi. */
export function axiBundles(
  args: readonly TbArg[],
  interfaces: ReadonlyMap<string, InterfaceSpec>,
): (string | undefined)[] {
  let arrays = 0;
  return args.map((a) => {
    if (a.scalar) return undefined;
    const k = arrays++;
    const spec = interfaces.get(a.decl.name);
    if (spec && spec.mode !== "m_axi") return undefined;
    return spec?.bundle ?? `gmem${k}`;
  });
}
