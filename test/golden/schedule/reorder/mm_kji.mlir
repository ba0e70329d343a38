// before
module {
  func.func @mm(%A: memref<6x20xi8>, %B: memref<20x4xi8>, %C: memref<6x4xi16>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 6 {
      affine.for %j = 0 to 4 {
        affine.for %k = 0 to 20 {
          %0 = affine.load %C[%i, %j] {from = "C"} : memref<6x4xi16>
          %1 = arith.extsi %0 : i16 to i17
          %2 = affine.load %A[%i, %k] {from = "A"} : memref<6x20xi8>
          %3 = arith.extsi %2 : i8 to i16
          %4 = affine.load %B[%k, %j] {from = "B"} : memref<20x4xi8>
          %5 = arith.extsi %4 : i8 to i16
          %6 = arith.muli %3, %5 : i16
          %7 = arith.extsi %6 : i16 to i17
          %8 = arith.addi %1, %7 : i17
          %9 = arith.trunci %8 : i17 to i16
          affine.store %9, %C[%i, %j] {to = "C"} : memref<6x4xi16>
        } {loop_name = "k", op_name = "S_k_0"}
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "PE"}
    return
  }
}
// after
// s.reorder("k", "j", "i");
module {
  func.func @mm(%A: memref<6x20xi8>, %B: memref<20x4xi8>, %C: memref<6x4xi16>) attributes {itypes = "sss", otypes = ""} {
    affine.for %k = 0 to 20 {
      affine.for %j = 0 to 4 {
        affine.for %i = 0 to 6 {
          %0 = affine.load %C[%i, %j] {from = "C"} : memref<6x4xi16>
          %1 = arith.extsi %0 : i16 to i17
          %2 = affine.load %A[%i, %k] {from = "A"} : memref<6x20xi8>
          %3 = arith.extsi %2 : i8 to i16
          %4 = affine.load %B[%k, %j] {from = "B"} : memref<20x4xi8>
          %5 = arith.extsi %4 : i8 to i16
          %6 = arith.muli %3, %5 : i16
          %7 = arith.extsi %6 : i16 to i17
          %8 = arith.addi %1, %7 : i17
          %9 = arith.trunci %8 : i17 to i16
          affine.store %9, %C[%i, %j] {to = "C"} : memref<6x4xi16>
        } {loop_name = "i", op_name = "S_k_0"}
      } {loop_name = "j"}
    } {loop_name = "k", op_name = "PE"}
    return
  }
}
