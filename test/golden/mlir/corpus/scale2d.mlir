// case scale2d
module {
  func.func @scale2d(%A: memref<8x8xi32>, %B: memref<8x8xi32>) attributes {itypes = "ss", otypes = ""} {
    %c2_i64 = arith.constant 2 : i64
    affine.for %i = 0 to 8 {
      affine.for %j = 0 to 8 {
        %0 = affine.load %A[%i, %j] {from = "A"} : memref<8x8xi32>
        %1 = arith.extsi %0 : i32 to i64
        %2 = arith.muli %1, %c2_i64 : i64
        %3 = arith.trunci %2 : i64 to i32
        affine.store %3, %B[%i, %j] {to = "B"} : memref<8x8xi32>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "S_i_j_0"}
    return
  }
}
