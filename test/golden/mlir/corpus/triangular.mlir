// case triangular
module {
  func.func @triangular(%A: memref<8x8xf32>, %B: memref<8x8xf32>) attributes {itypes = "__", otypes = ""} {
    %cst = arith.constant 2.0 : f32
    affine.for %i = 0 to 8 step 2 {
      affine.for %j = 0 to affine_map<(d0) -> (d0 + 1)>(%i) {
        %0 = affine.load %A[%i, %j] {from = "A"} : memref<8x8xf32>
        %1 = arith.mulf %0, %cst : f32
        affine.store %1, %B[%i, %j] {to = "B"} : memref<8x8xf32>
      } {loop_name = "j", op_name = "S_j_0"}
    } {loop_name = "i", op_name = "S_i_0"}
    affine.for %i_1 = 1 to 8 step 2 {
      affine.for %j_1 = affine_map<(d0) -> (d0 + 1)>(%i_1) to 8 {
        %2 = affine.load %A[%j_1, %i_1] {from = "A"} : memref<8x8xf32>
        %3 = affine.load %A[%i_1, %j_1] {from = "A"} : memref<8x8xf32>
        %4 = arith.subf %2, %3 : f32
        affine.store %4, %B[%i_1, %j_1] {to = "B"} : memref<8x8xf32>
      } {loop_name = "j", op_name = "S_j_2"}
    } {loop_name = "i", op_name = "S_i_2"}
    return
  }
}
