// `instance(f, "id")`: a private instance of kernel f at one call site (`instance(matmul, "mm1")(X, W, Y)`
// compiles to function `matmul_mm1`, and f's callees inside it to `g_mm1`). For tsc it is the identity, so
// the call's arguments are still checked against f's signature; the compiler reads it from the source.

export function instance<F>(f: F, _id: string): F {
  return f;
}
