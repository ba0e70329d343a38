// before
module {
  func.func @multiband(%A: memref<32x32xi32>) -> memref<32x32xi32> attributes {itypes = "s", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %c1_i33 = arith.constant 1 : i33
    %c2_i64 = arith.constant 2 : i64
    %B = memref.alloc() {name = "B"} : memref<32x32xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%B : memref<32x32xi32>)
    affine.for %i = 0 to 32 {
      affine.for %j = 0 to 32 {
        %0 = affine.load %A[%i, %j] {from = "A"} : memref<32x32xi32>
        %1 = arith.extsi %0 : i32 to i33
        %2 = arith.addi %1, %c1_i33 : i33
        %3 = arith.trunci %2 : i33 to i32
        affine.store %3, %B[%i, %j] {to = "B"} : memref<32x32xi32>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "B"}
    %C = memref.alloc() {name = "C"} : memref<32x32xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%C : memref<32x32xi32>)
    affine.for %i_1 = 0 to 32 {
      affine.for %j_1 = 0 to 32 {
        %4 = affine.load %B[%i_1, %j_1] {from = "B"} : memref<32x32xi32>
        %5 = arith.extsi %4 : i32 to i64
        %6 = arith.muli %5, %c2_i64 : i64
        %7 = arith.trunci %6 : i64 to i32
        affine.store %7, %C[%i_1, %j_1] {to = "C"} : memref<32x32xi32>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "C"}
    memref.dealloc %B : memref<32x32xi32>
    return %C : memref<32x32xi32>
  }
}
// after
// s.computeAt("B:j", "C:j");
module {
  func.func @multiband(%A: memref<32x32xi32>) -> memref<32x32xi32> attributes {itypes = "s", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %c1_i33 = arith.constant 1 : i33
    %c2_i64 = arith.constant 2 : i64
    %B = memref.alloc() {name = "B"} : memref<32x32xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%B : memref<32x32xi32>)
    %C = memref.alloc() {name = "C"} : memref<32x32xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%C : memref<32x32xi32>)
    affine.for %i_1 = 0 to 32 {
      affine.for %j_1 = 0 to 32 {
        %0 = affine.load %A[%i_1, %j_1] {from = "A"} : memref<32x32xi32>
        %1 = arith.extsi %0 : i32 to i33
        %2 = arith.addi %1, %c1_i33 : i33
        %3 = arith.trunci %2 : i33 to i32
        affine.store %3, %B[%i_1, %j_1] {to = "B"} : memref<32x32xi32>
        %4 = affine.load %B[%i_1, %j_1] {from = "B"} : memref<32x32xi32>
        %5 = arith.extsi %4 : i32 to i64
        %6 = arith.muli %5, %c2_i64 : i64
        %7 = arith.trunci %6 : i64 to i32
        affine.store %7, %C[%i_1, %j_1] {to = "C"} : memref<32x32xi32>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "C"}
    memref.dealloc %B : memref<32x32xi32>
    return %C : memref<32x32xi32>
  }
}
