// case histogram
module {
  func.func @histogram(%A: memref<64xi8>, %H: memref<16xi32>) attributes {itypes = "us", otypes = ""} {
    %c15_i32 = arith.constant 15 : i32
    %c1_i33 = arith.constant 1 : i33
    affine.for %i = 0 to 64 {
      %0 = affine.load %A[%i] {from = "A"} : memref<64xi8>
      %1 = arith.extui %0 : i8 to i32
      %2 = arith.andi %1, %c15_i32 : i32
      %3 = arith.index_cast %2 : i32 to index
      %4 = memref.load %H[%3] {from = "H"} : memref<16xi32>
      %5 = arith.extsi %4 : i32 to i33
      %6 = arith.addi %5, %c1_i33 : i33
      %7 = arith.trunci %6 : i33 to i32
      %8 = affine.load %A[%i] {from = "A"} : memref<64xi8>
      %9 = arith.extui %8 : i8 to i32
      %10 = arith.andi %9, %c15_i32 : i32
      %11 = arith.index_cast %10 : i32 to index
      memref.store %7, %H[%11] {to = "H"} : memref<16xi32>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
