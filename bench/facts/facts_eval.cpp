// facts_eval — figures (sitrep::facts) against the hand-made labels of ../shared/data/facts.
//
//   build/bench/facts/facts_eval [--shared DIR] [--errors]
//
// For every `<event>.labels.jsonl` in <shared>/data/facts, reads the texts of
// <shared>/data/background/<event>/updates.jsonl, extracts the figures of each update and scores
// them as that folder's README says ("How a prediction is matched"):
//   * a prediction matches a gold figure of the same update with the same value: exactly equal
//     for whole-number counts, within ±0.5% for other values (money, fractions, decimals); for
//     a range `high` must match too when both sides give one. Matching is one-to-one; among
//     several predictions with the matching value, the one whose surface starts nearest the
//     gold surface's occurrence in the text is taken.
//   * precision = matched / predictions, recall = matched / gold figures.
//   * category, qualifier and hedged accuracy: on matched pairs.
//   * source accuracy: on matched pairs whose gold figure has a source. A predicted source is
//     right when it shares a content word with the gold source (case-insensitive; words of
//     letters and digits, without the function words listed in kFunctionWords); no predicted
//     source is wrong. "strict" also prints the share whose content words are exactly the
//     gold source's.
// --errors also prints every miss, false positive and wrong category/source.
// Exits 0 with a message when the shared folder is absent.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sitrep/facts/figures.hpp"

namespace {

namespace fs = std::filesystem;
using sitrep::facts::figure;

struct gold_figure {
  std::string surface;
  double value = 0;
  std::optional<double> high;
  std::string qualifier, category;
  std::optional<std::string> source;
  bool hedged = false;
  std::size_t pos = std::string::npos;  // where the surface occurs in the text
};

struct counts {
  std::size_t gold = 0, pred = 0, matched = 0;
  std::size_t cat_ok = 0, qual_ok = 0, hedge_ok = 0;
  std::size_t src_n = 0, src_ok = 0, src_strict = 0;
  void add(const counts& o) {
    src_strict += o.src_strict;
    gold += o.gold; pred += o.pred; matched += o.matched;
    cat_ok += o.cat_ok; qual_ok += o.qual_ok; hedge_ok += o.hedge_ok;
    src_n += o.src_n; src_ok += o.src_ok;
  }
};

constexpr std::string_view kFunctionWords[] = {"the", "a", "an", "of", "in", "on", "at", "to",
                                               "for", "and", "by", "with", "s", "its", "from"};

std::set<std::string> content_words(std::string_view s) {
  std::set<std::string> out;
  std::string w;
  auto flush = [&] {
    if (!w.empty() && std::find(std::begin(kFunctionWords), std::end(kFunctionWords), w) ==
                          std::end(kFunctionWords))
      out.insert(w);
    w.clear();
  };
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80)
      w.push_back(static_cast<char>(std::tolower(c)));
    else
      flush();
  }
  flush();
  return out;
}

bool same_source(std::string_view gold, std::string_view pred) {
  const auto g = content_words(gold), p = content_words(pred);
  for (const auto& w : p)
    if (g.count(w)) return true;
  return false;
}

bool same_source_strict(std::string_view gold, std::string_view pred) {
  return content_words(gold) == content_words(pred);
}

bool whole(double v) { return std::fabs(v - std::round(v)) < 1e-9; }

bool same_value(double gold, double pred, bool money) {
  if (whole(gold) && !money) return std::fabs(gold - pred) < 1e-9;
  return std::fabs(gold - pred) <= 0.005 * std::fabs(gold) + 1e-12;
}

bool matches(const gold_figure& g, const figure& p) {
  const bool money = g.category == "money";
  if (!same_value(g.value, p.value, money)) return false;
  if (g.high && p.high && !same_value(*g.high, *p.high, money)) return false;
  return true;
}

std::string span_text(std::string_view text, sitrep::text::byte_span s) {
  if (s.begin > s.end || s.end > text.size()) return {};
  return std::string(text.substr(s.begin, s.size()));
}

