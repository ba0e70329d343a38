module {
  func.func @addmul(%A: memref<8xi5>, %B: memref<8xi5>, %C: memref<8xi5>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi5>
      %1 = arith.extsi %0 : i5 to i10
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi5>
      %3 = arith.extsi %2 : i5 to i10
      %4 = arith.muli %1, %3 : i10
      %5 = arith.extsi %4 : i10 to i11
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi5>
      %7 = arith.extsi %6 : i5 to i11
      %8 = arith.addi %5, %7 : i11
      %9 = arith.extsi %8 : i11 to i12
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi5>
      %11 = arith.extsi %10 : i5 to i12
      %12 = arith.subi %9, %11 : i12
      %13 = arith.trunci %12 : i12 to i5
      affine.store %13, %C[%i] {to = "C"} : memref<8xi5>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
