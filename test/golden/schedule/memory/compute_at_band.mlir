// before
module {
  func.func @twoBands(%A: memref<8x6xi32>) -> memref<8x6xi32> attributes {itypes = "s", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %c1_i33 = arith.constant 1 : i33
    %c2_i64 = arith.constant 2 : i64
    %B = memref.alloc() {name = "B"} : memref<8x6xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%B : memref<8x6xi32>)
    affine.for %i = 0 to 8 {
      affine.for %j = 0 to 6 {
        %0 = affine.load %A[%i, %j] {from = "A"} : memref<8x6xi32>
        %1 = arith.extsi %0 : i32 to i33
        %2 = arith.addi %1, %c1_i33 : i33
        %3 = arith.trunci %2 : i33 to i32
        affine.store %3, %B[%i, %j] {to = "B"} : memref<8x6xi32>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "P"}
    %C = memref.alloc() {name = "C"} : memref<8x6xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%C : memref<8x6xi32>)
    affine.for %ii = 0 to 8 {
      affine.for %jj = 0 to 6 {
        %4 = affine.load %B[%ii, %jj] {from = "B"} : memref<8x6xi32>
        %5 = arith.extsi %4 : i32 to i64
        %6 = arith.muli %5, %c2_i64 : i64
        %7 = arith.trunci %6 : i64 to i32
        affine.store %7, %C[%ii, %jj] {to = "C"} : memref<8x6xi32>
      } {loop_name = "jj"}
    } {loop_name = "ii", op_name = "Q"}
    memref.dealloc %B : memref<8x6xi32>
    return %C : memref<8x6xi32>
  }
}
// after
// s.computeAt("P", "ii");
module {
  func.func @twoBands(%A: memref<8x6xi32>) -> memref<8x6xi32> attributes {itypes = "s", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %c1_i33 = arith.constant 1 : i33
    %c2_i64 = arith.constant 2 : i64
    %B = memref.alloc() {name = "B"} : memref<8x6xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%B : memref<8x6xi32>)
    %C = memref.alloc() {name = "C"} : memref<8x6xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%C : memref<8x6xi32>)
    affine.for %ii = 0 to 8 {
      affine.for %j = 0 to 6 {
        %0 = affine.load %A[%ii, %j] {from = "A"} : memref<8x6xi32>
        %1 = arith.extsi %0 : i32 to i33
        %2 = arith.addi %1, %c1_i33 : i33
        %3 = arith.trunci %2 : i33 to i32
        affine.store %3, %B[%ii, %j] {to = "B"} : memref<8x6xi32>
      } {loop_name = "j"}
      affine.for %jj = 0 to 6 {
        %4 = affine.load %B[%ii, %jj] {from = "B"} : memref<8x6xi32>
        %5 = arith.extsi %4 : i32 to i64
        %6 = arith.muli %5, %c2_i64 : i64
        %7 = arith.trunci %6 : i64 to i32
        affine.store %7, %C[%ii, %jj] {to = "C"} : memref<8x6xi32>
      } {loop_name = "jj"}
    } {loop_name = "ii", op_name = "Q"}
    memref.dealloc %B : memref<8x6xi32>
    return %C : memref<8x6xi32>
  }
}
