// before
module {
  func.func @matmul2(%A: memref<2x3xi8>, %B: memref<3x2xi8>, %C: memref<2x2xi16>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 2 {
      affine.for %j = 0 to 2 {
        affine.for %k = 0 to 3 {
          %0 = affine.load %C[%i, %j] {from = "C"} : memref<2x2xi16>
          %1 = arith.extsi %0 : i16 to i17
          %2 = affine.load %A[%i, %k] {from = "A"} : memref<2x3xi8>
          %3 = arith.extsi %2 : i8 to i16
          %4 = affine.load %B[%k, %j] {from = "B"} : memref<3x2xi8>
          %5 = arith.extsi %4 : i8 to i16
          %6 = arith.muli %3, %5 : i16
          %7 = arith.extsi %6 : i16 to i17
          %8 = arith.addi %1, %7 : i17
          %9 = arith.trunci %8 : i17 to i16
          affine.store %9, %C[%i, %j] {to = "C"} : memref<2x2xi16>
        } {loop_name = "k", op_name = "S_k_0"}
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "PE"}
    return
  }
}
// after
// s.unfold("PE", { axis: [0, 1], factor: [2, 2] });
// streams: memrefs of FIFOs (stream_depth); put/get call the external @stream_put_*/@stream_get_*; spatial regions: scf.execute_region {spatial} holding one scf.execute_region {unit} per unit
module {
  func.func @matmul2(%A: memref<2x3xi8>, %B: memref<3x2xi8>, %C: memref<2x2xi16>) attributes {itypes = "sss", otypes = ""} {
    scf.execute_region {
      scf.execute_region {
        affine.for %k_0_0 = 0 to 3 {
          %0 = affine.load %C[0, 0] {from = "C"} : memref<2x2xi16>
          %1 = arith.extsi %0 : i16 to i17
          %2 = affine.load %A[0, %k_0_0] {from = "A"} : memref<2x3xi8>
          %3 = arith.extsi %2 : i8 to i16
          %4 = affine.load %B[%k_0_0, 0] {from = "B"} : memref<3x2xi8>
          %5 = arith.extsi %4 : i8 to i16
          %6 = arith.muli %3, %5 : i16
          %7 = arith.extsi %6 : i16 to i17
          %8 = arith.addi %1, %7 : i17
          %9 = arith.trunci %8 : i17 to i16
          affine.store %9, %C[0, 0] {to = "C"} : memref<2x2xi16>
        } {loop_name = "k", op_name = "S_k_0_0_0"}
        scf.yield
      } {unit = "PE_0_0"}
      scf.execute_region {
        affine.for %k_0_1 = 0 to 3 {
          %10 = affine.load %C[0, 1] {from = "C"} : memref<2x2xi16>
          %11 = arith.extsi %10 : i16 to i17
          %12 = affine.load %A[0, %k_0_1] {from = "A"} : memref<2x3xi8>
          %13 = arith.extsi %12 : i8 to i16
          %14 = affine.load %B[%k_0_1, 1] {from = "B"} : memref<3x2xi8>
          %15 = arith.extsi %14 : i8 to i16
          %16 = arith.muli %13, %15 : i16
          %17 = arith.extsi %16 : i16 to i17
          %18 = arith.addi %11, %17 : i17
          %19 = arith.trunci %18 : i17 to i16
          affine.store %19, %C[0, 1] {to = "C"} : memref<2x2xi16>
        } {loop_name = "k", op_name = "S_k_0_0_1"}
        scf.yield
      } {unit = "PE_0_1"}
      scf.execute_region {
        affine.for %k_1_0 = 0 to 3 {
          %20 = affine.load %C[1, 0] {from = "C"} : memref<2x2xi16>
          %21 = arith.extsi %20 : i16 to i17
          %22 = affine.load %A[1, %k_1_0] {from = "A"} : memref<2x3xi8>
          %23 = arith.extsi %22 : i8 to i16
          %24 = affine.load %B[%k_1_0, 0] {from = "B"} : memref<3x2xi8>
          %25 = arith.extsi %24 : i8 to i16
          %26 = arith.muli %23, %25 : i16
          %27 = arith.extsi %26 : i16 to i17
          %28 = arith.addi %21, %27 : i17
          %29 = arith.trunci %28 : i17 to i16
          affine.store %29, %C[1, 0] {to = "C"} : memref<2x2xi16>
        } {loop_name = "k", op_name = "S_k_0_1_0"}
        scf.yield
      } {unit = "PE_1_0"}
      scf.execute_region {
        affine.for %k_1_1 = 0 to 3 {
          %30 = affine.load %C[1, 1] {from = "C"} : memref<2x2xi16>
          %31 = arith.extsi %30 : i16 to i17
          %32 = affine.load %A[1, %k_1_1] {from = "A"} : memref<2x3xi8>
          %33 = arith.extsi %32 : i8 to i16
          %34 = affine.load %B[%k_1_1, 1] {from = "B"} : memref<3x2xi8>
          %35 = arith.extsi %34 : i8 to i16
          %36 = arith.muli %33, %35 : i16
          %37 = arith.extsi %36 : i16 to i17
          %38 = arith.addi %31, %37 : i17
          %39 = arith.trunci %38 : i17 to i16
          affine.store %39, %C[1, 1] {to = "C"} : memref<2x2xi16>
        } {loop_name = "k", op_name = "S_k_0_1_1"}
        scf.yield
      } {unit = "PE_1_1"}
      scf.yield
    } {spatial = "PE"}
    return
  }
}
