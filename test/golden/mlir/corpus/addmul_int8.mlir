module {
  func.func @addmul(%A: memref<8xi8>, %B: memref<8xi8>, %C: memref<8xi8>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi8>
      %1 = arith.extsi %0 : i8 to i16
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi8>
      %3 = arith.extsi %2 : i8 to i16
      %4 = arith.muli %1, %3 : i16
      %5 = arith.extsi %4 : i16 to i17
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi8>
      %7 = arith.extsi %6 : i8 to i17
      %8 = arith.addi %5, %7 : i17
      %9 = arith.extsi %8 : i17 to i18
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi8>
      %11 = arith.extsi %10 : i8 to i18
      %12 = arith.subi %9, %11 : i18
      %13 = arith.trunci %12 : i18 to i8
      affine.store %13, %C[%i] {to = "C"} : memref<8xi8>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
