// `npx allo --inputs file.json`: the arguments of one call, as JSON, turned into the host ABI's values
// for `prj.writeData` (docs/vitis-project.md). The file holds an object by parameter name or an array
// in parameter order; an array argument is a (possibly nested) list of its elements in row-major
// order; integers past 2^53 may be written as decimal strings. Any mismatch is AL9001 naming the
// parameter and what it takes.

import { readFileSync } from "node:fs";
import { AlloError } from "../diagnostics/error.ts";
import type { Func, Module } from "../ir/nodes.ts";
import { elementCount } from "../ir/shape.ts";
import { boundaryClass, makeArray } from "../runtime/host-abi.ts";
import { type ElemType, typeName } from "../types/dtype.ts";

const bad = (file: string, why: string) => new AlloError("AL9001", `--inputs ${file}: ${why}`);

function element(file: string, what: string, t: ElemType, x: unknown): number | bigint {
  const cls = boundaryClass(t);
  const integer = t.kind === "int" || t.kind === "index";
  if (typeof x === "number" || typeof x === "string") {
    if (cls.startsWith("Big") || cls === "Array") {
      try {
        return BigInt(x);
      } catch {
        // a fraction or not a number: reported below
      }
    } else {
      // JSON has no NaN or infinities: a float element may be the string "NaN", "Infinity", "-Infinity".
      const v = Number(x);
      if (integer ? Number.isInteger(v) : !Number.isNaN(v) || x === "NaN") return v;
    }
  }
  throw bad(file, `${what} must be ${integer ? "an integer" : "a number"}, got ${JSON.stringify(x)}`);
}

function flatten(x: unknown): unknown[] {
  return Array.isArray(x) ? x.flatMap(flatten) : [x];
}

/** The shape of a nested list ([] for an element), or undefined when its rows differ. */
function shapeOf(x: unknown): number[] | undefined {
  if (!Array.isArray(x)) return [];
  const inner = x.map(shapeOf);
  const first = inner[0] ?? [];
  return inner.every((t) => t && t.join() === first.join()) ? [x.length, ...first] : undefined;
}

/** The call's arguments for the top function of `m`, read from the JSON file `file`. */
export function inputsFromJson(m: Module, file: string): unknown[] {
  const f = m.functions.find((g) => g.name === m.top) as Func;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw bad(file, `cannot read it as JSON (${(e as Error).message})`);
  }
  const names = f.params.map((p) => p.name);
  let values: unknown[];
  if (Array.isArray(json)) {
    values = json;
    if (values.length !== names.length)
      throw bad(
        file,
        `holds ${values.length} argument(s); '${f.name}' takes ${names.length} (${names.join(", ")})`,
      );
  } else if (json !== null && typeof json === "object") {
    const given = json as Record<string, unknown>;
    const extra = Object.keys(given).filter((k) => !names.includes(k));
    const missing = names.filter((k) => !(k in given));
    if (extra.length || missing.length)
      throw bad(
        file,
        `${missing.length ? `misses ${missing.join(", ")}` : `names ${extra.join(", ")}`}; '${f.name}' takes ${names.join(", ")}`,
      );
    values = names.map((k) => given[k]);
  } else {
    throw bad(file, "must hold an object by parameter name or an array of the arguments");
  }
  return f.params.map((p, k) => {
    if (p.kind === "scalar") return element(file, `'${p.name}' (${typeName(p.type)})`, p.type, values[k]);
    const b = f.buffers[p.name];
    const n = elementCount(b.shape);
    const flat = flatten(values[k]);
    const what = `'${p.name}' (${typeName(b.type)}[${b.shape.join(", ")}], ${n} element(s))`;
    if (flat.length !== n) throw bad(file, `${what} is given ${flat.length} element(s)`);
    // A nested list must have the parameter's shape; a flat one is its elements in row-major order.
    const v = values[k];
    if (Array.isArray(v) && v.some(Array.isArray)) {
      const given = shapeOf(v);
      if (!given) throw bad(file, `${what} is given as a list whose rows differ in length`);
      if (given.join() !== b.shape.join())
        throw bad(file, `${what} is given as a [${given.join(", ")}] list`);
    }
    const a = makeArray(boundaryClass(b.type), n);
    flat.forEach((x, i) => {
      a[i] = element(file, `element ${i} of ${what}`, b.type, x);
    });
    return a;
  });
}
