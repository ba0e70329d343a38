// before
module {
  func.func @threeBands(%A: memref<4x5x3xf32>) -> memref<4x5x3xf32> attributes {itypes = "_", otypes = "_"} {
    %cst = arith.constant 0.0 : f32
    %cst_1 = arith.constant 2.0 : f32
    %cst_2 = arith.constant 1.0 : f32
    %B = memref.alloc() {name = "B"} : memref<4x5x3xf32>
    linalg.fill ins(%cst : f32) outs(%B : memref<4x5x3xf32>)
    affine.for %i = 0 to 4 {
      affine.for %j = 0 to 5 {
        affine.for %m = 0 to 3 {
          %0 = affine.load %A[%i, %j, %m] {from = "A"} : memref<4x5x3xf32>
          %1 = arith.mulf %0, %cst_1 : f32
          affine.store %1, %B[%i, %j, %m] {to = "B"} : memref<4x5x3xf32>
        } {loop_name = "m"}
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "S_i_j_m_0"}
    %C = memref.alloc() {name = "C"} : memref<4x5x3xf32>
    linalg.fill ins(%cst : f32) outs(%C : memref<4x5x3xf32>)
    affine.for %ii = 0 to 4 {
      affine.for %jj = 0 to 5 {
        affine.for %mm = 0 to 3 {
          %2 = affine.load %B[%ii, %jj, %mm] {from = "B"} : memref<4x5x3xf32>
          %3 = arith.addf %2, %cst_2 : f32
          affine.store %3, %C[%ii, %jj, %mm] {to = "C"} : memref<4x5x3xf32>
        } {loop_name = "mm"}
      } {loop_name = "jj"}
    } {loop_name = "ii", op_name = "S_ii_jj_mm_1"}
    %D = memref.alloc() {name = "D"} : memref<4x5x3xf32>
    linalg.fill ins(%cst : f32) outs(%D : memref<4x5x3xf32>)
    affine.for %iii = 0 to 4 {
      affine.for %jjj = 0 to 5 {
        affine.for %mmm = 0 to 3 {
          %4 = affine.load %C[%iii, %jjj, %mmm] {from = "C"} : memref<4x5x3xf32>
          %5 = affine.load %A[%iii, %jjj, %mmm] {from = "A"} : memref<4x5x3xf32>
          %6 = arith.subf %4, %5 : f32
          affine.store %6, %D[%iii, %jjj, %mmm] {to = "D"} : memref<4x5x3xf32>
        } {loop_name = "mmm"}
      } {loop_name = "jjj"}
    } {loop_name = "iii", op_name = "S_iii_jjj_mmm_2"}
    memref.dealloc %C : memref<4x5x3xf32>
    memref.dealloc %B : memref<4x5x3xf32>
    return %D : memref<4x5x3xf32>
  }
}
// after
// s.computeAt("j", "jj");
// s.computeAt("mm", "mmm");
module {
  func.func @threeBands(%A: memref<4x5x3xf32>) -> memref<4x5x3xf32> attributes {itypes = "_", otypes = "_"} {
    %cst = arith.constant 0.0 : f32
    %cst_1 = arith.constant 2.0 : f32
    %cst_2 = arith.constant 1.0 : f32
    %B = memref.alloc() {name = "B"} : memref<4x5x3xf32>
    linalg.fill ins(%cst : f32) outs(%B : memref<4x5x3xf32>)
    %C = memref.alloc() {name = "C"} : memref<4x5x3xf32>
    linalg.fill ins(%cst : f32) outs(%C : memref<4x5x3xf32>)
    %D = memref.alloc() {name = "D"} : memref<4x5x3xf32>
    linalg.fill ins(%cst : f32) outs(%D : memref<4x5x3xf32>)
    affine.for %iii = 0 to 4 {
      affine.for %jjj = 0 to 5 {
        affine.for %m = 0 to 3 {
          %0 = affine.load %A[%iii, %jjj, %m] {from = "A"} : memref<4x5x3xf32>
          %1 = arith.mulf %0, %cst_1 : f32
          affine.store %1, %B[%iii, %jjj, %m] {to = "B"} : memref<4x5x3xf32>
        } {loop_name = "m"}
        affine.for %mmm = 0 to 3 {
          %2 = affine.load %B[%iii, %jjj, %mmm] {from = "B"} : memref<4x5x3xf32>
          %3 = arith.addf %2, %cst_2 : f32
          affine.store %3, %C[%iii, %jjj, %mmm] {to = "C"} : memref<4x5x3xf32>
          %4 = affine.load %C[%iii, %jjj, %mmm] {from = "C"} : memref<4x5x3xf32>
          %5 = affine.load %A[%iii, %jjj, %mmm] {from = "A"} : memref<4x5x3xf32>
          %6 = arith.subf %4, %5 : f32
          affine.store %6, %D[%iii, %jjj, %mmm] {to = "D"} : memref<4x5x3xf32>
        } {loop_name = "mmm"}
      } {loop_name = "jjj"}
    } {loop_name = "iii", op_name = "S_iii_jjj_mmm_2"}
    memref.dealloc %C : memref<4x5x3xf32>
    memref.dealloc %B : memref<4x5x3xf32>
    return %D : memref<4x5x3xf32>
  }
}
