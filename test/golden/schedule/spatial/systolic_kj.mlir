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
// s.reorder("k", "j", "i");
// s.bufferAt("A", "j");
// s.bufferAt("C", "j");
// s.unfold("PE", { axis: [0, 1], factor: [3, 2] });
// s.partition("A", { dim: 0 });
// s.partition("B", { dim: [0, 1] });
// s.partition("C", { dim: 1 });
// s.relay("A_buf", "PE", { axis: 0 });
// s.relay("C_buf", "PE", { axis: 1 });
// streams: memrefs of FIFOs (stream_depth); put/get call the external @stream_put_*/@stream_get_*; spatial regions: scf.execute_region {spatial} holding one scf.execute_region {unit} per unit
module {
  func.func @matmul2(%A: memref<2x3xi8, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>, %B: memref<3x2xi8, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>, %C: memref<2x2xi16, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>) attributes {dataflow, itypes = "sss", otypes = ""} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %c3 = arith.constant 3 : index
    %c0_i8 = arith.constant 0 : i8
    %c0_i16 = arith.constant 0 : i16
    %A_fifo = memref.alloc() {name = "A_fifo", stream_depth = 2 : i32} : memref<3x2xi8>
    %C_fifo = memref.alloc() {name = "C_fifo", stream_depth = 2 : i32} : memref<4x2xi16>
    scf.execute_region {
      scf.execute_region {
        affine.for %i_init_load = 0 to 2 {
          %0 = affine.load %A[%i_init_load, 0] {from = "A"} : memref<2x3xi8, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
          func.call @stream_put_3x2xi8(%A_fifo, %c0, %c0, %0) : (memref<3x2xi8>, index, index, i8) -> ()
          %1 = affine.load %A[%i_init_load, 1] {from = "A"} : memref<2x3xi8, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
          func.call @stream_put_3x2xi8(%A_fifo, %c1, %c0, %1) : (memref<3x2xi8>, index, index, i8) -> ()
          %2 = affine.load %A[%i_init_load, 2] {from = "A"} : memref<2x3xi8, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
          func.call @stream_put_3x2xi8(%A_fifo, %c2, %c0, %2) : (memref<3x2xi8>, index, index, i8) -> ()
        } {loop_name = "i_init", pipeline_ii = 1 : i32}
        scf.yield
      } {unit = "A_load"}
      scf.execute_region {
        affine.for %i_init_io = 0 to 2 {
          %3 = affine.load %C[%i_init_io, 0] {from = "C"} : memref<2x2xi16, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
          func.call @stream_put_4x2xi16(%C_fifo, %c0, %c0, %3) : (memref<4x2xi16>, index, index, i16) -> ()
          %4 = affine.load %C[%i_init_io, 1] {from = "C"} : memref<2x2xi16, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
          func.call @stream_put_4x2xi16(%C_fifo, %c0, %c1, %4) : (memref<4x2xi16>, index, index, i16) -> ()
        } {loop_name = "i_init", pipeline_ii = 1 : i32}
        affine.for %i_back_io = 0 to 2 {
          %5 = func.call @stream_get_4x2xi16(%C_fifo, %c3, %c0) : (memref<4x2xi16>, index, index) -> i16
          affine.store %5, %C[%i_back_io, 0] {to = "C"} : memref<2x2xi16, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
          %6 = func.call @stream_get_4x2xi16(%C_fifo, %c3, %c1) : (memref<4x2xi16>, index, index) -> i16
          affine.store %6, %C[%i_back_io, 1] {to = "C"} : memref<2x2xi16, affine_map<(d0, d1) -> (d0, 0, 0, d1)>>
        } {loop_name = "i_back", pipeline_ii = 1 : i32}
        scf.yield
      } {unit = "C_io"}
      scf.execute_region {
        %A_buf = memref.alloc() {name = "A_buf"} : memref<i8>
        affine.store %c0_i8, %A_buf[] {to = "A_buf"} : memref<i8>
        %C_buf = memref.alloc() {name = "C_buf"} : memref<i16>
        affine.store %c0_i16, %C_buf[] {to = "C_buf"} : memref<i16>
        affine.for %i_0_0 = 0 to 2 {
          %7 = func.call @stream_get_4x2xi16(%C_fifo, %c0, %c0) : (memref<4x2xi16>, index, index) -> i16
          affine.store %7, %C_buf[] {to = "C_buf"} : memref<i16>
          %8 = func.call @stream_get_3x2xi8(%A_fifo, %c0, %c0) : (memref<3x2xi8>, index, index) -> i8
          affine.store %8, %A_buf[] {to = "A_buf"} : memref<i8>
          %9 = affine.load %A_buf[] {from = "A_buf"} : memref<i8>
          func.call @stream_put_3x2xi8(%A_fifo, %c0, %c1, %9) : (memref<3x2xi8>, index, index, i8) -> ()
          %10 = affine.load %C_buf[] {from = "C_buf"} : memref<i16>
          %11 = arith.extsi %10 : i16 to i17
          %12 = affine.load %A_buf[] {from = "A_buf"} : memref<i8>
          %13 = arith.extsi %12 : i8 to i16
          %14 = affine.load %B[0, 0] {from = "B"} : memref<3x2xi8, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
          %15 = arith.extsi %14 : i8 to i16
          %16 = arith.muli %13, %15 : i16
          %17 = arith.extsi %16 : i16 to i17
          %18 = arith.addi %11, %17 : i17
          %19 = arith.trunci %18 : i17 to i16
          affine.store %19, %C_buf[] {to = "C_buf"} : memref<i16>
          %20 = affine.load %C_buf[] {from = "C_buf"} : memref<i16>
          func.call @stream_put_4x2xi16(%C_fifo, %c1, %c0, %20) : (memref<4x2xi16>, index, index, i16) -> ()
        } {loop_name = "i", op_name = "S_k_0_0_0"}
        memref.dealloc %C_buf : memref<i16>
        memref.dealloc %A_buf : memref<i8>
        scf.yield
      } {unit = "PE_0_0"}
      scf.execute_region {
        %A_buf_1 = memref.alloc() {name = "A_buf"} : memref<i8>
        affine.store %c0_i8, %A_buf_1[] {to = "A_buf"} : memref<i8>
        %C_buf_1 = memref.alloc() {name = "C_buf"} : memref<i16>
        affine.store %c0_i16, %C_buf_1[] {to = "C_buf"} : memref<i16>
        affine.for %i_0_1 = 0 to 2 {
          %21 = func.call @stream_get_4x2xi16(%C_fifo, %c0, %c1) : (memref<4x2xi16>, index, index) -> i16
          affine.store %21, %C_buf_1[] {to = "C_buf"} : memref<i16>
          %22 = func.call @stream_get_3x2xi8(%A_fifo, %c0, %c1) : (memref<3x2xi8>, index, index) -> i8
          affine.store %22, %A_buf_1[] {to = "A_buf"} : memref<i8>
          %23 = affine.load %C_buf_1[] {from = "C_buf"} : memref<i16>
          %24 = arith.extsi %23 : i16 to i17
          %25 = affine.load %A_buf_1[] {from = "A_buf"} : memref<i8>
          %26 = arith.extsi %25 : i8 to i16
          %27 = affine.load %B[0, 1] {from = "B"} : memref<3x2xi8, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
          %28 = arith.extsi %27 : i8 to i16
          %29 = arith.muli %26, %28 : i16
          %30 = arith.extsi %29 : i16 to i17
          %31 = arith.addi %24, %30 : i17
          %32 = arith.trunci %31 : i17 to i16
          affine.store %32, %C_buf_1[] {to = "C_buf"} : memref<i16>
          %33 = affine.load %C_buf_1[] {from = "C_buf"} : memref<i16>
          func.call @stream_put_4x2xi16(%C_fifo, %c1, %c1, %33) : (memref<4x2xi16>, index, index, i16) -> ()
        } {loop_name = "i", op_name = "S_k_0_0_1"}
        memref.dealloc %C_buf_1 : memref<i16>
        memref.dealloc %A_buf_1 : memref<i8>
        scf.yield
      } {unit = "PE_0_1"}
      scf.execute_region {
        %A_buf_2 = memref.alloc() {name = "A_buf"} : memref<i8>
        affine.store %c0_i8, %A_buf_2[] {to = "A_buf"} : memref<i8>
        %C_buf_2 = memref.alloc() {name = "C_buf"} : memref<i16>
        affine.store %c0_i16, %C_buf_2[] {to = "C_buf"} : memref<i16>
        affine.for %i_1_0 = 0 to 2 {
          %34 = func.call @stream_get_4x2xi16(%C_fifo, %c1, %c0) : (memref<4x2xi16>, index, index) -> i16
          affine.store %34, %C_buf_2[] {to = "C_buf"} : memref<i16>
          %35 = func.call @stream_get_3x2xi8(%A_fifo, %c1, %c0) : (memref<3x2xi8>, index, index) -> i8
          affine.store %35, %A_buf_2[] {to = "A_buf"} : memref<i8>
          %36 = affine.load %A_buf_2[] {from = "A_buf"} : memref<i8>
          func.call @stream_put_3x2xi8(%A_fifo, %c1, %c1, %36) : (memref<3x2xi8>, index, index, i8) -> ()
          %37 = affine.load %C_buf_2[] {from = "C_buf"} : memref<i16>
          %38 = arith.extsi %37 : i16 to i17
          %39 = affine.load %A_buf_2[] {from = "A_buf"} : memref<i8>
          %40 = arith.extsi %39 : i8 to i16
          %41 = affine.load %B[1, 0] {from = "B"} : memref<3x2xi8, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
          %42 = arith.extsi %41 : i8 to i16
          %43 = arith.muli %40, %42 : i16
          %44 = arith.extsi %43 : i16 to i17
          %45 = arith.addi %38, %44 : i17
          %46 = arith.trunci %45 : i17 to i16
          affine.store %46, %C_buf_2[] {to = "C_buf"} : memref<i16>
          %47 = affine.load %C_buf_2[] {from = "C_buf"} : memref<i16>
          func.call @stream_put_4x2xi16(%C_fifo, %c2, %c0, %47) : (memref<4x2xi16>, index, index, i16) -> ()
        } {loop_name = "i", op_name = "S_k_0_1_0"}
        memref.dealloc %C_buf_2 : memref<i16>
        memref.dealloc %A_buf_2 : memref<i8>
        scf.yield
      } {unit = "PE_1_0"}
      scf.execute_region {
        %A_buf_3 = memref.alloc() {name = "A_buf"} : memref<i8>
        affine.store %c0_i8, %A_buf_3[] {to = "A_buf"} : memref<i8>
        %C_buf_3 = memref.alloc() {name = "C_buf"} : memref<i16>
        affine.store %c0_i16, %C_buf_3[] {to = "C_buf"} : memref<i16>
        affine.for %i_1_1 = 0 to 2 {
          %48 = func.call @stream_get_4x2xi16(%C_fifo, %c1, %c1) : (memref<4x2xi16>, index, index) -> i16
          affine.store %48, %C_buf_3[] {to = "C_buf"} : memref<i16>
          %49 = func.call @stream_get_3x2xi8(%A_fifo, %c1, %c1) : (memref<3x2xi8>, index, index) -> i8
          affine.store %49, %A_buf_3[] {to = "A_buf"} : memref<i8>
          %50 = affine.load %C_buf_3[] {from = "C_buf"} : memref<i16>
          %51 = arith.extsi %50 : i16 to i17
          %52 = affine.load %A_buf_3[] {from = "A_buf"} : memref<i8>
          %53 = arith.extsi %52 : i8 to i16
          %54 = affine.load %B[1, 1] {from = "B"} : memref<3x2xi8, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
          %55 = arith.extsi %54 : i8 to i16
          %56 = arith.muli %53, %55 : i16
          %57 = arith.extsi %56 : i16 to i17
          %58 = arith.addi %51, %57 : i17
          %59 = arith.trunci %58 : i17 to i16
          affine.store %59, %C_buf_3[] {to = "C_buf"} : memref<i16>
          %60 = affine.load %C_buf_3[] {from = "C_buf"} : memref<i16>
          func.call @stream_put_4x2xi16(%C_fifo, %c2, %c1, %60) : (memref<4x2xi16>, index, index, i16) -> ()
        } {loop_name = "i", op_name = "S_k_0_1_1"}
        memref.dealloc %C_buf_3 : memref<i16>
        memref.dealloc %A_buf_3 : memref<i8>
        scf.yield
      } {unit = "PE_1_1"}
      scf.execute_region {
        %A_buf_4 = memref.alloc() {name = "A_buf"} : memref<i8>
        affine.store %c0_i8, %A_buf_4[] {to = "A_buf"} : memref<i8>
        %C_buf_4 = memref.alloc() {name = "C_buf"} : memref<i16>
        affine.store %c0_i16, %C_buf_4[] {to = "C_buf"} : memref<i16>
        affine.for %i_2_0 = 0 to 2 {
          %61 = func.call @stream_get_4x2xi16(%C_fifo, %c2, %c0) : (memref<4x2xi16>, index, index) -> i16
          affine.store %61, %C_buf_4[] {to = "C_buf"} : memref<i16>
          %62 = func.call @stream_get_3x2xi8(%A_fifo, %c2, %c0) : (memref<3x2xi8>, index, index) -> i8
          affine.store %62, %A_buf_4[] {to = "A_buf"} : memref<i8>
          %63 = affine.load %A_buf_4[] {from = "A_buf"} : memref<i8>
          func.call @stream_put_3x2xi8(%A_fifo, %c2, %c1, %63) : (memref<3x2xi8>, index, index, i8) -> ()
          %64 = affine.load %C_buf_4[] {from = "C_buf"} : memref<i16>
          %65 = arith.extsi %64 : i16 to i17
          %66 = affine.load %A_buf_4[] {from = "A_buf"} : memref<i8>
          %67 = arith.extsi %66 : i8 to i16
          %68 = affine.load %B[2, 0] {from = "B"} : memref<3x2xi8, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
          %69 = arith.extsi %68 : i8 to i16
          %70 = arith.muli %67, %69 : i16
          %71 = arith.extsi %70 : i16 to i17
          %72 = arith.addi %65, %71 : i17
          %73 = arith.trunci %72 : i17 to i16
          affine.store %73, %C_buf_4[] {to = "C_buf"} : memref<i16>
          %74 = affine.load %C_buf_4[] {from = "C_buf"} : memref<i16>
          func.call @stream_put_4x2xi16(%C_fifo, %c3, %c0, %74) : (memref<4x2xi16>, index, index, i16) -> ()
        } {loop_name = "i", op_name = "S_k_0_2_0"}
        memref.dealloc %C_buf_4 : memref<i16>
        memref.dealloc %A_buf_4 : memref<i8>
        scf.yield
      } {unit = "PE_2_0"}
      scf.execute_region {
        %A_buf_5 = memref.alloc() {name = "A_buf"} : memref<i8>
        affine.store %c0_i8, %A_buf_5[] {to = "A_buf"} : memref<i8>
        %C_buf_5 = memref.alloc() {name = "C_buf"} : memref<i16>
        affine.store %c0_i16, %C_buf_5[] {to = "C_buf"} : memref<i16>
        affine.for %i_2_1 = 0 to 2 {
          %75 = func.call @stream_get_4x2xi16(%C_fifo, %c2, %c1) : (memref<4x2xi16>, index, index) -> i16
          affine.store %75, %C_buf_5[] {to = "C_buf"} : memref<i16>
          %76 = func.call @stream_get_3x2xi8(%A_fifo, %c2, %c1) : (memref<3x2xi8>, index, index) -> i8
          affine.store %76, %A_buf_5[] {to = "A_buf"} : memref<i8>
          %77 = affine.load %C_buf_5[] {from = "C_buf"} : memref<i16>
          %78 = arith.extsi %77 : i16 to i17
          %79 = affine.load %A_buf_5[] {from = "A_buf"} : memref<i8>
          %80 = arith.extsi %79 : i8 to i16
          %81 = affine.load %B[2, 1] {from = "B"} : memref<3x2xi8, affine_map<(d0, d1) -> (d0, d1, 0, 0)>>
          %82 = arith.extsi %81 : i8 to i16
          %83 = arith.muli %80, %82 : i16
          %84 = arith.extsi %83 : i16 to i17
          %85 = arith.addi %78, %84 : i17
          %86 = arith.trunci %85 : i17 to i16
          affine.store %86, %C_buf_5[] {to = "C_buf"} : memref<i16>
          %87 = affine.load %C_buf_5[] {from = "C_buf"} : memref<i16>
          func.call @stream_put_4x2xi16(%C_fifo, %c3, %c1, %87) : (memref<4x2xi16>, index, index, i16) -> ()
        } {loop_name = "i", op_name = "S_k_0_2_1"}
        memref.dealloc %C_buf_5 : memref<i16>
        memref.dealloc %A_buf_5 : memref<i8>
        scf.yield
      } {unit = "PE_2_1"}
      scf.yield
    } {spatial = "PE"}
    memref.dealloc %C_fifo : memref<4x2xi16>
    memref.dealloc %A_fifo : memref<3x2xi8>
    return
  }
  func.func private @stream_get_3x2xi8(memref<3x2xi8>, index, index) -> i8
  func.func private @stream_get_4x2xi16(memref<4x2xi16>, index, index) -> i16
  func.func private @stream_put_3x2xi8(memref<3x2xi8>, index, index, i8)
  func.func private @stream_put_4x2xi16(memref<4x2xi16>, index, index, i16)
}
