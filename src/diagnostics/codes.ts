// Every user-facing diagnostic code in one table, by range: AL1xxx source/parse, AL2xxx typing,
// AL3xxx schedule, AL4xxx dataflow/streams, AL5xxx backends and running, AL6xxx verification, AL9xxx API use.
// A code's text is the short title; the message at the raise site adds the specifics and what to do.

export const CODES = {
  // source location and parsing
  AL1001: "cannot locate the kernel's source",
  AL1002: "kernel not found",
  AL1003: "syntax error in kernel source",
  AL1004: "unsupported statement",
  AL1005: "unsupported expression",
  AL1006: "unknown identifier",
  AL1007: "not a compile-time constant",
  AL1008: "comma indexing",
  AL1009: "wrong number of indices",
  AL1010: "assignment to a loop variable",
  AL1011: "unsupported control flow (break/continue/return)",
  AL1012: "closures and nested functions are not kernels",
  AL1013: "classes are not supported in kernels",
  AL1014: "try/catch is not supported in kernels",
  AL1015: "spread is not supported in kernels",
  AL1016: "async kernels are not supported",
  AL1017: "recursion",
  AL1018: "call of a non-kernel function",
  AL1019: "bad loop",
  AL1020: "bad declaration",
  AL1021: "bad template instantiation",
  AL1022: "bad import",
  AL1023: "assignment to a constant",
  // typing
  AL2001: "type mismatch",
  AL2002: "argument count mismatch at a call",
  AL2003: "shape mismatch at a call",
  AL2004: "dtype mismatch at a call",
  AL2005: "returned tensor does not match the declared type",
  AL2006: "float used as an index",
  AL2007: "unknown type",
  AL2008: "operation not defined on these types",
  AL2009: "bad cast",
  AL2010: "missing return",
  // schedule
  AL3001: "unknown loop",
  AL3002: "ambiguous loop name",
  AL3003: "unknown buffer",
  AL3004: "loops not in one perfect band",
  AL3005: "bad factor",
  AL3006: "bad partition",
  AL3007: "buffer partitioned twice",
  AL3008: "bufferAt needs a reduction",
  AL3009: "unfold needs a constant band",
  AL3010: "bad relay",
  AL3011: "cannot apply primitive",
  AL3012: "unknown function",
  AL3013: "bad reshape",
  AL3014: "bad computeAt",
  AL3015: "bad reuseAt",
  // streams and dataflow
  AL4101: "dataflow deadlock",
  AL4102: "data left in a stream",
  // backends and running
  AL5001: "wrong argument count",
  AL5002: "wrong argument length",
  AL5003: "wrong argument element type",
  AL5004: "unknown target",
  AL5005: "missing tool",
  AL5006: "native compilation failed",
  AL5007: "unsupported on this target",
  // verification
  AL6001: "modules cannot be compared",
  // API use
  AL9001: "bad option",
} as const;

export type Code = keyof typeof CODES;
