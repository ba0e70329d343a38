// case matmul_acc
module {
  func.func @matmul_acc(%A: memref<4x768xi8>, %B: memref<768x4xi8>) -> memref<4x4xi32> attributes {itypes = "ss", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %C = memref.alloc() {name = "C"} : memref<4x4xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%C : memref<4x4xi32>)
    affine.for %i = 0 to 4 {
      affine.for %j = 0 to 4 {
        %acc = memref.alloc() {name = "acc"} : memref<i32>
        affine.store %c0_i32, %acc[] {to = "acc"} : memref<i32>
        affine.for %k = 0 to 768 {
          %0 = affine.load %acc[] {from = "acc"} : memref<i32>
          %1 = arith.extsi %0 : i32 to i33
          %2 = affine.load %A[%i, %k] {from = "A"} : memref<4x768xi8>
          %3 = arith.extsi %2 : i8 to i16
          %4 = affine.load %B[%k, %j] {from = "B"} : memref<768x4xi8>
          %5 = arith.extsi %4 : i8 to i16
          %6 = arith.muli %3, %5 : i16
          %7 = arith.extsi %6 : i16 to i33
          %8 = arith.addi %1, %7 : i33
          %9 = arith.trunci %8 : i33 to i32
          affine.store %9, %acc[] {to = "acc"} : memref<i32>
        } {loop_name = "k", op_name = "S_k_0", reduction}
        %10 = affine.load %acc[] {from = "acc"} : memref<i32>
        affine.store %10, %C[%i, %j] {to = "C"} : memref<4x4xi32>
        memref.dealloc %acc : memref<i32>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "S_i_j_0"}
    return %C : memref<4x4xi32>
  }
}
