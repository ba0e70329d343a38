// case softplus64
module {
  func.func @softplus64(%A: memref<8xf64>, %C: memref<8xf64>) attributes {itypes = "__", otypes = ""} {
    %cst = arith.constant 1.0 : f64
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xf64>
      %1 = math.exp %0 : f64
      %2 = arith.addf %cst, %1 : f64
      %3 = math.log %2 : f64
      %4 = affine.load %A[%i] {from = "A"} : memref<8xf64>
      %5 = math.tanh %4 : f64
      %6 = arith.addf %3, %5 : f64
      affine.store %6, %C[%i] {to = "C"} : memref<8xf64>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
