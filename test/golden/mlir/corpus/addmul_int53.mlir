module {
  func.func @addmul(%A: memref<8xi53>, %B: memref<8xi53>, %C: memref<8xi53>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi53>
      %1 = arith.extsi %0 : i53 to i106
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi53>
      %3 = arith.extsi %2 : i53 to i106
      %4 = arith.muli %1, %3 : i106
      %5 = arith.extsi %4 : i106 to i107
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi53>
      %7 = arith.extsi %6 : i53 to i107
      %8 = arith.addi %5, %7 : i107
      %9 = arith.extsi %8 : i107 to i108
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi53>
      %11 = arith.extsi %10 : i53 to i108
      %12 = arith.subi %9, %11 : i108
      %13 = arith.trunci %12 : i108 to i53
      affine.store %13, %C[%i] {to = "C"} : memref<8xi53>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
