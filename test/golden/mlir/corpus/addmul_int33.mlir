module {
  func.func @addmul(%A: memref<8xi33>, %B: memref<8xi33>, %C: memref<8xi33>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi33>
      %1 = arith.extsi %0 : i33 to i66
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi33>
      %3 = arith.extsi %2 : i33 to i66
      %4 = arith.muli %1, %3 : i66
      %5 = arith.extsi %4 : i66 to i67
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi33>
      %7 = arith.extsi %6 : i33 to i67
      %8 = arith.addi %5, %7 : i67
      %9 = arith.extsi %8 : i67 to i68
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi33>
      %11 = arith.extsi %10 : i33 to i68
      %12 = arith.subi %9, %11 : i68
      %13 = arith.trunci %12 : i68 to i33
      affine.store %13, %C[%i] {to = "C"} : memref<8xi33>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
