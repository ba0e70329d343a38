// before
module {
  func.func @centered(%A: memref<5x4xi16>) -> memref<5x4xi32> attributes {itypes = "s", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %c4_i48 = arith.constant 4 : i48
    %c3_i64 = arith.constant 3 : i64
    %B = memref.alloc() {name = "B"} : memref<5x4xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%B : memref<5x4xi32>)
    affine.for %i = 0 to 5 {
      %s = memref.alloc() {name = "s"} : memref<i32>
      affine.store %c0_i32, %s[] {to = "s"} : memref<i32>
      affine.for %j = 0 to 4 {
        %0 = affine.load %s[] {from = "s"} : memref<i32>
        %1 = arith.extsi %0 : i32 to i33
        %2 = affine.load %A[%i, %j] {from = "A"} : memref<5x4xi16>
        %3 = arith.extsi %2 : i16 to i33
        %4 = arith.addi %1, %3 : i33
        %5 = arith.trunci %4 : i33 to i32
        affine.store %5, %s[] {to = "s"} : memref<i32>
      } {loop_name = "j", op_name = "S_j_0"}
      affine.for %j_1 = 0 to 4 {
        %6 = affine.load %A[%i, %j_1] {from = "A"} : memref<5x4xi16>
        %7 = arith.extsi %6 : i16 to i48
        %8 = arith.muli %7, %c4_i48 : i48
        %9 = arith.extsi %8 : i48 to i49
        %10 = affine.load %s[] {from = "s"} : memref<i32>
        %11 = arith.extsi %10 : i32 to i49
        %12 = arith.subi %9, %11 : i49
        %13 = arith.trunci %12 : i49 to i32
        affine.store %13, %B[%i, %j_1] {to = "B"} : memref<5x4xi32>
      } {loop_name = "j", op_name = "S_j_1"}
      memref.dealloc %s : memref<i32>
    } {loop_name = "i", op_name = "P"}
    %C = memref.alloc() {name = "C"} : memref<5x4xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%C : memref<5x4xi32>)
    affine.for %ii = 0 to 5 {
      affine.for %jj = 0 to 4 {
        %14 = affine.load %B[%ii, %jj] {from = "B"} : memref<5x4xi32>
        %15 = arith.extsi %14 : i32 to i64
        %16 = arith.muli %15, %c3_i64 : i64
        %17 = arith.trunci %16 : i64 to i32
        affine.store %17, %C[%ii, %jj] {to = "C"} : memref<5x4xi32>
      } {loop_name = "jj"}
    } {loop_name = "ii", op_name = "Q"}
    memref.dealloc %B : memref<5x4xi32>
    return %C : memref<5x4xi32>
  }
}
// after
// s.computeAt("P", "Q");
module {
  func.func @centered(%A: memref<5x4xi16>) -> memref<5x4xi32> attributes {itypes = "s", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %c4_i48 = arith.constant 4 : i48
    %c3_i64 = arith.constant 3 : i64
    %B = memref.alloc() {name = "B"} : memref<5x4xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%B : memref<5x4xi32>)
    %C = memref.alloc() {name = "C"} : memref<5x4xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%C : memref<5x4xi32>)
    affine.for %ii = 0 to 5 {
      %s = memref.alloc() {name = "s"} : memref<i32>
      affine.store %c0_i32, %s[] {to = "s"} : memref<i32>
      affine.for %j = 0 to 4 {
        %0 = affine.load %s[] {from = "s"} : memref<i32>
        %1 = arith.extsi %0 : i32 to i33
        %2 = affine.load %A[%ii, %j] {from = "A"} : memref<5x4xi16>
        %3 = arith.extsi %2 : i16 to i33
        %4 = arith.addi %1, %3 : i33
        %5 = arith.trunci %4 : i33 to i32
        affine.store %5, %s[] {to = "s"} : memref<i32>
      } {loop_name = "j", op_name = "S_j_0"}
      affine.for %j_1 = 0 to 4 {
        %6 = affine.load %A[%ii, %j_1] {from = "A"} : memref<5x4xi16>
        %7 = arith.extsi %6 : i16 to i48
        %8 = arith.muli %7, %c4_i48 : i48
        %9 = arith.extsi %8 : i48 to i49
        %10 = affine.load %s[] {from = "s"} : memref<i32>
        %11 = arith.extsi %10 : i32 to i49
        %12 = arith.subi %9, %11 : i49
        %13 = arith.trunci %12 : i49 to i32
        affine.store %13, %B[%ii, %j_1] {to = "B"} : memref<5x4xi32>
      } {loop_name = "j", op_name = "S_j_1"}
      affine.for %jj = 0 to 4 {
        %14 = affine.load %B[%ii, %jj] {from = "B"} : memref<5x4xi32>
        %15 = arith.extsi %14 : i32 to i64
        %16 = arith.muli %15, %c3_i64 : i64
        %17 = arith.trunci %16 : i64 to i32
        affine.store %17, %C[%ii, %jj] {to = "C"} : memref<5x4xi32>
      } {loop_name = "jj"}
      memref.dealloc %s : memref<i32>
    } {loop_name = "ii", op_name = "Q"}
    memref.dealloc %B : memref<5x4xi32>
    return %C : memref<5x4xi32>
  }
}
