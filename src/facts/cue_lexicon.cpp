#include "cue_lexicon.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace sitrep::facts::data {
extern const std::string_view kReportingCues;  // data/facts/reporting_cues.txt
}

namespace sitrep::facts::detail {
namespace {

using sv = std::string_view;

constexpr std::array<sv, static_cast<std::size_t>(cue_class::count_)> kClassNames = {
    "say",      "listener", "epistemic", "doxastic",     "report",  "claim",
    "condition", "question", "forecast", "denial", "confirmation", "negation"};

struct phrase {
  std::vector<std::string> rest;  // the words after the first
  cue_class cls;
};

struct entry {
  std::uint32_t single = 0;      // classes the word has on its own (bit per class)
  std::vector<phrase> phrases;   // phrases of two or more words starting with the word
};

class lexicon {
 public:
  lexicon() {
    sv all = data::kReportingCues;
    while (!all.empty()) {
      const std::size_t nl = all.find('\n');
      sv line = all.substr(0, nl);
      all = nl == sv::npos ? sv{} : all.substr(nl + 1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line.front() == '#') continue;
      const std::size_t sp = line.find(' ');
      if (sp == sv::npos) continue;
      const sv name = line.substr(0, sp);
      std::size_t cls = 0;
      while (cls < kClassNames.size() && kClassNames[cls] != name) ++cls;
      if (cls == kClassNames.size()) continue;  // the list is ours: an unknown class is skipped
      std::vector<std::string> words;
      sv rest = line.substr(sp + 1);
      while (!rest.empty()) {
        const std::size_t e = rest.find(' ');
        if (e != 0) words.emplace_back(rest.substr(0, e));
        rest = e == sv::npos ? sv{} : rest.substr(e + 1);
      }
      if (words.empty()) continue;
      auto [it, fresh] = map_.try_emplace(words.front(), static_cast<std::uint32_t>(entries_.size()));
      if (fresh) entries_.emplace_back();
      entry& en = entries_[it->second];
      if (words.size() == 1) {
        en.single |= 1u << cls;
      } else {
        en.phrases.push_back({std::vector<std::string>(words.begin() + 1, words.end()),
                              static_cast<cue_class>(cls)});
      }
    }
    index();
  }

  // The entry of `w` plus one; 0 when `w` starts no cue.
  std::uint32_t index(sv w) const {
    // Most words are in no list: a bitmap of the entries' hashes turns them away before the
    // hash table is probed.
    if (w.size() > max_len_) return 0;
    const std::uint64_t h = fnv(w);
    if (!(filter_[(h >> 6) & kFilterMask] & (1ull << (h & 63)))) return 0;
    for (std::size_t i = (h ^ (h >> 29)) & slot_mask_;; i = (i + 1) & slot_mask_) {
      const slot& sl = slots_[i];
      if (sl.key.empty()) return 0;
      if (sl.key == w) return sl.index + 1;
    }
  }
  const entry* at(std::uint32_t index) const { return index ? &entries_[index - 1] : nullptr; }
  const entry* find(sv w) const { return at(index(w)); }

