// case casts
module {
  func.func @casts(%A: memref<8xf32>, %C: memref<8xi16>, %D: memref<8xf32>) attributes {itypes = "_s_", otypes = ""} {
    %cst = arith.constant 100.0 : f32
    %cst_1 = arith.constant 65536.0 : f32
    %cst_2 = arith.constant 32768.0 : f32
    %cst_3 = arith.constant -32768.0 : f32
    %c0_i16 = arith.constant 0 : i16
    %cst_4 = arith.constant 0.5 : f32
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xf32>
      %1 = arith.mulf %0, %cst : f32
      %2 = math.trunc %1 : f32
      %3 = arith.remf %2, %cst_1 : f32
      %4 = arith.cmpf oge, %3, %cst_2 : f32
      %5 = arith.cmpf olt, %3, %cst_3 : f32
      %6 = arith.subf %3, %cst_1 : f32
      %7 = arith.addf %3, %cst_1 : f32
      %8 = arith.select %4, %6, %3 : f32
      %9 = arith.select %5, %7, %8 : f32
      %10 = arith.fptosi %9 : f32 to i16
      %11 = arith.cmpf uno, %3, %3 : f32
      %12 = arith.select %11, %c0_i16, %10 : i16
      %13 = arith.extsi %12 : i16 to i34
      %14 = arith.index_cast %i : index to i32
      %15 = arith.extsi %14 : i32 to i34
      %16 = arith.addi %13, %15 : i34
      %17 = arith.trunci %16 : i34 to i16
      affine.store %17, %C[%i] {to = "C"} : memref<8xi16>
      %18 = arith.index_cast %i : index to i32
      %19 = arith.sitofp %18 : i32 to f32
      %20 = arith.mulf %19, %cst_4 : f32
      %21 = affine.load %A[%i] {from = "A"} : memref<8xf32>
      %22 = arith.addf %20, %21 : f32
      affine.store %22, %D[%i] {to = "D"} : memref<8xf32>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
