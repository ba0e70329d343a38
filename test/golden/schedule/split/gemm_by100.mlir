// before
module {
  func.func @gemm(%A: memref<8x6xf32>, %B: memref<6x10xf32>) -> memref<8x10xf32> attributes {itypes = "__", otypes = "_"} {
    %cst = arith.constant 0.0 : f32
    %C = memref.alloc() {name = "C"} : memref<8x10xf32>
    linalg.fill ins(%cst : f32) outs(%C : memref<8x10xf32>)
    affine.for %i = 0 to 8 {
      affine.for %j = 0 to 10 {
        affine.for %k = 0 to 6 {
          %0 = affine.load %C[%i, %j] {from = "C"} : memref<8x10xf32>
          %1 = affine.load %A[%i, %k] {from = "A"} : memref<8x6xf32>
          %2 = affine.load %B[%k, %j] {from = "B"} : memref<6x10xf32>
          %3 = arith.mulf %1, %2 : f32
          %4 = arith.addf %0, %3 : f32
          affine.store %4, %C[%i, %j] {to = "C"} : memref<8x10xf32>
        } {loop_name = "k"}
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "S_i_j_k_0"}
    return %C : memref<8x10xf32>
  }
}
// after
// s.split("i", 100);
module {
  func.func @gemm(%A: memref<8x6xf32>, %B: memref<6x10xf32>) -> memref<8x10xf32> attributes {itypes = "__", otypes = "_"} {
    %cst = arith.constant 0.0 : f32
    %C = memref.alloc() {name = "C"} : memref<8x10xf32>
    linalg.fill ins(%cst : f32) outs(%C : memref<8x10xf32>)
    affine.for %i_outer = 0 to 1 {
      affine.for %i_inner = 0 to min affine_map<(d0) -> (100, 8 - d0 * 100)>(%i_outer) {
        affine.for %j = 0 to 10 {
          affine.for %k = 0 to 6 {
            %0 = affine.load %C[%i_outer * 100 + %i_inner, %j] {from = "C"} : memref<8x10xf32>
            %1 = affine.load %A[%i_outer * 100 + %i_inner, %k] {from = "A"} : memref<8x6xf32>
            %2 = affine.load %B[%k, %j] {from = "B"} : memref<6x10xf32>
            %3 = arith.mulf %1, %2 : f32
            %4 = arith.addf %0, %3 : f32
            affine.store %4, %C[%i_outer * 100 + %i_inner, %j] {to = "C"} : memref<8x10xf32>
          } {loop_name = "k"}
        } {loop_name = "j"}
      } {loop_name = "i.inner"}
    } {loop_name = "i.outer", op_name = "S_i_j_k_0"}
    return %C : memref<8x10xf32>
  }
}
