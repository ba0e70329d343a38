module {
  func.func @addmul(%A: memref<8xi3>, %B: memref<8xi3>, %C: memref<8xi3>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi3>
      %1 = arith.extsi %0 : i3 to i6
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi3>
      %3 = arith.extsi %2 : i3 to i6
      %4 = arith.muli %1, %3 : i6
      %5 = arith.extsi %4 : i6 to i7
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi3>
      %7 = arith.extsi %6 : i3 to i7
      %8 = arith.addi %5, %7 : i7
      %9 = arith.extsi %8 : i7 to i8
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi3>
      %11 = arith.extsi %10 : i3 to i8
      %12 = arith.subi %9, %11 : i8
      %13 = arith.trunci %12 : i8 to i3
      affine.store %13, %C[%i] {to = "C"} : memref<8xi3>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
