module {
  func.func @addmul(%A: memref<8xi63>, %B: memref<8xi63>, %C: memref<8xi63>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi63>
      %1 = arith.extsi %0 : i63 to i126
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi63>
      %3 = arith.extsi %2 : i63 to i126
      %4 = arith.muli %1, %3 : i126
      %5 = arith.extsi %4 : i126 to i127
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi63>
      %7 = arith.extsi %6 : i63 to i127
      %8 = arith.addi %5, %7 : i127
      %9 = arith.extsi %8 : i127 to i128
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi63>
      %11 = arith.extsi %10 : i63 to i128
      %12 = arith.subi %9, %11 : i128
      %13 = arith.trunci %12 : i128 to i63
      affine.store %13, %C[%i] {to = "C"} : memref<8xi63>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
