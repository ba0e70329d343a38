// A plain-text dump of the IR for compiler-bug reports (no backend: it must work on IR a backend would
// reject). One line per statement, indented by nesting; expressions fully parenthesised, every value
// with its type where the type is not obvious (loads, casts, constants).

import { assertNever } from "../diagnostics/error.ts";
import { typeName } from "../types/dtype.ts";
import type { BufferDecl, Expr, Func, Module, Param, Stmt } from "./nodes.ts";

export function dumpModule(m: Module): string {
  return [`module (top ${m.top})`, ...m.functions.flatMap(dumpFunc)].join("\n");
}

function dumpFunc(f: Func): string[] {
  const params = f.params.map((p: Param) =>
    p.kind === "buffer" ? p.name : `${p.name}: ${typeName(p.type)}`,
  );
  return [
    `func ${f.name}(${params.join(", ")}) -> (${f.results.join(", ")})`,
    ...Object.entries(f.buffers).map(([name, b]) => `  buffer ${name}: ${decl(b)}`),
    ...block(f.body, "  "),
  ];
}

function decl(b: BufferDecl): string {
  const parts = b.partitions.map((p) => ` partition(${p.type}, dim ${p.dim}, factor ${p.factor})`);
  const stream = b.stream ? ` stream(depth ${b.stream.depth})` : "";
  const state = b.state ? ` stateful(${b.state.init.value})` : "";
  return `${typeName(b.type)}[${b.shape.join(", ")}] ${b.role}${stream}${state}${parts.join("")}`;
}

function block(b: readonly Stmt[], pad: string): string[] {
  return b.flatMap((s) => stmt(s, pad));
}

function stmt(s: Stmt, pad: string): string[] {
  const inner = `${pad}  `;
  switch (s.kind) {
    case "for":
      return [
        `${pad}for ${s.iv} in [${expr(s.lb)}, ${expr(s.ub)}) step ${s.step} "${s.name}" ${JSON.stringify(s.attrs)} {`,
        ...block(s.body, inner),
        `${pad}}`,
      ];
    case "if":
      return [
        `${pad}if ${expr(s.cond)} {`,
        ...block(s.then, inner),
        `${pad}} else {`,
        ...block(s.else, inner),
        `${pad}}`,
      ];
    case "while":
      return [`${pad}while ${expr(s.cond)} {`, ...block(s.body, inner), `${pad}}`];
    case "store":
      return [`${pad}${s.buffer}${indices(s.indices)} = ${expr(s.value)}`];
    case "streamPut":
      return [`${pad}${s.stream}${indices(s.indices)}.put(${expr(s.value)})`];
    case "alloc":
      return [`${pad}alloc ${s.buffer}${s.init ? ` = ${expr(s.init)}` : ""}`];
    case "call": {
      const args = s.args.map((a) => (a.kind === "buffer" ? a.name : expr(a.value)));
      return [`${pad}(${s.results.join(", ")}) = call ${s.callee}(${args.join(", ")})`];
    }
    case "spatial":
      return [
        `${pad}spatial ${s.name} {`,
        ...s.units.flatMap((u) => [`${inner}unit ${u.name} {`, ...block(u.body, `${inner}  `), `${inner}}`]),
        `${pad}}`,
      ];
    default:
      return assertNever(s, "statement");
  }
}

const indices = (xs: readonly Expr[]): string => (xs.length ? `[${xs.map(expr).join(", ")}]` : "");

function expr(e: Expr): string {
  switch (e.kind) {
    case "const":
      return `${String(e.value)}:${typeName(e.type)}`;
    case "iv":
    case "param":
      return e.name;
    case "load":
      return `${e.buffer}${indices(e.indices)}:${typeName(e.type)}`;
    case "streamGet":
      return `${e.stream}${indices(e.indices)}.get():${typeName(e.type)}`;
    case "binary":
    case "logical":
      return `(${expr(e.lhs)} ${e.op} ${expr(e.rhs)})`;
    case "unary":
      return `${e.op}(${expr(e.operand)})`;
    case "cast":
      return `${typeName(e.type)}(${expr(e.value)})`;
    case "bitcast":
      return `bitcast(${expr(e.value)}, ${typeName(e.type)})`;
    case "bitPos":
      return `bitpos(${expr(e.value)}, ${e.bits}, ${e.width})`;
    case "select":
      return `(${expr(e.cond)} ? ${expr(e.then)} : ${expr(e.else)})`;
    case "intrinsic":
      return `${e.fn}(${e.args.map(expr).join(", ")})`;
    default:
      return assertNever(e, "expression");
  }
}
