module {
  func.func @scale2d(%A: memref<8x8xi32>, %B: memref<8x8xi32>) attributes {itypes = "ss", otypes = ""} {
    %c2_i64 = arith.constant 2 : i64
    affine.for %i = 0 to 8 {
      affine.for %j_outer = 0 to 3 {
        affine.for %j_inner = 0 to min affine_map<(d0) -> (3, 8 - d0 * 3)>(%j_outer) {
          %0 = affine.load %A[%i, %j_outer * 3 + %j_inner] {from = "A"} : memref<8x8xi32>
          %1 = arith.extsi %0 : i32 to i64
          %2 = arith.muli %1, %c2_i64 : i64
          %3 = arith.trunci %2 : i64 to i32
          affine.store %3, %B[%i, %j_outer * 3 + %j_inner] {to = "B"} : memref<8x8xi32>
        } {loop_name = "j.inner", pipeline_ii = 2 : i32, rewind}
      } {loop_name = "j.outer"}
    } {loop_name = "i", op_name = "S_i_j_0"}
    return
  }
}
