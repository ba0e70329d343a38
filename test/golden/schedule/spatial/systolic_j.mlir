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
// s.unfold("PE", { axis: 1, factor: 2 });
// s.partition("B", { dim: 1 });
// s.partition("C", { dim: 1 });
// s.relay("A_buf", "PE", { axis: 0 });
// s.relay("B_buf", "PE", { axis: 1 });
// streams: memrefs of FIFOs (stream_depth); put/get call the external @stream_put_*/@stream_get_*; spatial regions: scf.execute_region {spatial} holding one scf.execute_region {unit} per unit
module {
  func.func @matmul2(%A: memref<2x3xi8>, %B: memref<3x2xi8, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>, %C: memref<2x2xi16, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>) attributes {dataflow, itypes = "sss", otypes = ""} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c0_i8 = arith.constant 0 : i8
    %A_fifo = memref.alloc() {name = "A_fifo", stream_depth = 3 : i32} : memref<2xi8>
    %B_fifo = memref.alloc() {name = "B_fifo", stream_depth = 3 : i32} : memref<2xi8>
    scf.execute_region {
      scf.execute_region {
        affine.for %i_load = 0 to 2 {
          affine.for %k_init_load = 0 to 3 {
            %0 = affine.load %A[%i_load, %k_init_load] {from = "A"} : memref<2x3xi8>
            func.call @stream_put_2xi8(%A_fifo, %c0, %0) : (memref<2xi8>, index, i8) -> ()
          } {loop_name = "k_init", pipeline_ii = 1 : i32}
        } {loop_name = "i"}
        scf.yield
      } {unit = "A_load"}
      scf.execute_region {
        affine.for %i_load_1 = 0 to 2 {
          affine.for %k_init_load_1 = 0 to 3 {
            %1 = affine.load %B[%k_init_load_1, 0] {from = "B"} : memref<3x2xi8, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
            func.call @stream_put_2xi8(%B_fifo, %c0, %1) : (memref<2xi8>, index, i8) -> ()
            %2 = affine.load %B[%k_init_load_1, 1] {from = "B"} : memref<3x2xi8, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
            func.call @stream_put_2xi8(%B_fifo, %c1, %2) : (memref<2xi8>, index, i8) -> ()
          } {loop_name = "k_init", pipeline_ii = 1 : i32}
        } {loop_name = "i"}
        scf.yield
      } {unit = "B_load"}
      scf.execute_region {
        affine.for %i_0 = 0 to 2 {
          %A_buf = memref.alloc() {name = "A_buf"} : memref<i8>
          affine.store %c0_i8, %A_buf[] {to = "A_buf"} : memref<i8>
          %B_buf = memref.alloc() {name = "B_buf"} : memref<i8>
          affine.store %c0_i8, %B_buf[] {to = "B_buf"} : memref<i8>
          affine.for %k_0 = 0 to 3 {
            %3 = func.call @stream_get_2xi8(%B_fifo, %c0) : (memref<2xi8>, index) -> i8
            affine.store %3, %B_buf[] {to = "B_buf"} : memref<i8>
            %4 = func.call @stream_get_2xi8(%A_fifo, %c0) : (memref<2xi8>, index) -> i8
            affine.store %4, %A_buf[] {to = "A_buf"} : memref<i8>
            %5 = affine.load %A_buf[] {from = "A_buf"} : memref<i8>
            func.call @stream_put_2xi8(%A_fifo, %c1, %5) : (memref<2xi8>, index, i8) -> ()
            %6 = affine.load %C[%i_0, 0] {from = "C"} : memref<2x2xi16, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
            %7 = arith.extsi %6 : i16 to i17
            %8 = affine.load %A_buf[] {from = "A_buf"} : memref<i8>
            %9 = arith.extsi %8 : i8 to i16
            %10 = affine.load %B_buf[] {from = "B_buf"} : memref<i8>
            %11 = arith.extsi %10 : i8 to i16
            %12 = arith.muli %9, %11 : i16
            %13 = arith.extsi %12 : i16 to i17
            %14 = arith.addi %7, %13 : i17
            %15 = arith.trunci %14 : i17 to i16
            affine.store %15, %C[%i_0, 0] {to = "C"} : memref<2x2xi16, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
          } {loop_name = "k", op_name = "S_k_0_0"}
          memref.dealloc %B_buf : memref<i8>
          memref.dealloc %A_buf : memref<i8>
        } {loop_name = "i", op_name = "PE_0"}
        scf.yield
      } {unit = "PE_0"}
      scf.execute_region {
        affine.for %i_1 = 0 to 2 {
          %A_buf_1 = memref.alloc() {name = "A_buf"} : memref<i8>
          affine.store %c0_i8, %A_buf_1[] {to = "A_buf"} : memref<i8>
          %B_buf_1 = memref.alloc() {name = "B_buf"} : memref<i8>
          affine.store %c0_i8, %B_buf_1[] {to = "B_buf"} : memref<i8>
          affine.for %k_1 = 0 to 3 {
            %16 = func.call @stream_get_2xi8(%B_fifo, %c1) : (memref<2xi8>, index) -> i8
            affine.store %16, %B_buf_1[] {to = "B_buf"} : memref<i8>
            %17 = func.call @stream_get_2xi8(%A_fifo, %c1) : (memref<2xi8>, index) -> i8
            affine.store %17, %A_buf_1[] {to = "A_buf"} : memref<i8>
            %18 = affine.load %C[%i_1, 1] {from = "C"} : memref<2x2xi16, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
            %19 = arith.extsi %18 : i16 to i17
            %20 = affine.load %A_buf_1[] {from = "A_buf"} : memref<i8>
            %21 = arith.extsi %20 : i8 to i16
            %22 = affine.load %B_buf_1[] {from = "B_buf"} : memref<i8>
            %23 = arith.extsi %22 : i8 to i16
            %24 = arith.muli %21, %23 : i16
            %25 = arith.extsi %24 : i16 to i17
            %26 = arith.addi %19, %25 : i17
            %27 = arith.trunci %26 : i17 to i16
            affine.store %27, %C[%i_1, 1] {to = "C"} : memref<2x2xi16, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
          } {loop_name = "k", op_name = "S_k_0_1"}
          memref.dealloc %B_buf_1 : memref<i8>
          memref.dealloc %A_buf_1 : memref<i8>
        } {loop_name = "i", op_name = "PE_1"}
        scf.yield
      } {unit = "PE_1"}
      scf.yield
    } {spatial = "PE"}
    memref.dealloc %B_fifo : memref<2xi8>
    memref.dealloc %A_fifo : memref<2xi8>
    return
  }
  func.func private @stream_get_2xi8(memref<2xi8>, index) -> i8
  func.func private @stream_put_2xi8(memref<2xi8>, index, i8)
}
