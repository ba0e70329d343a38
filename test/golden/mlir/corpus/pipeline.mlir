// case pipeline
module {
  func.func @addOne(%A: memref<8xi32>, %B: memref<8xi32>) attributes {itypes = "ss", otypes = ""} {
    %c1_i33 = arith.constant 1 : i33
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi32>
      %1 = arith.extsi %0 : i32 to i33
      %2 = arith.addi %1, %c1_i33 : i33
      %3 = arith.trunci %2 : i33 to i32
      affine.store %3, %B[%i] {to = "B"} : memref<8xi32>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
  func.func @scaleBy(%A: memref<8xi32>, %f: i32) -> memref<8xi32> attributes {itypes = "ss", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %B = memref.alloc() {name = "B"} : memref<8xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%B : memref<8xi32>)
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi32>
      %1 = arith.extsi %0 : i32 to i64
      %2 = arith.extsi %f : i32 to i64
      %3 = arith.muli %1, %2 : i64
      %4 = arith.trunci %3 : i64 to i32
      affine.store %4, %B[%i] {to = "B"} : memref<8xi32>
    } {loop_name = "i", op_name = "S_i_0"}
    return %B : memref<8xi32>
  }
  func.func @pipeline(%A: memref<8xi32>) -> memref<8xi32> attributes {itypes = "s", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %c3_i32 = arith.constant 3 : i32
    %c-2_i32 = arith.constant -2 : i32
    %T = memref.alloc() {name = "T"} : memref<8xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%T : memref<8xi32>)
    func.call @addOne(%A, %T) : (memref<8xi32>, memref<8xi32>) -> ()
    %U = func.call @scaleBy(%T, %c3_i32) : (memref<8xi32>, i32) -> memref<8xi32>
    %V = func.call @scaleBy(%U, %c-2_i32) : (memref<8xi32>, i32) -> memref<8xi32>
    memref.dealloc %U : memref<8xi32>
    memref.dealloc %T : memref<8xi32>
    return %V : memref<8xi32>
  }
}
