// Kernels with stateful variables: Allo's test_stateful behaviours, written here from their
// descriptions. Each case lists its calls and what each call returns; the expected values come from
// the descriptions or from plain JavaScript/BigInt models below, independently of the compiler.

export const HEAD = `import { instance, int8, int32, uint8, uint32, float32, bool, stateful, zeros, full, range } from "allo-ts";
`;

export interface StatefulCase {
  readonly name: string;
  readonly top: string;
  readonly source: string;
  /** Arguments of each call, in order. */
  readonly calls: readonly (readonly number[])[];
  /** What each call returns (a tensor as an array). */
  readonly want: readonly (number | readonly number[])[];
}

const lcg = (): number[] => {
  let seed = 12345n;
  return Array.from({ length: 5 }, () => {
    seed = BigInt.asIntN(32, 1103515245n * seed + 12345n) & 0x7fffffffn;
    return Number(seed & 0xffffn);
  });
};

const crc = (bytes: readonly number[]): number[] => {
  let c = 0xffffffff;
  return bytes.map((b) => {
    c = (c ^ b) >>> 0;
    for (let j = 0; j < 8; j++) c = ((c >>> 1) ^ (0xedb88320 & -(c & 1))) >>> 0;
    return (c ^ 0xffffffff) >>> 0;
  });
};

const histogram = (ns: readonly number[]): number[][] => {
  const h = new Array(8).fill(0);
  return ns.map((n) => {
    h[n % 8] += 1;
    return [...h];
  });
};

export const CASES: readonly StatefulCase[] = [
  {
    name: "stateless scalar (a plain local starts again every call)",
    top: "acc",
    source: `export function acc(x: int32): int32 {\n  let a: int32 = 0;\n  a = a + x;\n  return a;\n}`,
    calls: [[5], [10]],
    want: [5, 10],
  },
  {
    name: "stateful scalar accumulator",
    top: "acc",
    source: `export function acc(x: int32): int32 {\n  let a: int32 = stateful(0);\n  a = a + x;\n  return a;\n}`,
    calls: [[5], [10], [3]],
    want: [5, 15, 18],
  },
  {
    name: "stateful array (a scalar init fills it)",
    top: "arr",
    source: `export function arr(x: float32): float32 {\n  const buf: float32<[10]> = stateful(0.0);\n  buf[0] = buf[0] + x;\n  return buf[0];\n}`,
    calls: [[5], [10], [3]],
    want: [5, 15, 18],
  },
  {
    name: "moving average over a stateful circular window",
    top: "avg",
    source: `export function avg(v: float32): float32 {
  const win: float32<[4]> = stateful(zeros());
  let i: int32 = stateful(0);
  let count: int32 = stateful(0);
  let total: float32 = stateful(0.0);
  total = total - win[i];
  win[i] = v;
  total = total + v;
  i = (i + 1) % 4;
  if (count < 4) {
    count = count + 1;
  }
  return total / float32(count);
}`,
    calls: [[10], [20], [30], [40], [50]],
    want: [10, 15, 20, 25, 35],
  },
  {
    name: "random number generator with a stateful seed",
    top: "rng",
    source: `const SEED = 12345;\nexport function rng(): int32 {\n  let seed: int32 = stateful(SEED);\n  seed = (1103515245 * seed + 12345) & 0x7fffffff;\n  return seed & 0xffff;\n}`,
    calls: [[], [], [], [], []],
    want: lcg(),
  },
  {
    name: "CRC-32 updated byte by byte",
    top: "crc",
    source: `export function crc(data: uint8): uint32 {
  let c: uint32 = stateful(0xffffffff);
  c = c ^ data;
  for (const j of range(8)) {
    c = (c >> 1) ^ (0xedb88320 & -(c & 1));
  }
  return c ^ 0xffffffff;
}`,
    calls: [[65], [66], [67]],
    want: crc([65, 66, 67]),
  },
  {
    name: "histogram (a returned stateful tensor is a copy of this call's state)",
    top: "hist",
    source: `export function hist(n: uint8): int32<[8]> {\n  const h: int32<[8]> = stateful(0);\n  h[n % 8] += 1;\n  return h;\n}`,
    calls: [[5], [10], [5], [5], [10]],
    want: histogram([5, 10, 5, 5, 10]),
  },
  {
    name: "counter counts calls",
    top: "counter",
    source: `export function counter(): int32 {\n  let count: int32 = stateful(0);\n  count = count + 1;\n  return count;\n}`,
    calls: Array.from({ length: 10 }, () => []),
    want: Array.from({ length: 10 }, (_, k) => k + 1),
  },
  {
    name: "accumulator with reset",
    top: "accRst",
    source: `export function accRst(x: int32, rst: bool): int32 {
  let sum: int32 = stateful(0);
  if (rst) {
    sum = 0;
  } else {
    sum = sum + x;
  }
  return sum;
}`,
    calls: [
      [5, 0],
      [10, 0],
      [3, 0],
      [100, 1],
      [7, 0],
    ],
    want: [5, 15, 18, 0, 7],
  },
  {
    name: "a small device memory driven by opcodes",
    top: "tpu",
    source: `export function tpu(op: uint8, inval: int32, addr: uint8): int32 {
  const mem: int32<[4]> = stateful(zeros());
  let ret: int32 = 0;
  if (op == 0) {
    mem[addr] = inval;
    ret = 99;
  }
  if (op == 1) ret = mem[addr];
  if (op == 2) {
    mem[addr] = mem[addr] + mem[addr + 1];
    ret = mem[addr];
  }
  if (op == 3) {
    mem[addr] = mem[addr] * mem[addr + 1];
    ret = mem[addr];
  }
  return ret;
}`,
    calls: [
      [0, 10, 0],
      [0, 20, 1],
      [1, 0, 0],
      [1, 0, 1],
      [2, 0, 0],
      [0, 5, 1],
      [3, 0, 0],
      [1, 0, 0],
    ],
    want: [99, 99, 10, 20, 30, 99, 150, 150],
  },
  {
    name: "a callee's state is its own, even under the same name",
    top: "outer",
    source: `export function inner(x: int32): int32 {
  let counter: int32 = stateful(100);
  counter = counter + x;
  return counter;
}
export function outer(x: int32): int32 {
  let counter: int32 = stateful(0);
  counter = counter + x;
  const r: int32 = inner(x);
  return counter * 1000 + r;
}`,
    calls: [[5], [10], [3]],
    want: [5105, 15115, 18118],
  },
  {
    name: "three functions, one state name, three states",
    top: "caller",
    source: `export function accA(x: int32): int32 {
  let value: int32 = stateful(0);
  value = value + x;
  return value;
}
export function accB(x: int32): int32 {
  let value: int32 = stateful(1000);
  value = value + x * 2;
  return value;
}
export function caller(x: int32): int32 {
  let value: int32 = stateful(10000);
  value = value + x * 10;
  const a: int32 = accA(x);
  const b: int32 = accB(x);
  return value + a + b;
}`,
    calls: [[5], [10], [2]],
    want: [11065, 11195, 11221],
  },
  {
    name: "two instances of a kernel have two states (full(v) init)",
    top: "twice",
    source: `export function step(x: int32): int32 {
  const s: int32<[2]> = stateful(full(7));
  s[0] = s[0] + x;
  return s[0];
}
export function twice(x: int32): int32 {
  const a: int32 = instance(step, "p")(x);
  const b: int32 = instance(step, "q")(x * 10);
  return a * 1000 + b;
}`,
    calls: [[1], [2]],
    want: [8 * 1000 + 17, 10 * 1000 + 37],
  },
];
