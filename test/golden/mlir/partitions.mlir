module {
  func.func @partitions(%A: memref<10x10xf32, affine_map<(d0, d1) -> (d0 floordiv 5, d1 floordiv 5, d0 mod 5, d1 mod 5)>>, %B: memref<8x8xi32, affine_map<(d0, d1) -> (d0 mod 4, d1, d0 floordiv 4, 0)>>, %C: memref<4x4xf32, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>, %D: memref<6xi32>, %E: memref<12xi32, affine_map<(d0) -> (d0, 0)>>) attributes {itypes = "_s_ss", otypes = ""} {
    %cst = arith.constant 0.0 : f32
    %T = memref.alloc() {name = "T"} : memref<4x4xf32, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
    linalg.fill ins(%cst : f32) outs(%T : memref<4x4xf32, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>)
    affine.for %i = 0 to 4 {
      affine.for %j = 0 to 4 {
        %0 = affine.load %A[%i, %j] {from = "A"} : memref<10x10xf32, affine_map<(d0, d1) -> (d0 floordiv 5, d1 floordiv 5, d0 mod 5, d1 mod 5)>>
        %1 = affine.load %C[%j, %i] {from = "C"} : memref<4x4xf32, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
        %2 = arith.addf %0, %1 : f32
        affine.store %2, %T[%i, %j] {to = "T"} : memref<4x4xf32, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "S_i_j_0"}
    affine.for %i_1 = 0 to 4 {
      affine.for %j_1 = 0 to 4 {
        %3 = affine.load %T[%i_1, %j_1] {from = "T"} : memref<4x4xf32, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
        affine.store %3, %C[%i_1, %j_1] {to = "C"} : memref<4x4xf32, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
      } {loop_name = "j", pipeline_ii = 1 : i32}
    } {loop_name = "i", op_name = "S_i_j_1"}
    affine.for %i_2 = 0 to 6 {
      %4 = affine.load %B[%i_2, %i_2 + 2] {from = "B"} : memref<8x8xi32, affine_map<(d0, d1) -> (d0 mod 4, d1, d0 floordiv 4, 0)>>
      affine.store %4, %D[%i_2] {to = "D"} : memref<6xi32>
    } {loop_name = "i", op_name = "S_i_2"}
    affine.for %i_3 = 0 to 12 {
      %5 = affine.load %E[%i_3] {from = "E"} : memref<12xi32, affine_map<(d0) -> (d0, 0)>>
      affine.store %5, %E[%i_3] {to = "E"} : memref<12xi32, affine_map<(d0) -> (d0, 0)>>
    } {loop_name = "i", op_name = "S_i_3", unroll = 0 : i32}
    memref.dealloc %T : memref<4x4xf32, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
    return
  }
}
