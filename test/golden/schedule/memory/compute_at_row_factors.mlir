// before
module {
  func.func @rowFactors(%A: memref<8x6xi32>) -> memref<8x6xi32> attributes {itypes = "s", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %c1_i33 = arith.constant 1 : i33
    %R = memref.alloc() {name = "R"} : memref<8xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%R : memref<8xi32>)
    affine.for %r = 0 to 8 {
      %0 = affine.load %A[%r, 0] {from = "A"} : memref<8x6xi32>
      %1 = arith.extsi %0 : i32 to i33
      %2 = arith.addi %1, %c1_i33 : i33
      %3 = arith.trunci %2 : i33 to i32
      affine.store %3, %R[%r] {to = "R"} : memref<8xi32>
    } {loop_name = "r", op_name = "S_r_0"}
    %C = memref.alloc() {name = "C"} : memref<8x6xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%C : memref<8x6xi32>)
    affine.for %ii = 0 to 8 {
      affine.for %jj = 0 to 6 {
        %4 = affine.load %A[%ii, %jj] {from = "A"} : memref<8x6xi32>
        %5 = arith.extsi %4 : i32 to i64
        %6 = affine.load %R[%ii] {from = "R"} : memref<8xi32>
        %7 = arith.extsi %6 : i32 to i64
        %8 = arith.muli %5, %7 : i64
        %9 = arith.trunci %8 : i64 to i32
        affine.store %9, %C[%ii, %jj] {to = "C"} : memref<8x6xi32>
      } {loop_name = "jj"}
    } {loop_name = "ii", op_name = "Q"}
    memref.dealloc %R : memref<8xi32>
    return %C : memref<8x6xi32>
  }
}
// after
// s.computeAt("r", "ii");
module {
  func.func @rowFactors(%A: memref<8x6xi32>) -> memref<8x6xi32> attributes {itypes = "s", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %c1_i33 = arith.constant 1 : i33
    %R = memref.alloc() {name = "R"} : memref<8xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%R : memref<8xi32>)
    %C = memref.alloc() {name = "C"} : memref<8x6xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%C : memref<8x6xi32>)
    affine.for %ii = 0 to 8 {
      %0 = affine.load %A[%ii, 0] {from = "A"} : memref<8x6xi32>
      %1 = arith.extsi %0 : i32 to i33
      %2 = arith.addi %1, %c1_i33 : i33
      %3 = arith.trunci %2 : i33 to i32
      affine.store %3, %R[%ii] {to = "R"} : memref<8xi32>
      affine.for %jj = 0 to 6 {
        %4 = affine.load %A[%ii, %jj] {from = "A"} : memref<8x6xi32>
        %5 = arith.extsi %4 : i32 to i64
        %6 = affine.load %R[%ii] {from = "R"} : memref<8xi32>
        %7 = arith.extsi %6 : i32 to i64
        %8 = arith.muli %5, %7 : i64
        %9 = arith.trunci %8 : i64 to i32
        affine.store %9, %C[%ii, %jj] {to = "C"} : memref<8x6xi32>
      } {loop_name = "jj"}
    } {loop_name = "ii", op_name = "Q"}
    memref.dealloc %R : memref<8xi32>
    return %C : memref<8x6xi32>
  }
}
