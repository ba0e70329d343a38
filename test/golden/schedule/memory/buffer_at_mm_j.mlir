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
// s.bufferAt("C", "j");
module {
  func.func @mm(%A: memref<5x24xi8>, %B: memref<24x4xi8>, %C: memref<5x4xi16>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 5 {
      affine.for %j = 0 to 4 {
        %C_buf = memref.alloc() {name = "C_buf"} : memref<i16>
        %0 = affine.load %C[%i, %j] {from = "C"} : memref<5x4xi16>
        affine.store %0, %C_buf[] {to = "C_buf"} : memref<i16>
        affine.for %k = 0 to 24 {
          %1 = affine.load %C_buf[] {from = "C_buf"} : memref<i16>
          %2 = arith.extsi %1 : i16 to i17
          %3 = affine.load %A[%i, %k] {from = "A"} : memref<5x24xi8>
          %4 = arith.extsi %3 : i8 to i16
          %5 = affine.load %B[%k, %j] {from = "B"} : memref<24x4xi8>
          %6 = arith.extsi %5 : i8 to i16
          %7 = arith.muli %4, %6 : i16
          %8 = arith.extsi %7 : i16 to i17
          %9 = arith.addi %2, %8 : i17
          %10 = arith.trunci %9 : i17 to i16
          affine.store %10, %C_buf[] {to = "C_buf"} : memref<i16>
        } {loop_name = "k", op_name = "S_k_0"}
        %11 = affine.load %C_buf[] {from = "C_buf"} : memref<i16>
        affine.store %11, %C[%i, %j] {to = "C"} : memref<5x4xi16>
        memref.dealloc %C_buf : memref<i16>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "PE"}
    return
  }
}