 private:
  static constexpr std::size_t kFilterWords = 256;  // 16,384 bits
  static constexpr std::size_t kFilterMask = kFilterWords - 1;
  static std::uint64_t fnv(sv w) noexcept {
    std::uint64_t h = 1469598103934665603ull;
    for (char c : w) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
    return h;
  }
  void index() {
    // An open-addressed table (a quarter full) over the map's keys, probed with the hash the
    // filter already took: one hash a word.
    std::size_t size = 16;
    while (size < 4 * map_.size()) size *= 2;
    slots_.assign(size, slot{});
    slot_mask_ = size - 1;
    for (const auto& [w, e] : map_) {
      const std::uint64_t h = fnv(w);
      filter_[(h >> 6) & kFilterMask] |= 1ull << (h & 63);
      max_len_ = std::max(max_len_, w.size());
      std::size_t i = (h ^ (h >> 29)) & slot_mask_;
      while (!slots_[i].key.empty()) i = (i + 1) & slot_mask_;
      slots_[i] = slot{w, e};
    }
  }
  struct slot {
    sv key;  // a key of map_ (node-based: the view stays valid)
    std::uint32_t index = 0;
  };
  std::vector<slot> slots_;
  std::size_t slot_mask_ = 0;
  std::array<std::uint64_t, kFilterWords> filter_{};
  std::size_t max_len_ = 0;
  struct hash {
    using is_transparent = void;
    std::size_t operator()(sv s) const noexcept { return std::hash<sv>{}(s); }
  };
  std::unordered_map<std::string, std::uint32_t, hash, std::equal_to<>> map_;
  std::vector<entry> entries_;
};

const lexicon& lex() {
  static const lexicon kLexicon;
  return kLexicon;
}

bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool word_byte(unsigned char c) { return is_alpha(c) || is_digit(c) || c >= 0x80; }

// Multi-byte punctuation and spaces: returns its length and sets `c` (' ' for a space).
std::size_t special_at(sv s, std::size_t i, char& c) {
  const auto b = [&](std::size_t k) -> unsigned {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0x100;
  };
  if (b(0) == 0xC2 && (b(1) == 0xA0 || b(1) == 0x85)) return c = ' ', 2;
  if (b(0) == 0xC2 && (b(1) == 0xAB || b(1) == 0xBB)) return c = '"', 2;
  if (b(0) == 0xE2 && b(1) == 0x80) {
    const unsigned t = b(2);
    if ((t >= 0x80 && t <= 0x8A) || t == 0xA8 || t == 0xA9 || t == 0xAF) return c = ' ', 3;
    if (t >= 0x90 && t <= 0x95) return c = '-', 3;
    if (t >= 0x98 && t <= 0x9B) return c = '\'', 3;
    if (t >= 0x9C && t <= 0x9F) return c = '"', 3;
    if (t == 0xA6) return c = '.', 3;
  }
  return 0;
}

}  // namespace

void ascii_lower(sv s, std::string& out) {
  out.assign(s);
  for (auto& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
}

void tokenize(sv text, std::size_t begin, std::size_t end, std::string& lower,
              std::vector<token>& out) {
  out.clear();
  end = std::min(end, text.size());
  if (begin >= end) return;
  const sv s = text.substr(begin, end - begin);
  ascii_lower(s, lower);
  tokenize_lowered(s, lower.data(), begin, out);
}

void tokenize_lowered(sv s, const char* low, std::size_t begin, std::vector<token>& out) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      ++i;
      continue;
    }
    char sc = 0;
    const std::size_t sl = c >= 0x80 ? special_at(s, i, sc) : 0;
    if (sl && sc == ' ') {
      i += sl;
      continue;
    }
    token t;
    t.begin = begin + i;
    if (sl) {
      t.c = sc;
      i += sl;
    } else if (word_byte(c)) {
      std::size_t j = i;
      while (j < n) {
        const auto d = static_cast<unsigned char>(s[j]);
        char dc = 0;
        if (d >= 0x80 && special_at(s, j, dc)) {
          // A curly apostrophe inside a word ("Mali’s") keeps the word whole.
          if (dc == '\'' && j + 3 < n && is_alpha(static_cast<unsigned char>(s[j + 3])) && j > i) {
            j += 3;
            continue;
          }
          break;
        }
        if (word_byte(d)) {
          ++j;
        } else if ((d == '\'' || d == '-' || d == '.') && j + 1 < n && j > i &&
                   word_byte(static_cast<unsigned char>(s[j + 1])) &&
                   (d != '.' || (j + 2 <= n && j - i == 1))) {
          // Inner apostrophe ("didn't", "Mali's"), hyphen ("Al-Mourabitoun") and the dot of
          // a one-letter abbreviation ("U.S").
          ++j;
        } else {
          break;
        }
      }
      // "U.S." keeps its final dot when it follows a one-letter piece ("U.S", "U.N"), and a
      // title its abbreviation dot ("Col. Ann Reed").
      if (j < n && s[j] == '.' && j >= i + 3 && s[j - 2] == '.') {
        ++j;
      } else if (j < n && s[j] == '.' && c >= 'A' && c <= 'Z' && j - i <= 5) {
        static constexpr sv kTitles[] = {"col", "gen", "mr", "mrs", "ms", "dr", "sen", "rep",
                                         "lt", "capt", "gov", "prof", "st", "sgt", "maj", "adm",
                                         "cmdr", "insp", "supt", "det", "cpl", "pvt", "rev", "hon",
                                         "pres", "sec", "amb", "brig", "atty", "jr", "sr"};
        const sv w(low + i, j - i);
        for (sv t : kTitles)
          if (w == t) {
            ++j;
            break;
          }
      }
      t.word = true;
      t.cap = c >= 'A' && c <= 'Z';
      t.low = sv(low + i, j - i);
      t.lex = lex().index(t.low);
      i = j;
    } else {
      t.c = c == '`' ? '\'' : static_cast<char>(c);
      ++i;
    }
    t.end = begin + i;
    out.push_back(t);
  }
}

