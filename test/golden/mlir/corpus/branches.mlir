// case branches
module {
  func.func @branches(%A: memref<8xi32>, %B: memref<8xi32>) -> memref<8xi32> attributes {itypes = "ss", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %c10_i32 = arith.constant 10 : i32
    %c-1_i32 = arith.constant -1 : i32
    %c1_i32 = arith.constant 1 : i32
    %c-10_i32 = arith.constant -10 : i32
    %true = arith.constant true
    %c5_i32 = arith.constant 5 : i32
    %c7_i32 = arith.constant 7 : i32
    %c1_i33 = arith.constant 1 : i33
    %C = memref.alloc() {name = "C"} : memref<8xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%C : memref<8xi32>)
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi32>
      %1 = arith.cmpi sgt, %0, %c10_i32 : i32
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi32>
      %3 = arith.cmpi ne, %2, %c0_i32 : i32
      %4 = arith.andi %1, %3 : i1
      scf.if %4 {
        %5 = affine.load %A[%i] {from = "A"} : memref<8xi32>
        %6 = affine.load %B[%i] {from = "B"} : memref<8xi32>
        %7 = arith.cmpi eq, %6, %c0_i32 : i32
        %8 = arith.cmpi eq, %6, %c-1_i32 : i32
        %9 = arith.ori %7, %8 : i1
        %10 = arith.select %9, %c1_i32, %6 : i32
        %11 = arith.divsi %5, %10 : i32
        %12 = arith.subi %c0_i32, %5 : i32
        %13 = arith.select %8, %12, %11 : i32
        %14 = arith.select %7, %c0_i32, %13 : i32
        affine.store %14, %C[%i] {to = "C"} : memref<8xi32>
      } else {
        %15 = affine.load %A[%i] {from = "A"} : memref<8xi32>
        %16 = arith.cmpi slt, %15, %c-10_i32 : i32
        %17 = arith.xori %16, %true : i1
        %18 = affine.load %B[%i] {from = "B"} : memref<8xi32>
        %19 = arith.cmpi sgt, %18, %c5_i32 : i32
        %20 = arith.ori %17, %19 : i1
        scf.if %20 {
          %21 = affine.load %A[%i] {from = "A"} : memref<8xi32>
          %22 = arith.remsi %21, %c7_i32 : i32
          affine.store %22, %C[%i] {to = "C"} : memref<8xi32>
        } else {
          %23 = affine.load %A[%i] {from = "A"} : memref<8xi32>
          %24 = affine.load %B[%i] {from = "B"} : memref<8xi32>
          %25 = arith.cmpi sgt, %23, %24 : i32
          %26 = affine.load %A[%i] {from = "A"} : memref<8xi32>
          %27 = arith.extsi %26 : i32 to i33
          %28 = affine.load %B[%i] {from = "B"} : memref<8xi32>
          %29 = arith.extsi %28 : i32 to i33
          %30 = arith.subi %29, %c1_i33 : i33
          %31 = arith.select %25, %27, %30 : i33
          %32 = arith.trunci %31 : i33 to i32
          affine.store %32, %C[%i] {to = "C"} : memref<8xi32>
        }
      }
    } {loop_name = "i", op_name = "S_i_0"}
    return %C : memref<8xi32>
  }
}
