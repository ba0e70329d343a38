// streams: memrefs of FIFOs (stream_depth); put/get call the external @stream_put_*/@stream_get_*; spatial regions: scf.execute_region {spatial} holding one scf.execute_region {unit} per unit
module {
  func.func @stream_param(%A: memref<8xi32>, %B: memref<8xi32>, %S: memref<i32> {allo.stream_depth = 1 : i32}) attributes {dataflow, itypes = "sss", otypes = ""} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c1_i32 = arith.constant 1 : i32
    %c7_i32 = arith.constant 7 : i32
    %fifo = memref.alloc() {name = "fifo", stream_depth = 4 : i32} : memref<2xi32>
    scf.execute_region {
      scf.execute_region {
        affine.for %i = 0 to 8 {
          %0 = affine.load %A[%i] {from = "A"} : memref<8xi32>
          func.call @stream_put_2xi32(%fifo, %c0, %0) : (memref<2xi32>, index, i32) -> ()
          func.call @stream_put_2xi32(%fifo, %c1, %c1_i32) : (memref<2xi32>, index, i32) -> ()
        } {loop_name = "i"}
        func.call @stream_put_i32(%S, %c7_i32) : (memref<i32>, i32) -> ()
        scf.yield
      } {unit = "producer_0"}
      scf.execute_region {
        affine.for %j = 0 to 8 {
          %1 = func.call @stream_get_2xi32(%fifo, %c0) : (memref<2xi32>, index) -> i32
          %2 = arith.extsi %1 : i32 to i33
          %3 = func.call @stream_get_2xi32(%fifo, %c1) : (memref<2xi32>, index) -> i32
          %4 = arith.extsi %3 : i32 to i33
          %5 = arith.addi %2, %4 : i33
          %6 = arith.trunci %5 : i33 to i32
          affine.store %6, %B[%j] {to = "B"} : memref<8xi32>
        } {loop_name = "j"}
        %7 = func.call @stream_get_i32(%S) : (memref<i32>) -> i32
        affine.store %7, %B[0] {to = "B"} : memref<8xi32>
        scf.yield
      } {unit = "consumer_0"}
      scf.yield
    } {spatial = "top"}
    memref.dealloc %fifo : memref<2xi32>
    return
  }
  func.func private @stream_get_2xi32(memref<2xi32>, index) -> i32
  func.func private @stream_get_i32(memref<i32>) -> i32
  func.func private @stream_put_2xi32(memref<2xi32>, index, i32)
  func.func private @stream_put_i32(memref<i32>, i32)
}
