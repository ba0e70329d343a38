// before
module {
  func.func @fmm(%A: memref<3x4xf32>, %B: memref<4x5xf32>, %C: memref<3x5xf32>) attributes {itypes = "___", otypes = ""} {
    affine.for %i = 0 to 3 {
      affine.for %j = 0 to 5 {
        affine.for %k = 0 to 4 {
          %0 = affine.load %C[%i, %j] {from = "C"} : memref<3x5xf32>
          %1 = affine.load %A[%i, %k] {from = "A"} : memref<3x4xf32>
          %2 = affine.load %B[%k, %j] {from = "B"} : memref<4x5xf32>
          %3 = arith.mulf %1, %2 : f32
          %4 = arith.addf %0, %3 : f32
          affine.store %4, %C[%i, %j] {to = "C"} : memref<3x5xf32>
        } {loop_name = "k", op_name = "S_k_0"}
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "PE"}
    return
  }
}
// after
// s.unfold("PE", { axis: [0, 1], factor: [3, 1] });
// streams: memrefs of FIFOs (stream_depth); put/get call the external @stream_put_*/@stream_get_*; spatial regions: scf.execute_region {spatial} holding one scf.execute_region {unit} per unit
module {
  func.func @fmm(%A: memref<3x4xf32>, %B: memref<4x5xf32>, %C: memref<3x5xf32>) attributes {itypes = "___", otypes = ""} {
    scf.execute_region {
      scf.execute_region {
        affine.for %j_0_0 = 0 to 5 {
          affine.for %k_0_0 = 0 to 4 {
            %0 = affine.load %C[0, %j_0_0] {from = "C"} : memref<3x5xf32>
            %1 = affine.load %A[0, %k_0_0] {from = "A"} : memref<3x4xf32>
            %2 = affine.load %B[%k_0_0, %j_0_0] {from = "B"} : memref<4x5xf32>
            %3 = arith.mulf %1, %2 : f32
            %4 = arith.addf %0, %3 : f32
            affine.store %4, %C[0, %j_0_0] {to = "C"} : memref<3x5xf32>
          } {loop_name = "k", op_name = "S_k_0_0_0"}
        } {loop_name = "j"}
        scf.yield
      } {unit = "PE_0_0"}
      scf.execute_region {
        affine.for %j_1_0 = 0 to 5 {
          affine.for %k_1_0 = 0 to 4 {
            %5 = affine.load %C[1, %j_1_0] {from = "C"} : memref<3x5xf32>
            %6 = affine.load %A[1, %k_1_0] {from = "A"} : memref<3x4xf32>
            %7 = affine.load %B[%k_1_0, %j_1_0] {from = "B"} : memref<4x5xf32>
            %8 = arith.mulf %6, %7 : f32
            %9 = arith.addf %5, %8 : f32
            affine.store %9, %C[1, %j_1_0] {to = "C"} : memref<3x5xf32>
          } {loop_name = "k", op_name = "S_k_0_1_0"}
        } {loop_name = "j"}
        scf.yield
      } {unit = "PE_1_0"}
      scf.execute_region {
        affine.for %j_2_0 = 0 to 5 {
          affine.for %k_2_0 = 0 to 4 {
            %10 = affine.load %C[2, %j_2_0] {from = "C"} : memref<3x5xf32>
            %11 = affine.load %A[2, %k_2_0] {from = "A"} : memref<3x4xf32>
            %12 = affine.load %B[%k_2_0, %j_2_0] {from = "B"} : memref<4x5xf32>
            %13 = arith.mulf %11, %12 : f32
            %14 = arith.addf %10, %13 : f32
            affine.store %14, %C[2, %j_2_0] {to = "C"} : memref<3x5xf32>
          } {loop_name = "k", op_name = "S_k_0_2_0"}
        } {loop_name = "j"}
        scf.yield
      } {unit = "PE_2_0"}
      scf.yield
    } {spatial = "PE"}
    return
  }
}
