module {
  func.func @control(%A: memref<8xi32>, %B: memref<8xi32>, %n: i32) attributes {itypes = "sss", otypes = ""} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c7 = arith.constant 7 : index
    %c0_i32 = arith.constant 0 : i32
    %false = arith.constant false
    %c1_i32 = arith.constant 1 : i32
    %c2_i32 = arith.constant 2 : i32
    %0 = arith.index_cast %n : i32 to index
    scf.for %i = %c0 to %0 step %c1 {
      %1 = arith.cmpi slt, %i, %c7 : index
      %2 = scf.if %1 -> (i1) {
        %3 = arith.addi %i, %c1 : index
        %4 = memref.load %A[%3] {from = "A"} : memref<8xi32>
        %5 = arith.cmpi sgt, %4, %c0_i32 : i32
        scf.yield %5 : i1
      } else {
        scf.yield %false : i1
      }
      scf.if %2 {
        %6 = arith.cmpi sgt, %i, %c0 : index
        %7 = scf.if %6 -> (i32) {
          %8 = arith.subi %i, %c1 : index
          %9 = memref.load %A[%8] {from = "A"} : memref<8xi32>
          scf.yield %9 : i32
        } else {
          scf.yield %c0_i32 : i32
        }
        memref.store %7, %B[%i] {to = "B"} : memref<8xi32>
      } else {
        %10 = memref.load %A[%i] {from = "A"} : memref<8xi32>
        %11 = arith.cmpi eq, %10, %c0_i32 : i32
        %12 = scf.if %11 -> (i32) {
          scf.yield %c1_i32 : i32
        } else {
          %13 = memref.load %A[%i] {from = "A"} : memref<8xi32>
          scf.yield %13 : i32
        }
        memref.store %12, %B[%i] {to = "B"} : memref<8xi32>
      }
      %acc = memref.alloc() {name = "acc"} : memref<i32>
      %14 = memref.load %A[%i] {from = "A"} : memref<8xi32>
      affine.store %14, %acc[] {to = "acc"} : memref<i32>
      scf.while : () -> () {
        %15 = affine.load %acc[] {from = "acc"} : memref<i32>
        %16 = arith.cmpi sgt, %15, %c1_i32 : i32
        scf.condition(%16)
      } do {
        %17 = affine.load %acc[] {from = "acc"} : memref<i32>
        %18 = arith.divsi %17, %c2_i32 : i32
        affine.store %18, %acc[] {to = "acc"} : memref<i32>
        scf.yield
      }
      %19 = affine.load %acc[] {from = "acc"} : memref<i32>
      %20 = arith.cmpi ne, %19, %c1_i32 : i32
      scf.if %20 {
        %21 = affine.load %acc[] {from = "acc"} : memref<i32>
        memref.store %21, %A[%i] {to = "A"} : memref<8xi32>
      }
      memref.dealloc %acc : memref<i32>
    } {loop_name = "i"}
    return
  }
}
