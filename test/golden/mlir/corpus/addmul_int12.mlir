module {
  func.func @addmul(%A: memref<8xi12>, %B: memref<8xi12>, %C: memref<8xi12>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi12>
      %1 = arith.extsi %0 : i12 to i24
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi12>
      %3 = arith.extsi %2 : i12 to i24
      %4 = arith.muli %1, %3 : i24
      %5 = arith.extsi %4 : i24 to i25
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi12>
      %7 = arith.extsi %6 : i12 to i25
      %8 = arith.addi %5, %7 : i25
      %9 = arith.extsi %8 : i25 to i26
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi12>
      %11 = arith.extsi %10 : i12 to i26
      %12 = arith.subi %9, %11 : i26
      %13 = arith.trunci %12 : i26 to i12
      affine.store %13, %C[%i] {to = "C"} : memref<8xi12>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
