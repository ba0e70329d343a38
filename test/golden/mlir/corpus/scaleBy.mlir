// case scaleBy
module {
  func.func @scaleBy(%A: memref<5xi32>, %f: i32) -> memref<5xi32> attributes {itypes = "ss", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %B = memref.alloc() {name = "B"} : memref<5xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%B : memref<5xi32>)
    affine.for %i = 0 to 5 {
      %0 = affine.load %A[%i] {from = "A"} : memref<5xi32>
      %1 = arith.extsi %0 : i32 to i64
      %2 = arith.extsi %f : i32 to i64
      %3 = arith.muli %1, %2 : i64
      %4 = arith.trunci %3 : i64 to i32
      affine.store %4, %B[%i] {to = "B"} : memref<5xi32>
    } {loop_name = "i", op_name = "S_i_0"}
    return %B : memref<5xi32>
  }
}
