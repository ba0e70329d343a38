// before
module {
  func.func @bmm(%A: memref<3x4x5xi32>, %B: memref<3x5x3xi32>) -> memref<3x4x3xi32> attributes {itypes = "ss", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %C = memref.alloc() {name = "C"} : memref<3x4x3xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%C : memref<3x4x3xi32>)
    affine.for %b = 0 to 3 {
      affine.for %i = 0 to 4 {
        affine.for %j = 0 to 3 {
          affine.for %k = 0 to 5 {
            %0 = affine.load %C[%b, %i, %j] {from = "C"} : memref<3x4x3xi32>
            %1 = arith.extsi %0 : i32 to i65
            %2 = affine.load %A[%b, %i, %k] {from = "A"} : memref<3x4x5xi32>
            %3 = arith.extsi %2 : i32 to i64
            %4 = affine.load %B[%b, %k, %j] {from = "B"} : memref<3x5x3xi32>
            %5 = arith.extsi %4 : i32 to i64
            %6 = arith.muli %3, %5 : i64
            %7 = arith.extsi %6 : i64 to i65
            %8 = arith.addi %1, %7 : i65
            %9 = arith.trunci %8 : i65 to i32
            affine.store %9, %C[%b, %i, %j] {to = "C"} : memref<3x4x3xi32>
          } {loop_name = "k", op_name = "S_k_0", reduction}
        } {loop_name = "j"}
      } {loop_name = "i"}
    } {loop_name = "b", op_name = "S_b_i_j_0"}
    return %C : memref<3x4x3xi32>
  }
}
// after
// s.bufferAt("C", "b");
module {
  func.func @bmm(%A: memref<3x4x5xi32>, %B: memref<3x5x3xi32>) -> memref<3x4x3xi32> attributes {itypes = "ss", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %C = memref.alloc() {name = "C"} : memref<3x4x3xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%C : memref<3x4x3xi32>)
    affine.for %b = 0 to 3 {
      %C_buf = memref.alloc() {name = "C_buf"} : memref<4x3xi32>
      linalg.fill ins(%c0_i32 : i32) outs(%C_buf : memref<4x3xi32>)
      affine.for %i_init = 0 to 4 {
        affine.for %j_init = 0 to 3 {
          %0 = affine.load %C[%b, %i_init, %j_init] {from = "C"} : memref<3x4x3xi32>
          affine.store %0, %C_buf[%i_init, %j_init] {to = "C_buf"} : memref<4x3xi32>
        } {loop_name = "j_init", pipeline_ii = 1 : i32}
      } {buffer, loop_name = "i_init"}
      affine.for %i = 0 to 4 {
        affine.for %j = 0 to 3 {
          affine.for %k = 0 to 5 {
            %1 = affine.load %C_buf[%i, %j] {from = "C_buf"} : memref<4x3xi32>
            %2 = arith.extsi %1 : i32 to i65
            %3 = affine.load %A[%b, %i, %k] {from = "A"} : memref<3x4x5xi32>
            %4 = arith.extsi %3 : i32 to i64
            %5 = affine.load %B[%b, %k, %j] {from = "B"} : memref<3x5x3xi32>
            %6 = arith.extsi %5 : i32 to i64
            %7 = arith.muli %4, %6 : i64
            %8 = arith.extsi %7 : i64 to i65
            %9 = arith.addi %2, %8 : i65
            %10 = arith.trunci %9 : i65 to i32
            affine.store %10, %C_buf[%i, %j] {to = "C_buf"} : memref<4x3xi32>
          } {loop_name = "k", op_name = "S_k_0", reduction}
        } {loop_name = "j"}
      } {loop_name = "i"}
      affine.for %i_back = 0 to 4 {
        affine.for %j_back = 0 to 3 {
          %11 = affine.load %C_buf[%i_back, %j_back] {from = "C_buf"} : memref<4x3xi32>
          affine.store %11, %C[%b, %i_back, %j_back] {to = "C"} : memref<3x4x3xi32>
        } {loop_name = "j_back", pipeline_ii = 1 : i32}
      } {buffer, loop_name = "i_back"}
      memref.dealloc %C_buf : memref<4x3xi32>
    } {loop_name = "b", op_name = "S_b_i_j_0"}
    return %C : memref<3x4x3xi32>
  }
}
