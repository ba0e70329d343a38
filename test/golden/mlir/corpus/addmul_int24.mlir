module {
  func.func @addmul(%A: memref<8xi24>, %B: memref<8xi24>, %C: memref<8xi24>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi24>
      %1 = arith.extsi %0 : i24 to i48
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi24>
      %3 = arith.extsi %2 : i24 to i48
      %4 = arith.muli %1, %3 : i48
      %5 = arith.extsi %4 : i48 to i49
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi24>
      %7 = arith.extsi %6 : i24 to i49
      %8 = arith.addi %5, %7 : i49
      %9 = arith.extsi %8 : i49 to i50
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi24>
      %11 = arith.extsi %10 : i24 to i50
      %12 = arith.subi %9, %11 : i50
      %13 = arith.trunci %12 : i50 to i24
      affine.store %13, %C[%i] {to = "C"} : memref<8xi24>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
