// case mixed
module {
  func.func @mixed(%A: memref<8xi8>, %B: memref<8xi8>, %C: memref<8xi16>, %D: memref<8xi1>) attributes {itypes = "ussu", otypes = ""} {
    %c0_i8 = arith.constant 0 : i8
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi8>
      %1 = arith.extui %0 : i8 to i10
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi8>
      %3 = arith.extsi %2 : i8 to i10
      %4 = arith.subi %1, %3 : i10
      %5 = arith.extsi %4 : i10 to i11
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi8>
      %7 = arith.subi %c0_i8, %6 : i8
      %8 = arith.extsi %7 : i8 to i11
      %9 = arith.addi %5, %8 : i11
      %10 = arith.extsi %9 : i11 to i16
      affine.store %10, %C[%i] {to = "C"} : memref<8xi16>
      %11 = affine.load %A[%i] {from = "A"} : memref<8xi8>
      %12 = arith.extui %11 : i8 to i9
      %13 = affine.load %B[%i] {from = "B"} : memref<8xi8>
      %14 = arith.extsi %13 : i8 to i9
      %15 = arith.cmpi sgt, %12, %14 : i9
      affine.store %15, %D[%i] {to = "D"} : memref<8xi1>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
