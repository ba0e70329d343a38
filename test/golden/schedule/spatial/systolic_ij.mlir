// before
module {
  func.func @matmul2(%A: memref<2x3xi8>, %B: memref<3x2xi8>, %C: memref<2x2xi16>) attributes {itypes = "sss", otypes = ""} {
    affine.for %i = 0 to 2 {
      affine.for %j = 0 to 2 {
        affine.for %k = 0 to 3 {
          %0 = affine.load %C[%i, %j] {from = "C"} : memref<2x2xi16>
          %1 = arith.extsi %0 : i16 to i17
          %2 = affine.load %A[%i, %k] {from = "A"} : memref<2x3xi8>
          %3 = arith.extsi %2 : i8 to i16
          %4 = affine.load %B[%k, %j] {from = "B"} : memref<3x2xi8>
          %5 = arith.extsi %4 : i8 to i16
          %6 = arith.muli %3, %5 : i16
          %7 = arith.extsi %6 : i16 to i17
          %8 = arith.addi %1, %7 : i17
          %9 = arith.trunci %8 : i17 to i16
          affine.store %9, %C[%i, %j] {to = "C"} : memref<2x2xi16>
        } {loop_name = "k", op_name = "S_k_0"}
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "PE"}
    return
  }
}
// after
// s.bufferAt("A", "j");
// s.bufferAt("B", "j");
// s.unfold("PE", { axis: [0, 1], factor: [2, 2] });
// s.partition("A", { dim: 0 });
// s.partition("B", { dim: 1 });
// s.partition("C", { dim: [0, 1] });
// s.relay("A_buf", "PE", { axis: 0, depth: 3 });
// s.relay("B_buf", "PE", { axis: 1, depth: 3 });
// streams: memrefs of FIFOs (stream_depth); put/get call the external @stream_put_*/@stream_get_*; spatial regions: scf.execute_region {spatial} holding one scf.execute_region {unit} per unit
module {
  func.func @matmul2(%A: memref<2x3xi8, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>, %B: memref<3x2xi8, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>, %C: memref<2x2xi16, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>) attributes {dataflow, itypes = "sss", otypes = ""} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c0_i8 = arith.constant 0 : i8
    %A_fifo = memref.alloc() {name = "A_fifo", stream_depth = 3 : i32} : memref<2x2xi8>
    %B_fifo = memref.alloc() {name = "B_fifo", stream_depth = 3 : i32} : memref<2x2xi8>
    scf.execute_region {
      scf.execute_region {
        affine.for %k_init_load = 0 to 3 {
          %0 = affine.load %A[0, %k_init_load] {from = "A"} : memref<2x3xi8, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
          func.call @stream_put_2x2xi8(%A_fifo, %c0, %c0, %0) : (memref<2x2xi8>, index, index, i8) -> ()
          %1 = affine.load %A[1, %k_init_load] {from = "A"} : memref<2x3xi8, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
          func.call @stream_put_2x2xi8(%A_fifo, %c1, %c0, %1) : (memref<2x2xi8>, index, index, i8) -> ()
        } {loop_name = "k_init", pipeline_ii = 1 : i32}
        scf.yield
      } {unit = "A_load"}
      scf.execute_region {
        affine.for %k_init_load_1 = 0 to 3 {
          %2 = affine.load %B[%k_init_load_1, 0] {from = "B"} : memref<3x2xi8, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
          func.call @stream_put_2x2xi8(%B_fifo, %c0, %c0, %2) : (memref<2x2xi8>, index, index, i8) -> ()
          %3 = affine.load %B[%k_init_load_1, 1] {from = "B"} : memref<3x2xi8, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
          func.call @stream_put_2x2xi8(%B_fifo, %c0, %c1, %3) : (memref<2x2xi8>, index, index, i8) -> ()
        } {loop_name = "k_init", pipeline_ii = 1 : i32}
        scf.yield
      } {unit = "B_load"}
      scf.execute_region {
        %A_buf = memref.alloc() {name = "A_buf"} : memref<i8>
        affine.store %c0_i8, %A_buf[] {to = "A_buf"} : memref<i8>
        %B_buf = memref.alloc() {name = "B_buf"} : memref<i8>
        affine.store %c0_i8, %B_buf[] {to = "B_buf"} : memref<i8>
        affine.for %k_0_0 = 0 to 3 {
          %4 = func.call @stream_get_2x2xi8(%B_fifo, %c0, %c0) : (memref<2x2xi8>, index, index) -> i8
          affine.store %4, %B_buf[] {to = "B_buf"} : memref<i8>
          %5 = affine.load %B_buf[] {from = "B_buf"} : memref<i8>
          func.call @stream_put_2x2xi8(%B_fifo, %c1, %c0, %5) : (memref<2x2xi8>, index, index, i8) -> ()
          %6 = func.call @stream_get_2x2xi8(%A_fifo, %c0, %c0) : (memref<2x2xi8>, index, index) -> i8
          affine.store %6, %A_buf[] {to = "A_buf"} : memref<i8>
          %7 = affine.load %A_buf[] {from = "A_buf"} : memref<i8>
          func.call @stream_put_2x2xi8(%A_fifo, %c0, %c1, %7) : (memref<2x2xi8>, index, index, i8) -> ()
          %8 = affine.load %C[0, 0] {from = "C"} : memref<2x2xi16, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
          %9 = arith.extsi %8 : i16 to i17
          %10 = affine.load %A_buf[] {from = "A_buf"} : memref<i8>
          %11 = arith.extsi %10 : i8 to i16
          %12 = affine.load %B_buf[] {from = "B_buf"} : memref<i8>
          %13 = arith.extsi %12 : i8 to i16
          %14 = arith.muli %11, %13 : i16
          %15 = arith.extsi %14 : i16 to i17
          %16 = arith.addi %9, %15 : i17
          %17 = arith.trunci %16 : i17 to i16
          affine.store %17, %C[0, 0] {to = "C"} : memref<2x2xi16, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
        } {loop_name = "k", op_name = "S_k_0_0_0"}
        memref.dealloc %B_buf : memref<i8>
        memref.dealloc %A_buf : memref<i8>
        scf.yield
      } {unit = "PE_0_0"}
      scf.execute_region {
        %A_buf_1 = memref.alloc() {name = "A_buf"} : memref<i8>
        affine.store %c0_i8, %A_buf_1[] {to = "A_buf"} : memref<i8>
        %B_buf_1 = memref.alloc() {name = "B_buf"} : memref<i8>
        affine.store %c0_i8, %B_buf_1[] {to = "B_buf"} : memref<i8>
        affine.for %k_0_1 = 0 to 3 {
          %18 = func.call @stream_get_2x2xi8(%B_fifo, %c0, %c1) : (memref<2x2xi8>, index, index) -> i8
          affine.store %18, %B_buf_1[] {to = "B_buf"} : memref<i8>
          %19 = affine.load %B_buf_1[] {from = "B_buf"} : memref<i8>
          func.call @stream_put_2x2xi8(%B_fifo, %c1, %c1, %19) : (memref<2x2xi8>, index, index, i8) -> ()
          %20 = func.call @stream_get_2x2xi8(%A_fifo, %c0, %c1) : (memref<2x2xi8>, index, index) -> i8
          affine.store %20, %A_buf_1[] {to = "A_buf"} : memref<i8>
          %21 = affine.load %C[0, 1] {from = "C"} : memref<2x2xi16, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
          %22 = arith.extsi %21 : i16 to i17
          %23 = affine.load %A_buf_1[] {from = "A_buf"} : memref<i8>
          %24 = arith.extsi %23 : i8 to i16
          %25 = affine.load %B_buf_1[] {from = "B_buf"} : memref<i8>
          %26 = arith.extsi %25 : i8 to i16
          %27 = arith.muli %24, %26 : i16
          %28 = arith.extsi %27 : i16 to i17
          %29 = arith.addi %22, %28 : i17
          %30 = arith.trunci %29 : i17 to i16
          affine.store %30, %C[0, 1] {to = "C"} : memref<2x2xi16, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
        } {loop_name = "k", op_name = "S_k_0_0_1"}
        memref.dealloc %B_buf_1 : memref<i8>
        memref.dealloc %A_buf_1 : memref<i8>
        scf.yield
      } {unit = "PE_0_1"}
      scf.execute_region {
        %A_buf_2 = memref.alloc() {name = "A_buf"} : memref<i8>
        affine.store %c0_i8, %A_buf_2[] {to = "A_buf"} : memref<i8>
        %B_buf_2 = memref.alloc() {name = "B_buf"} : memref<i8>
        affine.store %c0_i8, %B_buf_2[] {to = "B_buf"} : memref<i8>
        affine.for %k_1_0 = 0 to 3 {
          %31 = func.call @stream_get_2x2xi8(%B_fifo, %c1, %c0) : (memref<2x2xi8>, index, index) -> i8
          affine.store %31, %B_buf_2[] {to = "B_buf"} : memref<i8>
          %32 = func.call @stream_get_2x2xi8(%A_fifo, %c1, %c0) : (memref<2x2xi8>, index, index) -> i8
          affine.store %32, %A_buf_2[] {to = "A_buf"} : memref<i8>
          %33 = affine.load %A_buf_2[] {from = "A_buf"} : memref<i8>
          func.call @stream_put_2x2xi8(%A_fifo, %c1, %c1, %33) : (memref<2x2xi8>, index, index, i8) -> ()
          %34 = affine.load %C[1, 0] {from = "C"} : memref<2x2xi16, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
          %35 = arith.extsi %34 : i16 to i17
          %36 = affine.load %A_buf_2[] {from = "A_buf"} : memref<i8>
          %37 = arith.extsi %36 : i8 to i16
          %38 = affine.load %B_buf_2[] {from = "B_buf"} : memref<i8>
          %39 = arith.extsi %38 : i8 to i16
          %40 = arith.muli %37, %39 : i16
          %41 = arith.extsi %40 : i16 to i17
          %42 = arith.addi %35, %41 : i17
          %43 = arith.trunci %42 : i17 to i16
          affine.store %43, %C[1, 0] {to = "C"} : memref<2x2xi16, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
        } {loop_name = "k", op_name = "S_k_0_1_0"}
        memref.dealloc %B_buf_2 : memref<i8>
        memref.dealloc %A_buf_2 : memref<i8>
        scf.yield
      } {unit = "PE_1_0"}
      scf.execute_region {
        %A_buf_3 = memref.alloc() {name = "A_buf"} : memref<i8>
        affine.store %c0_i8, %A_buf_3[] {to = "A_buf"} : memref<i8>
        %B_buf_3 = memref.alloc() {name = "B_buf"} : memref<i8>
        affine.store %c0_i8, %B_buf_3[] {to = "B_buf"} : memref<i8>
        affine.for %k_1_1 = 0 to 3 {
          %44 = func.call @stream_get_2x2xi8(%B_fifo, %c1, %c1) : (memref<2x2xi8>, index, index) -> i8
          affine.store %44, %B_buf_3[] {to = "B_buf"} : memref<i8>
          %45 = func.call @stream_get_2x2xi8(%A_fifo, %c1, %c1) : (memref<2x2xi8>, index, index) -> i8
          affine.store %45, %A_buf_3[] {to = "A_buf"} : memref<i8>
          %46 = affine.load %C[1, 1] {from = "C"} : memref<2x2xi16, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
          %47 = arith.extsi %46 : i16 to i17
          %48 = affine.load %A_buf_3[] {from = "A_buf"} : memref<i8>
          %49 = arith.extsi %48 : i8 to i16
          %50 = affine.load %B_buf_3[] {from = "B_buf"} : memref<i8>
          %51 = arith.extsi %50 : i8 to i16
          %52 = arith.muli %49, %51 : i16
          %53 = arith.extsi %52 : i16 to i17
          %54 = arith.addi %47, %53 : i17
          %55 = arith.trunci %54 : i17 to i16
          affine.store %55, %C[1, 1] {to = "C"} : memref<2x2xi16, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
        } {loop_name = "k", op_name = "S_k_0_1_1"}
        memref.dealloc %B_buf_3 : memref<i8>
        memref.dealloc %A_buf_3 : memref<i8>
        scf.yield
      } {unit = "PE_1_1"}
      scf.yield
    } {spatial = "PE"}
    memref.dealloc %B_fifo : memref<2x2xi8>
    memref.dealloc %A_fifo : memref<2x2xi8>
    return
  }
  func.func private @stream_get_2x2xi8(memref<2x2xi8>, index, index) -> i8
  func.func private @stream_put_2x2xi8(memref<2x2xi8>, index, index, i8)
}
