// key_events_eval — scores timeline::key_events against the editors' key-event flags of the
// Live Blog Corpus development split.
//
//   key_events_eval                                  # Guardian and BBC, default options
//   key_events_eval --threshold 0.45 --gap-weight 0.5
//   key_events_eval --shared ../shared --blogs 100 --per-blog
//   key_events_eval --source guardian --half 0 --dump   # even-numbered blogs, post by post
//   stream_gen --updates 100000 --output /tmp/s.jsonl && key_events_eval --stream /tmp/s.jsonl
//
// For every blog (<shared>/data/liveblog/valid/{guardian,bbc}/*.jsonl, not the .ref.txt files)
// the posts are read with sitrep's own reader and fed one at a time through an engine with
// key_events attached; each post's decision is taken when it arrives. The label
// `gold_key_event` is read separately (simdjson), only to score: it never reaches the engine.
// Prints precision, recall and F1 over posts pooled over all blogs, the mean per-blog F1, the two
// baselines the issue quotes ("the longest quarter of each blog's posts", "every post with 60
// words or more"), and microseconds per update (engine add with the observer, and without it).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <simdjson.h>

#include "sitrep/io/reader.hpp"
#include "sitrep/stream/engine.hpp"
#include "sitrep/timeline/key_events.hpp"

namespace {

using sitrep::timeline::key_event_options;

struct counts {
  std::size_t tp = 0, fp = 0, fn = 0;
  void add(bool predicted, bool gold) {
    tp += predicted && gold;
    fp += predicted && !gold;
    fn += !predicted && gold;
  }
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0.0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0.0; }
  double f1() const { return tp ? 2.0 * double(tp) / double(2 * tp + fp + fn) : 0.0; }
};

struct method_score {
  counts pooled;
  double per_blog_f1_sum = 0;
  std::size_t blogs = 0;
  void add_blog(const counts& c) {
    pooled.tp += c.tp;
    pooled.fp += c.fp;
    pooled.fn += c.fn;
    per_blog_f1_sum += c.f1();
    ++blogs;
  }
};

std::size_t word_count(const std::string& s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

// The gold flags of one file, one per line, read apart from the reader that feeds the engine.
bool read_gold(const std::string& path, std::vector<bool>& gold, bool& any_flag) {
  gold.clear();
  std::ifstream in(path);
  std::string line;
  simdjson::ondemand::parser parser;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    simdjson::padded_string p(line);
    simdjson::ondemand::document doc;
    if (parser.iterate(p).get(doc)) return false;
    bool flag = false;
    auto v = doc["gold_key_event"];
    if (!v.error()) {
      bool b = false;
      if (!v.get_bool().get(b)) {
        flag = b;
        any_flag = any_flag || b;
      }
    }
    gold.push_back(flag);
  }
  return true;
}

// Forwards to key_events and times its on_add alone (the engine's own work is left out).
class timed_observer : public sitrep::stream::observer {
 public:
  explicit timed_observer(sitrep::timeline::key_events& k) : k_(k) {}
  void on_add(const sitrep::stream::engine& e, const sitrep::stream::sentence_range& r) override {
    auto t0 = std::chrono::steady_clock::now();
    k_.on_add(e, r);
    ns += double(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0)
            .count());
  }
  double ns = 0;

 private:
  sitrep::timeline::key_events& k_;
};

