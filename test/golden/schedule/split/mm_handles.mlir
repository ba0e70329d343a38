// before
module {
  func.func @mm(%A: memref<6x20xi8>, %B: memref<20x4xi8>, %C: memref<6x4xi16>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 6 {
      affine.for %j = 0 to 4 {
        affine.for %k = 0 to 20 {
          %0 = affine.load %C[%i, %j] {from = "C"} : memref<6x4xi16>
          %1 = arith.extsi %0 : i16 to i17
          %2 = affine.load %A[%i, %k] {from = "A"} : memref<6x20xi8>
          %3 = arith.extsi %2 : i8 to i16
          %4 = affine.load %B[%k, %j] {from = "B"} : memref<20x4xi8>
          %5 = arith.extsi %4 : i8 to i16
          %6 = arith.muli %3, %5 : i16
          %7 = arith.extsi %6 : i16 to i17
          %8 = arith.addi %1, %7 : i17
          %9 = arith.trunci %8 : i17 to i16
          affine.store %9, %C[%i, %j] {to = "C"} : memref<6x4xi16>
        } {loop_name = "k", op_name = "S_k_0"}
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "PE"}
    return
  }
}
// after
// s.split("k", 8);
// s.split("k.inner", 2);
// s.pipeline("k.inner.inner");
module {
  func.func @mm(%A: memref<6x20xi8>, %B: memref<20x4xi8>, %C: memref<6x4xi16>) attributes {itypes = "sss", otypes = ""} {
    %c0 = arith.constant 0 : index
    %c8 = arith.constant 8 : index
    %c20 = arith.constant 20 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    affine.for %i = 0 to 6 {
      affine.for %j = 0 to 4 {
        affine.for %k_outer = 0 to 3 {
          %0 = arith.muli %k_outer, %c8 : index
          %1 = arith.subi %c20, %0 : index
          %2 = arith.minsi %c8, %1 : index
          %3 = arith.addi %2, %c1 : index
          %4 = arith.divsi %3, %c2 : index
          scf.for %k_inner_outer = %c0 to %4 step %c1 {
            %5 = arith.muli %k_outer, %c8 : index
            %6 = arith.subi %c20, %5 : index
            %7 = arith.minsi %c8, %6 : index
            %8 = arith.muli %k_inner_outer, %c2 : index
            %9 = arith.subi %7, %8 : index
            %10 = arith.minsi %c2, %9 : index
            scf.for %k_inner_inner = %c0 to %10 step %c1 {
              %11 = affine.load %C[%i, %j] {from = "C"} : memref<6x4xi16>
              %12 = arith.extsi %11 : i16 to i17
              %13 = arith.muli %k_outer, %c8 : index
              %14 = arith.muli %k_inner_outer, %c2 : index
              %15 = arith.addi %14, %k_inner_inner : index
              %16 = arith.addi %13, %15 : index
              %17 = memref.load %A[%i, %16] {from = "A"} : memref<6x20xi8>
              %18 = arith.extsi %17 : i8 to i16
              %19 = arith.muli %k_outer, %c8 : index
              %20 = arith.muli %k_inner_outer, %c2 : index
              %21 = arith.addi %20, %k_inner_inner : index
              %22 = arith.addi %19, %21 : index
              %23 = memref.load %B[%22, %j] {from = "B"} : memref<20x4xi8>
              %24 = arith.extsi %23 : i8 to i16
              %25 = arith.muli %18, %24 : i16
              %26 = arith.extsi %25 : i16 to i17
              %27 = arith.addi %12, %26 : i17
              %28 = arith.trunci %27 : i17 to i16
              affine.store %28, %C[%i, %j] {to = "C"} : memref<6x4xi16>
            } {loop_name = "k.inner.inner", pipeline_ii = 1 : i32}
          } {loop_name = "k.inner.outer"}
        } {loop_name = "k.outer", op_name = "S_k_0"}
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "PE"}
    return
  }
}
