// case vadd
module {
  func.func @vadd(%A: memref<8xi32>, %B: memref<8xi32>) -> memref<8xi32> attributes {itypes = "ss", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %C = memref.alloc() {name = "C"} : memref<8xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%C : memref<8xi32>)
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi32>
      %1 = arith.extsi %0 : i32 to i33
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi32>
      %3 = arith.extsi %2 : i32 to i33
      %4 = arith.addi %1, %3 : i33
      %5 = arith.trunci %4 : i33 to i32
      affine.store %5, %C[%i] {to = "C"} : memref<8xi32>
    } {loop_name = "i", op_name = "S_i_0"}
    return %C : memref<8xi32>
  }
}