void print_row(const char* name, const method_score& m) {
  std::printf("%-34s %6.3f %6.3f %6.3f %8.3f\n", name, m.pooled.precision(), m.pooled.recall(),
              m.pooled.f1(), m.blogs ? m.per_blog_f1_sum / double(m.blogs) : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = SITREP_SHARED_DIR;
  std::size_t max_blogs = 0;
  bool per_blog = false;
  bool dump = false;
  int half = -1;  // --half 0|1: only the even- or odd-numbered blogs (a tuning / held-out split)
  std::string long_stream;  // --stream FILE: time on_add along one long stream instead
  std::vector<std::string> sources = {"guardian", "bbc"};
  key_event_options o;
  std::map<std::string, std::function<void(const char*)>> set = {
      {"--threshold", [&](const char* v) { o.threshold = std::atof(v); }},
      {"--min-words", [&](const char* v) { o.min_words = std::strtoul(v, nullptr, 10); }},
      {"--window", [&](const char* v) { o.window = std::strtoul(v, nullptr, 10); }},
      {"--bias", [&](const char* v) { o.bias = std::atof(v); }},
      {"--length-weight", [&](const char* v) { o.length_weight = std::atof(v); }},
      {"--relative-length-weight", [&](const char* v) { o.relative_length_weight = std::atof(v); }},
      {"--length-prior-posts",
       [&](const char* v) { o.length_prior_posts = std::strtoul(v, nullptr, 10); }},
      {"--length-pivot", [&](const char* v) { o.length_pivot = std::atof(v); }},
      {"--gap-weight", [&](const char* v) { o.gap_weight = std::atof(v); }},
      {"--gap-pivot", [&](const char* v) { o.gap_pivot = std::atof(v); }},
      {"--novelty-weight", [&](const char* v) { o.novelty_weight = std::atof(v); }},
      {"--figures-weight", [&](const char* v) { o.figures_weight = std::atof(v); }},
      {"--statement-weight", [&](const char* v) { o.statement_weight = std::atof(v); }},
      {"--marker-weight", [&](const char* v) { o.marker_weight = std::atof(v); }},
      {"--event-weight", [&](const char* v) { o.event_weight = std::atof(v); }},
      {"--lede-weight", [&](const char* v) { o.lede_weight = std::atof(v); }},
      {"--reaction-weight", [&](const char* v) { o.reaction_weight = std::atof(v); }},
      {"--first-weight", [&](const char* v) { o.first_weight = std::atof(v); }},
      {"--repeat-weight", [&](const char* v) { o.repeat_weight = std::atof(v); }},
      {"--opener-weight", [&](const char* v) { o.opener_weight = std::atof(v); }},
      {"--form-weight", [&](const char* v) { o.form_weight = std::atof(v); }},
      {"--shared", [&](const char* v) { shared = v; }},
      {"--blogs", [&](const char* v) { max_blogs = std::strtoul(v, nullptr, 10); }},
      {"--source", [&](const char* v) { sources = {v}; }},
      {"--half", [&](const char* v) { half = std::atoi(v); }},
      {"--stream", [&](const char* v) { long_stream = v; }},
  };
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--per-blog") {
      per_blog = true;
      continue;
    }
    if (a == "--dump") {  // one line per post: gold, decision, score, signals, text head
      dump = true;
      continue;
    }
    if (a == "-h" || a == "--help") {
      std::cout << "key_events_eval [--shared DIR] [--blogs N] [--source guardian|bbc] "
                   "[--per-blog] [--<option> VALUE]...\noptions:";
      for (const auto& [k, _] : set) std::cout << ' ' << k;
      std::cout << '\n';
      return 0;
    }
    auto it = set.find(a);
    if (it == set.end() || i + 1 >= argc) {
      std::cerr << "key_events_eval: unknown argument or missing value: " << a << '\n';
      return 2;
    }
    it->second(argv[++i]);
  }
  if (auto st = sitrep::timeline::validate(o); !st) {
    std::cerr << "key_events_eval: " << st.message() << '\n';
    return 2;
  }

  const std::filesystem::path root = std::filesystem::path(shared) / "data/liveblog/valid";
  if (!std::filesystem::exists(root)) {
    std::cerr << "key_events_eval: " << root.string() << " not found\n";
    return 2;
  }
  std::printf(
      "options: threshold %.3f min_words %zu window %zu bias %.2f length %.2f/%.0f "
      "relative %.2f/%zu gap %.2f/%.0f novelty %.2f figures %.2f statement %.2f marker %.2f lede "
      "%.2f reaction %.2f event %.2f first %.2f "
      "repeat %.2f opener %.2f form %.2f\n",
      o.threshold, o.min_words, o.window, o.bias, o.length_weight, o.length_pivot,
      o.relative_length_weight, o.length_prior_posts, o.gap_weight, o.gap_pivot, o.novelty_weight,
      o.figures_weight, o.statement_weight, o.marker_weight, o.lede_weight, o.reaction_weight,
      o.event_weight, o.first_weight, o.repeat_weight, o.opener_weight, o.form_weight);

  if (!long_stream.empty()) {
    // One long stream (e.g. from stream_gen): on_add time per block of 10,000 updates, to show
    // that the cost of an update does not grow with the stream.
    sitrep::io::read_options ro;
    ro.format = sitrep::io::input_format::jsonl;
    sitrep::io::read_stats rs;
    auto doc = sitrep::io::read_file(long_stream, ro, rs);
    if (!doc) {
      std::cerr << "key_events_eval: " << doc.error().message() << '\n';
      return 1;
    }
    auto e = sitrep::stream::engine::create({});
    auto k = sitrep::timeline::key_events::create(o);
    if (!e || !k) return 1;
    timed_observer timed(*k);
    if (!e->attach(timed)) return 1;
    constexpr std::size_t kBlock = 10000;
    double last_ns = 0;
    std::size_t keys = 0;
    for (std::size_t i = 0; i < doc->updates.size(); ++i) {
      if (auto r = e->add(std::move(doc->updates[i])); !r) {
        std::cerr << "key_events_eval: " << r.error().message() << '\n';
        return 1;
      }
      keys += k->decision(i).key;
      if ((i + 1) % kBlock == 0 || i + 1 == doc->updates.size()) {
        const std::size_t n = (i % kBlock) + 1;
        std::printf(
            "updates %7zu..%7zu: key_events::on_add %.1f us/update, key events so far %zu\n",
            i + 1 - n, i, (timed.ns - last_ns) / 1e3 / double(n), keys);
        last_ns = timed.ns;
      }
    }
    return 0;
  }

  for (const std::string& source : sources) {
    std::vector<std::string> files;
    for (const auto& f : std::filesystem::directory_iterator(root / source)) {
      const std::string p = f.path().string();
      if (p.ends_with(".jsonl")) files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    if (half == 0 || half == 1) {
      std::vector<std::string> kept;
      for (std::size_t i = static_cast<std::size_t>(half); i < files.size(); i += 2)
        kept.push_back(files[i]);
      files = std::move(kept);
    }
    if (max_blogs && files.size() > max_blogs) files.resize(max_blogs);

    method_score system, longest_quarter, sixty_words;
    std::size_t posts = 0, positives = 0;
    bool any_flag = false;
    double with_ns = 0, without_ns = 0, observer_ns = 0;
    for (const std::string& path : files) {
      std::vector<bool> gold;
      if (!read_gold(path, gold, any_flag)) {
        std::cerr << "key_events_eval: " << path << ": bad JSON\n";
        return 1;
      }
      sitrep::io::read_options ro;
      ro.format = sitrep::io::input_format::jsonl;
      sitrep::io::read_stats rs;
      auto doc = sitrep::io::read_file(path, ro, rs);
      if (!doc) {
        std::cerr << "key_events_eval: " << doc.error().message() << '\n';
        return 1;
      }
      const std::vector<sitrep::update>& ups = doc->updates;
      if (ups.size() != gold.size()) {
        std::cerr << "key_events_eval: " << path << ": " << ups.size() << " updates but "
                  << gold.size() << " labels\n";
        return 1;
      }
      // With the observer.
      auto e = sitrep::stream::engine::create({});
      auto k = sitrep::timeline::key_events::create(o);
      if (!e || !k) {
        std::cerr << "key_events_eval: cannot build the engine\n";
        return 1;
      }
      timed_observer timed(*k);
      if (!e->attach(timed)) {
        std::cerr << "key_events_eval: cannot build the engine\n";
        return 1;
      }
      auto t0 = std::chrono::steady_clock::now();
      for (const auto& u : ups)
        if (auto r = e->add(u); !r) {
          std::cerr << "key_events_eval: " << r.error().message() << '\n';
          return 1;
        }
      auto t1 = std::chrono::steady_clock::now();
      with_ns += double(std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count());
      observer_ns += timed.ns;
      // Without it: the engine's own cost, so the observer's share can be told apart.
      auto bare = sitrep::stream::engine::create({});
      auto t2 = std::chrono::steady_clock::now();
      for (const auto& u : ups) (void)bare->add(u);
      auto t3 = std::chrono::steady_clock::now();
      without_ns += double(std::chrono::duration_cast<std::chrono::nanoseconds>(t3 - t2).count());

      // Baselines.
      std::vector<std::size_t> words(ups.size());
      for (std::size_t i = 0; i < ups.size(); ++i) words[i] = word_count(ups[i].text);
      std::vector<std::size_t> order(ups.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t a, std::size_t b) { return words[a] > words[b]; });
      std::vector<bool> quarter(ups.size(), false);
      for (std::size_t i = 0; i < (ups.size() + 3) / 4; ++i) quarter[order[i]] = true;

      counts cs, cq, c60;
      for (std::size_t i = 0; i < ups.size(); ++i) {
        cs.add(k->decision(i).key, gold[i]);
        cq.add(quarter[i], gold[i]);
        c60.add(words[i] >= 60, gold[i]);
        positives += gold[i];
        if (dump) {
          const auto& d = k->decision(i);
          const auto& g = d.signals;
          std::printf(
              "%d %d %.3f len %.2f rel %.2f gap %.2f nov %.2f fig %.2f st %.0f mk %.0f ld %.0f "
              "ra %.0f ev %.1f fi %.0f "
              "rep %.2f op %.0f form %.2f | %.100s\n",
              int(gold[i]), int(d.key), d.score, g.length, g.relative_length, g.gap, g.novelty,
              g.figures, g.statement, g.marker, g.lede, g.reaction, g.event, g.first, g.repeat,
              g.opener, g.form, ups[i].text.c_str());
        }
      }
      posts += ups.size();
      system.add_blog(cs);
      longest_quarter.add_blog(cq);
      sixty_words.add_blog(c60);
      if (per_blog)
        std::printf("  %s posts %zu gold %zu predicted %zu F1 %.3f\n",
                    std::filesystem::path(path).filename().c_str(), ups.size(), cs.tp + cs.fn,
                    cs.tp + cs.fp, cs.f1());
    }
    std::printf("\n%s: %zu blogs, %zu posts, %zu gold key events\n", source.c_str(), files.size(),
                posts, positives);
    if (!any_flag) {
      std::printf("  no post carries gold_key_event = true: nothing to score\n");
    } else {
      std::printf("%-34s %6s %6s %6s %8s\n", "method", "P", "R", "F1", "blog-F1");
      print_row("key_events (sitrep)", system);
      print_row("longest quarter of each blog", longest_quarter);
      print_row("posts with >= 60 words", sixty_words);
    }
    if (posts)
      std::printf(
          "speed: key_events::on_add %.1f us/update; engine add with it %.1f "
          "us/update, engine alone %.1f us/update\n",
          observer_ns / 1e3 / double(posts), with_ns / 1e3 / double(posts),
          without_ns / 1e3 / double(posts));
  }
  return 0;
}
