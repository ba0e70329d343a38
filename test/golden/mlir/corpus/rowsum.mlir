// case rowsum
module {
  func.func @rowsum(%A: memref<6x5xf32>) -> memref<6xf32> attributes {itypes = "_", otypes = "_"} {
    %cst = arith.constant 0.0 : f32
    %S = memref.alloc() {name = "S"} : memref<6xf32>
    linalg.fill ins(%cst : f32) outs(%S : memref<6xf32>)
    affine.for %i = 0 to 6 {
      %s = memref.alloc() {name = "s"} : memref<f32>
      affine.store %cst, %s[] {to = "s"} : memref<f32>
      affine.for %j = 0 to 5 {
        %0 = affine.load %s[] {from = "s"} : memref<f32>
        %1 = affine.load %A[%i, %j] {from = "A"} : memref<6x5xf32>
        %2 = arith.addf %0, %1 : f32
        affine.store %2, %s[] {to = "s"} : memref<f32>
      } {loop_name = "j", op_name = "S_j_0", reduction}
      %3 = affine.load %s[] {from = "s"} : memref<f32>
      affine.store %3, %S[%i] {to = "S"} : memref<6xf32>
      memref.dealloc %s : memref<f32>
    } {loop_name = "i", op_name = "S_i_0"}
    return %S : memref<6xf32>
  }
}
