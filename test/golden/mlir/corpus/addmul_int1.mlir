module {
  func.func @addmul(%A: memref<8xi1>, %B: memref<8xi1>, %C: memref<8xi1>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi1>
      %1 = arith.extsi %0 : i1 to i2
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi1>
      %3 = arith.extsi %2 : i1 to i2
      %4 = arith.muli %1, %3 : i2
      %5 = arith.extsi %4 : i2 to i3
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi1>
      %7 = arith.extsi %6 : i1 to i3
      %8 = arith.addi %5, %7 : i3
      %9 = arith.extsi %8 : i3 to i4
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi1>
      %11 = arith.extsi %10 : i1 to i4
      %12 = arith.subi %9, %11 : i4
      %13 = arith.trunci %12 : i4 to i1
      affine.store %13, %C[%i] {to = "C"} : memref<8xi1>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
