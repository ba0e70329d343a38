// allo-ts native dataflow runtime (C++20), for the native translation units whose streams and
// spatial regions have no proven static schedule; they run as the CPU backend runs them
// (src/runtime/streams.ts): bounded FIFOs, each unit of a region a coroutine, and a round-robin
// scheduler that resumes every unit not blocked on the same wait until a whole round moves no value and
// finishes no unit. Then every unfinished unit is blocked: the entry returns 2 with a report (JSON,
// read back by allo_nat_report) that allo-ts turns into the CPU backend's AL4101 text; a region-local
// FIFO still holding values at the region's end returns 3 (AL4102). The state at a deadlock does not
// depend on the round order (bounded FIFOs are a Kahn network), so the report is the CPU backend's
// word for word. Coroutine frames and FIFO rings come from a pool reset at each call, so a call a
// fault or deadlock abandons halfway leaks nothing.
#ifndef ALLO_DATAFLOW_H
#define ALLO_DATAFLOW_H

#include <allo_native.h>

#include <coroutine>
#include <exception>
#include <new>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace allo_nat {
/** Blocks by size, reused within a call; every block of a call is taken back by reset(). */
class pool {
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::vector<size_t> sizes_;
  size_t chunk_ = 0, used_ = 0;
  std::unordered_map<size_t, std::vector<void*>> free_;

 public:
  void* take(size_t n) {
    n = (n + 15) & ~size_t(15);
    auto& list = free_[n];
    if (!list.empty()) {
      void* p = list.back();
      list.pop_back();
      return p;
    }
    while (chunk_ < chunks_.size() && used_ + n > sizes_[chunk_]) chunk_++, used_ = 0;
    if (chunk_ == chunks_.size()) {
      size_t size = std::max(n, size_t(1) << 20);
      chunks_.emplace_back(new char[size]);
      sizes_.push_back(size);
      used_ = 0;
    }
    void* p = chunks_[chunk_].get() + used_;
    used_ += n;
    return p;
  }
  void give(void* p, size_t n) { free_[(n + 15) & ~size_t(15)].push_back(p); }
  void reset() {
    chunk_ = used_ = 0;
    free_.clear();
  }
};
inline pool& memory() {
  static thread_local pool p;
  return p;
}

/** Values moved by every FIFO so far: a round that leaves it unchanged made no progress. */
inline thread_local long long moved = 0;

/** A FIFO's identity (stream number and row-major element index, for reports) and counts. */
struct fifo_base {
  int stream = -1, index = 0, depth = 1, n = 0;
  long long puts = 0, gets = 0;
};

template <class T>
class fifo : public fifo_base {
  T* ring_ = nullptr;
  int head_ = 0;

 public:
  fifo() = default;
  fifo(const fifo&) = delete;
  fifo& operator=(const fifo&) = delete;
  void open(int s, int i, int d) {
    stream = s, index = i, depth = d;
    ring_ = static_cast<T*>(memory().take(sizeof(T) * d));
    for (int k = 0; k < d; k++) new (ring_ + k) T();
  }
  ~fifo() {
    if (ring_) memory().give(ring_, sizeof(T) * depth);
  }
  void push(const T& v) {
    ring_[(head_ + n) % depth] = v;
    n++, puts++, moved++;
  }
  T pop() {
    T v = ring_[head_];
    head_ = (head_ + 1) % depth;
    n--, gets++, moved++;
    return v;
  }
};

/** Opens `count` FIFOs of stream `s` laid out from `first` (an array of FIFOs in row-major order). */
template <class T>
void open(fifo<T>* first, int count, int s, int depth) {
  for (int k = 0; k < count; k++) first[k].open(s, k, depth);
}

struct region_run;

/**
 * Where a unit waits: on a FIFO (kind 1; op 0 get, 1 put, with the loop indices around the site, held
 * by the suspended awaiter) or on a stuck inner region (kind 2).
 */
struct wait_at {
  int kind = 0, op = 0, site = -1;
  fifo_base* f = nullptr;
  region_run* inner = nullptr;
  const long long* ivs = nullptr;
  size_t nivs = 0;
};

/** A running unit: the innermost suspended coroutine of its call chain, and what it waits on. */
struct unit_run {
  std::coroutine_handle<> leaf;
  wait_at w;
  bool done = false;
};
inline thread_local unit_run* current = nullptr;

/** A wait that would block again at once: resuming its unit changes nothing but the cost. */
inline bool still_blocked(const wait_at& w) {
  return w.kind == 1 && (w.op == 0 ? w.f->n == 0 : w.f->n == w.f->depth);
}

