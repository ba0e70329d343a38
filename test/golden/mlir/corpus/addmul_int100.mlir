module {
  func.func @addmul(%A: memref<8xi100>, %B: memref<8xi100>, %C: memref<8xi100>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi100>
      %1 = arith.extsi %0 : i100 to i200
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi100>
      %3 = arith.extsi %2 : i100 to i200
      %4 = arith.muli %1, %3 : i200
      %5 = arith.extsi %4 : i200 to i201
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi100>
      %7 = arith.extsi %6 : i100 to i201
      %8 = arith.addi %5, %7 : i201
      %9 = arith.extsi %8 : i201 to i202
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi100>
      %11 = arith.extsi %10 : i100 to i202
      %12 = arith.subi %9, %11 : i202
      %13 = arith.trunci %12 : i202 to i100
      affine.store %13, %C[%i] {to = "C"} : memref<8xi100>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
