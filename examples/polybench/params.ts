// Value-level names for PolyBench's size parameters. Inside a generic kernel `kernel_x<N extends number>`,
// the type parameter `N` shadows only the type namespace, so a bound such as `range(i + 1, N)` needs a value
// called `N` for tsc; the compiler binds that name to the instantiated template value, never to this one.
export const NI: number = 0,
  NJ: number = 0,
  NK: number = 0,
  NL: number = 0,
  NM: number = 0,
  NP: number = 0,
  NQ: number = 0,
  NR: number = 0,
  M: number = 0,
  N: number = 0,
  W: number = 0,
  H: number = 0,
  TSTEPS: number = 0,
  TMAX: number = 0,
  NX: number = 0,
  NY: number = 0;
