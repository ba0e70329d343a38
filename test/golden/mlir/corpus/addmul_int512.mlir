module {
  func.func @addmul(%A: memref<8xi512>, %B: memref<8xi512>, %C: memref<8xi512>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi512>
      %1 = arith.extsi %0 : i512 to i1024
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi512>
      %3 = arith.extsi %2 : i512 to i1024
      %4 = arith.muli %1, %3 : i1024
      %5 = arith.extsi %4 : i1024 to i1025
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi512>
      %7 = arith.extsi %6 : i512 to i1025
      %8 = arith.addi %5, %7 : i1025
      %9 = arith.extsi %8 : i1025 to i1026
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi512>
      %11 = arith.extsi %10 : i512 to i1026
      %12 = arith.subi %9, %11 : i1026
      %13 = arith.trunci %12 : i1026 to i512
      affine.store %13, %C[%i] {to = "C"} : memref<8xi512>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
