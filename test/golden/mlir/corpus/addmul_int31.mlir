module {
  func.func @addmul(%A: memref<8xi31>, %B: memref<8xi31>, %C: memref<8xi31>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi31>
      %1 = arith.extsi %0 : i31 to i62
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi31>
      %3 = arith.extsi %2 : i31 to i62
      %4 = arith.muli %1, %3 : i62
      %5 = arith.extsi %4 : i62 to i63
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi31>
      %7 = arith.extsi %6 : i31 to i63
      %8 = arith.addi %5, %7 : i63
      %9 = arith.extsi %8 : i63 to i64
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi31>
      %11 = arith.extsi %10 : i31 to i64
      %12 = arith.subi %9, %11 : i64
      %13 = arith.trunci %12 : i64 to i31
      affine.store %13, %C[%i] {to = "C"} : memref<8xi31>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
