module {
  func.func @addmul(%A: memref<8xi54>, %B: memref<8xi54>, %C: memref<8xi54>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi54>
      %1 = arith.extsi %0 : i54 to i108
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi54>
      %3 = arith.extsi %2 : i54 to i108
      %4 = arith.muli %1, %3 : i108
      %5 = arith.extsi %4 : i108 to i109
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi54>
      %7 = arith.extsi %6 : i54 to i109
      %8 = arith.addi %5, %7 : i109
      %9 = arith.extsi %8 : i109 to i110
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi54>
      %11 = arith.extsi %10 : i54 to i110
      %12 = arith.subi %9, %11 : i110
      %13 = arith.trunci %12 : i110 to i54
      affine.store %13, %C[%i] {to = "C"} : memref<8xi54>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
