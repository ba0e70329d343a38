// before
module {
  func.func @matmul(%A: memref<4x8xi8>, %B: memref<8x4xi8>, %C: memref<4x4xi16>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 4 {
      affine.for %j = 0 to 4 {
        affine.for %k = 0 to 8 {
          %0 = affine.load %C[%i, %j] {from = "C"} : memref<4x4xi16>
          %1 = arith.extsi %0 : i16 to i17
          %2 = affine.load %A[%i, %k] {from = "A"} : memref<4x8xi8>
          %3 = arith.extsi %2 : i8 to i16
          %4 = affine.load %B[%k, %j] {from = "B"} : memref<8x4xi8>
          %5 = arith.extsi %4 : i8 to i16
          %6 = arith.muli %3, %5 : i16
          %7 = arith.extsi %6 : i16 to i17
          %8 = arith.addi %1, %7 : i17
          %9 = arith.trunci %8 : i17 to i16
          affine.store %9, %C[%i, %j] {to = "C"} : memref<4x4xi16>
        } {loop_name = "k", op_name = "S_k_0"}
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "PE"}
    return
  }
}
// after
// s.unfold("PE", { axis: [0, 1], factor: [4, 4] });
// streams: memrefs of FIFOs (stream_depth); put/get call the external @stream_put_*/@stream_get_*; spatial regions: scf.execute_region {spatial} holding one scf.execute_region {unit} per unit
module {
  func.func @matmul(%A: memref<4x8xi8>, %B: memref<8x4xi8>, %C: memref<4x4xi16>) attributes {itypes = "sss", otypes = ""} {
    scf.execute_region {
      scf.execute_region {
        affine.for %k_0_0 = 0 to 8 {
          %0 = affine.load %C[0, 0] {from = "C"} : memref<4x4xi16>
          %1 = arith.extsi %0 : i16 to i17
          %2 = affine.load %A[0, %k_0_0] {from = "A"} : memref<4x8xi8>
          %3 = arith.extsi %2 : i8 to i16
          %4 = affine.load %B[%k_0_0, 0] {from = "B"} : memref<8x4xi8>
          %5 = arith.extsi %4 : i8 to i16
          %6 = arith.muli %3, %5 : i16
          %7 = arith.extsi %6 : i16 to i17
          %8 = arith.addi %1, %7 : i17
          %9 = arith.trunci %8 : i17 to i16
          affine.store %9, %C[0, 0] {to = "C"} : memref<4x4xi16>
        } {loop_name = "k", op_name = "S_k_0_0_0"}
        scf.yield
      } {unit = "PE_0_0"}
      scf.execute_region {
        affine.for %k_0_1 = 0 to 8 {
          %10 = affine.load %C[0, 1] {from = "C"} : memref<4x4xi16>
          %11 = arith.extsi %10 : i16 to i17
          %12 = affine.load %A[0, %k_0_1] {from = "A"} : memref<4x8xi8>
          %13 = arith.extsi %12 : i8 to i16
          %14 = affine.load %B[%k_0_1, 1] {from = "B"} : memref<8x4xi8>
          %15 = arith.extsi %14 : i8 to i16
          %16 = arith.muli %13, %15 : i16
          %17 = arith.extsi %16 : i16 to i17
          %18 = arith.addi %11, %17 : i17
          %19 = arith.trunci %18 : i17 to i16
          affine.store %19, %C[0, 1] {to = "C"} : memref<4x4xi16>
        } {loop_name = "k", op_name = "S_k_0_0_1"}
        scf.yield
      } {unit = "PE_0_1"}
      scf.execute_region {
        affine.for %k_0_2 = 0 to 8 {
          %20 = affine.load %C[0, 2] {from = "C"} : memref<4x4xi16>
          %21 = arith.extsi %20 : i16 to i17
          %22 = affine.load %A[0, %k_0_2] {from = "A"} : memref<4x8xi8>
          %23 = arith.extsi %22 : i8 to i16
          %24 = affine.load %B[%k_0_2, 2] {from = "B"} : memref<8x4xi8>
          %25 = arith.extsi %24 : i8 to i16
          %26 = arith.muli %23, %25 : i16
          %27 = arith.extsi %26 : i16 to i17
          %28 = arith.addi %21, %27 : i17
          %29 = arith.trunci %28 : i17 to i16
          affine.store %29, %C[0, 2] {to = "C"} : memref<4x4xi16>
        } {loop_name = "k", op_name = "S_k_0_0_2"}
        scf.yield
      } {unit = "PE_0_2"}
      scf.execute_region {
        affine.for %k_0_3 = 0 to 8 {
          %30 = affine.load %C[0, 3] {from = "C"} : memref<4x4xi16>
          %31 = arith.extsi %30 : i16 to i17
          %32 = affine.load %A[0, %k_0_3] {from = "A"} : memref<4x8xi8>
          %33 = arith.extsi %32 : i8 to i16
          %34 = affine.load %B[%k_0_3, 3] {from = "B"} : memref<8x4xi8>
          %35 = arith.extsi %34 : i8 to i16
          %36 = arith.muli %33, %35 : i16
          %37 = arith.extsi %36 : i16 to i17
          %38 = arith.addi %31, %37 : i17
          %39 = arith.trunci %38 : i17 to i16
          affine.store %39, %C[0, 3] {to = "C"} : memref<4x4xi16>
        } {loop_name = "k", op_name = "S_k_0_0_3"}
        scf.yield
      } {unit = "PE_0_3"}
      scf.execute_region {
        affine.for %k_1_0 = 0 to 8 {
          %40 = affine.load %C[1, 0] {from = "C"} : memref<4x4xi16>
          %41 = arith.extsi %40 : i16 to i17
          %42 = affine.load %A[1, %k_1_0] {from = "A"} : memref<4x8xi8>
          %43 = arith.extsi %42 : i8 to i16
          %44 = affine.load %B[%k_1_0, 0] {from = "B"} : memref<8x4xi8>
          %45 = arith.extsi %44 : i8 to i16
          %46 = arith.muli %43, %45 : i16
          %47 = arith.extsi %46 : i16 to i17
          %48 = arith.addi %41, %47 : i17
          %49 = arith.trunci %48 : i17 to i16
          affine.store %49, %C[1, 0] {to = "C"} : memref<4x4xi16>
        } {loop_name = "k", op_name = "S_k_0_1_0"}
        scf.yield
      } {unit = "PE_1_0"}
      scf.execute_region {
        affine.for %k_1_1 = 0 to 8 {
          %50 = affine.load %C[1, 1] {from = "C"} : memref<4x4xi16>
          %51 = arith.extsi %50 : i16 to i17
          %52 = affine.load %A[1, %k_1_1] {from = "A"} : memref<4x8xi8>
          %53 = arith.extsi %52 : i8 to i16
          %54 = affine.load %B[%k_1_1, 1] {from = "B"} : memref<8x4xi8>
          %55 = arith.extsi %54 : i8 to i16
          %56 = arith.muli %53, %55 : i16
          %57 = arith.extsi %56 : i16 to i17
          %58 = arith.addi %51, %57 : i17
          %59 = arith.trunci %58 : i17 to i16
          affine.store %59, %C[1, 1] {to = "C"} : memref<4x4xi16>
        } {loop_name = "k", op_name = "S_k_0_1_1"}
        scf.yield
      } {unit = "PE_1_1"}
      scf.execute_region {
        affine.for %k_1_2 = 0 to 8 {
          %60 = affine.load %C[1, 2] {from = "C"} : memref<4x4xi16>
          %61 = arith.extsi %60 : i16 to i17
          %62 = affine.load %A[1, %k_1_2] {from = "A"} : memref<4x8xi8>
          %63 = arith.extsi %62 : i8 to i16
          %64 = affine.load %B[%k_1_2, 2] {from = "B"} : memref<8x4xi8>
          %65 = arith.extsi %64 : i8 to i16
          %66 = arith.muli %63, %65 : i16
          %67 = arith.extsi %66 : i16 to i17
          %68 = arith.addi %61, %67 : i17
          %69 = arith.trunci %68 : i17 to i16
          affine.store %69, %C[1, 2] {to = "C"} : memref<4x4xi16>
        } {loop_name = "k", op_name = "S_k_0_1_2"}
        scf.yield
      } {unit = "PE_1_2"}
      scf.execute_region {
        affine.for %k_1_3 = 0 to 8 {
          %70 = affine.load %C[1, 3] {from = "C"} : memref<4x4xi16>
          %71 = arith.extsi %70 : i16 to i17
          %72 = affine.load %A[1, %k_1_3] {from = "A"} : memref<4x8xi8>
          %73 = arith.extsi %72 : i8 to i16
          %74 = affine.load %B[%k_1_3, 3] {from = "B"} : memref<8x4xi8>
          %75 = arith.extsi %74 : i8 to i16
          %76 = arith.muli %73, %75 : i16
          %77 = arith.extsi %76 : i16 to i17
          %78 = arith.addi %71, %77 : i17
          %79 = arith.trunci %78 : i17 to i16
          affine.store %79, %C[1, 3] {to = "C"} : memref<4x4xi16>
        } {loop_name = "k", op_name = "S_k_0_1_3"}
        scf.yield
      } {unit = "PE_1_3"}
      scf.execute_region {
        affine.for %k_2_0 = 0 to 8 {
          %80 = affine.load %C[2, 0] {from = "C"} : memref<4x4xi16>
          %81 = arith.extsi %80 : i16 to i17
          %82 = affine.load %A[2, %k_2_0] {from = "A"} : memref<4x8xi8>
          %83 = arith.extsi %82 : i8 to i16
          %84 = affine.load %B[%k_2_0, 0] {from = "B"} : memref<8x4xi8>
          %85 = arith.extsi %84 : i8 to i16
          %86 = arith.muli %83, %85 : i16
          %87 = arith.extsi %86 : i16 to i17
          %88 = arith.addi %81, %87 : i17
          %89 = arith.trunci %88 : i17 to i16
          affine.store %89, %C[2, 0] {to = "C"} : memref<4x4xi16>
        } {loop_name = "k", op_name = "S_k_0_2_0"}
        scf.yield
      } {unit = "PE_2_0"}
      scf.execute_region {
        affine.for %k_2_1 = 0 to 8 {
          %90 = affine.load %C[2, 1] {from = "C"} : memref<4x4xi16>
          %91 = arith.extsi %90 : i16 to i17
          %92 = affine.load %A[2, %k_2_1] {from = "A"} : memref<4x8xi8>
          %93 = arith.extsi %92 : i8 to i16
          %94 = affine.load %B[%k_2_1, 1] {from = "B"} : memref<8x4xi8>
          %95 = arith.extsi %94 : i8 to i16
          %96 = arith.muli %93, %95 : i16
          %97 = arith.extsi %96 : i16 to i17
          %98 = arith.addi %91, %97 : i17
          %99 = arith.trunci %98 : i17 to i16
          affine.store %99, %C[2, 1] {to = "C"} : memref<4x4xi16>
        } {loop_name = "k", op_name = "S_k_0_2_1"}
        scf.yield
      } {unit = "PE_2_1"}
      scf.execute_region {
        affine.for %k_2_2 = 0 to 8 {
          %100 = affine.load %C[2, 2] {from = "C"} : memref<4x4xi16>
          %101 = arith.extsi %100 : i16 to i17
          %102 = affine.load %A[2, %k_2_2] {from = "A"} : memref<4x8xi8>
          %103 = arith.extsi %102 : i8 to i16
          %104 = affine.load %B[%k_2_2, 2] {from = "B"} : memref<8x4xi8>
          %105 = arith.extsi %104 : i8 to i16
          %106 = arith.muli %103, %105 : i16
          %107 = arith.extsi %106 : i16 to i17
          %108 = arith.addi %101, %107 : i17
          %109 = arith.trunci %108 : i17 to i16
          affine.store %109, %C[2, 2] {to = "C"} : memref<4x4xi16>
        } {loop_name = "k", op_name = "S_k_0_2_2"}
        scf.yield
      } {unit = "PE_2_2"}
      scf.execute_region {
        affine.for %k_2_3 = 0 to 8 {
          %110 = affine.load %C[2, 3] {from = "C"} : memref<4x4xi16>
          %111 = arith.extsi %110 : i16 to i17
          %112 = affine.load %A[2, %k_2_3] {from = "A"} : memref<4x8xi8>
          %113 = arith.extsi %112 : i8 to i16
          %114 = affine.load %B[%k_2_3, 3] {from = "B"} : memref<8x4xi8>
          %115 = arith.extsi %114 : i8 to i16
          %116 = arith.muli %113, %115 : i16
          %117 = arith.extsi %116 : i16 to i17
          %118 = arith.addi %111, %117 : i17
          %119 = arith.trunci %118 : i17 to i16
          affine.store %119, %C[2, 3] {to = "C"} : memref<4x4xi16>
        } {loop_name = "k", op_name = "S_k_0_2_3"}
        scf.yield
      } {unit = "PE_2_3"}
      scf.execute_region {
        affine.for %k_3_0 = 0 to 8 {
          %120 = affine.load %C[3, 0] {from = "C"} : memref<4x4xi16>
          %121 = arith.extsi %120 : i16 to i17
          %122 = affine.load %A[3, %k_3_0] {from = "A"} : memref<4x8xi8>
          %123 = arith.extsi %122 : i8 to i16
          %124 = affine.load %B[%k_3_0, 0] {from = "B"} : memref<8x4xi8>
          %125 = arith.extsi %124 : i8 to i16
          %126 = arith.muli %123, %125 : i16
          %127 = arith.extsi %126 : i16 to i17
          %128 = arith.addi %121, %127 : i17
          %129 = arith.trunci %128 : i17 to i16
          affine.store %129, %C[3, 0] {to = "C"} : memref<4x4xi16>
        } {loop_name = "k", op_name = "S_k_0_3_0"}
        scf.yield
      } {unit = "PE_3_0"}
      scf.execute_region {
        affine.for %k_3_1 = 0 to 8 {
          %130 = affine.load %C[3, 1] {from = "C"} : memref<4x4xi16>
          %131 = arith.extsi %130 : i16 to i17
          %132 = affine.load %A[3, %k_3_1] {from = "A"} : memref<4x8xi8>
          %133 = arith.extsi %132 : i8 to i16
          %134 = affine.load %B[%k_3_1, 1] {from = "B"} : memref<8x4xi8>
          %135 = arith.extsi %134 : i8 to i16
          %136 = arith.muli %133, %135 : i16
          %137 = arith.extsi %136 : i16 to i17
          %138 = arith.addi %131, %137 : i17
          %139 = arith.trunci %138 : i17 to i16
          affine.store %139, %C[3, 1] {to = "C"} : memref<4x4xi16>
        } {loop_name = "k", op_name = "S_k_0_3_1"}
        scf.yield
      } {unit = "PE_3_1"}
      scf.execute_region {
        affine.for %k_3_2 = 0 to 8 {
          %140 = affine.load %C[3, 2] {from = "C"} : memref<4x4xi16>
          %141 = arith.extsi %140 : i16 to i17
          %142 = affine.load %A[3, %k_3_2] {from = "A"} : memref<4x8xi8>
          %143 = arith.extsi %142 : i8 to i16
          %144 = affine.load %B[%k_3_2, 2] {from = "B"} : memref<8x4xi8>
          %145 = arith.extsi %144 : i8 to i16
          %146 = arith.muli %143, %145 : i16
          %147 = arith.extsi %146 : i16 to i17
          %148 = arith.addi %141, %147 : i17
          %149 = arith.trunci %148 : i17 to i16
          affine.store %149, %C[3, 2] {to = "C"} : memref<4x4xi16>
        } {loop_name = "k", op_name = "S_k_0_3_2"}
        scf.yield
      } {unit = "PE_3_2"}
      scf.execute_region {
        affine.for %k_3_3 = 0 to 8 {
          %150 = affine.load %C[3, 3] {from = "C"} : memref<4x4xi16>
          %151 = arith.extsi %150 : i16 to i17
          %152 = affine.load %A[3, %k_3_3] {from = "A"} : memref<4x8xi8>
          %153 = arith.extsi %152 : i8 to i16
          %154 = affine.load %B[%k_3_3, 3] {from = "B"} : memref<8x4xi8>
          %155 = arith.extsi %154 : i8 to i16
          %156 = arith.muli %153, %155 : i16
          %157 = arith.extsi %156 : i16 to i17
          %158 = arith.addi %151, %157 : i17
          %159 = arith.trunci %158 : i17 to i16
          affine.store %159, %C[3, 3] {to = "C"} : memref<4x4xi16>
        } {loop_name = "k", op_name = "S_k_0_3_3"}
        scf.yield
      } {unit = "PE_3_3"}
      scf.yield
    } {spatial = "PE"}
    return
  }
}
