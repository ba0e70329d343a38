// before
module {
  func.func @blur3d(%A: memref<6x7x2xi16>) -> memref<6x5x2xi16> attributes {itypes = "s", otypes = "s"} {
    %c0_i16 = arith.constant 0 : i16
    %B = memref.alloc() {name = "B"} : memref<6x5x2xi16>
    linalg.fill ins(%c0_i16 : i16) outs(%B : memref<6x5x2xi16>)
    affine.for %y = 0 to 6 {
      affine.for %x = 0 to 5 {
        affine.for %c = 0 to 2 {
          %0 = affine.load %A[%y, %x, %c] {from = "A"} : memref<6x7x2xi16>
          %1 = arith.extsi %0 : i16 to i17
          %2 = affine.load %A[%y, %x + 1, %c] {from = "A"} : memref<6x7x2xi16>
          %3 = arith.extsi %2 : i16 to i17
          %4 = arith.addi %1, %3 : i17
          %5 = arith.extsi %4 : i17 to i18
          %6 = affine.load %A[%y, %x + 2, %c] {from = "A"} : memref<6x7x2xi16>
          %7 = arith.extsi %6 : i16 to i18
          %8 = arith.addi %5, %7 : i18
          %9 = arith.trunci %8 : i18 to i16
          affine.store %9, %B[%y, %x, %c] {to = "B"} : memref<6x5x2xi16>
        } {loop_name = "c"}
      } {loop_name = "x"}
    } {loop_name = "y", op_name = "S_y_x_c_0"}
    return %B : memref<6x5x2xi16>
  }
}
// after
// s.reuseAt("A", "x");
module {
  func.func @blur3d(%A: memref<6x7x2xi16>) -> memref<6x5x2xi16> attributes {itypes = "s", otypes = "s"} {
    %c0_i16 = arith.constant 0 : i16
    %B = memref.alloc() {name = "B"} : memref<6x5x2xi16>
    linalg.fill ins(%c0_i16 : i16) outs(%B : memref<6x5x2xi16>)
    affine.for %y = 0 to 6 {
      %S_y_x_c_0_reuse_1 = memref.alloc() {name = "S_y_x_c_0_reuse_1"} : memref<3x2xi16>
      linalg.fill ins(%c0_i16 : i16) outs(%S_y_x_c_0_reuse_1 : memref<3x2xi16>)
      affine.for %x_fill = 0 to 2 {
        affine.for %c_fill = 0 to 2 {
          %0 = affine.load %A[%y, %x_fill, %c_fill] {from = "A"} : memref<6x7x2xi16>
          affine.store %0, %S_y_x_c_0_reuse_1[%x_fill + 1, %c_fill] {to = "S_y_x_c_0_reuse_1"} : memref<3x2xi16>
        } {loop_name = "c_fill"}
      } {loop_name = "x_fill"}
      affine.for %x = 0 to 5 {
        affine.for %x_shift = 0 to 2 {
          affine.for %c_shift = 0 to 2 {
            %1 = affine.load %S_y_x_c_0_reuse_1[%x_shift + 1, %c_shift] {from = "S_y_x_c_0_reuse_1"} : memref<3x2xi16>
            affine.store %1, %S_y_x_c_0_reuse_1[%x_shift, %c_shift] {to = "S_y_x_c_0_reuse_1"} : memref<3x2xi16>
          } {loop_name = "c_shift"}
        } {loop_name = "x_shift"}
        affine.for %c_load = 0 to 2 {
          %2 = affine.load %A[%y, %x + 2, %c_load] {from = "A"} : memref<6x7x2xi16>
          affine.store %2, %S_y_x_c_0_reuse_1[2, %c_load] {to = "S_y_x_c_0_reuse_1"} : memref<3x2xi16>
        } {loop_name = "c_load"}
        affine.for %c = 0 to 2 {
          %3 = affine.load %S_y_x_c_0_reuse_1[0, %c] {from = "S_y_x_c_0_reuse_1"} : memref<3x2xi16>
          %4 = arith.extsi %3 : i16 to i17
          %5 = affine.load %S_y_x_c_0_reuse_1[1, %c] {from = "S_y_x_c_0_reuse_1"} : memref<3x2xi16>
          %6 = arith.extsi %5 : i16 to i17
          %7 = arith.addi %4, %6 : i17
          %8 = arith.extsi %7 : i17 to i18
          %9 = affine.load %S_y_x_c_0_reuse_1[2, %c] {from = "S_y_x_c_0_reuse_1"} : memref<3x2xi16>
          %10 = arith.extsi %9 : i16 to i18
          %11 = arith.addi %8, %10 : i18
          %12 = arith.trunci %11 : i18 to i16
          affine.store %12, %B[%y, %x, %c] {to = "B"} : memref<6x5x2xi16>
        } {loop_name = "c"}
      } {loop_name = "x"}
      memref.dealloc %S_y_x_c_0_reuse_1 : memref<3x2xi16>
    } {loop_name = "y", op_name = "S_y_x_c_0"}
    return %B : memref<6x5x2xi16>
  }
}
