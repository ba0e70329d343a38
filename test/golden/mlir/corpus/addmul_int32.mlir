module {
  func.func @addmul(%A: memref<8xi32>, %B: memref<8xi32>, %C: memref<8xi32>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi32>
      %1 = arith.extsi %0 : i32 to i64
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi32>
      %3 = arith.extsi %2 : i32 to i64
      %4 = arith.muli %1, %3 : i64
      %5 = arith.extsi %4 : i64 to i65
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi32>
      %7 = arith.extsi %6 : i32 to i65
      %8 = arith.addi %5, %7 : i65
      %9 = arith.extsi %8 : i65 to i66
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi32>
      %11 = arith.extsi %10 : i32 to i66
      %12 = arith.subi %9, %11 : i66
      %13 = arith.trunci %12 : i66 to i32
      affine.store %13, %C[%i] {to = "C"} : memref<8xi32>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
