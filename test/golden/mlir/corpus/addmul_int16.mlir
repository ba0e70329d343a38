module {
  func.func @addmul(%A: memref<8xi16>, %B: memref<8xi16>, %C: memref<8xi16>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi16>
      %1 = arith.extsi %0 : i16 to i32
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi16>
      %3 = arith.extsi %2 : i16 to i32
      %4 = arith.muli %1, %3 : i32
      %5 = arith.extsi %4 : i32 to i33
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi16>
      %7 = arith.extsi %6 : i16 to i33
      %8 = arith.addi %5, %7 : i33
      %9 = arith.extsi %8 : i33 to i34
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi16>
      %11 = arith.extsi %10 : i16 to i34
      %12 = arith.subi %9, %11 : i34
      %13 = arith.trunci %12 : i34 to i16
      affine.store %13, %C[%i] {to = "C"} : memref<8xi16>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