/** A function that may block (a unit, a region, or anything that puts or gets): a lazy coroutine. */
class [[nodiscard]] task {
 public:
  struct promise_type;
  using handle = std::coroutine_handle<promise_type>;
  struct promise_type {
    std::coroutine_handle<> caller;
    static void* operator new(size_t n) { return memory().take(n); }
    static void operator delete(void* p, size_t n) { memory().give(p, n); }
    task get_return_object() { return task(handle::from_promise(*this)); }
    std::suspend_always initial_suspend() noexcept { return {}; }
    struct finish {
      bool await_ready() noexcept { return false; }
      std::coroutine_handle<> await_suspend(handle h) noexcept {
        std::coroutine_handle<> c = h.promise().caller;
        if (!c) return std::noop_coroutine();
        current->leaf = c;
        return c;
      }
      void await_resume() noexcept {}
    };
    finish final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  explicit task(handle h) : h_(h) {}
  task(task&& o) noexcept : h_(std::exchange(o.h_, {})) {}
  task(const task&) = delete;
  ~task() {
    if (h_) h_.destroy();
  }
  bool done() const { return h_.done(); }
  std::coroutine_handle<> start() const { return h_; }
  // `co_await f(...)`: the callee runs now, and its caller continues when it returns.
  bool await_ready() noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept {
    h_.promise().caller = c;
    current->leaf = h_;
    return h_;
  }
  void await_resume() noexcept {}

 private:
  handle h_;
};

template <size_t N>
void block(std::coroutine_handle<> h, int op, int site, fifo_base* f, const long long (&ivs)[N]) {
  unit_run* u = current;
  u->leaf = h;
  u->w.kind = 1, u->w.op = op, u->w.site = site, u->w.f = f, u->w.inner = nullptr;
  u->w.ivs = ivs, u->w.nivs = N;
}

/** The loop indices around a wait site, by value (N >= 1: a site outside loops passes a 0). */
template <size_t N>
struct ivs_at {
  long long v[N];
};

template <class T, size_t N>
struct get_op {
  fifo<T>& f;
  int site;
  ivs_at<N> ivs;
  bool await_ready() const noexcept { return f.n > 0; }
  void await_suspend(std::coroutine_handle<> h) { block(h, 0, site, &f, ivs.v); }
  T await_resume() { return f.pop(); }
};

template <class T, size_t N>
struct put_op {
  fifo<T>& f;
  T v;
  int site;
  ivs_at<N> ivs;
  bool await_ready() const noexcept { return f.n < f.depth; }
  void await_suspend(std::coroutine_handle<> h) { block(h, 1, site, &f, ivs.v); }
  void await_resume() { f.push(v); }
};

template <class T, class... I>
get_op<T, sizeof...(I) + 1> get(fifo<T>& f, int site, I... ivs) {
  return {f, site, {{0, (long long)ivs...}}};
}
template <class T, class V, class... I>
put_op<T, sizeof...(I) + 1> put(fifo<T>& f, const V& v, int site, I... ivs) {
  return {f, T(v), site, {{0, (long long)ivs...}}};
}

// ---- reports: JSON text for allo_nat_report, written only when a call fails, straight into `report`
// (a longjmp skips destructors, so nothing on the way out may own memory).

inline thread_local std::string report;

inline void append_fifo(std::string& o, const fifo_base* f) {
  o += "\"stream\":" + std::to_string(f->stream) + ",\"index\":" + std::to_string(f->index) +
       ",\"n\":" + std::to_string(f->n) + ",\"depth\":" + std::to_string(f->depth) +
       ",\"puts\":" + std::to_string(f->puts) + ",\"gets\":" + std::to_string(f->gets);
}

inline void append_region(std::string& o, const region_run& r);

/** A wait as JSON; ivs[0] is the placeholder get/put add (see ivs_at). */
inline void append_wait(std::string& o, const wait_at& w) {
  if (w.kind == 2) {
    o += "{\"inner\":";
    append_region(o, *w.inner);
    o += "}";
    return;
  }
  o += "{\"site\":" + std::to_string(w.site) + ",";
  append_fifo(o, w.f);
  o += ",\"ivs\":[";
  for (size_t k = 1; k < w.nivs; k++) o += (k > 1 ? "," : "") + std::to_string(w.ivs[k]);
  o += "]}";
}


/** One run of a spatial region (number `id`): its units in source order and its local FIFOs. */
struct region_run {
  int id;
  size_t count = 0, nlocals = 0;
  unit_run* units;
  task* roots;
  fifo_base** locals;
  region_run(int i, size_t n, size_t l)
      : id(i),
        units(static_cast<unit_run*>(memory().take(sizeof(unit_run) * n))),
        roots(static_cast<task*>(memory().take(sizeof(task) * n))),
        locals(static_cast<fifo_base**>(memory().take(sizeof(fifo_base*) * l))) {}
  region_run(const region_run&) = delete;
  ~region_run() {
    for (size_t k = 0; k < count; k++) roots[k].~task();
    memory().give(units, sizeof(unit_run) * count);
    memory().give(roots, sizeof(task) * count);
    memory().give(locals, sizeof(fifo_base*) * nlocals);
  }
  void add(task t) {
    new (units + count) unit_run();
    units[count].leaf = t.start();
    new (roots + count++) task(std::move(t));
  }
  template <class T>
  void local(fifo<T>* first, int n) {
    for (int k = 0; k < n; k++) locals[nlocals++] = first + k;
  }
  /** Rounds until every unit finishes; suspends (to an enclosing region) whenever a round is stuck. */
  task run() {
    size_t left = count;
    while (left > 0) {
      long long before = moved;
      bool finished = false;
      for (size_t k = 0; k < count; k++) {
        unit_run& u = units[k];
        if (u.done || still_blocked(u.w)) continue;
        unit_run* outer = current;
        current = &u;
        u.leaf.resume();
        current = outer;
        if (roots[k].done()) {
          u.done = true;
          u.w.kind = 0;
          left--;
          finished = true;
        }
      }
      if (left > 0 && !finished && moved == before) co_await stuck{this};
    }
    for (size_t k = 0; k < nlocals; k++) {
      if (locals[k]->n > 0) {
        report = "{\"left\":{\"region\":" + std::to_string(id) + ",";
        append_fifo(report, locals[k]);
        report += "}}";
        longjmp(escape, 3);
      }
    }
  }
  struct stuck {
    region_run* r;
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) noexcept {
      current->leaf = h;
      current->w.kind = 2;
      current->w.inner = r;
    }
    void await_resume() noexcept {}
  };
};

