module {
  func.func @gemm(%A: memref<16x16xf32, affine_map<(d0, d1) -> (0, d1 mod 4, d0, d1 floordiv 4)>>, %B: memref<16x16xf32, affine_map<(d0, d1) -> (d0 floordiv 4, 0, d0 mod 4, d1)>>) -> memref<16x16xf32> attributes {itypes = "__", otypes = "_"} {
    %cst = arith.constant 0.0 : f32
    %C = memref.alloc() {name = "C"} : memref<16x16xf32>
    linalg.fill ins(%cst : f32) outs(%C : memref<16x16xf32>)
    affine.for %i_outer = 0 to 6 {
      affine.for %j_outer = 0 to 4 {
        affine.for %i_inner = 0 to min affine_map<(d0) -> (3, 16 - d0 * 3)>(%i_outer) {
          affine.for %j_inner = 0 to 4 {
            affine.for %k = 0 to 16 {
              %0 = affine.load %C[%i_outer * 3 + %i_inner, %j_outer * 4 + %j_inner] {from = "C"} : memref<16x16xf32>
              %1 = affine.load %A[%i_outer * 3 + %i_inner, %k] {from = "A"} : memref<16x16xf32, affine_map<(d0, d1) -> (0, d1 mod 4, d0, d1 floordiv 4)>>
              %2 = affine.load %B[%k, %j_outer * 4 + %j_inner] {from = "B"} : memref<16x16xf32, affine_map<(d0, d1) -> (d0 floordiv 4, 0, d0 mod 4, d1)>>
              %3 = arith.mulf %1, %2 : f32
              %4 = arith.addf %0, %3 : f32
              affine.store %4, %C[%i_outer * 3 + %i_inner, %j_outer * 4 + %j_inner] {to = "C"} : memref<16x16xf32>
            } {loop_name = "k"}
          } {loop_name = "j.inner", unroll = 4 : i32}
        } {loop_name = "i.inner"}
      } {loop_name = "j.outer"}
    } {loop_name = "i.outer", op_name = "S_i_j_k_0", parallel}
    return %C : memref<16x16xf32>
  }
}
