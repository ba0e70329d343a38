// before
module {
  func.func @blurX(%A: memref<10x10xi32>) -> memref<10x8xi32> attributes {itypes = "s", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %B = memref.alloc() {name = "B"} : memref<10x8xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%B : memref<10x8xi32>)
    affine.for %y = 0 to 10 {
      affine.for %x = 0 to 8 {
        %0 = affine.load %A[%y, %x] {from = "A"} : memref<10x10xi32>
        %1 = arith.extsi %0 : i32 to i33
        %2 = affine.load %A[%y, %x + 1] {from = "A"} : memref<10x10xi32>
        %3 = arith.extsi %2 : i32 to i33
        %4 = arith.addi %1, %3 : i33
        %5 = arith.extsi %4 : i33 to i34
        %6 = affine.load %A[%y, %x + 2] {from = "A"} : memref<10x10xi32>
        %7 = arith.extsi %6 : i32 to i34
        %8 = arith.addi %5, %7 : i34
        %9 = arith.trunci %8 : i34 to i32
        affine.store %9, %B[%y, %x] {to = "B"} : memref<10x8xi32>
      } {loop_name = "x"}
    } {loop_name = "y", op_name = "S_y_x_0"}
    return %B : memref<10x8xi32>
  }
}
// after
// s.reuseAt("A", "x");
module {
  func.func @blurX(%A: memref<10x10xi32>) -> memref<10x8xi32> attributes {itypes = "s", otypes = "s"} {
    %c0_i32 = arith.constant 0 : i32
    %B = memref.alloc() {name = "B"} : memref<10x8xi32>
    linalg.fill ins(%c0_i32 : i32) outs(%B : memref<10x8xi32>)
    affine.for %y = 0 to 10 {
      %S_y_x_0_reuse_1 = memref.alloc() {name = "S_y_x_0_reuse_1"} : memref<3xi32>
      linalg.fill ins(%c0_i32 : i32) outs(%S_y_x_0_reuse_1 : memref<3xi32>)
      affine.for %x_fill = 0 to 2 {
        %0 = affine.load %A[%y, %x_fill] {from = "A"} : memref<10x10xi32>
        affine.store %0, %S_y_x_0_reuse_1[%x_fill + 1] {to = "S_y_x_0_reuse_1"} : memref<3xi32>
      } {loop_name = "x_fill"}
      affine.for %x = 0 to 8 {
        affine.for %x_shift = 0 to 2 {
          %1 = affine.load %S_y_x_0_reuse_1[%x_shift + 1] {from = "S_y_x_0_reuse_1"} : memref<3xi32>
          affine.store %1, %S_y_x_0_reuse_1[%x_shift] {to = "S_y_x_0_reuse_1"} : memref<3xi32>
        } {loop_name = "x_shift"}
        %2 = affine.load %A[%y, %x + 2] {from = "A"} : memref<10x10xi32>
        affine.store %2, %S_y_x_0_reuse_1[2] {to = "S_y_x_0_reuse_1"} : memref<3xi32>
        %3 = affine.load %S_y_x_0_reuse_1[0] {from = "S_y_x_0_reuse_1"} : memref<3xi32>
        %4 = arith.extsi %3 : i32 to i33
        %5 = affine.load %S_y_x_0_reuse_1[1] {from = "S_y_x_0_reuse_1"} : memref<3xi32>
        %6 = arith.extsi %5 : i32 to i33
        %7 = arith.addi %4, %6 : i33
        %8 = arith.extsi %7 : i33 to i34
        %9 = affine.load %S_y_x_0_reuse_1[2] {from = "S_y_x_0_reuse_1"} : memref<3xi32>
        %10 = arith.extsi %9 : i32 to i34
        %11 = arith.addi %8, %10 : i34
        %12 = arith.trunci %11 : i34 to i32
        affine.store %12, %B[%y, %x] {to = "B"} : memref<10x8xi32>
      } {loop_name = "x"}
      memref.dealloc %S_y_x_0_reuse_1 : memref<3xi32>
    } {loop_name = "y", op_name = "S_y_x_0"}
    return %B : memref<10x8xi32>
  }
}
