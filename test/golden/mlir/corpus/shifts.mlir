// case shifts
module {
  func.func @shifts(%A: memref<8xi16>, %B: memref<8xi16>, %S: memref<8xi8>, %C: memref<8xi16>, %D: memref<8xi16>) attributes {itypes = "suusu", otypes = ""} {
    %c3_i32 = arith.constant 3 : i32
    %c0_i16 = arith.constant 0 : i16
    %c3_i16 = arith.constant 3 : i16
    %c16_i8 = arith.constant 16 : i8
    %c15_i16 = arith.constant 15 : i16
    %c2_i32 = arith.constant 2 : i32
    %c2_i16 = arith.constant 2 : i16
    %c23130_i32 = arith.constant 23130 : i32
    %c-1_i16 = arith.constant -1 : i16
    %c255_i32 = arith.constant 255 : i32
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi16>
      %1 = arith.shli %0, %c3_i16 : i16
      %2 = affine.load %S[%i] {from = "S"} : memref<8xi8>
      %3 = arith.cmpi uge, %2, %c16_i8 : i8
      %4 = arith.extui %2 : i8 to i16
      %5 = arith.select %3, %c15_i16, %4 : i16
      %6 = arith.shrsi %1, %5 : i16
      affine.store %6, %C[%i] {to = "C"} : memref<8xi16>
      %x = memref.alloc() {name = "x", unsigned} : memref<i16>
      %7 = affine.load %B[%i] {from = "B"} : memref<8xi16>
      affine.store %7, %x[] {to = "x"} : memref<i16>
      %8 = affine.load %x[] {from = "x"} : memref<i16>
      %9 = arith.shrui %8, %c2_i16 : i16
      affine.store %9, %x[] {to = "x"} : memref<i16>
      %10 = affine.load %x[] {from = "x"} : memref<i16>
      %11 = affine.load %S[%i] {from = "S"} : memref<8xi8>
      %12 = arith.cmpi uge, %11, %c16_i8 : i8
      %13 = arith.extui %11 : i8 to i16
      %14 = arith.select %12, %c0_i16, %13 : i16
      %15 = arith.shli %10, %14 : i16
      %16 = arith.select %12, %c0_i16, %15 : i16
      affine.store %16, %x[] {to = "x"} : memref<i16>
      %17 = affine.load %x[] {from = "x"} : memref<i16>
      %18 = arith.extui %17 : i16 to i32
      %19 = arith.xori %18, %c23130_i32 : i32
      %20 = arith.trunci %19 : i32 to i16
      affine.store %20, %x[] {to = "x"} : memref<i16>
      %21 = affine.load %x[] {from = "x"} : memref<i16>
      %22 = affine.load %B[%i] {from = "B"} : memref<8xi16>
      %23 = arith.andi %21, %22 : i16
      %24 = arith.extui %23 : i16 to i32
      %25 = affine.load %A[%i] {from = "A"} : memref<8xi16>
      %26 = arith.xori %25, %c-1_i16 : i16
      %27 = arith.extsi %26 : i16 to i32
      %28 = arith.andi %27, %c255_i32 : i32
      %29 = arith.ori %24, %28 : i32
      %30 = arith.trunci %29 : i32 to i16
      affine.store %30, %D[%i] {to = "D"} : memref<8xi16>
      memref.dealloc %x : memref<i16>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
