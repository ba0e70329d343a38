// before
module {
  func.func @stencil(%A: memref<10x12xi32>, %B: memref<10x12xi32>) attributes {itypes = "ss", otypes = ""} {
    %c4_i64 = arith.constant 4 : i64
    affine.for %i = 0 to 8 {
      affine.for %j = 0 to 10 {
        %0 = affine.load %A[%i, %j + 1] {from = "A"} : memref<10x12xi32>
        %1 = arith.extsi %0 : i32 to i33
        %2 = affine.load %A[%i + 2, %j + 1] {from = "A"} : memref<10x12xi32>
        %3 = arith.extsi %2 : i32 to i33
        %4 = arith.addi %1, %3 : i33
        %5 = arith.extsi %4 : i33 to i34
        %6 = affine.load %A[%i + 1, %j] {from = "A"} : memref<10x12xi32>
        %7 = arith.extsi %6 : i32 to i34
        %8 = arith.addi %5, %7 : i34
        %9 = arith.extsi %8 : i34 to i35
        %10 = affine.load %A[%i + 1, %j + 2] {from = "A"} : memref<10x12xi32>
        %11 = arith.extsi %10 : i32 to i35
        %12 = arith.addi %9, %11 : i35
        %13 = arith.extsi %12 : i35 to i65
        %14 = affine.load %A[%i + 1, %j + 1] {from = "A"} : memref<10x12xi32>
        %15 = arith.extsi %14 : i32 to i64
        %16 = arith.muli %c4_i64, %15 : i64
        %17 = arith.extsi %16 : i64 to i65
        %18 = arith.subi %13, %17 : i65
        %19 = arith.trunci %18 : i65 to i32
        affine.store %19, %B[%i + 1, %j + 1] {to = "B"} : memref<10x12xi32>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "S_i_j_0"}
    return
  }
}
// after
// s.reshape("A", [4, 30]);
module {
  func.func @stencil(%A: memref<4x30xi32>, %B: memref<10x12xi32>) attributes {itypes = "ss", otypes = ""} {
    %c4_i64 = arith.constant 4 : i64
    affine.for %i = 0 to 8 {
      affine.for %j = 0 to 10 {
        %0 = affine.load %A[(%i * 12 + %j + 1) floordiv 30, (%i * 12 + %j + 1) mod 30] {from = "A"} : memref<4x30xi32>
        %1 = arith.extsi %0 : i32 to i33
        %2 = affine.load %A[(%i * 12 + %j + 25) floordiv 30, (%i * 12 + %j + 25) mod 30] {from = "A"} : memref<4x30xi32>
        %3 = arith.extsi %2 : i32 to i33
        %4 = arith.addi %1, %3 : i33
        %5 = arith.extsi %4 : i33 to i34
        %6 = affine.load %A[(%i * 12 + %j + 12) floordiv 30, (%i * 12 + %j + 12) mod 30] {from = "A"} : memref<4x30xi32>
        %7 = arith.extsi %6 : i32 to i34
        %8 = arith.addi %5, %7 : i34
        %9 = arith.extsi %8 : i34 to i35
        %10 = affine.load %A[(%i * 12 + %j + 14) floordiv 30, (%i * 12 + %j + 14) mod 30] {from = "A"} : memref<4x30xi32>
        %11 = arith.extsi %10 : i32 to i35
        %12 = arith.addi %9, %11 : i35
        %13 = arith.extsi %12 : i35 to i65
        %14 = affine.load %A[(%i * 12 + %j + 13) floordiv 30, (%i * 12 + %j + 13) mod 30] {from = "A"} : memref<4x30xi32>
        %15 = arith.extsi %14 : i32 to i64
        %16 = arith.muli %c4_i64, %15 : i64
        %17 = arith.extsi %16 : i64 to i65
        %18 = arith.subi %13, %17 : i65
        %19 = arith.trunci %18 : i65 to i32
        affine.store %19, %B[%i + 1, %j + 1] {to = "B"} : memref<10x12xi32>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "S_i_j_0"}
    return
  }
}
