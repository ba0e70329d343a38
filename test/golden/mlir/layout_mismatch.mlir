module {
  func.func @sink(%P: memref<4xf32, affine_map<(d0) -> (d0, 0)>>) attributes {itypes = "_", otypes = ""} {
    %cst = arith.constant 1.0 : f32
    affine.store %cst, %P[0] {to = "P"} : memref<4xf32, affine_map<(d0) -> (d0, 0)>>
    return
  }
  func.func @source(%Q: memref<4xf32>) attributes {itypes = "_", otypes = ""} {
    %0 = builtin.unrealized_conversion_cast %Q : memref<4xf32> to memref<4xf32, affine_map<(d0) -> (d0, 0)>> {layout_mismatch}
    func.call @sink(%0) : (memref<4xf32, affine_map<(d0) -> (d0, 0)>>) -> ()
    return
  }
}
