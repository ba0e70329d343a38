// Results are data: JSON has no bigint and no number for NaN, +-Infinity or -0, so a result holding
// exact integers or special floats gets a `toJSON` that writes those as strings ("123456789012345678901",
// "NaN", "-0"), and `JSON.stringify` of any result works and loses nothing.

/** A scalar as JSON keeps it: integers (bigint) as decimal strings, special floats as their names. */
export function jsonScalar(v: number | bigint): number | string {
  if (typeof v === "bigint") return v.toString();
  if (Object.is(v, -0)) return "-0";
  return Number.isFinite(v) ? v : String(v);
}

function jsonValue(v: unknown): unknown {
  if (typeof v === "bigint" || typeof v === "number") return jsonScalar(v);
  if (Array.isArray(v)) return v.map(jsonValue);
  if (v === null || typeof v !== "object") return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonValue(x)]));
}

/** `x` with a non-enumerable `toJSON` writing its scalars with jsonScalar (its own keys are unchanged). */
export function serialisable<T extends object>(x: T): T {
  return Object.defineProperty(x, "toJSON", { value: () => jsonValue({ ...x }), enumerable: false });
}
