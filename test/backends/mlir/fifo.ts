// C definitions of the external stream functions a printed module declares (@stream_put_<T>,
// @stream_get_<T>), for native runs: unbounded FIFOs keyed by (stream buffer, FIFO index). Spatial
// units then run one after another in unit order, like Vitis C simulation; a get from an empty FIFO
// (a consumer ordered before its producer) stops the run with exit code 7.

const RUNTIME = `
typedef struct { const void *key; int64_t at; unsigned char *data; size_t head, tail, cap; } fifo_t;
static fifo_t fifos[4096];
static int nfifos;
static fifo_t *fifo_of(const void *key, int64_t at) {
  for (int k = 0; k < nfifos; k++) if (fifos[k].key == key && fifos[k].at == at) return &fifos[k];
  if (nfifos == 4096) exit(6);
  fifos[nfifos] = (fifo_t){ key, at, 0, 0, 0, 0 };
  return &fifos[nfifos++];
}
static void fifo_put(const void *key, int64_t at, const void *v, size_t n) {
  fifo_t *f = fifo_of(key, at);
  if (f->tail + n > f->cap) { f->cap = (f->cap + n) * 2; f->data = realloc(f->data, f->cap); if (!f->data) exit(6); }
  memcpy(f->data + f->tail, v, n);
  f->tail += n;
}
static void fifo_get(const void *key, int64_t at, void *v, size_t n) {
  fifo_t *f = fifo_of(key, at);
  if (f->head + n > f->tail) { fprintf(stderr, "stream read before it was written\\n"); exit(7); }
  memcpy(v, f->data + f->head, n);
  f->head += n;
}
`;

/** The C type an LLVM scalar of this MLIR type is passed as. */
function cType(t: string): string {
  if (t === "index") return "int64_t";
  if (t === "f16") return "_Float16";
  if (t === "f32") return "float";
  if (t === "f64") return "double";
  const bits = Number(t.slice(1));
  if (bits === 1) return "bool";
  return [8, 16, 32, 64].includes(bits) ? `int${bits}_t` : `_BitInt(${bits})`;
}

const DECL =
  /^ {2}func\.func private @(stream_(put|get)_\w+)\(memref<((?:\d+x)*)(\w+)>((?:, \w+)*)\)(?: -> (\w+))?$/;

/** C code for the runtime and one definition per declaration line (expanded memref ABI). */
export function fifoDefinitions(decls: readonly string[]): string {
  const defs = decls.map((line) => {
    const m = DECL.exec(line);
    if (!m) throw new Error(`not a stream function declaration: ${line}`);
    const [, name, kind, dims, elem] = m;
    const rank = dims.split("x").length - 1;
    const ct = cType(elem);
    const sizes = Array.from({ length: rank }, (_, k) => `int64_t s${k}`);
    const strides = Array.from({ length: rank }, (_, k) => `int64_t st${k}`);
    const idx = Array.from({ length: rank }, (_, k) => `int64_t i${k}`);
    const params = ["void *alloc", "void *p", "int64_t off", ...sizes, ...strides, ...idx];
    const at = ["off", ...idx.map((_, k) => `i${k} * st${k}`)].join(" + ");
    if (kind === "put") {
      return `void ${name}(${[...params, `${ct} v`].join(", ")}) { fifo_put(p, ${at}, &v, sizeof v); }`;
    }
    return `${ct} ${name}(${params.join(", ")}) { ${ct} v; fifo_get(p, ${at}, &v, sizeof v); return v; }`;
  });
  return decls.length ? `${RUNTIME}\n${defs.join("\n")}\n` : "";
}
