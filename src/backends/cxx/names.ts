// C++ identifiers for IR names: invalid characters become `_`, C++ keywords and the names the emitted
// code itself uses (types, math functions, helpers, temporaries `v<N>`) get a suffix, and every name is
// unique in its scope. The mapping depends only on the order of binding, so output is deterministic.

const RESERVED = new Set(
  (
    "alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t char16_t char32_t " +
    "class compl concept const consteval constexpr constinit const_cast continue co_await co_return co_yield " +
    "decltype default delete do double dynamic_cast else enum explicit export extern false float for friend " +
    "goto if inline int long mutable namespace new noexcept not not_eq nullptr operator or or_eq private " +
    "protected public register reinterpret_cast requires return short signed sizeof static static_assert " +
    "static_cast struct switch template this thread_local throw true try typedef typeid typename union " +
    "unsigned using virtual void volatile wchar_t while xor xor_eq main std hls half ap_int ap_uint ap_fixed " +
    "ap_ufixed int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t size_t NAN INFINITY " +
    "exp log log2 log10 sqrt sin cos tan tanh fabs floor ceil pow fmod fmodf min max abs printf fopen fclose " +
    "fread fwrite FILE exit"
  ).split(" "),
);

/** A valid C++ identifier for `raw` (before uniqueness and reservation checks). */
export function sanitize(raw: string): string {
  const s = raw.replace(/[^A-Za-z0-9_]/g, "_");
  return /^[0-9]/.test(s) || s === "" ? `_${s}` : s;
}

/** Names the emitter generates itself; user names in these forms are renamed. */
const isGeneratedForm = (s: string): boolean =>
  /^v\d+$/.test(s) || s.startsWith("allo_") || s.startsWith("__");

export class NameTable {
  private readonly used: Set<string>;

  constructor(
    taken: Iterable<string> = [],
    private readonly parent?: NameTable,
  ) {
    this.used = new Set(taken);
  }

  private taken(s: string): boolean {
    return this.used.has(s) || (this.parent?.taken(s) ?? false);
  }

  /** A fresh identifier derived from `hint` (an IR name), unique in this scope and its parents. */
  unique(hint: string): string {
    let base = sanitize(hint);
    if (RESERVED.has(base) || isGeneratedForm(base)) base = `${base}_`;
    let c = base;
    for (let k = 1; this.taken(c); k++) c = `${base}_${k}`;
    this.used.add(c);
    return c;
  }
}
