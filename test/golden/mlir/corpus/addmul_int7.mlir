module {
  func.func @addmul(%A: memref<8xi7>, %B: memref<8xi7>, %C: memref<8xi7>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi7>
      %1 = arith.extsi %0 : i7 to i14
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi7>
      %3 = arith.extsi %2 : i7 to i14
      %4 = arith.muli %1, %3 : i14
      %5 = arith.extsi %4 : i14 to i15
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi7>
      %7 = arith.extsi %6 : i7 to i15
      %8 = arith.addi %5, %7 : i15
      %9 = arith.extsi %8 : i15 to i16
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi7>
      %11 = arith.extsi %10 : i7 to i16
      %12 = arith.subi %9, %11 : i16
      %13 = arith.trunci %12 : i16 to i7
      affine.store %13, %C[%i] {to = "C"} : memref<8xi7>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
