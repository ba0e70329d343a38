// before
module {
  func.func @rowscale(%s: memref<3xf32>, %B: memref<4x3xf32>, %C: memref<3x3xf32>) attributes {itypes = "___", otypes = ""} {
    affine.for %i = 0 to 3 {
      affine.for %j = 0 to 3 {
        affine.for %k = 0 to 4 {
          %0 = affine.load %C[%i, %j] {from = "C"} : memref<3x3xf32>
          %1 = affine.load %s[%i] {from = "s"} : memref<3xf32>
          %2 = affine.load %B[%k, %j] {from = "B"} : memref<4x3xf32>
          %3 = arith.mulf %1, %2 : f32
          %4 = arith.addf %0, %3 : f32
          affine.store %4, %C[%i, %j] {to = "C"} : memref<3x3xf32>
        } {loop_name = "k", op_name = "S_k_0"}
      } {loop_name = "j"}
    } {loop_name = "i", op_name = "PE"}
    return
  }
}
// after
// s.bufferAt("s", "j");
// s.unfold("PE", { axis: [0, 1] });
// s.relay("s_buf", "PE", { axis: 0 });
// streams: memrefs of FIFOs (stream_depth); put/get call the external @stream_put_*/@stream_get_*; spatial regions: scf.execute_region {spatial} holding one scf.execute_region {unit} per unit
module {
  func.func @rowscale(%s: memref<3xf32>, %B: memref<4x3xf32>, %C: memref<3x3xf32>) attributes {dataflow, itypes = "___", otypes = ""} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %s_fifo = memref.alloc() {name = "s_fifo", stream_depth = 1 : i32} : memref<3x3xf32>
    scf.execute_region {
      scf.execute_region {
        %0 = affine.load %s[0] {from = "s"} : memref<3xf32>
        func.call @stream_put_3x3xf32(%s_fifo, %c0, %c0, %0) : (memref<3x3xf32>, index, index, f32) -> ()
        %1 = affine.load %s[1] {from = "s"} : memref<3xf32>
        func.call @stream_put_3x3xf32(%s_fifo, %c1, %c0, %1) : (memref<3x3xf32>, index, index, f32) -> ()
        %2 = affine.load %s[2] {from = "s"} : memref<3xf32>
        func.call @stream_put_3x3xf32(%s_fifo, %c2, %c0, %2) : (memref<3x3xf32>, index, index, f32) -> ()
        scf.yield
      } {unit = "s_load"}
      scf.execute_region {
        %s_buf = memref.alloc() {name = "s_buf"} : memref<f32>
        %3 = func.call @stream_get_3x3xf32(%s_fifo, %c0, %c0) : (memref<3x3xf32>, index, index) -> f32
        affine.store %3, %s_buf[] {to = "s_buf"} : memref<f32>
        %4 = affine.load %s_buf[] {from = "s_buf"} : memref<f32>
        func.call @stream_put_3x3xf32(%s_fifo, %c0, %c1, %4) : (memref<3x3xf32>, index, index, f32) -> ()
        affine.for %k_0_0 = 0 to 4 {
          %5 = affine.load %C[0, 0] {from = "C"} : memref<3x3xf32>
          %6 = affine.load %s_buf[] {from = "s_buf"} : memref<f32>
          %7 = affine.load %B[%k_0_0, 0] {from = "B"} : memref<4x3xf32>
          %8 = arith.mulf %6, %7 : f32
          %9 = arith.addf %5, %8 : f32
          affine.store %9, %C[0, 0] {to = "C"} : memref<3x3xf32>
        } {loop_name = "k", op_name = "S_k_0_0_0"}
        memref.dealloc %s_buf : memref<f32>
        scf.yield
      } {unit = "PE_0_0"}
      scf.execute_region {
        %s_buf_1 = memref.alloc() {name = "s_buf"} : memref<f32>
        %10 = func.call @stream_get_3x3xf32(%s_fifo, %c0, %c1) : (memref<3x3xf32>, index, index) -> f32
        affine.store %10, %s_buf_1[] {to = "s_buf"} : memref<f32>
        %11 = affine.load %s_buf_1[] {from = "s_buf"} : memref<f32>
        func.call @stream_put_3x3xf32(%s_fifo, %c0, %c2, %11) : (memref<3x3xf32>, index, index, f32) -> ()
        affine.for %k_0_1 = 0 to 4 {
          %12 = affine.load %C[0, 1] {from = "C"} : memref<3x3xf32>
          %13 = affine.load %s_buf_1[] {from = "s_buf"} : memref<f32>
          %14 = affine.load %B[%k_0_1, 1] {from = "B"} : memref<4x3xf32>
          %15 = arith.mulf %13, %14 : f32
          %16 = arith.addf %12, %15 : f32
          affine.store %16, %C[0, 1] {to = "C"} : memref<3x3xf32>
        } {loop_name = "k", op_name = "S_k_0_0_1"}
        memref.dealloc %s_buf_1 : memref<f32>
        scf.yield
      } {unit = "PE_0_1"}
      scf.execute_region {
        %s_buf_2 = memref.alloc() {name = "s_buf"} : memref<f32>
        %17 = func.call @stream_get_3x3xf32(%s_fifo, %c0, %c2) : (memref<3x3xf32>, index, index) -> f32
        affine.store %17, %s_buf_2[] {to = "s_buf"} : memref<f32>
        affine.for %k_0_2 = 0 to 4 {
          %18 = affine.load %C[0, 2] {from = "C"} : memref<3x3xf32>
          %19 = affine.load %s_buf_2[] {from = "s_buf"} : memref<f32>
          %20 = affine.load %B[%k_0_2, 2] {from = "B"} : memref<4x3xf32>
          %21 = arith.mulf %19, %20 : f32
          %22 = arith.addf %18, %21 : f32
          affine.store %22, %C[0, 2] {to = "C"} : memref<3x3xf32>
        } {loop_name = "k", op_name = "S_k_0_0_2"}
        memref.dealloc %s_buf_2 : memref<f32>
        scf.yield
      } {unit = "PE_0_2"}
      scf.execute_region {
        %s_buf_3 = memref.alloc() {name = "s_buf"} : memref<f32>
        %23 = func.call @stream_get_3x3xf32(%s_fifo, %c1, %c0) : (memref<3x3xf32>, index, index) -> f32
        affine.store %23, %s_buf_3[] {to = "s_buf"} : memref<f32>
        %24 = affine.load %s_buf_3[] {from = "s_buf"} : memref<f32>
        func.call @stream_put_3x3xf32(%s_fifo, %c1, %c1, %24) : (memref<3x3xf32>, index, index, f32) -> ()
        affine.for %k_1_0 = 0 to 4 {
          %25 = affine.load %C[1, 0] {from = "C"} : memref<3x3xf32>
          %26 = affine.load %s_buf_3[] {from = "s_buf"} : memref<f32>
          %27 = affine.load %B[%k_1_0, 0] {from = "B"} : memref<4x3xf32>
          %28 = arith.mulf %26, %27 : f32
          %29 = arith.addf %25, %28 : f32
          affine.store %29, %C[1, 0] {to = "C"} : memref<3x3xf32>
        } {loop_name = "k", op_name = "S_k_0_1_0"}
        memref.dealloc %s_buf_3 : memref<f32>
        scf.yield
      } {unit = "PE_1_0"}
      scf.execute_region {
        %s_buf_4 = memref.alloc() {name = "s_buf"} : memref<f32>
        %30 = func.call @stream_get_3x3xf32(%s_fifo, %c1, %c1) : (memref<3x3xf32>, index, index) -> f32
        affine.store %30, %s_buf_4[] {to = "s_buf"} : memref<f32>
        %31 = affine.load %s_buf_4[] {from = "s_buf"} : memref<f32>
        func.call @stream_put_3x3xf32(%s_fifo, %c1, %c2, %31) : (memref<3x3xf32>, index, index, f32) -> ()
        affine.for %k_1_1 = 0 to 4 {
          %32 = affine.load %C[1, 1] {from = "C"} : memref<3x3xf32>
          %33 = affine.load %s_buf_4[] {from = "s_buf"} : memref<f32>
          %34 = affine.load %B[%k_1_1, 1] {from = "B"} : memref<4x3xf32>
          %35 = arith.mulf %33, %34 : f32
          %36 = arith.addf %32, %35 : f32
          affine.store %36, %C[1, 1] {to = "C"} : memref<3x3xf32>
        } {loop_name = "k", op_name = "S_k_0_1_1"}
        memref.dealloc %s_buf_4 : memref<f32>
        scf.yield
      } {unit = "PE_1_1"}
      scf.execute_region {
        %s_buf_5 = memref.alloc() {name = "s_buf"} : memref<f32>
        %37 = func.call @stream_get_3x3xf32(%s_fifo, %c1, %c2) : (memref<3x3xf32>, index, index) -> f32
        affine.store %37, %s_buf_5[] {to = "s_buf"} : memref<f32>
        affine.for %k_1_2 = 0 to 4 {
          %38 = affine.load %C[1, 2] {from = "C"} : memref<3x3xf32>
          %39 = affine.load %s_buf_5[] {from = "s_buf"} : memref<f32>
          %40 = affine.load %B[%k_1_2, 2] {from = "B"} : memref<4x3xf32>
          %41 = arith.mulf %39, %40 : f32
          %42 = arith.addf %38, %41 : f32
          affine.store %42, %C[1, 2] {to = "C"} : memref<3x3xf32>
        } {loop_name = "k", op_name = "S_k_0_1_2"}
        memref.dealloc %s_buf_5 : memref<f32>
        scf.yield
      } {unit = "PE_1_2"}
      scf.execute_region {
        %s_buf_6 = memref.alloc() {name = "s_buf"} : memref<f32>
        %43 = func.call @stream_get_3x3xf32(%s_fifo, %c2, %c0) : (memref<3x3xf32>, index, index) -> f32
        affine.store %43, %s_buf_6[] {to = "s_buf"} : memref<f32>
        %44 = affine.load %s_buf_6[] {from = "s_buf"} : memref<f32>
        func.call @stream_put_3x3xf32(%s_fifo, %c2, %c1, %44) : (memref<3x3xf32>, index, index, f32) -> ()
        affine.for %k_2_0 = 0 to 4 {
          %45 = affine.load %C[2, 0] {from = "C"} : memref<3x3xf32>
          %46 = affine.load %s_buf_6[] {from = "s_buf"} : memref<f32>
          %47 = affine.load %B[%k_2_0, 0] {from = "B"} : memref<4x3xf32>
          %48 = arith.mulf %46, %47 : f32
          %49 = arith.addf %45, %48 : f32
          affine.store %49, %C[2, 0] {to = "C"} : memref<3x3xf32>
        } {loop_name = "k", op_name = "S_k_0_2_0"}
        memref.dealloc %s_buf_6 : memref<f32>
        scf.yield
      } {unit = "PE_2_0"}
      scf.execute_region {
        %s_buf_7 = memref.alloc() {name = "s_buf"} : memref<f32>
        %50 = func.call @stream_get_3x3xf32(%s_fifo, %c2, %c1) : (memref<3x3xf32>, index, index) -> f32
        affine.store %50, %s_buf_7[] {to = "s_buf"} : memref<f32>
        %51 = affine.load %s_buf_7[] {from = "s_buf"} : memref<f32>
        func.call @stream_put_3x3xf32(%s_fifo, %c2, %c2, %51) : (memref<3x3xf32>, index, index, f32) -> ()
        affine.for %k_2_1 = 0 to 4 {
          %52 = affine.load %C[2, 1] {from = "C"} : memref<3x3xf32>
          %53 = affine.load %s_buf_7[] {from = "s_buf"} : memref<f32>
          %54 = affine.load %B[%k_2_1, 1] {from = "B"} : memref<4x3xf32>
          %55 = arith.mulf %53, %54 : f32
          %56 = arith.addf %52, %55 : f32
          affine.store %56, %C[2, 1] {to = "C"} : memref<3x3xf32>
        } {loop_name = "k", op_name = "S_k_0_2_1"}
        memref.dealloc %s_buf_7 : memref<f32>
        scf.yield
      } {unit = "PE_2_1"}
      scf.execute_region {
        %s_buf_8 = memref.alloc() {name = "s_buf"} : memref<f32>
        %57 = func.call @stream_get_3x3xf32(%s_fifo, %c2, %c2) : (memref<3x3xf32>, index, index) -> f32
        affine.store %57, %s_buf_8[] {to = "s_buf"} : memref<f32>
        affine.for %k_2_2 = 0 to 4 {
          %58 = affine.load %C[2, 2] {from = "C"} : memref<3x3xf32>
          %59 = affine.load %s_buf_8[] {from = "s_buf"} : memref<f32>
          %60 = affine.load %B[%k_2_2, 2] {from = "B"} : memref<4x3xf32>
          %61 = arith.mulf %59, %60 : f32
          %62 = arith.addf %58, %61 : f32
          affine.store %62, %C[2, 2] {to = "C"} : memref<3x3xf32>
        } {loop_name = "k", op_name = "S_k_0_2_2"}
        memref.dealloc %s_buf_8 : memref<f32>
        scf.yield
      } {unit = "PE_2_2"}
      scf.yield
    } {spatial = "PE"}
    memref.dealloc %s_fifo : memref<3x3xf32>
    return
  }
  func.func private @stream_get_3x3xf32(memref<3x3xf32>, index, index) -> f32
  func.func private @stream_put_3x3xf32(memref<3x3xf32>, index, index, f32)
}
