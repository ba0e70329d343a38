// case wide
module attributes {dlti.dl_spec = #dlti.dl_spec<i64 = dense<64> : vector<2xi64>, i128 = dense<128> : vector<2xi64>>} {
  func.func @wide(%A: memref<8xi64>, %B: memref<8xi64>, %C: memref<8xi64>, %D: memref<8xi64>, %E: memref<8xi100>) attributes {itypes = "susus", otypes = ""} {
    %c3_i96 = arith.constant 3 : i96
    %c7_i32 = arith.constant 7 : i32
    %c0_i64 = arith.constant 0 : i64
    %c7_i64 = arith.constant 7 : i64
    %c1_i130 = arith.constant 1 : i130
    %c5_i160 = arith.constant 5 : i160
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi64>
      %1 = arith.extsi %0 : i64 to i96
      %2 = arith.muli %1, %c3_i96 : i96
      %3 = arith.extsi %2 : i96 to i97
      %4 = affine.load %A[%i] {from = "A"} : memref<8xi64>
      %5 = arith.shrsi %4, %c7_i64 : i64
      %6 = arith.extsi %5 : i64 to i97
      %7 = arith.subi %3, %6 : i97
      %8 = arith.trunci %7 : i97 to i64
      affine.store %8, %C[%i] {to = "C"} : memref<8xi64>
      %9 = affine.load %B[%i] {from = "B"} : memref<8xi64>
      %10 = arith.extui %9 : i64 to i128
      %11 = affine.load %B[%i] {from = "B"} : memref<8xi64>
      %12 = arith.extui %11 : i64 to i128
      %13 = arith.muli %10, %12 : i128
      %14 = arith.extui %13 : i128 to i130
      %15 = arith.addi %14, %c1_i130 : i130
      %16 = arith.trunci %15 : i130 to i64
      affine.store %16, %D[%i] {to = "D"} : memref<8xi64>
      %17 = affine.load %A[%i] {from = "A"} : memref<8xi64>
      %18 = arith.extsi %17 : i64 to i128
      %19 = affine.load %A[%i] {from = "A"} : memref<8xi64>
      %20 = arith.extsi %19 : i64 to i128
      %21 = arith.muli %18, %20 : i128
      %22 = arith.extsi %21 : i128 to i160
      %23 = arith.muli %22, %c5_i160 : i160
      %24 = arith.trunci %23 : i160 to i100
      affine.store %24, %E[%i] {to = "E"} : memref<8xi100>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
