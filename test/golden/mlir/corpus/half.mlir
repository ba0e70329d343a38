// case half
module {
  func.func @half(%A: memref<8xf16>, %B: memref<8xf16>, %C: memref<8xf16>) attributes {itypes = "___", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xf16>
      %1 = affine.load %B[%i] {from = "B"} : memref<8xf16>
      %2 = arith.mulf %0, %1 : f16
      %3 = affine.load %A[%i] {from = "A"} : memref<8xf16>
      %4 = arith.addf %2, %3 : f16
      affine.store %4, %C[%i] {to = "C"} : memref<8xf16>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
