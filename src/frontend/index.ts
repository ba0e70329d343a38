// Frontend entry: kernel source (a function object or text) -> IR module. The same path serves
// customize(fn) (source located from the caller's file or through the inspector) and
// customize(text, { name, file }).

import { resolve } from "node:path";
import { AlloError } from "../diagnostics/error.ts";
import type { DTypeValue } from "../dsl/dtypes.ts";
import { constOf } from "../ir/build.ts";
import type { Module } from "../ir/nodes.ts";
import { dtypeProblem, F32 } from "../types/dtype.ts";
import { type ConstValue, isDType, scopeForSource } from "./constants.ts";
import { boolConst, intLiteral } from "./fold.ts";
import { unsupportedKernelForm } from "./kernel-forms.ts";
import { kernelSourcePath } from "./library-source.ts";
import { callerFile, declaresFunction, locateFunctionFile } from "./locate.ts";
import { ModuleBuilder } from "./module-builder.ts";
import { errorAt, loadSource, parseSource, type SourceFile, syntaxError } from "./source.ts";
import { applyDefaults } from "./template-args.ts";

export interface CompileRequest {
  readonly source: SourceFile;
  readonly name: string;
  readonly instantiate?: Readonly<Record<string, unknown>>;
}

/**
 * The source of a kernel function: its caller's file when that declares it, or a file the caller
 * imports it from, else where V8 says it is.
 */
export function sourceOfFunction(fn: Function): SourceFile {
  const found = callerFile();
  const caller = found && kernelSourcePath(found);
  if (caller?.endsWith(".ts") || caller?.endsWith(".mts") || caller?.endsWith(".cts")) {
    const sf = loadSource(caller);
    if (declaresFunction(sf, fn)) return sf;
    // A kernel imported by name from a file next to the caller's: read there, sparing the inspector,
    // unless two imported files declare such a function (the caller may import both under two names).
    const imported = scopeForSource(sf)
      .filesImporting(fn.name)
      .map(loadSource)
      .filter((dep) => declaresFunction(dep, fn));
    if (imported.length === 1) return imported[0];
  }
  return loadSource(kernelSourcePath(locateFunctionFile(fn)));
}

export function sourceOfText(text: string, file?: string): SourceFile {
  return parseSource(file ?? "<kernel>.ts", text, file ? resolve(file) : undefined);
}

export function compileModule(req: CompileRequest): Module {
  const { source, name } = req;
  const bad = syntaxError(source);
  if (bad) throw bad;
  const scope = scopeForSource(source);
  const k = scope.kernel(name);
  if (!k) {
    const o = scope.overloaded(name);
    if (o) {
      throw new AlloError(
        "AL1002",
        `'${name}' in ${source.path} is an overloaded kernel; customize one of its forms: ${o.forms.map((f) => f.decl.name!.text).join(", ")}`,
      );
    }
    const form = unsupportedKernelForm(source, name);
    if (form) throw form;
    const names = scope.functionNames();
    throw new AlloError(
      "AL1002",
      `no kernel named '${name}' in ${source.path}${names.length ? `; functions there: ${names.join(", ")}` : ""}`,
    );
  }
  const params = k.decl.typeParameters ?? [];
  const given = req.instantiate ?? {};
  const templates = new Map<string, ConstValue>();
  for (const p of params) {
    const v = given[p.name.text];
    if (v !== undefined) templates.set(p.name.text, templateValue(v, p.name.text));
  }
  const missing = applyDefaults(k, templates);
  if (missing.length) {
    const p = params.find((q) => q.name.text === missing[0])!;
    throw errorAt(
      k.file.sf,
      p,
      "AL1021",
      `template parameter '${p.name.text}' of '${name}' has no value; pass customize(${name}, { instantiate: { ${params
        .filter((q) => !q.default)
        .map((q) => `${q.name.text}: ...`)
        .join(", ")} } })`,
    );
  }
  for (const key of Object.keys(given)) {
    if (!params.some((p) => p.name.text === key)) {
      throw errorAt(
        k.file.sf,
        k.decl.name ?? k.decl,
        "AL1021",
        `'${name}' has no template parameter '${key}'${params.length ? ` (it has ${params.map((p) => p.name.text).join(", ")})` : ""}`,
      );
    }
  }
  const builder = new ModuleBuilder();
  builder.instantiate(k, templates);
  return { functions: builder.functions, top: name };
}

function templateValue(v: unknown, name: string): ConstValue {
  if (typeof v === "boolean") return boolConst(v);
  if (typeof v === "bigint") return intLiteral(v);
  if (typeof v === "number")
    return Number.isInteger(v) ? intLiteral(BigInt(v)) : constOf(F32, Math.fround(v));
  const t = typeof v === "function" ? (v as DTypeValue).dtype : v;
  if (isDType(t)) {
    const why = dtypeProblem(t);
    if (why) throw new AlloError("AL2011", `instantiate.${name}: ${why}`);
    return t;
  }
  throw new AlloError(
    "AL1021",
    `instantiate.${name} must be a number or a dtype such as int32 or Fixed(16, 8)`,
  );
}
