// case jacobi
module {
  func.func @jacobi(%A: memref<8x8xf32>, %B: memref<8x8xf32>) attributes {itypes = "__", otypes = ""} {
    %cst = arith.constant 0.20000000298023224 : f32
    affine.for %i = 0 to 6 {
      affine.for %j = 0 to 6 {
        %0 = affine.load %A[%i + 1, %j + 1] {from = "A"} : memref<8x8xf32>
        %1 = affine.load %A[%i, %j + 1] {from = "A"} : memref<8x8xf32>
        %2 = arith.addf %0, %1 : f32
        %3 = affine.load %A[%i + 2, %j + 1] {from = "A"} : memref<8x8xf32>
        %4 = arith.addf %2, %3 : f32
        %5 = affine.load %A[%i + 1, %j] {from = "A"} : memref<8x8xf32>
        %6 = arith.addf %4, %5 : f32
        %7 = affine.load %A[%i + 1, %j + 2] {from = "A"} : memref<8x8xf32>
        %8 = arith.addf %6, %7 : f32
        %9 = arith.mulf %cst, %8 : f32
        affine.store %9, %B[%i + 1, %j + 1] {to = "B"} : memref<8x8xf32>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "S_i_j_0"}
    return
  }
}
