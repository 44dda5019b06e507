// bench_clock.hpp — timing shared by the benchmarks: this thread's CPU time (on a shared
// machine, wall time includes waiting for a core), and an observer wrapper that adds up the
// CPU time another observer's on_add takes.
#pragma once

#include <time.h>

#include "sitrep/stream/engine.hpp"

namespace sitrep::bench {

/// CPU seconds this thread has used (CLOCK_THREAD_CPUTIME_ID).
inline double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/// Attach this instead of `inner`: it calls inner.on_add and counts the CPU time it took.
class timed_observer final : public stream::observer {
 public:
  explicit timed_observer(stream::observer& inner) : inner_(inner) {}
  void on_add(const stream::engine& e, const stream::sentence_range& r) override {
    const double t0 = thread_cpu_seconds();
    inner_.on_add(e, r);
    seconds += thread_cpu_seconds() - t0;
  }
  double seconds = 0;

 private:
  stream::observer& inner_;
};

}  // namespace sitrep::bench
