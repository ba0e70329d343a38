// before
module {
  func.func @conv(%A: memref<10x10xf32>, %F: memref<3x3xf32>) -> memref<8x8xf32> attributes {itypes = "__", otypes = "_"} {
    %cst = arith.constant 0.0 : f32
    %B = memref.alloc() {name = "B"} : memref<8x8xf32>
    linalg.fill ins(%cst : f32) outs(%B : memref<8x8xf32>)
    affine.for %y = 0 to 8 {
      affine.for %x = 0 to 8 {
        %v = memref.alloc() {name = "v"} : memref<f32>
        affine.store %cst, %v[] {to = "v"} : memref<f32>
        affine.for %r = 0 to 3 {
          affine.for %c = 0 to 3 {
            %0 = affine.load %v[] {from = "v"} : memref<f32>
            %1 = affine.load %A[%y + %r, %x + %c] {from = "A"} : memref<10x10xf32>
            %2 = affine.load %F[%r, %c] {from = "F"} : memref<3x3xf32>
            %3 = arith.mulf %1, %2 : f32
            %4 = arith.addf %0, %3 : f32
            affine.store %4, %v[] {to = "v"} : memref<f32>
          } {loop_name = "c", reduction}
        } {loop_name = "r", op_name = "S_r_c_0", reduction}
        %5 = affine.load %v[] {from = "v"} : memref<f32>
        affine.store %5, %B[%y, %x] {to = "B"} : memref<8x8xf32>
        memref.dealloc %v : memref<f32>
      } {loop_name = "x"}
    } {loop_name = "y", op_name = "S_y_x_0"}
    return %B : memref<8x8xf32>
  }
}
// after
// s.reuseAt("A", "y");
// s.reuseAt("S_y_x_0_reuse_0", "x");
// s.partition("S_y_x_0_reuse_0", { dim: 1 });
// s.partition("S_y_x_0_reuse_1");
module {
  func.func @conv(%A: memref<10x10xf32>, %F: memref<3x3xf32>) -> memref<8x8xf32> attributes {itypes = "__", otypes = "_"} {
    %cst = arith.constant 0.0 : f32
    %B = memref.alloc() {name = "B"} : memref<8x8xf32>
    linalg.fill ins(%cst : f32) outs(%B : memref<8x8xf32>)
    %S_y_x_0_reuse_0 = memref.alloc() {name = "S_y_x_0_reuse_0"} : memref<3x10xf32, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
    linalg.fill ins(%cst : f32) outs(%S_y_x_0_reuse_0 : memref<3x10xf32, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>)
    affine.for %y_fill = 0 to 2 {
      affine.for %x_fill = 0 to 10 {
        %0 = affine.load %A[%y_fill, %x_fill] {from = "A"} : memref<10x10xf32>
        affine.store %0, %S_y_x_0_reuse_0[%y_fill + 1, %x_fill] {to = "S_y_x_0_reuse_0"} : memref<3x10xf32, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
      } {loop_name = "x_fill"}
    } {loop_name = "y_fill"}
    affine.for %y = 0 to 8 {
      affine.for %y_shift = 0 to 2 {
        affine.for %x_shift = 0 to 10 {
          %1 = affine.load %S_y_x_0_reuse_0[%y_shift + 1, %x_shift] {from = "S_y_x_0_reuse_0"} : memref<3x10xf32, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
          affine.store %1, %S_y_x_0_reuse_0[%y_shift, %x_shift] {to = "S_y_x_0_reuse_0"} : memref<3x10xf32, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
        } {loop_name = "x_shift"}
      } {loop_name = "y_shift"}
      affine.for %x_load = 0 to 10 {
        %2 = affine.load %A[%y + 2, %x_load] {from = "A"} : memref<10x10xf32>
        affine.store %2, %S_y_x_0_reuse_0[2, %x_load] {to = "S_y_x_0_reuse_0"} : memref<3x10xf32, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
      } {loop_name = "x_load"}
      %S_y_x_0_reuse_1 = memref.alloc() {name = "S_y_x_0_reuse_1"} : memref<3x3xf32, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
      linalg.fill ins(%cst : f32) outs(%S_y_x_0_reuse_1 : memref<3x3xf32, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>)
      affine.for %x_fill_1 = 0 to 2 {
        affine.for %r_fill = 0 to 3 {
          %3 = affine.load %S_y_x_0_reuse_0[%r_fill, %x_fill_1] {from = "S_y_x_0_reuse_0"} : memref<3x10xf32, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
          affine.store %3, %S_y_x_0_reuse_1[%r_fill, %x_fill_1 + 1] {to = "S_y_x_0_reuse_1"} : memref<3x3xf32, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
        } {loop_name = "r_fill"}
      } {loop_name = "x_fill"}
      affine.for %x = 0 to 8 {
        affine.for %x_shift_1 = 0 to 2 {
          affine.for %r_shift = 0 to 3 {
            %4 = affine.load %S_y_x_0_reuse_1[%r_shift, %x_shift_1 + 1] {from = "S_y_x_0_reuse_1"} : memref<3x3xf32, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
            affine.store %4, %S_y_x_0_reuse_1[%r_shift, %x_shift_1] {to = "S_y_x_0_reuse_1"} : memref<3x3xf32, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
          } {loop_name = "r_shift"}
        } {loop_name = "x_shift"}
        affine.for %r_load = 0 to 3 {
          %5 = affine.load %S_y_x_0_reuse_0[%r_load, %x + 2] {from = "S_y_x_0_reuse_0"} : memref<3x10xf32, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
          affine.store %5, %S_y_x_0_reuse_1[%r_load, 2] {to = "S_y_x_0_reuse_1"} : memref<3x3xf32, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
        } {loop_name = "r_load"}
        %v = memref.alloc() {name = "v"} : memref<f32>
        affine.store %cst, %v[] {to = "v"} : memref<f32>
        affine.for %r = 0 to 3 {
          affine.for %c = 0 to 3 {
            %6 = affine.load %v[] {from = "v"} : memref<f32>
            %7 = affine.load %S_y_x_0_reuse_1[%r, %c] {from = "S_y_x_0_reuse_1"} : memref<3x3xf32, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
            %8 = affine.load %F[%r, %c] {from = "F"} : memref<3x3xf32>
            %9 = arith.mulf %7, %8 : f32
            %10 = arith.addf %6, %9 : f32
            affine.store %10, %v[] {to = "v"} : memref<f32>
          } {loop_name = "c", reduction}
        } {loop_name = "r", op_name = "S_r_c_0", reduction}
        %11 = affine.load %v[] {from = "v"} : memref<f32>
        affine.store %11, %B[%y, %x] {to = "B"} : memref<8x8xf32>
        memref.dealloc %v : memref<f32>
      } {loop_name = "x"}
      memref.dealloc %S_y_x_0_reuse_1 : memref<3x3xf32, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
    } {loop_name = "y", op_name = "S_y_x_0"}
    memref.dealloc %S_y_x_0_reuse_0 : memref<3x10xf32, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
    return %B : memref<8x8xf32>
  }
}
