// attribution_eval — attributions (sitrep::facts::attribution_extractor) against PolNeAR and the
// hand-made speaker labels of ../shared/data/facts.
//
//   build/bench/facts/attribution_eval [--shared DIR] [--split dev|train] [--errors N] [--by-cue]
//
// PolNeAR (<shared>/data/attribution/<split>.jsonl, default dev), scored as its README says:
// each gold attribution is matched to the first unmatched prediction whose cue overlaps its cue
// (byte spans, so token overlap). Then for the cue, the source and the content:
//   overlap: a matched pair counts when the spans overlap (the cue always does), a null gold
//            source only with a null predicted source;
//   exact:   when the spans are equal;
// precision = counted pairs / predictions, recall = counted pairs / gold attributions.
// The source is `attribution::source` (as written: a pronoun stays a pronoun).
//
// Facts speakers (<shared>/data/facts/*.labels.jsonl, the texts in
// <shared>/data/background/<event>/updates.jsonl), scored as that README says: a prediction is
// (update, sentence, speaker), the speaker being `attribution::speaker` (pronouns resolved),
// one per speaker and sentence; it matches a gold attribution line of the same update whose
// speaker shares a word with it (case-insensitive, articles and punctuation ignored), or, for
// a gold null speaker, a null-speaker prediction on the same sentence. One-to-one.
// --errors N prints up to N misses and false positives of each set; --by-cue, for each PolNeAR
// cue (lowercased) predicted, how often it was predicted and how often its cue and source were right.
// Exits 0 with a message when the shared folder is absent.
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sitrep/facts/attribution.hpp"

#ifndef SITREP_SHARED_DIR
#define SITREP_SHARED_DIR "../shared"
#endif

namespace {

namespace fs = std::filesystem;
using sitrep::text::byte_span;
using json = nlohmann::json;

struct prf {
  std::size_t tp = 0, pred = 0, gold = 0;
  void print(const char* name) const {
    const double p = pred ? static_cast<double>(tp) / static_cast<double>(pred) : 0;
    const double r = gold ? static_cast<double>(tp) / static_cast<double>(gold) : 0;
    const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    std::printf("  %-18s P %.3f  R %.3f  F1 %.3f   (%zu of %zu predicted, %zu gold)\n", name, p, r, f,
                tp, pred, gold);
  }
};

bool overlap(const byte_span& a, const byte_span& b) { return a.begin < b.end && b.begin < a.end; }

std::optional<byte_span> span_of(const json& j) {
  if (!j.is_array() || j.size() != 2) return std::nullopt;
  return byte_span{j[0].get<std::size_t>(), j[1].get<std::size_t>()};
}

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::string w;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const unsigned char c = i < s.size() ? static_cast<unsigned char>(s[i]) : ' ';
    if (std::isalnum(c) || c >= 0x80) {
      w.push_back(static_cast<char>(std::tolower(c)));
    } else if (!w.empty()) {
      if (w != "the" && w != "a" && w != "an") out.push_back(w);
      w.clear();
    }
  }
  return out;
}

bool share_word(const std::string& a, const std::string& b) {
  auto wa = words_of(a), wb = words_of(b);
  for (const auto& x : wa)
    if (std::find(wb.begin(), wb.end(), x) != wb.end()) return true;
  return false;
}

std::string normalized(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

int polnear(const fs::path& file, std::size_t errors, bool by_cue) {
  std::map<std::string, std::array<std::size_t, 3>> cues;  // cue, lowercased: predicted, cue right, source right
  std::ifstream in(file);
  if (!in) {
    std::printf("attribution_eval: %s is absent; PolNeAR not scored\n", file.string().c_str());
    return 0;
  }
  const sitrep::facts::attribution_extractor extractor;
  prf cue, src, con, cue_x, src_x, con_x;
  std::size_t shown_miss = 0, shown_fp = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const json doc = json::parse(line);
    const std::string text = doc.at("text").get<std::string>();
    const auto pred = extractor.extract(text);
    std::vector<bool> used(pred.size(), false);
    const auto& gold = doc.at("gold_attributions");
    for (auto* p : {&cue, &src, &con, &cue_x, &src_x, &con_x}) {
      p->pred += pred.size();
      p->gold += gold.size();
    }
    for (const auto& g : gold) {
      const byte_span gc = *span_of(g.at("cue"));
      const auto gs = span_of(g.at("source"));
      const byte_span gt = *span_of(g.at("content"));
      std::size_t k = 0;
      while (k < pred.size() && (used[k] || !overlap(pred[k].cue, gc))) ++k;
      if (k == pred.size()) {
        if (shown_miss < errors) {
          ++shown_miss;
          // The cue with up to 100 bytes before and 60 after, on one line.
          const std::size_t b = gc.begin > 100 ? gc.begin - 100 : 0;
          std::string around = text.substr(b, std::min(text.size(), gc.end + 60) - b);
          for (char& c : around)
            if (c == '\n') c = ' ';
          std::printf("MISS cue \"%s\" source \"%s\" in: %s\n", g.at("cue_text").get<std::string>().c_str(),
                      gs ? g.at("source_text").get<std::string>().c_str() : "(none)", around.c_str());
        }
        continue;
      }
      used[k] = true;
      const auto& a = pred[k];
      ++cue.tp;
      if (by_cue) {
        auto& c = cues[lowered(text.substr(a.cue.begin, a.cue.size()))];
        ++c[1];
        if ((!gs && !a.source) || (gs && a.source && overlap(*gs, *a.source))) ++c[2];
      }
      if (a.cue == gc) ++cue_x.tp;
      if ((!gs && !a.source) || (gs && a.source && overlap(*gs, *a.source))) ++src.tp;
      if ((!gs && !a.source) || (gs && a.source && *gs == *a.source)) ++src_x.tp;
      else if (shown_fp < errors && !(gs && a.source && overlap(*gs, *a.source))) {
        ++shown_fp;
        std::printf("SOURCE cue \"%s\": gold \"%s\" predicted \"%s\"\n",
                    text.substr(a.cue.begin, a.cue.size()).c_str(),
                    gs ? g.at("source_text").get<std::string>().c_str() : "(none)",
                    a.source ? text.substr(a.source->begin, a.source->size()).c_str() : "(none)");
      }
      if (overlap(gt, a.content)) ++con.tp;
      if (gt == a.content) ++con_x.tp;
    }
    if (by_cue)
      for (const auto& a : pred) ++cues[lowered(text.substr(a.cue.begin, a.cue.size()))][0];
    for (std::size_t k = 0; k < pred.size() && shown_fp < errors; ++k)
      if (!used[k]) {
        ++shown_fp;
        const auto& s = pred[k].sentence;
        std::printf("FALSE cue \"%s\" in: %s\n", text.substr(pred[k].cue.begin, pred[k].cue.size()).c_str(),
                    normalized(text.substr(s.begin, s.size())).c_str());
      }
  }
  std::printf("PolNeAR %s (cue matched by overlap)\n", file.filename().string().c_str());
  cue.print("cue overlap");
  src.print("source overlap");
  con.print("content overlap");
  cue_x.print("cue exact");
  src_x.print("source exact");
  con_x.print("content exact");
  for (const auto& [w, c] : cues)
    std::printf("CUE %-24s predicted %5zu  cue right %5zu  source right %5zu\n", w.c_str(), c[0], c[1], c[2]);
  return 0;
}

