module {
  func.func @addmul(%A: memref<8xi64>, %B: memref<8xi64>, %C: memref<8xi64>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi64>
      %1 = arith.extsi %0 : i64 to i128
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi64>
      %3 = arith.extsi %2 : i64 to i128
      %4 = arith.muli %1, %3 : i128
      %5 = arith.extsi %4 : i128 to i129
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi64>
      %7 = arith.extsi %6 : i64 to i129
      %8 = arith.addi %5, %7 : i129
      %9 = arith.extsi %8 : i129 to i130
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi64>
      %11 = arith.extsi %10 : i64 to i130
      %12 = arith.subi %9, %11 : i130
      %13 = arith.trunci %12 : i130 to i64
      affine.store %13, %C[%i] {to = "C"} : memref<8xi64>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