std::string fmt_value(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

double ratio(std::size_t a, std::size_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0; }

void print_row(const std::string& name, const counts& c) {
  const double p = ratio(c.matched, c.pred), r = ratio(c.matched, c.gold);
  const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  std::printf("%-20s %5zu %5zu %7zu  %6.3f %6.3f %6.3f   %6.3f   %6.3f (%3zu)  %6.3f  %6.3f  %6.3f\n",
              name.c_str(), c.gold, c.pred, c.matched, p, r, f, ratio(c.cat_ok, c.matched),
              ratio(c.src_ok, c.src_n), c.src_n, ratio(c.qual_ok, c.matched),
              ratio(c.hedge_ok, c.matched), ratio(c.src_strict, c.src_n));
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = SITREP_SHARED_DIR;
  bool errors = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--errors") {
      errors = true;
    } else if (a == "--text" && i + 1 < argc) {
      // Development aid: the figures of one text.
      const std::string_view text = argv[++i];
      for (const auto& f : sitrep::facts::extract_figures(text))
        std::cout << "\"" << span_text(text, f.surface) << "\" = " << fmt_value(f.value)
                  << (f.high ? "-" + fmt_value(*f.high) : std::string()) << " "
                  << sitrep::facts::to_string(f.qualifier) << " " << sitrep::facts::to_string(f.category)
                  << " counted \"" << span_text(text, f.counted) << "\" source \""
                  << (f.source ? span_text(text, *f.source) : std::string()) << "\""
                  << (f.hedged ? " hedged" : "") << "\n";
      return 0;
    } else if (a == "--shared" && i + 1 < argc) {
      shared = argv[++i];
    } else {
      std::cerr << "usage: facts_eval [--shared DIR] [--errors]\n";
      return 2;
    }
  }
  const fs::path facts_dir = fs::path(shared) / "data" / "facts";
  if (!fs::is_directory(facts_dir)) {
    std::cout << "facts_eval: " << facts_dir.string() << " not found; nothing to score\n";
    return 0;
  }
  std::vector<fs::path> label_files;
  for (const auto& e : fs::directory_iterator(facts_dir)) {
    const std::string name = e.path().filename().string();
    if (name.size() > 13 && name.ends_with(".labels.jsonl")) label_files.push_back(e.path());
  }
  std::sort(label_files.begin(), label_files.end());

  const sitrep::facts::figure_extractor extractor;
  std::map<std::string, counts> per_event;
  counts pooled;
  for (const auto& lf : label_files) {
    const std::string fname = lf.filename().string();
    const std::string event = fname.substr(0, fname.size() - 13);
    // Texts.
    std::map<std::string, std::string> texts;
    std::vector<std::string> order;
    {
      std::ifstream in(fs::path(shared) / "data" / "background" / event / "updates.jsonl");
      if (!in) {
        std::cerr << "facts_eval: no updates.jsonl for " << event << "\n";
        return 1;
      }
      std::string line;
      while (std::getline(in, line)) {
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.contains("id") || !j.contains("text")) continue;
        order.push_back(j["id"].get<std::string>());
        texts[order.back()] = j["text"].get<std::string>();
      }
    }
    // Gold figures.
    std::map<std::string, std::vector<gold_figure>> gold;
    {
      std::ifstream in(lf);
      std::string line;
      std::size_t lineno = 0;
      while (std::getline(in, line)) {
        ++lineno;
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded()) {
          std::cerr << lf.string() << ":" << lineno << ": not JSON\n";
          return 1;
        }
        if (j.value("kind", "") != "figure") continue;
        gold_figure g;
        g.surface = j.value("surface", "");
        g.value = j.value("value", 0.0);
        if (j.contains("high") && j["high"].is_number()) g.high = j["high"].get<double>();
        g.qualifier = j.value("qualifier", "");
        g.category = j.value("category", "");
        if (j.contains("source") && j["source"].is_string()) g.source = j["source"].get<std::string>();
        g.hedged = j.value("hedged", false);
        gold[j.value("update", "")].push_back(std::move(g));
      }
    }
    counts ev;
    for (const auto& id : order) {
      const std::string& text = texts[id];
      auto& golds = gold[id];
      // Where each gold surface occurs (the k-th time for the k-th label with that surface).
      std::map<std::string, std::size_t> seen;
      for (auto& g : golds) {
        std::size_t from = 0, k = seen[g.surface]++;
        std::size_t pos = text.find(g.surface);
        while (pos != std::string::npos && k > 0) {
          from = pos + 1;
          pos = text.find(g.surface, from);
          --k;
        }
        g.pos = pos == std::string::npos ? text.find(g.surface) : pos;
      }
      const auto preds = extractor.extract(text);
      std::vector<bool> used(preds.size(), false);
      counts c;
      c.gold = golds.size();
      c.pred = preds.size();
      for (const auto& g : golds) {
        std::size_t best = preds.size();
        std::size_t best_d = std::string::npos;
        for (std::size_t i = 0; i < preds.size(); ++i) {
          if (used[i] || !matches(g, preds[i])) continue;
          const std::size_t gp = g.pos == std::string::npos ? 0 : g.pos;
          const std::size_t d = preds[i].surface.begin > gp ? preds[i].surface.begin - gp
                                                            : gp - preds[i].surface.begin;
          if (d < best_d) {
            best_d = d;
            best = i;
          }
        }
        if (best == preds.size()) {
          if (errors)
            std::cout << "MISS  " << id << "  \"" << g.surface << "\" = " << fmt_value(g.value)
                      << " [" << g.category << "]\n";
          continue;
        }
        used[best] = true;
        const figure& p = preds[best];
        ++c.matched;
        const std::string pcat(sitrep::facts::to_string(p.category));
        if (pcat == g.category) ++c.cat_ok;
        else if (errors)
          std::cout << "CAT   " << id << "  \"" << g.surface << "\" gold " << g.category << " got "
                    << pcat << "  (counted: " << span_text(text, p.counted) << ")\n";
        if (std::string(sitrep::facts::to_string(p.qualifier)) == g.qualifier) ++c.qual_ok;
        else if (errors)
          std::cout << "QUAL  " << id << "  \"" << g.surface << "\" gold " << g.qualifier << " got "
                    << sitrep::facts::to_string(p.qualifier) << "\n";
        if (p.hedged == g.hedged) ++c.hedge_ok;
        else if (errors)
          std::cout << "HEDGE " << id << "  \"" << g.surface << "\" gold " << g.hedged << "\n";
        if (g.source) {
          ++c.src_n;
          const std::string ps = p.source ? span_text(text, *p.source) : std::string();
          if (p.source && same_source_strict(*g.source, ps)) ++c.src_strict;
          if (p.source && same_source(*g.source, ps)) ++c.src_ok;
          else if (errors)
            std::cout << "SRC   " << id << "  \"" << g.surface << "\" gold \"" << *g.source
                      << "\" got \"" << ps << "\"\n";
        }
      }
      if (errors)
        for (std::size_t i = 0; i < preds.size(); ++i)
          if (!used[i])
            std::cout << "FP    " << id << "  \"" << span_text(text, preds[i].surface) << "\" = "
                      << fmt_value(preds[i].value) << " [" << sitrep::facts::to_string(preds[i].category)
                      << "]\n";
      ev.add(c);
    }
    per_event[event] = ev;
    pooled.add(ev);
  }
  std::printf("\nfigures: match on (update, value), one-to-one; source right = shares a content word\n"
              "with the gold source (case-insensitive, function words ignored); strict = the same\n"
              "content words; cat, source, qual, hedged on matched pairs\n");
  std::printf("%-20s %5s %5s %7s  %6s %6s %6s   %6s   %12s  %6s  %6s  %6s\n", "event", "gold", "pred",
              "matched", "P", "R", "F1", "cat", "source (n)", "qual", "hedged", "strict");
  for (const auto& [name, c] : per_event) print_row(name, c);
  print_row("pooled", pooled);
  return 0;
}
