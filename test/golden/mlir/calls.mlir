module {
  func.func @scale(%X: memref<4xi32>, %k: i16) -> memref<4xi32> attributes {inline, itypes = "ss", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %R = memref.alloc() {name = "R"} : memref<4xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%R : memref<4xi32>)
    affine.for %i = 0 to 4 {
      %0 = affine.load %X[%i] {from = "X"} : memref<4xi32>
      %1 = arith.extsi %0 : i32 to i48
      %2 = arith.extsi %k : i16 to i48
      %3 = arith.muli %1, %2 : i48
      %4 = arith.trunci %3 : i48 to i32
      affine.store %4, %R[%i] {to = "R"} : memref<4xi32>
    } {loop_name = "i"}
    return %R : memref<4xi32>
  }
  func.func @twice(%A: memref<4xi32>) -> memref<4xi32> attributes {itypes = "s", otypes = "s"} {
    %c3_i16 = arith.constant 3 : i16
    %Y = func.call @scale(%A, %c3_i16) : (memref<4xi32>, i16) -> memref<4xi32>
    %0 = affine.load %A[0] {from = "A"} : memref<4xi32>
    %1 = arith.trunci %0 : i32 to i16
    %Z = func.call @scale(%Y, %1) : (memref<4xi32>, i16) -> memref<4xi32>
    memref.dealloc %Y : memref<4xi32>
    return %Z : memref<4xi32>
  }
}