int facts(const fs::path& shared, std::size_t errors) {
  const fs::path dir = shared / "data" / "facts";
  if (!fs::is_directory(dir)) {
    std::printf("attribution_eval: %s is absent; facts speakers not scored\n", dir.string().c_str());
    return 0;
  }
  const sitrep::facts::attribution_extractor extractor;
  prf total;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().string().ends_with(".labels.jsonl")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::size_t shown = 0;
  for (const auto& f : files) {
    const std::string event = f.filename().string().substr(0, f.filename().string().find('.'));
    std::map<std::string, std::string> texts;
    std::ifstream up(shared / "data" / "background" / event / "updates.jsonl");
    std::string line;
    while (std::getline(up, line))
      if (!line.empty()) {
        const json j = json::parse(line);
        texts[j.at("id").get<std::string>()] = j.at("text").get<std::string>();
      }
    struct item {
      std::string update, sentence;
      std::optional<std::string> speaker;
      bool used = false;
    };
    std::vector<item> gold, pred;
    std::ifstream lab(f);
    while (std::getline(lab, line)) {
      if (line.empty()) continue;
      const json j = json::parse(line);
      if (j.at("kind") != "attribution") continue;
      item g{j.at("update").get<std::string>(), normalized(j.at("sentence").get<std::string>()), {}};
      if (!j.at("speaker").is_null()) g.speaker = j.at("speaker").get<std::string>();
      gold.push_back(std::move(g));
    }
    for (const auto& [id, text] : texts) {
      std::set<std::pair<std::string, std::string>> seen;
      for (const auto& a : extractor.extract(text)) {
        item p{id, normalized(text.substr(a.sentence.begin, a.sentence.size())), {}};
        if (a.speaker) p.speaker = text.substr(a.speaker->begin, a.speaker->size());
        if (!seen.insert({p.sentence, p.speaker.value_or("")}).second) continue;
        pred.push_back(std::move(p));
      }
    }
    prf one;
    one.pred = pred.size();
    one.gold = gold.size();
    for (auto& g : gold) {
      for (auto& p : pred) {
        if (p.used || p.update != g.update) continue;
        const bool ok = g.speaker ? (p.speaker && share_word(*g.speaker, *p.speaker))
                                  : (!p.speaker && p.sentence == g.sentence);
        if (ok) {
          p.used = g.used = true;
          ++one.tp;
          break;
        }
      }
      if (!g.used && shown < errors) {
        ++shown;
        std::printf("MISS %s speaker \"%s\": %s\n", g.update.c_str(), g.speaker.value_or("(none)").c_str(),
                    g.sentence.c_str());
      }
    }
    for (const auto& p : pred)
      if (!p.used && shown < errors) {
        ++shown;
        std::printf("FALSE %s speaker \"%s\": %s\n", p.update.c_str(), p.speaker.value_or("(none)").c_str(),
                    p.sentence.c_str());
      }
    std::printf("facts %s\n", f.filename().string().c_str());
    one.print("speaker");
    total.tp += one.tp;
    total.pred += one.pred;
    total.gold += one.gold;
  }
  std::printf("facts, both label files\n");
  total.print("speaker");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = SITREP_SHARED_DIR;
  std::string split = "dev";
  std::size_t errors = 0;
  bool by_cue = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--shared" && i + 1 < argc) shared = argv[++i];
    else if (a == "--split" && i + 1 < argc) split = argv[++i];
    else if (a == "--errors" && i + 1 < argc) errors = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--by-cue") by_cue = true;
    else {
      std::fprintf(stderr, "usage: attribution_eval [--shared DIR] [--split dev|train] [--errors N] [--by-cue]\n");
      return 2;
    }
  }
  if (!fs::is_directory(shared)) {
    std::printf("attribution_eval: %s is absent; nothing to score\n", shared.string().c_str());
    return 0;
  }
  try {
    polnear(shared / "data" / "attribution" / (split + ".jsonl"), errors, by_cue);
    facts(shared, errors);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "attribution_eval: %s\n", e.what());
    return 2;
  }
  return 0;
}
