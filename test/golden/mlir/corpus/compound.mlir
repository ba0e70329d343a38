// case compound
module {
  func.func @compound(%A: memref<6x5xi32>, %B: memref<6x5xi32>) -> memref<i32> attributes {itypes = "ss", otypes = "s"} {
    %c1_i32 = arith.constant 1 : i32
    %c3_i64 = arith.constant 3 : i64
    %c1000_i32 = arith.constant 1000 : i32
    %c0_i32 = arith.constant 0 : i32
    %c1_i33 = arith.constant 1 : i33
    %acc = memref.alloc() {name = "acc"} : memref<i32>
    affine.store %c1_i32, %acc[] {to = "acc"} : memref<i32>
    affine.for %i = 0 to 6 {
      affine.for %j = 0 to 5 {
        %0 = affine.load %A[%i, %j] {from = "A"} : memref<6x5xi32>
        affine.store %0, %B[%i, %j] {to = "B"} : memref<6x5xi32>
        %1 = affine.load %B[%i, %j] {from = "B"} : memref<6x5xi32>
        %2 = arith.extsi %1 : i32 to i64
        %3 = arith.muli %2, %c3_i64 : i64
        %4 = arith.trunci %3 : i64 to i32
        affine.store %4, %B[%i, %j] {to = "B"} : memref<6x5xi32>
        %5 = affine.load %B[%i, %j] {from = "B"} : memref<6x5xi32>
        %6 = arith.extsi %5 : i32 to i34
        %7 = arith.index_cast %j : index to i32
        %8 = arith.extsi %7 : i32 to i34
        %9 = arith.subi %6, %8 : i34
        %10 = arith.trunci %9 : i34 to i32
        affine.store %10, %B[%i, %j] {to = "B"} : memref<6x5xi32>
        %11 = affine.load %B[%i, %j] {from = "B"} : memref<6x5xi32>
        %12 = arith.remsi %11, %c1000_i32 : i32
        affine.store %12, %B[%i, %j] {to = "B"} : memref<6x5xi32>
        %13 = affine.load %B[%i, %j] {from = "B"} : memref<6x5xi32>
        %14 = arith.ori %13, %c1_i32 : i32
        affine.store %14, %B[%i, %j] {to = "B"} : memref<6x5xi32>
        %15 = affine.load %acc[] {from = "acc"} : memref<i32>
        %16 = arith.extsi %15 : i32 to i33
        %17 = affine.load %B[%i, %j] {from = "B"} : memref<6x5xi32>
        %18 = arith.extsi %17 : i32 to i33
        %19 = arith.addi %16, %18 : i33
        %20 = arith.trunci %19 : i33 to i32
        affine.store %20, %acc[] {to = "acc"} : memref<i32>
        %21 = affine.load %acc[] {from = "acc"} : memref<i32>
        %22 = arith.index_cast %i : index to i32
        %23 = arith.xori %21, %22 : i32
        affine.store %23, %acc[] {to = "acc"} : memref<i32>
        %24 = affine.load %acc[] {from = "acc"} : memref<i32>
        %25 = arith.extsi %24 : i32 to i33
        %26 = arith.addi %25, %c1_i33 : i33
        %27 = arith.trunci %26 : i33 to i32
        affine.store %27, %acc[] {to = "acc"} : memref<i32>
      } {loop_name = "j", op_name = "S_j_0"}
    } {loop_name = "i", op_name = "S_i_0"}
    %result = memref.alloc() {name = "result"} : memref<i32>
    %28 = affine.load %acc[] {from = "acc"} : memref<i32>
    affine.store %28, %result[] {to = "result"} : memref<i32>
    memref.dealloc %acc : memref<i32>
    return %result : memref<i32>
  }
}
