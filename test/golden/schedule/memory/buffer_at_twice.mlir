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
// s.reorder("k", "j");
// s.bufferAt("C", "i");
// s.bufferAt("A", "k");
module {
  func.func @gemm(%A: memref<8x6xf32>, %B: memref<6x10xf32>) -> memref<8x10xf32> attributes {itypes = "__", otypes = "_"} {
    %cst = arith.constant 0.0 : f32
    %C = memref.alloc() {name = "C"} : memref<8x10xf32>
    linalg.fill ins(%cst : f32) outs(%C : memref<8x10xf32>)
    affine.for %i = 0 to 8 {
      %C_buf = memref.alloc() {name = "C_buf"} : memref<10xf32>
      linalg.fill ins(%cst : f32) outs(%C_buf : memref<10xf32>)
      affine.for %j_init = 0 to 10 {
        %0 = affine.load %C[%i, %j_init] {from = "C"} : memref<8x10xf32>
        affine.store %0, %C_buf[%j_init] {to = "C_buf"} : memref<10xf32>
      } {buffer, loop_name = "j_init", pipeline_ii = 1 : i32}
      affine.for %k = 0 to 6 {
        %A_buf = memref.alloc() {name = "A_buf"} : memref<f32>
        %1 = affine.load %A[%i, %k] {from = "A"} : memref<8x6xf32>
        affine.store %1, %A_buf[] {to = "A_buf"} : memref<f32>
        affine.for %j = 0 to 10 {
          %2 = affine.load %C_buf[%j] {from = "C_buf"} : memref<10xf32>
          %3 = affine.load %A_buf[] {from = "A_buf"} : memref<f32>
          %4 = affine.load %B[%k, %j] {from = "B"} : memref<6x10xf32>
          %5 = arith.mulf %3, %4 : f32
          %6 = arith.addf %2, %5 : f32
          affine.store %6, %C_buf[%j] {to = "C_buf"} : memref<10xf32>
        } {loop_name = "j"}
        memref.dealloc %A_buf : memref<f32>
      } {loop_name = "k"}
      affine.for %j_back = 0 to 10 {
        %7 = affine.load %C_buf[%j_back] {from = "C_buf"} : memref<10xf32>
        affine.store %7, %C[%i, %j_back] {to = "C"} : memref<8x10xf32>
      } {buffer, loop_name = "j_back", pipeline_ii = 1 : i32}
      memref.dealloc %C_buf : memref<10xf32>
    } {loop_name = "i", op_name = "S_i_j_k_0"}
    return %C : memref<8x10xf32>
  }
}
