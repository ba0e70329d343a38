// Stateful locals in the verifier: a call of a stateful kernel reads the state it starts from and
// leaves the state the next call sees, so each stateful buffer is an extra input (one input node per
// element, after the parameters) and an extra output (its final elements, after the results). Two
// modules are compared only when their stateful buffers correspond: same function, name, type, shape
// and initial value.

import type { BufferDecl, Module } from "../ir/nodes.ts";
import { typeName } from "../types/dtype.ts";

export interface StateCell {
  /** `<function>.<buffer>`: how outputs and inputs name it, and how the two modules' cells match. */
  readonly key: string;
  readonly decl: BufferDecl;
}

/** Every stateful buffer of the module: functions in module order, buffers by name. */
export function stateCells(m: Module): StateCell[] {
  return m.functions.flatMap((f) =>
    Object.values(f.buffers)
      .filter((b) => b.state)
      .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
      .map((decl) => ({ key: `${f.name}.${decl.name}`, decl })),
  );
}

/** The cell as the user declared it; the initial value is part of it (a fresh build starts there). */
const describe = (c: StateCell): string =>
  `${c.key}: ${typeName(c.decl.type)}${c.decl.shape.length ? `[${c.decl.shape.join(", ")}]` : ""} = stateful(${c.decl.state!.init.value})`;

/** Why the modules' stateful buffers do not correspond, or undefined when they do. */
export function stateMismatch(a: Module, b: Module, labels: readonly [string, string]): string | undefined {
  const [ca, cb] = [stateCells(a), stateCells(b)];
  const da = ca.map(describe);
  const db = cb.map(describe);
  if (da.join("\n") === db.join("\n")) return undefined;
  const list = (d: string[]) => (d.length ? d.map((x) => `'${x}'`).join(", ") : "none");
  return `the stateful variables differ (the verifier compares the state each call leaves for the next): the ${labels[0]} module has ${list(da)}, the ${labels[1]} has ${list(db)}`;
}
