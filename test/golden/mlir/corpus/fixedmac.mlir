// case fixedmac
module {
  func.func @fixedmac(%A: memref<8xi16> {allo.dtype = "fixed(16, 8)"}, %B: memref<8xi16> {allo.dtype = "fixed(16, 8)"}, %C: memref<8xi16> {allo.dtype = "fixed(16, 8)"}, %D: memref<8xi12> {allo.dtype = "ufixed(12, 4)"}) attributes {itypes = "sssu", otypes = ""} {
    %c8_i32 = arith.constant 8 : i32
    %c16_i64 = arith.constant 16 : i64
    %c8_i33 = arith.constant 8 : i33
    %c4_i17 = arith.constant 4 : i17
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {dtype = "fixed(16, 8)", from = "A"} : memref<8xi16>
      %1 = arith.extsi %0 : i16 to i32
      %2 = arith.shli %1, %c8_i32 {dtype = "fixed(32, 16)"} : i32
      %3 = affine.load %B[%i] {dtype = "fixed(16, 8)", from = "B"} : memref<8xi16>
      %4 = arith.extsi %3 : i16 to i32
      %5 = arith.shli %4, %c8_i32 {dtype = "fixed(32, 16)"} : i32
      %6 = arith.extsi %2 : i32 to i64
      %7 = arith.extsi %5 : i32 to i64
      %8 = arith.muli %6, %7 : i64
      %9 = arith.shrsi %8, %c16_i64 : i64
      %10 = arith.trunci %9 {dtype = "fixed(32, 16)"} : i64 to i32
      %11 = arith.extsi %10 {dtype = "fixed(33, 16)"} : i32 to i33
      %12 = affine.load %C[%i] {dtype = "fixed(16, 8)", from = "C"} : memref<8xi16>
      %13 = arith.extsi %12 : i16 to i33
      %14 = arith.shli %13, %c8_i33 {dtype = "fixed(33, 16)"} : i33
      %15 = arith.addi %11, %14 {dtype = "fixed(33, 16)"} : i33
      %16 = arith.shrsi %15, %c8_i33 : i33
      %17 = arith.trunci %16 {dtype = "fixed(16, 8)"} : i33 to i16
      affine.store %17, %C[%i] {dtype = "fixed(16, 8)", to = "C"} : memref<8xi16>
      %18 = affine.load %A[%i] {dtype = "fixed(16, 8)", from = "A"} : memref<8xi16>
      %19 = arith.extsi %18 {dtype = "fixed(17, 8)"} : i16 to i17
      %20 = affine.load %B[%i] {dtype = "fixed(16, 8)", from = "B"} : memref<8xi16>
      %21 = arith.extsi %20 {dtype = "fixed(17, 8)"} : i16 to i17
      %22 = arith.addi %19, %21 {dtype = "fixed(17, 8)"} : i17
      %23 = arith.shrsi %22, %c4_i17 : i17
      %24 = arith.trunci %23 {dtype = "ufixed(12, 4)"} : i17 to i12
      affine.store %24, %D[%i] {dtype = "ufixed(12, 4)", to = "D"} : memref<8xi12>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
