module {
  func.func @addmul(%A: memref<8xi48>, %B: memref<8xi48>, %C: memref<8xi48>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi48>
      %1 = arith.extsi %0 : i48 to i96
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi48>
      %3 = arith.extsi %2 : i48 to i96
      %4 = arith.muli %1, %3 : i96
      %5 = arith.extsi %4 : i96 to i97
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi48>
      %7 = arith.extsi %6 : i48 to i97
      %8 = arith.addi %5, %7 : i97
      %9 = arith.extsi %8 : i97 to i98
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi48>
      %11 = arith.extsi %10 : i48 to i98
      %12 = arith.subi %9, %11 : i98
      %13 = arith.trunci %12 : i98 to i48
      affine.store %13, %C[%i] {to = "C"} : memref<8xi48>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
