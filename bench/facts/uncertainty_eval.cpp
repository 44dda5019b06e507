// uncertainty_eval — hedge cues (sitrep::facts::status_detector::hedges) against the uncertainty
// sentences of ../shared/data/uncertainty (FactBank dev and WikiWeasel).
//
//   build/bench/facts/uncertainty_eval [--shared DIR] [--half all|even|odd] [--errors N]
//
// Scored as that folder's README says: sentence level, a sentence is predicted uncertain when
// `hedges` finds a cue in it; precision, recall and F1 of `gold_uncertain` (positive class =
// uncertain). Cue level (lenient): a predicted cue is right when it overlaps a gold cue
// (one-to-one). `--half even|odd` keeps the documents at even / odd positions of each file (in
// the order they first appear), to tune word lists on one half and report the other.
// --errors N prints up to N missed and false sentences of each file.
// Exits 0 with a message when the shared folder is absent.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sitrep/facts/verification.hpp"

#ifndef SITREP_SHARED_DIR
#define SITREP_SHARED_DIR "../shared"
#endif

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

struct prf {
  std::size_t tp = 0, pred = 0, gold = 0;
  void print(const char* name) const {
    const double p = pred ? static_cast<double>(tp) / static_cast<double>(pred) : 0;
    const double r = gold ? static_cast<double>(tp) / static_cast<double>(gold) : 0;
    const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    std::printf("  %-16s P %.3f  R %.3f  F1 %.3f   (%zu right, %zu predicted, %zu gold)\n", name, p,
                r, f, tp, pred, gold);
  }
};

void score(const fs::path& file, const std::string& half, std::size_t errors) {
  std::ifstream in(file);
  if (!in) {
    std::printf("uncertainty_eval: %s is absent; not scored\n", file.string().c_str());
    return;
  }
  const sitrep::facts::status_detector detector;
  prf sent, cue;
  std::string line, doc;
  std::size_t doc_index = 0, shown = 0;
  bool first = true;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const json j = json::parse(line);
    const std::string id = j.at("id").get<std::string>();
    const std::string d = id.substr(0, id.rfind(':'));
    if (first || d != doc) {
      if (!first) ++doc_index;
      first = false;
      doc = d;
    }
    if ((half == "even" && doc_index % 2 != 0) || (half == "odd" && doc_index % 2 != 1)) continue;
    const std::string text = j.at("text").get<std::string>();
    const bool gold = j.at("gold_uncertain").get<bool>();
    const auto cues = detector.hedges(text);
    const bool pred = !cues.empty();
    sent.gold += gold;
    sent.pred += pred;
    sent.tp += gold && pred;
    const auto& gc = j.at("gold_cues");
    cue.gold += gc.size();
    cue.pred += cues.size();
    std::vector<bool> used(gc.size(), false);
    for (const auto& c : cues)
      for (std::size_t k = 0; k < gc.size(); ++k) {
        const std::size_t b = gc[k].at("begin"), e = gc[k].at("end");
        if (!used[k] && c.cue.begin < e && b < c.cue.end) {
          used[k] = true;
          ++cue.tp;
          break;
        }
      }
    if (gold != pred && shown < errors) {
      ++shown;
      std::string cue_text;
      if (pred) cue_text = text.substr(cues[0].cue.begin, cues[0].cue.size());
      else if (!gc.empty()) cue_text = text.substr(gc[0].at("begin").get<std::size_t>(),
                                                   gc[0].at("end").get<std::size_t>() - gc[0].at("begin").get<std::size_t>());
      std::printf("%s [%s] %s\n", pred ? "FALSE" : "MISS", cue_text.c_str(), text.c_str());
    }
  }
  std::printf("%s (%s documents)\n", file.filename().string().c_str(), half.c_str());
  sent.print("sentence");
  cue.print("cue overlap");
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = SITREP_SHARED_DIR;
  std::string half = "all";
  std::size_t errors = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--shared" && i + 1 < argc) shared = argv[++i];
    else if (a == "--half" && i + 1 < argc) half = argv[++i];
    else if (a == "--errors" && i + 1 < argc) errors = std::strtoull(argv[++i], nullptr, 10);
    else {
      std::fprintf(stderr, "usage: uncertainty_eval [--shared DIR] [--half all|even|odd] [--errors N]\n");
      return 2;
    }
  }
  if (half != "all" && half != "even" && half != "odd") {
    std::fprintf(stderr, "uncertainty_eval: --half takes all, even or odd\n");
    return 2;
  }
  if (!fs::is_directory(shared)) {
    std::printf("uncertainty_eval: %s is absent; nothing to score\n", shared.string().c_str());
    return 0;
  }
  try {
    score(shared / "data" / "uncertainty" / "factbank-dev.jsonl", half, errors);
    score(shared / "data" / "uncertainty" / "wikiweasel.jsonl", half, errors);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "uncertainty_eval: %s\n", e.what());
    return 2;
  }
  return 0;
}
