module {
  func.func @addmul(%A: memref<8xi200>, %B: memref<8xi200>, %C: memref<8xi200>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi200>
      %1 = arith.extsi %0 : i200 to i400
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi200>
      %3 = arith.extsi %2 : i200 to i400
      %4 = arith.muli %1, %3 : i400
      %5 = arith.extsi %4 : i400 to i401
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi200>
      %7 = arith.extsi %6 : i200 to i401
      %8 = arith.addi %5, %7 : i401
      %9 = arith.extsi %8 : i401 to i402
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi200>
      %11 = arith.extsi %10 : i200 to i402
      %12 = arith.subi %9, %11 : i402
      %13 = arith.trunci %12 : i402 to i200
      affine.store %13, %C[%i] {to = "C"} : memref<8xi200>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
