module {
  func.func @gemm(%A: memref<4x4x16xf32>, %B: memref<16x16xf32>) -> memref<16x16xf32, affine_map<(d0, d1) -> (d0, d1, 0, 0)>> attributes {dataflow, itypes = "__", otypes = "_"} {
    %cst = arith.constant 0.0 : f32
    %C = memref.alloc() {name = "C"} : memref<16x16xf32, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
    linalg.fill ins(%cst : f32) outs(%C : memref<16x16xf32, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>)
    affine.for %i_j_fused = 0 to 256 {
      affine.for %k = 0 to 16 {
        %0 = affine.load %C[%i_j_fused floordiv 16, %i_j_fused mod 16] {from = "C"} : memref<16x16xf32, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
        %1 = affine.load %A[%i_j_fused floordiv 16 floordiv 4, %i_j_fused floordiv 16 mod 4, %k] {from = "A"} : memref<4x4x16xf32>
        %2 = affine.load %B[%k, %i_j_fused mod 16] {from = "B"} : memref<16x16xf32>
        %3 = arith.mulf %1, %2 : f32
        %4 = arith.addf %0, %3 : f32
        affine.store %4, %C[%i_j_fused floordiv 16, %i_j_fused mod 16] {to = "C"} : memref<16x16xf32, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
      } {loop_name = "k"}
    } {loop_name = "i_j_fused", op_name = "S_i_j_k_0"}
    return %C : memref<16x16xf32, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
  }
}
