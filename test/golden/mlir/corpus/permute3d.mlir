// case permute3d
module {
  func.func @permute3d(%A: memref<2x3x4xi32>, %B: memref<4x2x3xi32>) attributes {itypes = "ss", otypes = ""} {
    affine.for %i = 0 to 2 {
      affine.for %j = 0 to 3 {
        affine.for %k = 0 to 4 {
          %0 = affine.load %A[%i, %j, %k] {from = "A"} : memref<2x3x4xi32>
          %1 = arith.extsi %0 : i32 to i34
          %2 = arith.index_cast %i : index to i32
          %3 = arith.extsi %2 : i32 to i34
          %4 = arith.addi %1, %3 : i34
          %5 = arith.extsi %4 : i34 to i35
          %6 = arith.index_cast %k : index to i32
          %7 = arith.extsi %6 : i32 to i35
          %8 = arith.subi %5, %7 : i35
          %9 = arith.trunci %8 : i35 to i32
          affine.store %9, %B[%k, %i, %j] {to = "B"} : memref<4x2x3xi32>
        } {loop_name = "k"}
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "S_i_j_k_0"}
    return
  }
}
