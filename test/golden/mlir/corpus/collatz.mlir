// case collatz
module {
  func.func @collatz(%A: memref<8xi32>, %C: memref<8xi32>) attributes {itypes = "ss", otypes = ""} {
    %c0_i32 = arith.constant 0 : i32
    %c1_i32 = arith.constant 1 : i32
    %c100_i32 = arith.constant 100 : i32
    %c2_i32 = arith.constant 2 : i32
    %c3_i64 = arith.constant 3 : i64
    %c1_i65 = arith.constant 1 : i65
    %c1_i33 = arith.constant 1 : i33
    affine.for %i = 0 to 8 {
      %x = memref.alloc() {name = "x"} : memref<i32>
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi32>
      affine.store %0, %x[] {to = "x"} : memref<i32>
      %steps = memref.alloc() {name = "steps"} : memref<i32>
      affine.store %c0_i32, %steps[] {to = "steps"} : memref<i32>
      scf.while : () -> () {
        %1 = affine.load %x[] {from = "x"} : memref<i32>
        %2 = arith.cmpi sgt, %1, %c1_i32 : i32
        %3 = affine.load %steps[] {from = "steps"} : memref<i32>
        %4 = arith.cmpi slt, %3, %c100_i32 : i32
        %5 = arith.andi %2, %4 : i1
        scf.condition(%5)
      } do {
        %6 = affine.load %x[] {from = "x"} : memref<i32>
        %7 = arith.remsi %6, %c2_i32 : i32
        %8 = arith.cmpi eq, %7, %c0_i32 : i32
        scf.if %8 {
          %9 = affine.load %x[] {from = "x"} : memref<i32>
          %10 = arith.divsi %9, %c2_i32 : i32
          affine.store %10, %x[] {to = "x"} : memref<i32>
        } else {
          %11 = affine.load %x[] {from = "x"} : memref<i32>
          %12 = arith.extsi %11 : i32 to i64
          %13 = arith.muli %c3_i64, %12 : i64
          %14 = arith.extsi %13 : i64 to i65
          %15 = arith.addi %14, %c1_i65 : i65
          %16 = arith.trunci %15 : i65 to i32
          affine.store %16, %x[] {to = "x"} : memref<i32>
        }
        %17 = affine.load %steps[] {from = "steps"} : memref<i32>
        %18 = arith.extsi %17 : i32 to i33
        %19 = arith.addi %18, %c1_i33 : i33
        %20 = arith.trunci %19 : i33 to i32
        affine.store %20, %steps[] {to = "steps"} : memref<i32>
        scf.yield
      }
      %21 = affine.load %steps[] {from = "steps"} : memref<i32>
      affine.store %21, %C[%i] {to = "C"} : memref<8xi32>
      memref.dealloc %steps : memref<i32>
      memref.dealloc %x : memref<i32>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
