module {
  func.func @numerics(%F: memref<4xi16> {allo.dtype = "fixed(16, 8)"}, %U: memref<4xi12> {allo.dtype = "ufixed(12, 4)"}, %H: memref<4xf16>, %X: memref<4xf32>, %N: memref<4xindex>, %S: memref<4xi16>) attributes {itypes = "su___u", otypes = ""} {
    %c4_i16 = arith.constant 4 : i16
    %c8_i32 = arith.constant 8 : i32
    %cst = arith.constant 16.0 : f64
    %cst_1 = arith.constant 4096.0 : f64
    %cst_2 = arith.constant 2048.0 : f64
    %cst_3 = arith.constant -2048.0 : f64
    %c0_i12 = arith.constant 0 : i12
    %cst_4 = arith.constant 0.00390625 : f64
    %cst_5 = arith.constant 0.5 : f64
    %c0_i16 = arith.constant 0 : i16
    %c0_i32 = arith.constant 0 : i32
    %c16_i32 = arith.constant 16 : i32
    %c256_i16 = arith.constant 256 : i16
    %c0_i8 = arith.constant 0 : i8
    %c16_i8 = arith.constant 16 : i8
    %c1_i16 = arith.constant 1 : i16
    %c-1 = arith.constant -1 : index
    %cst_6 = arith.constant 0.0 : f32
    affine.for %i = 0 to 4 {
      %0 = affine.load %F[%i] {dtype = "fixed(16, 8)", from = "F"} : memref<4xi16>
      %1 = affine.load %U[%i] {dtype = "ufixed(12, 4)", from = "U"} : memref<4xi12>
      %2 = arith.extui %1 : i12 to i16
      %3 = arith.shli %2, %c4_i16 {dtype = "fixed(16, 8)"} : i16
      %4 = arith.extsi %0 : i16 to i32
      %5 = arith.extsi %3 : i16 to i32
      %6 = arith.muli %4, %5 : i32
      %7 = arith.shrsi %6, %c8_i32 : i32
      %8 = arith.trunci %7 {dtype = "fixed(16, 8)"} : i32 to i16
      affine.store %8, %F[%i] {dtype = "fixed(16, 8)", to = "F"} : memref<4xi16>
      %9 = affine.load %X[%i] {from = "X"} : memref<4xf32>
      %10 = arith.extf %9 : f32 to f64
      %11 = arith.mulf %10, %cst : f64
      %12 = math.floor %11 : f64
      %13 = arith.remf %12, %cst_1 : f64
      %14 = arith.cmpf oge, %13, %cst_2 : f64
      %15 = arith.cmpf olt, %13, %cst_3 : f64
      %16 = arith.subf %13, %cst_1 : f64
      %17 = arith.addf %13, %cst_1 : f64
      %18 = arith.select %14, %16, %13 : f64
      %19 = arith.select %15, %17, %18 : f64
      %20 = arith.fptosi %19 : f64 to i12
      %21 = arith.cmpf uno, %13, %13 : f64
      %22 = arith.select %21, %c0_i12, %20 {dtype = "ufixed(12, 4)"} : i12
      affine.store %22, %U[%i] {dtype = "ufixed(12, 4)", to = "U"} : memref<4xi12>
      %23 = affine.load %H[%i] {from = "H"} : memref<4xf16>
      %24 = affine.load %F[%i] {dtype = "fixed(16, 8)", from = "F"} : memref<4xi16>
      %25 = arith.sitofp %24 : i16 to f64
      %26 = arith.mulf %25, %cst_4 : f64
      %27 = arith.truncf %26 : f64 to f16
      %28 = arith.addf %23, %27 : f16
      affine.store %28, %H[%i] {to = "H"} : memref<4xf16>
      %29 = affine.load %X[%i] {from = "X"} : memref<4xf32>
      %30 = arith.extf %29 : f32 to f64
      %31 = math.exp %30 : f64
      %32 = arith.truncf %31 : f64 to f32
      affine.store %32, %X[%i] {to = "X"} : memref<4xf32>
      %33 = affine.load %X[%i] {from = "X"} : memref<4xf32>
      %34 = arith.extf %33 : f32 to f64
      %35 = math.powf %34, %cst_5 : f64
      %36 = arith.truncf %35 : f64 to f32
      affine.store %36, %X[%i] {to = "X"} : memref<4xf32>
      %37 = affine.load %N[%i] {from = "N"} : memref<4xindex>
      %38 = arith.index_cast %37 : index to i32
      %39 = arith.index_cast %i : index to i32
      %40 = arith.muli %38, %39 : i32
      %41 = arith.index_cast %40 : i32 to index
      affine.store %41, %N[%i] {to = "N"} : memref<4xindex>
      %42 = affine.load %S[%i] {from = "S"} : memref<4xi16>
      %43 = affine.load %N[%i] {from = "N"} : memref<4xindex>
      %44 = arith.index_cast %43 : index to i32
      %45 = arith.cmpi slt, %44, %c0_i32 : i32
      %46 = arith.cmpi sge, %44, %c16_i32 : i32
      %47 = arith.trunci %44 : i32 to i16
      %48 = arith.select %45, %c0_i16, %47 : i16
      %49 = arith.select %46, %c0_i16, %48 : i16
      %50 = arith.shrui %42, %49 : i16
      %51 = arith.select %46, %c0_i16, %50 : i16
      affine.store %51, %S[%i] {to = "S"} : memref<4xi16>
      %52 = affine.load %S[%i] {from = "S"} : memref<4xi16>
      %53 = affine.load %F[%i] {dtype = "fixed(16, 8)", from = "F"} : memref<4xi16>
      %54 = arith.divsi %53, %c256_i16 : i16
      %55 = arith.trunci %54 : i16 to i8
      %56 = arith.cmpi slt, %55, %c0_i8 : i8
      %57 = arith.cmpi sge, %55, %c16_i8 : i8
      %58 = arith.extui %55 : i8 to i16
      %59 = arith.select %56, %c0_i16, %58 : i16
      %60 = arith.select %57, %c0_i16, %59 : i16
      %61 = arith.shli %52, %60 : i16
      %62 = arith.select %57, %c0_i16, %61 : i16
      affine.store %62, %S[%i] {to = "S"} : memref<4xi16>
      %63 = affine.load %S[%i] {from = "S"} : memref<4xi16>
      %64 = arith.index_cast %i : index to i32
      %65 = arith.trunci %64 : i32 to i16
      %66 = arith.cmpi eq, %65, %c0_i16 : i16
      %67 = arith.select %66, %c1_i16, %65 : i16
      %68 = arith.remui %63, %67 : i16
      %69 = arith.select %66, %c0_i16, %68 : i16
      affine.store %69, %S[%i] {to = "S"} : memref<4xi16>
      %70 = affine.load %N[%i] {from = "N"} : memref<4xindex>
      %71 = arith.xori %70, %c-1 : index
      affine.store %71, %N[%i] {to = "N"} : memref<4xindex>
      %72 = affine.load %X[%i] {from = "X"} : memref<4xf32>
      %73 = arith.negf %72 : f32
      %74 = arith.cmpf ogt, %73, %cst_6 : f32
      %75 = arith.select %74, %73, %cst_6 : f32
      %76 = arith.cmpf uno, %73, %73 : f32
      %77 = arith.select %76, %73, %75 : f32
      affine.store %77, %X[%i] {to = "X"} : memref<4xf32>
    } {loop_name = "i"}
    return
  }
}
