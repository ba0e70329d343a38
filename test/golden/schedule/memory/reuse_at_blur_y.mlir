// before
module {
  func.func @blurY(%A: memref<10x10xi32>) -> memref<8x10xi32> attributes {itypes = "s", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %B = memref.alloc() {name = "B"} : memref<8x10xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%B : memref<8x10xi32>)
    affine.for %y = 0 to 8 {
      affine.for %x = 0 to 10 {
        %0 = affine.load %A[%y, %x] {from = "A"} : memref<10x10xi32>
        %1 = arith.extsi %0 : i32 to i33
        %2 = affine.load %A[%y + 1, %x] {from = "A"} : memref<10x10xi32>
        %3 = arith.extsi %2 : i32 to i33
        %4 = arith.addi %1, %3 : i33
        %5 = arith.extsi %4 : i33 to i34
        %6 = affine.load %A[%y + 2, %x] {from = "A"} : memref<10x10xi32>
        %7 = arith.extsi %6 : i32 to i34
        %8 = arith.addi %5, %7 : i34
        %9 = arith.trunci %8 : i34 to i32
        affine.store %9, %B[%y, %x] {to = "B"} : memref<8x10xi32>
      } {loop_name = "x"}
    } {loop_name = "y", op_name = "S_y_x_0"}
    return %B : memref<8x10xi32>
  }
}
// after
// s.reuseAt("A", "y");
module {
  func.func @blurY(%A: memref<10x10xi32>) -> memref<8x10xi32> attributes {itypes = "s", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %B = memref.alloc() {name = "B"} : memref<8x10xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%B : memref<8x10xi32>)
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
      affine.for %x = 0 to 10 {
        %3 = affine.load %S_y_x_0_reuse_0[0, %x] {from = "S_y_x_0_reuse_0"} : memref<3x10xi32>
        %4 = arith.extsi %3 : i32 to i33
        %5 = affine.load %S_y_x_0_reuse_0[1, %x] {from = "S_y_x_0_reuse_0"} : memref<3x10xi32>
        %6 = arith.extsi %5 : i32 to i33
        %7 = arith.addi %4, %6 : i33
        %8 = arith.extsi %7 : i33 to i34
        %9 = affine.load %S_y_x_0_reuse_0[2, %x] {from = "S_y_x_0_reuse_0"} : memref<3x10xi32>
        %10 = arith.extsi %9 : i32 to i34
        %11 = arith.addi %8, %10 : i34
        %12 = arith.trunci %11 : i34 to i32
        affine.store %12, %B[%y, %x] {to = "B"} : memref<8x10xi32>
      } {loop_name = "x"}
    } {loop_name = "y", op_name = "S_y_x_0"}
    memref.dealloc %S_y_x_0_reuse_0 : memref<3x10xi32>
    return %B : memref<8x10xi32>
  }
}
