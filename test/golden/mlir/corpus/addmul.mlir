// case addmul_int1
module {
  func.func @addmul(%A: memref<8xi1>, %B: memref<8xi1>, %C: memref<8xi1>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi1>
      %1 = arith.extsi %0 : i1 to i2
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi1>
      %3 = arith.extsi %2 : i1 to i2
      %4 = arith.muli %1, %3 : i2
      %5 = arith.extsi %4 : i2 to i3
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi1>
      %7 = arith.extsi %6 : i1 to i3
      %8 = arith.addi %5, %7 : i3
      %9 = arith.extsi %8 : i3 to i4
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi1>
      %11 = arith.extsi %10 : i1 to i4
      %12 = arith.subi %9, %11 : i4
      %13 = arith.trunci %12 : i4 to i1
      affine.store %13, %C[%i] {to = "C"} : memref<8xi1>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// -----
// case addmul_int2
module {
  func.func @addmul(%A: memref<8xi2>, %B: memref<8xi2>, %C: memref<8xi2>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi2>
      %1 = arith.extsi %0 : i2 to i4
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi2>
      %3 = arith.extsi %2 : i2 to i4
      %4 = arith.muli %1, %3 : i4
      %5 = arith.extsi %4 : i4 to i5
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi2>
      %7 = arith.extsi %6 : i2 to i5
      %8 = arith.addi %5, %7 : i5
      %9 = arith.extsi %8 : i5 to i6
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi2>
      %11 = arith.extsi %10 : i2 to i6
      %12 = arith.subi %9, %11 : i6
      %13 = arith.trunci %12 : i6 to i2
      affine.store %13, %C[%i] {to = "C"} : memref<8xi2>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// -----
// case addmul_int3
module {
  func.func @addmul(%A: memref<8xi3>, %B: memref<8xi3>, %C: memref<8xi3>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi3>
      %1 = arith.extsi %0 : i3 to i6
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi3>
      %3 = arith.extsi %2 : i3 to i6
      %4 = arith.muli %1, %3 : i6
      %5 = arith.extsi %4 : i6 to i7
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi3>
      %7 = arith.extsi %6 : i3 to i7
      %8 = arith.addi %5, %7 : i7
      %9 = arith.extsi %8 : i7 to i8
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi3>
      %11 = arith.extsi %10 : i3 to i8
      %12 = arith.subi %9, %11 : i8
      %13 = arith.trunci %12 : i8 to i3
      affine.store %13, %C[%i] {to = "C"} : memref<8xi3>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// -----
// case addmul_int5
module {
  func.func @addmul(%A: memref<8xi5>, %B: memref<8xi5>, %C: memref<8xi5>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi5>
      %1 = arith.extsi %0 : i5 to i10
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi5>
      %3 = arith.extsi %2 : i5 to i10
      %4 = arith.muli %1, %3 : i10
      %5 = arith.extsi %4 : i10 to i11
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi5>
      %7 = arith.extsi %6 : i5 to i11
      %8 = arith.addi %5, %7 : i11
      %9 = arith.extsi %8 : i11 to i12
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi5>
      %11 = arith.extsi %10 : i5 to i12
      %12 = arith.subi %9, %11 : i12
      %13 = arith.trunci %12 : i12 to i5
      affine.store %13, %C[%i] {to = "C"} : memref<8xi5>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// -----
// case addmul_int7
module {
  func.func @addmul(%A: memref<8xi7>, %B: memref<8xi7>, %C: memref<8xi7>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi7>
      %1 = arith.extsi %0 : i7 to i14
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi7>
      %3 = arith.extsi %2 : i7 to i14
      %4 = arith.muli %1, %3 : i14
      %5 = arith.extsi %4 : i14 to i15
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi7>
      %7 = arith.extsi %6 : i7 to i15
      %8 = arith.addi %5, %7 : i15
      %9 = arith.extsi %8 : i15 to i16
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi7>
      %11 = arith.extsi %10 : i7 to i16
      %12 = arith.subi %9, %11 : i16
      %13 = arith.trunci %12 : i16 to i7
      affine.store %13, %C[%i] {to = "C"} : memref<8xi7>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// -----
// case addmul_int8
module {
  func.func @addmul(%A: memref<8xi8>, %B: memref<8xi8>, %C: memref<8xi8>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi8>
      %1 = arith.extsi %0 : i8 to i16
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi8>
      %3 = arith.extsi %2 : i8 to i16
      %4 = arith.muli %1, %3 : i16
      %5 = arith.extsi %4 : i16 to i17
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi8>
      %7 = arith.extsi %6 : i8 to i17
      %8 = arith.addi %5, %7 : i17
      %9 = arith.extsi %8 : i17 to i18
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi8>
      %11 = arith.extsi %10 : i8 to i18
      %12 = arith.subi %9, %11 : i18
      %13 = arith.trunci %12 : i18 to i8
      affine.store %13, %C[%i] {to = "C"} : memref<8xi8>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// -----
// case addmul_int12
module {
  func.func @addmul(%A: memref<8xi12>, %B: memref<8xi12>, %C: memref<8xi12>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi12>
      %1 = arith.extsi %0 : i12 to i24
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi12>
      %3 = arith.extsi %2 : i12 to i24
      %4 = arith.muli %1, %3 : i24
      %5 = arith.extsi %4 : i24 to i25
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi12>
      %7 = arith.extsi %6 : i12 to i25
      %8 = arith.addi %5, %7 : i25
      %9 = arith.extsi %8 : i25 to i26
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi12>
      %11 = arith.extsi %10 : i12 to i26
      %12 = arith.subi %9, %11 : i26
      %13 = arith.trunci %12 : i26 to i12
      affine.store %13, %C[%i] {to = "C"} : memref<8xi12>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// -----
// case addmul_int16
module {
  func.func @addmul(%A: memref<8xi16>, %B: memref<8xi16>, %C: memref<8xi16>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi16>
      %1 = arith.extsi %0 : i16 to i32
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi16>
      %3 = arith.extsi %2 : i16 to i32
      %4 = arith.muli %1, %3 : i32
      %5 = arith.extsi %4 : i32 to i33
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi16>
      %7 = arith.extsi %6 : i16 to i33
      %8 = arith.addi %5, %7 : i33
      %9 = arith.extsi %8 : i33 to i34
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi16>
      %11 = arith.extsi %10 : i16 to i34
      %12 = arith.subi %9, %11 : i34
      %13 = arith.trunci %12 : i34 to i16
      affine.store %13, %C[%i] {to = "C"} : memref<8xi16>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// -----
// case addmul_int24
module {
  func.func @addmul(%A: memref<8xi24>, %B: memref<8xi24>, %C: memref<8xi24>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi24>
      %1 = arith.extsi %0 : i24 to i48
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi24>
      %3 = arith.extsi %2 : i24 to i48
      %4 = arith.muli %1, %3 : i48
      %5 = arith.extsi %4 : i48 to i49
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi24>
      %7 = arith.extsi %6 : i24 to i49
      %8 = arith.addi %5, %7 : i49
      %9 = arith.extsi %8 : i49 to i50
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi24>
      %11 = arith.extsi %10 : i24 to i50
      %12 = arith.subi %9, %11 : i50
      %13 = arith.trunci %12 : i50 to i24
      affine.store %13, %C[%i] {to = "C"} : memref<8xi24>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// -----
// case addmul_int31
module {
  func.func @addmul(%A: memref<8xi31>, %B: memref<8xi31>, %C: memref<8xi31>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi31>
      %1 = arith.extsi %0 : i31 to i62
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi31>
      %3 = arith.extsi %2 : i31 to i62
      %4 = arith.muli %1, %3 : i62
      %5 = arith.extsi %4 : i62 to i63
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi31>
      %7 = arith.extsi %6 : i31 to i63
      %8 = arith.addi %5, %7 : i63
      %9 = arith.extsi %8 : i63 to i64
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi31>
      %11 = arith.extsi %10 : i31 to i64
      %12 = arith.subi %9, %11 : i64
      %13 = arith.trunci %12 : i64 to i31
      affine.store %13, %C[%i] {to = "C"} : memref<8xi31>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// -----
// case addmul_int32
module {
  func.func @addmul(%A: memref<8xi32>, %B: memref<8xi32>, %C: memref<8xi32>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi32>
      %1 = arith.extsi %0 : i32 to i64
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi32>
      %3 = arith.extsi %2 : i32 to i64
      %4 = arith.muli %1, %3 : i64
      %5 = arith.extsi %4 : i64 to i65
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi32>
      %7 = arith.extsi %6 : i32 to i65
      %8 = arith.addi %5, %7 : i65
      %9 = arith.extsi %8 : i65 to i66
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi32>
      %11 = arith.extsi %10 : i32 to i66
      %12 = arith.subi %9, %11 : i66
      %13 = arith.trunci %12 : i66 to i32
      affine.store %13, %C[%i] {to = "C"} : memref<8xi32>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// -----
// case addmul_int33
module {
  func.func @addmul(%A: memref<8xi33>, %B: memref<8xi33>, %C: memref<8xi33>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi33>
      %1 = arith.extsi %0 : i33 to i66
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi33>
      %3 = arith.extsi %2 : i33 to i66
      %4 = arith.muli %1, %3 : i66
      %5 = arith.extsi %4 : i66 to i67
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi33>
      %7 = arith.extsi %6 : i33 to i67
      %8 = arith.addi %5, %7 : i67
      %9 = arith.extsi %8 : i67 to i68
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi33>
      %11 = arith.extsi %10 : i33 to i68
      %12 = arith.subi %9, %11 : i68
      %13 = arith.trunci %12 : i68 to i33
      affine.store %13, %C[%i] {to = "C"} : memref<8xi33>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// -----
// case addmul_int48
module {
  func.func @addmul(%A: memref<8xi48>, %B: memref<8xi48>, %C: memref<8xi48>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi48>
      %1 = arith.extsi %0 : i48 to i96
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi48>
      %3 = arith.extsi %2 : i48 to i96
      %4 = arith.muli %1, %3 : i96
      %5 = arith.extsi %4 : i96 to i97
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi48>
      %7 = arith.extsi %6 : i48 to i97
      %8 = arith.addi %5, %7 : i97
      %9 = arith.extsi %8 : i97 to i98
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi48>
      %11 = arith.extsi %10 : i48 to i98
      %12 = arith.subi %9, %11 : i98
      %13 = arith.trunci %12 : i98 to i48
      affine.store %13, %C[%i] {to = "C"} : memref<8xi48>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// -----
// case addmul_int53
module {
  func.func @addmul(%A: memref<8xi53>, %B: memref<8xi53>, %C: memref<8xi53>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi53>
      %1 = arith.extsi %0 : i53 to i106
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi53>
      %3 = arith.extsi %2 : i53 to i106
      %4 = arith.muli %1, %3 : i106
      %5 = arith.extsi %4 : i106 to i107
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi53>
      %7 = arith.extsi %6 : i53 to i107
      %8 = arith.addi %5, %7 : i107
      %9 = arith.extsi %8 : i107 to i108
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi53>
      %11 = arith.extsi %10 : i53 to i108
      %12 = arith.subi %9, %11 : i108
      %13 = arith.trunci %12 : i108 to i53
      affine.store %13, %C[%i] {to = "C"} : memref<8xi53>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// -----
// case addmul_int54
module {
  func.func @addmul(%A: memref<8xi54>, %B: memref<8xi54>, %C: memref<8xi54>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi54>
      %1 = arith.extsi %0 : i54 to i108
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi54>
      %3 = arith.extsi %2 : i54 to i108
      %4 = arith.muli %1, %3 : i108
      %5 = arith.extsi %4 : i108 to i109
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi54>
      %7 = arith.extsi %6 : i54 to i109
      %8 = arith.addi %5, %7 : i109
      %9 = arith.extsi %8 : i109 to i110
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi54>
      %11 = arith.extsi %10 : i54 to i110
      %12 = arith.subi %9, %11 : i110
      %13 = arith.trunci %12 : i110 to i54
      affine.store %13, %C[%i] {to = "C"} : memref<8xi54>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// -----
// case addmul_int63
module {
  func.func @addmul(%A: memref<8xi63>, %B: memref<8xi63>, %C: memref<8xi63>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi63>
      %1 = arith.extsi %0 : i63 to i126
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi63>
      %3 = arith.extsi %2 : i63 to i126
      %4 = arith.muli %1, %3 : i126
      %5 = arith.extsi %4 : i126 to i127
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi63>
      %7 = arith.extsi %6 : i63 to i127
      %8 = arith.addi %5, %7 : i127
      %9 = arith.extsi %8 : i127 to i128
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi63>
      %11 = arith.extsi %10 : i63 to i128
      %12 = arith.subi %9, %11 : i128
      %13 = arith.trunci %12 : i128 to i63
      affine.store %13, %C[%i] {to = "C"} : memref<8xi63>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// -----
// case addmul_int64
module {
  func.func @addmul(%A: memref<8xi64>, %B: memref<8xi64>, %C: memref<8xi64>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi64>
      %1 = arith.extsi %0 : i64 to i128
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi64>
      %3 = arith.extsi %2 : i64 to i128
      %4 = arith.muli %1, %3 : i128
      %5 = arith.extsi %4 : i128 to i129
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi64>
      %7 = arith.extsi %6 : i64 to i129
      %8 = arith.addi %5, %7 : i129
      %9 = arith.extsi %8 : i129 to i130
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi64>
      %11 = arith.extsi %10 : i64 to i130
      %12 = arith.subi %9, %11 : i130
      %13 = arith.trunci %12 : i130 to i64
      affine.store %13, %C[%i] {to = "C"} : memref<8xi64>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// -----
// case addmul_int100
module attributes {dlti.dl_spec = #dlti.dl_spec<i64 = dense<64> : vector<2xi64>, i128 = dense<128> : vector<2xi64>>} {
  func.func @addmul(%A: memref<8xi100>, %B: memref<8xi100>, %C: memref<8xi100>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi100>
      %1 = arith.extsi %0 : i100 to i200
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi100>
      %3 = arith.extsi %2 : i100 to i200
      %4 = arith.muli %1, %3 : i200
      %5 = arith.extsi %4 : i200 to i201
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi100>
      %7 = arith.extsi %6 : i100 to i201
      %8 = arith.addi %5, %7 : i201
      %9 = arith.extsi %8 : i201 to i202
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi100>
      %11 = arith.extsi %10 : i100 to i202
      %12 = arith.subi %9, %11 : i202
      %13 = arith.trunci %12 : i202 to i100
      affine.store %13, %C[%i] {to = "C"} : memref<8xi100>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// -----
// case addmul_int200
module attributes {dlti.dl_spec = #dlti.dl_spec<i64 = dense<64> : vector<2xi64>, i128 = dense<128> : vector<2xi64>>} {
  func.func @addmul(%A: memref<8xi200>, %B: memref<8xi200>, %C: memref<8xi200>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi200>
      %1 = arith.extsi %0 : i200 to i400
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi200>
      %3 = arith.extsi %2 : i200 to i400
      %4 = arith.muli %1, %3 : i400
      %5 = arith.extsi %4 : i400 to i401
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi200>
      %7 = arith.extsi %6 : i200 to i401
      %8 = arith.addi %5, %7 : i401
      %9 = arith.extsi %8 : i401 to i402
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi200>
      %11 = arith.extsi %10 : i200 to i402
      %12 = arith.subi %9, %11 : i402
      %13 = arith.trunci %12 : i402 to i200
      affine.store %13, %C[%i] {to = "C"} : memref<8xi200>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
// -----
// case addmul_int512
module attributes {dlti.dl_spec = #dlti.dl_spec<i64 = dense<64> : vector<2xi64>, i128 = dense<128> : vector<2xi64>>} {
  func.func @addmul(%A: memref<8xi512>, %B: memref<8xi512>, %C: memref<8xi512>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 8 {
      %0 = affine.load %A[%i] {from = "A"} : memref<8xi512>
      %1 = arith.extsi %0 : i512 to i1024
      %2 = affine.load %B[%i] {from = "B"} : memref<8xi512>
      %3 = arith.extsi %2 : i512 to i1024
      %4 = arith.muli %1, %3 : i1024
      %5 = arith.extsi %4 : i1024 to i1025
      %6 = affine.load %A[%i] {from = "A"} : memref<8xi512>
      %7 = arith.extsi %6 : i512 to i1025
      %8 = arith.addi %5, %7 : i1025
      %9 = arith.extsi %8 : i1025 to i1026
      %10 = affine.load %B[%i] {from = "B"} : memref<8xi512>
      %11 = arith.extsi %10 : i512 to i1026
      %12 = arith.subi %9, %11 : i1026
      %13 = arith.trunci %12 : i1026 to i512
      affine.store %13, %C[%i] {to = "C"} : memref<8xi512>
    } {loop_name = "i", op_name = "S_i_0"}
    return
  }
}
