// before
module {
  func.func @mm(%A: memref<5x24xi8>, %B: memref<24x4xi8>, %C: memref<5x4xi16>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 5 {
      affine.for %j = 0 to 4 {
        affine.for %k = 0 to 24 {
          %0 = affine.load %C[%i, %j] {from = "C"} : memref<5x4xi16>
          %1 = arith.extsi %0 : i16 to i17
          %2 = affine.load %A[%i, %k] {from = "A"} : memref<5x24xi8>
          %3 = arith.extsi %2 : i8 to i16
          %4 = affine.load %B[%k, %j] {from = "B"} : memref<24x4xi8>
          %5 = arith.extsi %4 : i8 to i16
          %6 = arith.muli %3, %5 : i16
          %7 = arith.extsi %6 : i16 to i17
          %8 = arith.addi %1, %7 : i17
          %9 = arith.trunci %8 : i17 to i16
          affine.store %9, %C[%i, %j] {to = "C"} : memref<5x4xi16>
        } {loop_name = "k", op_name = "S_k_0"}
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "PE"}
    return
  }
}
// after
// s.bufferAt("A", "j");
// s.bufferAt("B", "j");
module {
  func.func @mm(%A: memref<5x24xi8>, %B: memref<24x4xi8>, %C: memref<5x4xi16>) attributes {itypes = "sss", otypes = ""} {
    %c0_i8 = arith.constant 0 : i8
    affine.for %i = 0 to 5 {
      affine.for %j = 0 to 4 {
        %A_buf = memref.alloc() {name = "A_buf"} : memref<24xi8>
        linalg.fill ins(%c0_i8 : i8) outs(%A_buf : memref<24xi8>)
        affine.for %k_init = 0 to 24 {
          %0 = affine.load %A[%i, %k_init] {from = "A"} : memref<5x24xi8>
          affine.store %0, %A_buf[%k_init] {to = "A_buf"} : memref<24xi8>
        } {buffer, loop_name = "k_init", pipeline_ii = 1 : i32}
        %B_buf = memref.alloc() {name = "B_buf"} : memref<24xi8>
        linalg.fill ins(%c0_i8 : i8) outs(%B_buf : memref<24xi8>)
        affine.for %k_init_1 = 0 to 24 {
          %1 = affine.load %B[%k_init_1, %j] {from = "B"} : memref<24x4xi8>
          affine.store %1, %B_buf[%k_init_1] {to = "B_buf"} : memref<24xi8>
        } {buffer, loop_name = "k_init", pipeline_ii = 1 : i32}
        affine.for %k = 0 to 24 {
          %2 = affine.load %C[%i, %j] {from = "C"} : memref<5x4xi16>
          %3 = arith.extsi %2 : i16 to i17
          %4 = affine.load %A_buf[%k] {from = "A_buf"} : memref<24xi8>
          %5 = arith.extsi %4 : i8 to i16
          %6 = affine.load %B_buf[%k] {from = "B_buf"} : memref<24xi8>
          %7 = arith.extsi %6 : i8 to i16
          %8 = arith.muli %5, %7 : i16
          %9 = arith.extsi %8 : i16 to i17
          %10 = arith.addi %3, %9 : i17
          %11 = arith.trunci %10 : i17 to i16
          affine.store %11, %C[%i, %j] {to = "C"} : memref<5x4xi16>
        } {loop_name = "k", op_name = "S_k_0"}
        memref.dealloc %B_buf : memref<24xi8>
        memref.dealloc %A_buf : memref<24xi8>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "PE"}
    return
  }
}