void match_at(std::span<const token> toks, std::size_t i, std::vector<cue_match>& out) {
  if (i >= toks.size() || !toks[i].word) return;
  const entry* e = lex().at(toks[i].lex);
  if (!e) return;
  std::array<std::size_t, static_cast<std::size_t>(cue_class::count_)> best{};
  for (std::size_t c = 0; c < best.size(); ++c)
    if (e->single & (1u << c)) best[c] = 1;
  for (const phrase& p : e->phrases) {
    bool ok = i + p.rest.size() < toks.size();
    for (std::size_t k = 0; ok && k < p.rest.size(); ++k)
      ok = toks[i + 1 + k].word && toks[i + 1 + k].low == p.rest[k];
    const auto c = static_cast<std::size_t>(p.cls);
    if (ok && p.rest.size() + 1 > best[c]) best[c] = p.rest.size() + 1;
  }
  for (std::size_t c = 0; c < best.size(); ++c)
    if (best[c]) out.push_back({static_cast<cue_class>(c), best[c]});
}

bool word_has(sv w, cue_class c) {
  const entry* e = lex().find(w);
  return e && (e->single & (1u << static_cast<unsigned>(c)));
}

namespace {
std::uint64_t fnv64(sv w) noexcept {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : w) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h ^ (h >> 29);
}
}  // namespace

word_set::word_set(std::initializer_list<sv> words) {
  std::size_t size = 16;
  while (size < 4 * words.size()) size *= 2;
  slots_.assign(size, sv{});
  mask_ = size - 1;
  for (sv w : words) {
    if (w.empty()) continue;
    std::size_t i = fnv64(w) & mask_;
    while (!slots_[i].empty() && slots_[i] != w) i = (i + 1) & mask_;
    slots_[i] = w;
    max_len_ = std::max(max_len_, w.size());
  }
}

bool word_set::contains(sv w) const noexcept {
  if (w.empty() || w.size() > max_len_) return false;
  for (std::size_t i = fnv64(w) & mask_;; i = (i + 1) & mask_) {
    if (slots_[i].empty()) return false;
    if (slots_[i] == w) return true;
  }
}

bool is_pronoun(sv w) {
  return w == "he" || w == "she" || w == "they" || w == "it" || w == "we" || w == "i";
}

bool is_negation(sv w) {
  return w == "not" || w == "never" || w == "unable" || w == "no" ||
         (w.size() > 3 && w.substr(w.size() - 3) == "n't");
}

}  // namespace sitrep::facts::detail
