module {
  func.func @tiles(%A: memref<30xf32>, %M: memref<8x4xf32>) attributes {itypes = "__", otypes = ""} {
    %cst = arith.constant 2.0 : f32
    %cst_1 = arith.constant 1.5 : f32
    %cst_2 = arith.constant -0.000000e+00 : f32
    affine.for %i.outer = 0 to 4 {
      affine.for %i.inner = 0 to min affine_map<(d0) -> (8, 30 - d0 * 8)>(%i.outer) {
        %0 = affine.load %A[%i.outer * 8 + %i.inner] {from = "A"} : memref<30xf32>
        %1 = arith.mulf %0, %cst : f32
        affine.store %1, %A[%i.outer * 8 + %i.inner] {to = "A"} : memref<30xf32>
      } {loop_name = "i.inner", pipeline_ii = 1 : i32, rewind}
    } {dataflow, loop_name = "i.outer", op_name = "S_i_0", parallel}
    affine.for %i = 0 to 8 {
      affine.for %j = affine_map<(d0) -> (d0)>(%i) to 4 {
        %2 = affine.load %A[%i + %j] {from = "A"} : memref<30xf32>
        affine.store %2, %M[%i, %j] {to = "M"} : memref<8x4xf32>
      } {loop_name = "j", reduction, unroll = 4 : i32}
    } {loop_name = "i", op_name = "S_i_j_1"}
    affine.for %i_1 = 0 to 32 {
      affine.store %cst_1, %M[%i_1 floordiv 4, %i_1 mod 4] {to = "M"} : memref<8x4xf32>
    } {buffer, loop_name = "i", op_name = "S_i_2"}
    affine.for %i_2 = 0 to 4 {
      affine.for %j_1 = max affine_map<(d0) -> (d0 * 2, 3)>(%i_2) to 30 step 3 {
        affine.store %cst_2, %A[%j_1] {to = "A"} : memref<30xf32>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "S_i_j_3"}
    return
  }
}
