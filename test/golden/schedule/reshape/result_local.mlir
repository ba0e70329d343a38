// before
module {
  func.func @twoStage(%A: memref<6x6xi32>) -> memref<6x6xi32> attributes {itypes = "s", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %c3_i64 = arith.constant 3 : i64
    %T = memref.alloc() {name = "T"} : memref<6x6xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%T : memref<6x6xi32>)
    affine.for %i = 0 to 6 {
      affine.for %j = 0 to 6 {
        %0 = affine.load %A[%i, %j] {from = "A"} : memref<6x6xi32>
        %1 = arith.extsi %0 : i32 to i64
        %2 = arith.muli %1, %c3_i64 : i64
        %3 = arith.trunci %2 : i64 to i32
        affine.store %3, %T[%i, %j] {to = "T"} : memref<6x6xi32>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "S_i_j_0"}
    %B = memref.alloc() {name = "B"} : memref<6x6xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%B : memref<6x6xi32>)
    affine.for %i_1 = 0 to 6 {
      affine.for %j_1 = 0 to 6 {
        %4 = affine.load %T[%i_1, %j_1] {from = "T"} : memref<6x6xi32>
        %5 = arith.extsi %4 : i32 to i33
        %6 = affine.load %T[%j_1, %i_1] {from = "T"} : memref<6x6xi32>
        %7 = arith.extsi %6 : i32 to i33
        %8 = arith.subi %5, %7 : i33
        %9 = arith.trunci %8 : i33 to i32
        affine.store %9, %B[%i_1, %j_1] {to = "B"} : memref<6x6xi32>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "S_i_j_1"}
    memref.dealloc %T : memref<6x6xi32>
    return %B : memref<6x6xi32>
  }
}
// after
// s.reshape("B", [36]);
// s.reshape("T", [3, 2, 6]);
module {
  func.func @twoStage(%A: memref<6x6xi32>) -> memref<36xi32> attributes {itypes = "s", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %c3_i64 = arith.constant 3 : i64
    %T = memref.alloc() {name = "T"} : memref<3x2x6xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%T : memref<3x2x6xi32>)
    affine.for %i = 0 to 6 {
      affine.for %j = 0 to 6 {
        %0 = affine.load %A[%i, %j] {from = "A"} : memref<6x6xi32>
        %1 = arith.extsi %0 : i32 to i64
        %2 = arith.muli %1, %c3_i64 : i64
        %3 = arith.trunci %2 : i64 to i32
        affine.store %3, %T[%i floordiv 2, %i mod 2, %j] {to = "T"} : memref<3x2x6xi32>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "S_i_j_0"}
    %B = memref.alloc() {name = "B"} : memref<36xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%B : memref<36xi32>)
    affine.for %i_1 = 0 to 6 {
      affine.for %j_1 = 0 to 6 {
        %4 = affine.load %T[%i_1 floordiv 2, %i_1 mod 2, %j_1] {from = "T"} : memref<3x2x6xi32>
        %5 = arith.extsi %4 : i32 to i33
        %6 = affine.load %T[%j_1 floordiv 2, %j_1 mod 2, %i_1] {from = "T"} : memref<3x2x6xi32>
        %7 = arith.extsi %6 : i32 to i33
        %8 = arith.subi %5, %7 : i33
        %9 = arith.trunci %8 : i33 to i32
        affine.store %9, %B[%i_1 * 6 + %j_1] {to = "B"} : memref<36xi32>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "S_i_j_1"}
    memref.dealloc %T : memref<3x2x6xi32>
    return %B : memref<36xi32>
  }
}
