// before
module {
  func.func @matmul(%A: memref<4x8xi8>, %B: memref<8x4xi8>, %C: memref<4x4xi16>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 4 {
      affine.for %j = 0 to 4 {
        affine.for %k = 0 to 8 {
          %0 = affine.load %C[%i, %j] {from = "C"} : memref<4x4xi16>
          %1 = arith.extsi %0 : i16 to i17
          %2 = affine.load %A[%i, %k] {from = "A"} : memref<4x8xi8>
          %3 = arith.extsi %2 : i8 to i16
          %4 = affine.load %B[%k, %j] {from = "B"} : memref<8x4xi8>
          %5 = arith.extsi %4 : i8 to i16
          %6 = arith.muli %3, %5 : i16
          %7 = arith.extsi %6 : i16 to i17
          %8 = arith.addi %1, %7 : i17
          %9 = arith.trunci %8 : i17 to i16
          affine.store %9, %C[%i, %j] {to = "C"} : memref<4x4xi16>
        } {loop_name = "k", op_name = "S_k_0"}
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "PE"}
    return
  }
}
// after
// s.unfold("PE", { axis: 1, factor: 4 });
// streams: memrefs of FIFOs (stream_depth); put/get call the external @stream_put_*/@stream_get_*; spatial regions: scf.execute_region {spatial} holding one scf.execute_region {unit} per unit
module {
  func.func @matmul(%A: memref<4x8xi8>, %B: memref<8x4xi8>, %C: memref<4x4xi16>) attributes {itypes = "sss", otypes = ""} {
    scf.execute_region {
      scf.execute_region {
        affine.for %i_0 = 0 to 4 {
          affine.for %k_0 = 0 to 8 {
            %0 = affine.load %C[%i_0, 0] {from = "C"} : memref<4x4xi16>
            %1 = arith.extsi %0 : i16 to i17
            %2 = affine.load %A[%i_0, %k_0] {from = "A"} : memref<4x8xi8>
            %3 = arith.extsi %2 : i8 to i16
            %4 = affine.load %B[%k_0, 0] {from = "B"} : memref<8x4xi8>
            %5 = arith.extsi %4 : i8 to i16
            %6 = arith.muli %3, %5 : i16
            %7 = arith.extsi %6 : i16 to i17
            %8 = arith.addi %1, %7 : i17
            %9 = arith.trunci %8 : i17 to i16
            affine.store %9, %C[%i_0, 0] {to = "C"} : memref<4x4xi16>
          } {loop_name = "k", op_name = "S_k_0_0"}
        } {loop_name = "i", op_name = "PE_0"}
        scf.yield
      } {unit = "PE_0"}
      scf.execute_region {
        affine.for %i_1 = 0 to 4 {
          affine.for %k_1 = 0 to 8 {
            %10 = affine.load %C[%i_1, 1] {from = "C"} : memref<4x4xi16>
            %11 = arith.extsi %10 : i16 to i17
            %12 = affine.load %A[%i_1, %k_1] {from = "A"} : memref<4x8xi8>
            %13 = arith.extsi %12 : i8 to i16
            %14 = affine.load %B[%k_1, 1] {from = "B"} : memref<8x4xi8>
            %15 = arith.extsi %14 : i8 to i16
            %16 = arith.muli %13, %15 : i16
            %17 = arith.extsi %16 : i16 to i17
            %18 = arith.addi %11, %17 : i17
            %19 = arith.trunci %18 : i17 to i16
            affine.store %19, %C[%i_1, 1] {to = "C"} : memref<4x4xi16>
          } {loop_name = "k", op_name = "S_k_0_1"}
        } {loop_name = "i", op_name = "PE_1"}
        scf.yield
      } {unit = "PE_1"}
      scf.execute_region {
        affine.for %i_2 = 0 to 4 {
          affine.for %k_2 = 0 to 8 {
            %20 = affine.load %C[%i_2, 2] {from = "C"} : memref<4x4xi16>
            %21 = arith.extsi %20 : i16 to i17
            %22 = affine.load %A[%i_2, %k_2] {from = "A"} : memref<4x8xi8>
            %23 = arith.extsi %22 : i8 to i16
            %24 = affine.load %B[%k_2, 2] {from = "B"} : memref<8x4xi8>
            %25 = arith.extsi %24 : i8 to i16
            %26 = arith.muli %23, %25 : i16
            %27 = arith.extsi %26 : i16 to i17
            %28 = arith.addi %21, %27 : i17
            %29 = arith.trunci %28 : i17 to i16
            affine.store %29, %C[%i_2, 2] {to = "C"} : memref<4x4xi16>
          } {loop_name = "k", op_name = "S_k_0_2"}
        } {loop_name = "i", op_name = "PE_2"}
        scf.yield
      } {unit = "PE_2"}
      scf.execute_region {
        affine.for %i_3 = 0 to 4 {
          affine.for %k_3 = 0 to 8 {
            %30 = affine.load %C[%i_3, 3] {from = "C"} : memref<4x4xi16>
            %31 = arith.extsi %30 : i16 to i17
            %32 = affine.load %A[%i_3, %k_3] {from = "A"} : memref<4x8xi8>
            %33 = arith.extsi %32 : i8 to i16
            %34 = affine.load %B[%k_3, 3] {from = "B"} : memref<8x4xi8>
            %35 = arith.extsi %34 : i8 to i16
            %36 = arith.muli %33, %35 : i16
            %37 = arith.extsi %36 : i16 to i17
            %38 = arith.addi %31, %37 : i17
            %39 = arith.trunci %38 : i17 to i16
            affine.store %39, %C[%i_3, 3] {to = "C"} : memref<4x4xi16>
          } {loop_name = "k", op_name = "S_k_0_3"}
        } {loop_name = "i", op_name = "PE_3"}
        scf.yield
      } {unit = "PE_3"}
      scf.yield
    } {spatial = "PE"}
    return
  }
}