inline void append_region(std::string& o, const region_run& r) {
  o += "{\"region\":" + std::to_string(r.id) + ",\"units\":[";
  for (size_t k = 0; k < r.count; k++) {
    if (k) o += ",";
    if (r.units[k].done) o += "null";
    else append_wait(o, r.units[k].w);
  }
  o += "]}";
}

/**
 * Runs blocking work from code that cannot wait (site `drive` names the function and the statement):
 * a suspension means nothing can ever unblock it.
 */
inline void drive(task t, int drive) {
  unit_run top;
  top.leaf = t.start();
  unit_run* outer = current;
  current = &top;
  top.leaf.resume();
  current = outer;
  if (t.done()) return;
  report = "{\"deadlock\":";
  if (top.w.kind == 2) {
    append_region(report, *top.w.inner);
  } else {
    report += "{\"drive\":" + std::to_string(drive) + ",\"wait\":";
    append_wait(report, top.w);
    report += "}";
  }
  report += "}";
  longjmp(escape, 2);
}

/** A put or get outside any coroutine that finds its FIFO full or empty: it can never complete. */
template <size_t N>
[[noreturn]] void stuck_outside(int op, int site, fifo_base* f, const long long (&ivs)[N]) {
  wait_at w;
  w.kind = 1, w.op = op, w.site = site, w.f = f, w.ivs = ivs, w.nivs = N;
  report = "{\"deadlock\":{\"site\":" + std::to_string(site) + ",\"wait\":";
  append_wait(report, w);
  report += "}}";
  longjmp(escape, 2);
}

template <class T, class... I>
T get_now(fifo<T>& f, int site, I... ivs) {
  if (f.n == 0) stuck_outside(0, site, &f, {0, (long long)ivs...});
  return f.pop();
}
template <class T, class V, class... I>
void put_now(fifo<T>& f, const V& v, int site, I... ivs) {
  if (f.n == f.depth) stuck_outside(1, site, &f, {0, (long long)ivs...});
  f.push(T(v));
}

/** What each entry of a unit with dataflow does first: the pool's blocks free and no report. */
inline void begin_call() {
  memory().reset();
  report.clear();
  current = nullptr;
}
}  // namespace allo_nat

// Defined here, not inline: the one translation unit of a native build exports it.
extern "C" __attribute__((visibility("default"))) const char* allo_nat_report() {
  return allo_nat::report.c_str();
}

#endif
