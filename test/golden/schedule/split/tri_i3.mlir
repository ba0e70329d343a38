// before
module {
  func.func @tri(%A: memref<9x9xf64>, %B: memref<9x9xf64>) attributes {itypes = "__", otypes = ""} {
    %cst = arith.constant 0.5 : f64
    affine.for %i = 1 to 9 step 2 {
      affine.for %j = 0 to affine_map<(d0) -> (d0 + 1)>(%i) {
        %0 = affine.load %A[%i, %j] {from = "A"} : memref<9x9xf64>
        %1 = arith.mulf %0, %cst : f64
        %2 = affine.load %A[%j, %i] {from = "A"} : memref<9x9xf64>
        %3 = arith.addf %1, %2 : f64
        affine.store %3, %B[%i, %j] {to = "B"} : memref<9x9xf64>
      } {loop_name = "j", op_name = "S_j_0"}
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// after
// s.split("i", 3);
module {
  func.func @tri(%A: memref<9x9xf64>, %B: memref<9x9xf64>) attributes {itypes = "__", otypes = ""} {
    %cst = arith.constant 0.5 : f64
    affine.for %i_outer = 0 to 2 {
      affine.for %i_inner = 0 to min affine_map<(d0) -> (3, 4 - d0 * 3)>(%i_outer) {
        affine.for %j = 0 to affine_map<(d0, d1) -> (d0 * 6 + d1 * 2 + 2)>(%i_outer, %i_inner) {
          %0 = affine.load %A[%i_outer * 6 + %i_inner * 2 + 1, %j] {from = "A"} : memref<9x9xf64>
          %1 = arith.mulf %0, %cst : f64
          %2 = affine.load %A[%j, %i_outer * 6 + %i_inner * 2 + 1] {from = "A"} : memref<9x9xf64>
          %3 = arith.addf %1, %2 : f64
          affine.store %3, %B[%i_outer * 6 + %i_inner * 2 + 1, %j] {to = "B"} : memref<9x9xf64>
        } {loop_name = "j", op_name = "S_j_0"}
      } {loop_name = "i.inner"}
    } {loop_name = "i.outer", op_name = "S_i_0"}
    return
  }
}
