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
// s.split("i", 2);
// s.fuse("i.outer", "i.inner");
module {
  func.func @tri(%A: memref<9x9xf64>, %B: memref<9x9xf64>) attributes {itypes = "__", otypes = ""} {
    %cst = arith.constant 0.5 : f64
    affine.for %i_outer_i_inner_fused = 0 to 4 {
      affine.for %j = 0 to affine_map<(d0) -> (1 + (d0 floordiv 2 * 2 + d0 mod 2) * 2 + 1)>(%i_outer_i_inner_fused) {
        %0 = affine.load %A[1 + (%i_outer_i_inner_fused floordiv 2 * 2 + %i_outer_i_inner_fused mod 2) * 2, %j] {from = "A"} : memref<9x9xf64>
        %1 = arith.mulf %0, %cst : f64
        %2 = affine.load %A[%j, 1 + (%i_outer_i_inner_fused floordiv 2 * 2 + %i_outer_i_inner_fused mod 2) * 2] {from = "A"} : memref<9x9xf64>
        %3 = arith.addf %1, %2 : f64
        affine.store %3, %B[1 + (%i_outer_i_inner_fused floordiv 2 * 2 + %i_outer_i_inner_fused mod 2) * 2, %j] {to = "B"} : memref<9x9xf64>
      } {loop_name = "j", op_name = "S_j_0"}
    } {loop_name = "i.outer_i.inner_fused", op_name = "S_i_0"}
    return
  }
}
