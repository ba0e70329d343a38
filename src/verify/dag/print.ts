// Readable text of a symbolic value for counterexamples: infix operators, conversions as calls
// (`int16(x)`), inputs by element name (`A[0][3]`). Left-nested chains of one operator print without
// their parentheses and are elided in the middle when long; depth and length are bounded, so huge
// DAGs print as a short prefix.

import { BIN_OPS, INTR_FNS, LOGIC_OPS, UN_OPS } from "./ops.ts";
import {
  K_BIN,
  K_BITS,
  K_CAST,
  K_CONST,
  K_INPUT,
  K_INTR,
  K_LOGIC,
  K_SEL,
  K_UN,
  type NodeStore,
} from "./store.ts";

const MAX_DEPTH = 12;
const KEEP = 3;

export function showNode(
  s: NodeStore,
  root: number,
  inputName: (node: number) => string,
  budget = 600,
): string {
  let used = 0;
  const text = (n: number, depth: number): string => {
    if (used > budget || depth > MAX_DEPTH) return "…";
    const r = render(n, depth);
    used += r.length;
    return r;
  };
  const render = (n: number, depth: number): string => {
    switch (s.kind(n)) {
      case K_CONST: {
        const v = s.value(n);
        return Object.is(v, -0) ? "-0" : String(v);
      }
      case K_INPUT:
        return inputName(n);
      case K_BIN: {
        const op = BIN_OPS[s.op(n)];
        if (op === "min" || op === "max")
          return `${op}(${text(s.a(n), depth + 1)}, ${text(s.b(n), depth + 1)})`;
        const terms = [s.b(n)];
        let x = s.a(n);
        while (s.kind(x) === K_BIN && s.op(x) === s.op(n) && s.type(x) === s.type(n)) {
          terms.push(s.b(x));
          x = s.a(x);
        }
        terms.push(x);
        terms.reverse();
        const shown =
          terms.length > 2 * KEEP + 1
            ? [
                ...terms.slice(0, KEEP).map((t) => text(t, depth + 1)),
                `… ${terms.length - 2 * KEEP} more …`,
                ...terms.slice(-KEEP).map((t) => text(t, depth + 1)),
              ]
            : terms.map((t) => text(t, depth + 1));
        return `(${shown.join(` ${op} `)})`;
      }
      case K_UN: {
        const op = UN_OPS[s.op(n)];
        return `${op === "neg" ? "-" : op === "bnot" ? "~" : "!"}${text(s.a(n), depth + 1)}`;
      }
      case K_CAST:
        return `${s.types.name(s.type(n))}(${text(s.a(n), depth + 1)})`;
      case K_BITS:
        return `bitcast(${text(s.a(n), depth + 1)}, ${s.types.name(s.type(n))})`;
      case K_SEL:
        return `(${text(s.a(n), depth + 1)} ? ${text(s.b(n), depth + 1)} : ${text(s.c(n), depth + 1)})`;
      case K_LOGIC:
        return `(${text(s.a(n), depth + 1)} ${LOGIC_OPS[s.op(n)]} ${text(s.b(n), depth + 1)})`;
      case K_INTR: {
        const fn = INTR_FNS[s.op(n)];
        const args = fn === "pow" ? [s.a(n), s.b(n)] : [s.a(n)];
        return `${fn}(${args.map((a) => text(a, depth + 1)).join(", ")})`;
      }
      default:
        return "?";
    }
  };
  return `${s.types.name(s.type(root))} ${text(root, 0)}`;
}
