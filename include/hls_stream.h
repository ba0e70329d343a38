// allo-ts C-simulation header compatible with Vitis HLS's hls::stream as C simulation uses it: an
// unbounded FIFO (the depth pragma matters only in hardware). Reading an empty stream, and a stream
// that still holds data when it goes out of scope, end the simulation with a message and exit codes
// 70 and 71, which allo-ts reports as a deadlock (AL4101) and as data left in a stream (AL4102).
#ifndef ALLO_HLS_STREAM_H
#define ALLO_HLS_STREAM_H

#include <stdio.h>
#include <stdlib.h>

namespace hls {
template <class T>
class stream {
  // A ring buffer that doubles when full (no STL, to keep C simulation quick to compile).
  T* buf_;
  size_t cap_, head_, size_;
  const char* name_;

 public:
  stream() : stream("") {}
  explicit stream(const char* name) : buf_(new T[16]), cap_(16), head_(0), size_(0), name_(name) {}
  stream(const stream&) = delete;
  stream& operator=(const stream&) = delete;
  ~stream() {
    if (size_ != 0) {
      fprintf(stderr, "allo-csim: stream '%s' still holds %zu value(s) when it goes out of scope\n", name_, size_);
      exit(71);
    }
    delete[] buf_;
  }
  void write(const T& v) {
    if (size_ == cap_) {
      T* grown = new T[2 * cap_];
      for (size_t i = 0; i < size_; i++) grown[i] = buf_[(head_ + i) % cap_];
      delete[] buf_;
      buf_ = grown;
      head_ = 0;
      cap_ *= 2;
    }
    buf_[(head_ + size_++) % cap_] = v;
  }
  T read() {
    if (size_ == 0) {
      fprintf(stderr, "allo-csim: read from the empty stream '%s': its producer wrote fewer values\n", name_);
      exit(70);
    }
    T v = buf_[head_];
    head_ = (head_ + 1) % cap_;
    size_--;
    return v;
  }
  void read(T& v) { v = read(); }
  void operator<<(const T& v) { write(v); }
  void operator>>(T& v) { v = read(); }
  bool empty() const { return size_ == 0; }
  bool full() const { return false; }
  size_t size() const { return size_; }
};
}  // namespace hls

#endif
