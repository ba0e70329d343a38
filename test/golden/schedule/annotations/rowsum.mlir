// before
module {
  func.func @rowsum(%A: memref<7x9xi8>) -> memref<7xi32> attributes {itypes = "u", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %c2_i64 = arith.constant 2 : i64
    %S = memref.alloc() {name = "S"} : memref<7xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%S : memref<7xi32>)
    affine.for %i = 0 to 7 {
      %acc = memref.alloc() {name = "acc"} : memref<i32>
      affine.store %c0_i32, %acc[] {to = "acc"} : memref<i32>
      affine.for %j = 0 to 9 {
        %0 = affine.load %acc[] {from = "acc"} : memref<i32>
        %1 = arith.extsi %0 : i32 to i33
        %2 = affine.load %A[%i, %j] {from = "A"} : memref<7x9xi8>
        %3 = arith.extui %2 : i8 to i33
        %4 = arith.addi %1, %3 : i33
        %5 = arith.trunci %4 : i33 to i32
        affine.store %5, %acc[] {to = "acc"} : memref<i32>
      } {loop_name = "j", op_name = "S_j_0", reduction}
      %6 = affine.load %acc[] {from = "acc"} : memref<i32>
      %7 = arith.extsi %6 : i32 to i64
      %8 = arith.muli %7, %c2_i64 : i64
      %9 = arith.trunci %8 : i64 to i32
      affine.store %9, %S[%i] {to = "S"} : memref<7xi32>
      memref.dealloc %acc : memref<i32>
    } {loop_name = "i", op_name = "S_i_0"}
    return %S : memref<7xi32>
  }
}
// after
// s.pipeline("j");
// s.unroll("j", 3);
// s.parallel("i");
// s.dataflow("i");
module {
  func.func @rowsum(%A: memref<7x9xi8>) -> memref<7xi32> attributes {itypes = "u", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %c2_i64 = arith.constant 2 : i64
    %S = memref.alloc() {name = "S"} : memref<7xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%S : memref<7xi32>)
    affine.for %i = 0 to 7 {
      %acc = memref.alloc() {name = "acc"} : memref<i32>
      affine.store %c0_i32, %acc[] {to = "acc"} : memref<i32>
      affine.for %j = 0 to 9 {
        %0 = affine.load %acc[] {from = "acc"} : memref<i32>
        %1 = arith.extsi %0 : i32 to i33
        %2 = affine.load %A[%i, %j] {from = "A"} : memref<7x9xi8>
        %3 = arith.extui %2 : i8 to i33
        %4 = arith.addi %1, %3 : i33
        %5 = arith.trunci %4 : i33 to i32
        affine.store %5, %acc[] {to = "acc"} : memref<i32>
      } {loop_name = "j", op_name = "S_j_0", pipeline_ii = 1 : i32, reduction, unroll = 3 : i32}
      %6 = affine.load %acc[] {from = "acc"} : memref<i32>
      %7 = arith.extsi %6 : i32 to i64
      %8 = arith.muli %7, %c2_i64 : i64
      %9 = arith.trunci %8 : i64 to i32
      affine.store %9, %S[%i] {to = "S"} : memref<7xi32>
      memref.dealloc %acc : memref<i32>
    } {dataflow, loop_name = "i", op_name = "S_i_0", parallel}
    return %S : memref<7xi32>
  }
}
