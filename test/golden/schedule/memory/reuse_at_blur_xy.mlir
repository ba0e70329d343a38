// before
module {
  func.func @blurXY(%A: memref<10x10xi32>) -> memref<8x8xi32> attributes {itypes = "s", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %B = memref.alloc() {name = "B"} : memref<8x8xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%B : memref<8x8xi32>)
    affine.for %y = 0 to 8 {
      affine.for %x = 0 to 8 {
        %0 = affine.load %A[%y, %x] {from = "A"} : memref<10x10xi32>
        %1 = arith.extsi %0 : i32 to i33
        %2 = affine.load %A[%y + 1, %x + 1] {from = "A"} : memref<10x10xi32>
        %3 = arith.extsi %2 : i32 to i33
        %4 = arith.addi %1, %3 : i33
        %5 = arith.extsi %4 : i33 to i34
        %6 = affine.load %A[%y + 2, %x + 2] {from = "A"} : memref<10x10xi32>
        %7 = arith.extsi %6 : i32 to i34
        %8 = arith.addi %5, %7 : i34
        %9 = arith.trunci %8 : i34 to i32
        affine.store %9, %B[%y, %x] {to = "B"} : memref<8x8xi32>
      } {loop_name = "x"}
    } {loop_name = "y", op_name = "S_y_x_0"}
    return %B : memref<8x8xi32>
  }
}
// after
// s.reuseAt("A", "y");
// s.reuseAt("S_y_x_0_reuse_0", "x");
module {
  func.func @blurXY(%A: memref<10x10xi32>) -> memref<8x8xi32> attributes {itypes = "s", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %B = memref.alloc() {name = "B"} : memref<8x8xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%B : memref<8x8xi32>)
    %S_y_x_0_reuse_0 = memref.alloc() {name = "S_y_x_0_reuse_0"} : memref<3x10xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%S_y_x_0_reuse_0 : memref<3x10xi32>)
    affine.for %y_fill = 0 to 2 {
      affine.for %x_fill = 0 to 10 {
        %0 = affine.load %A[%y_fill, %x_fill] {from = "A"} : memref<10x10xi32>
        affine.store %0, %S_y_x_0_reuse_0[%y_fill + 1, %x_fill] {to = "S_y_x_0_reuse_0"} : memref<3x10xi32>
      } {loop_name = "x_fill"}
    } {loop_name = "y_fill"}
    affine.for %y = 0 to 8 {
      affine.for %y_shift = 0 to 2 {
        affine.for %x_shift = 0 to 10 {
          %1 = affine.load %S_y_x_0_reuse_0[%y_shift + 1, %x_shift] {from = "S_y_x_0_reuse_0"} : memref<3x10xi32>
          affine.store %1, %S_y_x_0_reuse_0[%y_shift, %x_shift] {to = "S_y_x_0_reuse_0"} : memref<3x10xi32>
        } {loop_name = "x_shift"}
      } {loop_name = "y_shift"}
      affine.for %x_load = 0 to 10 {
        %2 = affine.load %A[%y + 2, %x_load] {from = "A"} : memref<10x10xi32>
        affine.store %2, %S_y_x_0_reuse_0[2, %x_load] {to = "S_y_x_0_reuse_0"} : memref<3x10xi32>
      } {loop_name = "x_load"}
      %S_y_x_0_reuse_1 = memref.alloc() {name = "S_y_x_0_reuse_1"} : memref<3x3xi32>
      linalg.fill ins(%c0_i32 : i32) outs(%S_y_x_0_reuse_1 : memref<3x3xi32>)
      affine.for %x_fill_1 = 0 to 2 {
        affine.for %S_y_x_0_reuse_0_d0_fill = 0 to 3 {
          %3 = affine.load %S_y_x_0_reuse_0[%S_y_x_0_reuse_0_d0_fill, %x_fill_1] {from = "S_y_x_0_reuse_0"} : memref<3x10xi32>
          affine.store %3, %S_y_x_0_reuse_1[%S_y_x_0_reuse_0_d0_fill, %x_fill_1 + 1] {to = "S_y_x_0_reuse_1"} : memref<3x3xi32>
        } {loop_name = "S_y_x_0_reuse_0_d0_fill"}
      } {loop_name = "x_fill"}
      affine.for %x = 0 to 8 {
        affine.for %x_shift_1 = 0 to 2 {
          affine.for %S_y_x_0_reuse_0_d0_shift = 0 to 3 {
            %4 = affine.load %S_y_x_0_reuse_1[%S_y_x_0_reuse_0_d0_shift, %x_shift_1 + 1] {from = "S_y_x_0_reuse_1"} : memref<3x3xi32>
            affine.store %4, %S_y_x_0_reuse_1[%S_y_x_0_reuse_0_d0_shift, %x_shift_1] {to = "S_y_x_0_reuse_1"} : memref<3x3xi32>
          } {loop_name = "S_y_x_0_reuse_0_d0_shift"}
        } {loop_name = "x_shift"}
        affine.for %S_y_x_0_reuse_0_d0_load = 0 to 3 {
          %5 = affine.load %S_y_x_0_reuse_0[%S_y_x_0_reuse_0_d0_load, %x + 2] {from = "S_y_x_0_reuse_0"} : memref<3x10xi32>
          affine.store %5, %S_y_x_0_reuse_1[%S_y_x_0_reuse_0_d0_load, 2] {to = "S_y_x_0_reuse_1"} : memref<3x3xi32>
        } {loop_name = "S_y_x_0_reuse_0_d0_load"}
        %6 = affine.load %S_y_x_0_reuse_1[0, 0] {from = "S_y_x_0_reuse_1"} : memref<3x3xi32>
        %7 = arith.extsi %6 : i32 to i33
        %8 = affine.load %S_y_x_0_reuse_1[1, 1] {from = "S_y_x_0_reuse_1"} : memref<3x3xi32>
        %9 = arith.extsi %8 : i32 to i33
        %10 = arith.addi %7, %9 : i33
        %11 = arith.extsi %10 : i33 to i34
        %12 = affine.load %S_y_x_0_reuse_1[2, 2] {from = "S_y_x_0_reuse_1"} : memref<3x3xi32>
        %13 = arith.extsi %12 : i32 to i34
        %14 = arith.addi %11, %13 : i34
        %15 = arith.trunci %14 : i34 to i32
        affine.store %15, %B[%y, %x] {to = "B"} : memref<8x8xi32>
      } {loop_name = "x"}
      memref.dealloc %S_y_x_0_reuse_1 : memref<3x3xi32>
    } {loop_name = "y", op_name = "S_y_x_0"}
    memref.dealloc %S_y_x_0_reuse_0 : memref<3x10xi32>
    return %B : memref<8x8xi32>
  }
}
