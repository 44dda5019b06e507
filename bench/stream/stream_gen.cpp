// stream_gen: writes a benchmark stream of N updates as canonical JSON Lines.
//
//   build/bench/stream/stream_gen --updates 1000000 --kind liveblog > /tmp/stream.jsonl
//   build/bench/stream/stream_gen --updates 1000 --kind mixed --seed 7 --output /tmp/s.jsonl
//
// Options: --updates N (default 10000, at most 1,000,000), --seed S (default 20151120),
// --shared DIR (default: the ../shared beside the source tree), --kind liveblog|duc|mixed
// (default liveblog), --output FILE (default standard output). See stream_source.hpp for what
// the stream holds. Exit codes: 0 ok, 2 bad arguments or missing corpus, 1 write error.
// Generated streams are large: never commit one.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "stream_source.hpp"

#ifndef SITREP_SHARED_DIR
#define SITREP_SHARED_DIR "../shared"
#endif

namespace {

constexpr std::size_t kMaxUpdates = 1000000;

int usage(const char* msg) {
  std::fprintf(stderr,
               "stream_gen: %s\nusage: stream_gen [--updates N] [--seed S] [--shared DIR] "
               "[--kind liveblog|duc|mixed] [--output FILE]\n",
               msg);
  return 2;
}

bool parse_size(const char* s, unsigned long long& out) {
  if (*s == '\0' || *s == '-') return false;
  char* end = nullptr;
  out = std::strtoull(s, &end, 10);
  return *end == '\0';
}

}  // namespace

int main(int argc, char** argv) {
  sitrep::bench::stream_options opts;
  opts.shared_dir = SITREP_SHARED_DIR;
  unsigned long long updates = 10000;
  std::string output;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--help" || a == "-h") {
      usage("writes a JSON Lines benchmark stream");
      return 0;
    }
    if (i + 1 >= argc) return usage(("missing value after " + std::string(a)).c_str());
    const char* v = argv[++i];
    if (a == "--updates") {
      if (!parse_size(v, updates) || updates > kMaxUpdates)
        return usage("--updates takes a number from 0 to 1000000");
    } else if (a == "--seed") {
      unsigned long long seed;
      if (!parse_size(v, seed)) return usage("--seed takes a non-negative number");
      opts.seed = seed;
    } else if (a == "--shared") {
      opts.shared_dir = v;
    } else if (a == "--kind") {
      auto k = sitrep::bench::parse_stream_kind(v);
      if (!k) return usage(k.error().message().c_str());
      opts.kind = *k;
    } else if (a == "--output") {
      output = v;
    } else {
      return usage(("unknown option " + std::string(a)).c_str());
    }
  }

  auto gen = sitrep::bench::stream_source::create(opts);
  if (!gen) {
    std::fprintf(stderr, "stream_gen: %s\n", gen.error().message().c_str());
    return 2;
  }
  std::FILE* out = stdout;
  if (!output.empty()) {
    out = std::fopen(output.c_str(), "wb");
    if (out == nullptr) {
      std::fprintf(stderr, "stream_gen: %s: cannot open: %s\n", output.c_str(),
                   std::strerror(errno));
      return 2;
    }
  }
  std::string buf;
  for (unsigned long long n = 0; n < updates; ++n) {
    gen->next_line(buf);
    if (buf.size() >= (1u << 20) || n + 1 == updates) {
      if (std::fwrite(buf.data(), 1, buf.size(), out) != buf.size()) break;
      buf.clear();
    }
  }
  bool ok = std::ferror(out) == 0;
  ok = (out == stdout ? std::fflush(out) : std::fclose(out)) == 0 && ok;
  if (!ok) {
    std::fprintf(stderr, "stream_gen: write error: %s\n", std::strerror(errno));
    return 1;
  }
  return 0;
}
