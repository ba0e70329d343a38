// before
module {
  func.func @scale(%X: memref<4x5xi32>, %Y: memref<4x5xi32>) attributes {itypes = "ss", otypes = ""} {
    %c5_i64 = arith.constant 5 : i64
    affine.for %i = 0 to 4 {
      affine.for %j = 0 to 5 {
        %0 = affine.load %X[%i, %j] {from = "X"} : memref<4x5xi32>
        %1 = arith.extsi %0 : i32 to i64
        %2 = arith.muli %1, %c5_i64 : i64
        %3 = arith.trunci %2 : i64 to i32
        affine.store %3, %Y[%i, %j] {to = "Y"} : memref<4x5xi32>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "S_i_j_0"}
    return
  }
  func.func @caller(%X: memref<4x5xi32>) -> memref<4x5xi32> attributes {itypes = "s", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %Y = memref.alloc() {name = "Y"} : memref<4x5xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%Y : memref<4x5xi32>)
    func.call @scale(%X, %Y) : (memref<4x5xi32>, memref<4x5xi32>) -> ()
    %Z = memref.alloc() {name = "Z"} : memref<4x5xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%Z : memref<4x5xi32>)
    affine.for %i = 0 to 4 {
      affine.for %j = 0 to 5 {
        %0 = affine.load %Y[%i, %j] {from = "Y"} : memref<4x5xi32>
        %1 = arith.extsi %0 : i32 to i34
        %2 = arith.index_cast %i : index to i32
        %3 = arith.extsi %2 : i32 to i34
        %4 = arith.addi %1, %3 : i34
        %5 = arith.extsi %4 : i34 to i35
        %6 = arith.index_cast %j : index to i32
        %7 = arith.extsi %6 : i32 to i35
        %8 = arith.subi %5, %7 : i35
        %9 = arith.trunci %8 : i35 to i32
        affine.store %9, %Z[%i, %j] {to = "Z"} : memref<4x5xi32>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "S_i_j_0"}
    memref.dealloc %Y : memref<4x5xi32>
    return %Z : memref<4x5xi32>
  }
}
// after
// s.partition("scale:X", { type: "cyclic", dim: 2, factor: 2 });
module {
  func.func @scale(%X: memref<4x5xi32, affine_map<(d0, d1) -> (0, d1 mod 2, d0, d1 floordiv 2)>>, %Y: memref<4x5xi32>) attributes {itypes = "ss", otypes = ""} {
    %c5_i64 = arith.constant 5 : i64
    affine.for %i = 0 to 4 {
      affine.for %j = 0 to 5 {
        %0 = affine.load %X[%i, %j] {from = "X"} : memref<4x5xi32, affine_map<(d0, d1) -> (0, d1 mod 2, d0, d1 floordiv 2)>>
        %1 = arith.extsi %0 : i32 to i64
        %2 = arith.muli %1, %c5_i64 : i64
        %3 = arith.trunci %2 : i64 to i32
        affine.store %3, %Y[%i, %j] {to = "Y"} : memref<4x5xi32>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "S_i_j_0"}
    return
  }
  func.func @caller(%X: memref<4x5xi32, affine_map<(d0, d1) -> (0, d1 mod 2, d0, d1 floordiv 2)>>) -> memref<4x5xi32> attributes {itypes = "s", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %Y = memref.alloc() {name = "Y"} : memref<4x5xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%Y : memref<4x5xi32>)
    func.call @scale(%X, %Y) : (memref<4x5xi32, affine_map<(d0, d1) -> (0, d1 mod 2, d0, d1 floordiv 2)>>, memref<4x5xi32>) -> ()
    %Z = memref.alloc() {name = "Z"} : memref<4x5xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%Z : memref<4x5xi32>)
    affine.for %i = 0 to 4 {
      affine.for %j = 0 to 5 {
        %0 = affine.load %Y[%i, %j] {from = "Y"} : memref<4x5xi32>
        %1 = arith.extsi %0 : i32 to i34
        %2 = arith.index_cast %i : index to i32
        %3 = arith.extsi %2 : i32 to i34
        %4 = arith.addi %1, %3 : i34
        %5 = arith.extsi %4 : i34 to i35
        %6 = arith.index_cast %j : index to i32
        %7 = arith.extsi %6 : i32 to i35
        %8 = arith.subi %5, %7 : i35
        %9 = arith.trunci %8 : i35 to i32
        affine.store %9, %Z[%i, %j] {to = "Z"} : memref<4x5xi32>
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "S_i_j_0"}
    memref.dealloc %Y : memref<4x5xi32>
    return %Z : memref<4x5xi32>
  }
}
