// Per-function lowering state: block scopes, buffer declarations, unique iv and buffer names, and
// Allo's band counter (a band is named when its `for` starts and the counter moves when one ends),
// and the calls hoisted out of the statement being lowered (kernel calls inside expressions).

import type ts from "typescript";
import type { Code } from "../diagnostics/codes.ts";
import { internalError } from "../diagnostics/error.ts";
import type { BufferDecl, Span, Stmt } from "../ir/nodes.ts";
import type { ElemType } from "../types/dtype.ts";
import type { ConstValue, FileScope } from "./constants.ts";
import type { ModuleBuilder } from "./module-builder.ts";
import { errorAt, spanOf } from "./source.ts";

export type Binding =
  | { readonly kind: "buffer"; readonly buffer: string; readonly isConst: boolean }
  | { readonly kind: "iv"; readonly iv: string; readonly loopName: string }
  | { readonly kind: "scalarParam"; readonly name: string; readonly dtype: ElemType }
  | { readonly kind: "const"; readonly value: ConstValue };

export class FnContext {
  readonly buffers = new Map<string, BufferDecl>();
  private readonly scopes: Map<string, Binding>[] = [new Map()];
  /** Where each name of the matching scope was declared, for duplicate-declaration errors. */
  private readonly sites: Map<string, ts.Node>[] = [new Map()];
  private readonly usedNames = new Set<string>();
  bandCounter = 0;
  /** Per statement being lowered (innermost last): the kernel calls its expressions contain, in order. */
  private readonly hoists: Stmt[][] = [];
  /** Why a kernel call cannot be hoisted here (a while condition, a conditional operand), if so. */
  noCallsWhy: string | undefined;

  constructor(
    readonly file: FileScope,
    readonly funcName: string,
    /** Template parameter values of this instance. */
    readonly templates: ReadonlyMap<string, ConstValue>,
    readonly modules: ModuleBuilder,
  ) {}

  get sf() {
    return this.file.sf;
  }

  error(node: ts.Node, code: Code, message: string) {
    return errorAt(this.sf, node, code, message);
  }

  span(node: ts.Node): Span {
    return spanOf(this.sf, node);
  }

  push(): void {
    this.scopes.push(new Map());
    this.sites.push(new Map());
  }

  pop(): void {
    this.scopes.pop();
    this.sites.pop();
  }

  /** Declares `name` in the innermost scope; declaring it twice there is AL1025 (as in JavaScript). */
  bind(name: string, b: Binding, at: ts.Node): void {
    const sites = this.sites[this.sites.length - 1];
    const first = sites.get(name);
    if (first) {
      const line = this.sf.ast.getLineAndCharacterOfPosition(first.getStart(this.sf.ast)).line + 1;
      throw this.error(
        at,
        "AL1025",
        `'${name}' is already declared in this scope (line ${line}); give the new one another name, or assign the existing one without let/const`,
      );
    }
    sites.set(name, at);
    this.scopes[this.scopes.length - 1].set(name, b);
  }

  lookup(name: string): Binding | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const b = this.scopes[i].get(name);
      if (b) return b;
    }
    const t = this.templates.get(name);
    if (t !== undefined) return { kind: "const", value: t };
    const c = this.file.hasConstDecl(name) ? this.file.constant(name) : undefined;
    return c === undefined ? undefined : { kind: "const", value: c };
  }

  /** Names visible here, for "did you mean" lists. */
  visibleNames(): string[] {
    return [...new Set(this.scopes.flatMap((s) => [...s.keys()]))];
  }

  /** A function-unique name derived from `base` (base, base_1, base_2, ...). */
  unique(base: string): string {
    let name = base;
    for (let n = 1; this.usedNames.has(name); n++) name = `${base}_${n}`;
    this.usedNames.add(name);
    return name;
  }

  reserve(name: string): void {
    this.usedNames.add(name);
  }

  /**
   * Lowers one statement with `lower` (which appends to `out`), preceded by the kernel calls its
   * expressions made: `B[i] = inc(A[i])` runs `inc` first, then stores its result.
   */
  hoisting(out: Stmt[], lower: (into: Stmt[]) => void): void {
    const calls: Stmt[] = [];
    const own: Stmt[] = [];
    this.hoists.push(calls);
    try {
      lower(own);
    } finally {
      this.hoists.pop();
    }
    out.push(...calls, ...own);
  }

  /** Emits a call an expression needs before the statement that contains it. */
  hoist(s: Stmt): void {
    const top = this.hoists[this.hoists.length - 1];
    if (!top) throw internalError("a kernel call in an expression outside any statement");
    top.push(s);
  }

  declare(decl: BufferDecl): void {
    this.buffers.set(decl.name, decl);
  }

  buffer(name: string): BufferDecl {
    const b = this.buffers.get(name);
    if (!b) throw internalError(`unknown buffer ${name}`);
    return b;
  }
}
