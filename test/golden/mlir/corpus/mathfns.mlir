// case mathfns
module {
  func.func @mathfns(%A: memref<8xf32>, %B: memref<8xf32>) -> memref<8xf32> attributes {itypes = "__", otypes = "_"} {
    %cst = arith.constant 0.0 : f32
    %cst_1 = arith.constant 0.10000000149011612 : f32
    %cst_2 = arith.constant 0.5 : f32
    %C = memref.alloc() {name = "C"} : memref<8xf32>
    linalg.fill ins(%cst : f32) outs(%C : memref<8xf32>)
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xf32>
      %1 = arith.mulf %0, %cst_1 : f32
      %2 = arith.extf %1 : f32 to f64
      %3 = math.exp %2 : f64
      %4 = arith.truncf %3 : f64 to f32
      %5 = affine.load %B[%i] {from = "B"} : memref<8xf32>
      %6 = math.absf %5 : f32
      %7 = math.sqrt %6 : f32
      %8 = arith.addf %4, %7 : f32
      %9 = affine.load %A[%i] {from = "A"} : memref<8xf32>
      %10 = affine.load %B[%i] {from = "B"} : memref<8xf32>
      %11 = arith.cmpf ogt, %9, %10 : f32
      %12 = arith.select %11, %9, %10 : f32
      %13 = arith.cmpf uno, %9, %9 : f32
      %14 = arith.select %13, %9, %12 : f32
      %15 = affine.load %A[%i] {from = "A"} : memref<8xf32>
      %16 = arith.cmpf olt, %15, %cst_2 : f32
      %17 = arith.select %16, %15, %cst_2 : f32
      %18 = arith.cmpf uno, %15, %15 : f32
      %19 = arith.select %18, %15, %17 : f32
      %20 = arith.mulf %14, %19 : f32
      %21 = arith.subf %8, %20 : f32
      affine.store %21, %C[%i] {to = "C"} : memref<8xf32>
    } {loop_name = "i", op_name = "S_i_0"}
    return %C : memref<8xf32>
  }
}
