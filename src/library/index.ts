// allo-ts/library: kernels written in the kernel language (generic over their shapes, instantiated at
// each call site), each with a registered default schedule that `s.compose(op)` applies to every
// instance. Shapes and conventions are documented per op and in docs/library.md.

export * from "./attention.ts";
export * from "./concat.ts";
export * from "./conv.ts";
export * from "./elementwise.ts";
export * from "./elementwise-add.ts";
export * from "./elementwise-add-int.ts";
export * from "./elementwise-div.ts";
export * from "./elementwise-div-int.ts";
export * from "./elementwise-mul.ts";
export * from "./elementwise-mul-int.ts";
export * from "./elementwise-relu-int.ts";
export * from "./elementwise-sub.ts";
export * from "./elementwise-sub-int.ts";
export * from "./linalg.ts";
export * from "./nn.ts";
export * from "./products.ts";
export * from "./quant.ts";
export * from "./quantize.ts";
export * from "./systolic.ts";
