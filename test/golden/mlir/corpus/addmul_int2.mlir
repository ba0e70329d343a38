module {
  func.func @addmul(%A: memref<8xi2>, %B: memref<8xi2>, %C: memref<8xi2>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi2>
      %1 = arith.extsi %0 : i2 to i4
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi2>
      %3 = arith.extsi %2 : i2 to i4
      %4 = arith.muli %1, %3 : i4
      %5 = arith.extsi %4 : i4 to i5
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi2>
      %7 = arith.extsi %6 : i2 to i5
      %8 = arith.addi %5, %7 : i5
      %9 = arith.extsi %8 : i5 to i6
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi2>
      %11 = arith.extsi %10 : i2 to i6
      %12 = arith.subi %9, %11 : i6
      %13 = arith.trunci %12 : i6 to i2
      affine.store %13, %C[%i] {to = "C"} : memref<8xi2>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
