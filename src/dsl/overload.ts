// `overload(f, g, ...)`: one kernel name with several forms, each a kernel of its own.
//
//   export const sdpAttention = overload(sdpAttentionHeads, sdpAttentionColumns);
//
// For tsc the result has the call signatures of every form, in order (an intersection of the forms'
// function types, which TypeScript resolves like overload signatures), so calls of either form
// type-check. The compiler reads the declaration from the source (src/frontend/overloads.ts): at a call
// site it takes the first form whose parameters match the arguments' ranks (and the element types the
// form names), instantiates that kernel, and names the instance after the overloaded name
// (`sdpAttention`, `sdpAttention_1`, ...). On the host the value records its forms, so that
// `compose(sdpAttention)` applies each form's registered schedule to that form's instances and
// `customize(sdpAttention, { instantiate })` picks the first form those template values fit.

import { AlloError } from "../diagnostics/error.ts";
import { notOnHost } from "./loops.ts";

/** The forms' signatures, in order: `F[0] & F[1] & ...`. */
export type Overloaded<F extends readonly unknown[]> = F extends readonly [infer A, ...infer R]
  ? A & Overloaded<R>
  : unknown;

const forms = new WeakMap<Function, readonly Function[]>();

export function overload<const F extends readonly Function[]>(...fs: F): Overloaded<F> {
  if (fs.length < 2 || fs.some((f) => typeof f !== "function")) {
    throw new AlloError(
      "AL1037",
      "overload() takes two or more kernel functions: export const add = overload(addSame, addRow)",
    );
  }
  const fn = (): never => notOnHost(`the overloaded kernel of ${fs.map((f) => f.name).join(", ")}`);
  forms.set(fn, fs);
  return fn as unknown as Overloaded<F>;
}

/** The forms of a value made by overload(), or undefined for any other value. */
export function overloadForms(f: unknown): readonly Function[] | undefined {
  return typeof f === "function" ? forms.get(f) : undefined;
}

/**
 * The first form of an overloaded kernel, in overload()'s order (as a call site takes the first form its
 * arguments fit), that `attempt` (a customize with given template values) succeeds on; a form whose
 * template parameters do not fit fails it with AL1021. None is AL1021, naming every form and why.
 */
export function pickForm<T>(
  fs: readonly Function[],
  what: string,
  attempt: (form: Function) => T,
): { form: Function; value: T } {
  const why: string[] = [];
  for (const form of fs) {
    try {
      return { form, value: attempt(form) };
    } catch (e) {
      if (!(e instanceof AlloError) || e.code !== "AL1021") throw e;
      why.push(`${form.name}: ${e.message}`);
    }
  }
  const names = fs.map((f) => f.name).join(", ");
  throw new AlloError(
    "AL1021",
    `${what}: the template values fit no form of the overloaded kernel (forms ${names}): ${why.join("; ")}`,
  );
}
