// entities.cpp — rules for names of people, organizations and places. The word lists are in
// data/facts/ (compiled in); the rules below were written for sitrep.
//
// The text is cut into word tokens with byte spans (initials and abbreviations such as "H." and
// "U.S." are one token; a possessive "'s" is cut off and ends a name), each with a normalized
// key (ASCII-lowercased, full stops dropped, hyphens as spaces). Then one left-to-right pass:
// a gazetteer match (longest, at most a few tokens), else a run of capitalized words, split at
// titles and at a leading place, and classified by the word lists. Every step looks at a
// bounded window of tokens, so the cost is linear in the text.
#include "sitrep/facts/entities.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_set>
#include "word_in.hpp"

namespace sitrep::facts {

namespace data {
extern const std::string_view kEntityLists;
extern const std::string_view kPlaceNames;
}  // namespace data

std::string_view to_string(entity_type t) noexcept {
  switch (t) {
    case entity_type::person: return "person";
    case entity_type::organization: return "organization";
    case entity_type::place: return "place";
    case entity_type::other: return "other";
  }
  return "other";
}

namespace {

using sv = std::string_view;

// FNV-1a: keys are short words, for which it is faster than the standard library's hash.
struct sv_hash {
  using is_transparent = void;
  std::size_t operator()(sv s) const noexcept {
    std::uint64_t h = 14695981039346656037ull;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return static_cast<std::size_t>(h);
  }
};

// A cheap first test of a word before any hash lookup: its first two bytes and length.
struct word_filter {
  std::array<std::uint64_t, 27 * 27> bits{};  // bit min(length, 63) of slot (c0, c1)
  static std::size_t slot(sv w) {
    auto letter = [](char c) {
      const auto u = static_cast<unsigned char>(c);
      return u >= 'a' && u <= 'z' ? static_cast<std::size_t>(u - 'a') : std::size_t{26};
    };
    return letter(w[0]) * 27 + (w.size() > 1 ? letter(w[1]) : 26);
  }
  void add(sv w) {
    if (!w.empty()) bits[slot(w)] |= std::uint64_t{1} << std::min<std::size_t>(w.size(), 63);
  }
  bool may_hold(sv w) const {
    return !w.empty() && (bits[slot(w)] >> std::min<std::size_t>(w.size(), 63) & 1);
  }
};
using word_set = std::unordered_set<std::string, sv_hash, std::equal_to<>>;

bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_alnum(unsigned char c) { return is_upper(c) || is_lower(c) || (c >= '0' && c <= '9'); }

// Bytes of a multi-byte sequence that is punctuation or space, not a word character: curly
// quotes, dashes, the ellipsis (E2 80 xx) and the no-break space (C2 A0). 0 when not.
std::size_t punct_seq(sv s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) return 3;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  return 0;
}

bool word_byte(sv s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  return is_alnum(c) || (c >= 0x80 && punct_seq(s, i) == 0);
}

// An apostrophe at i ("'" or U+2019); its length, 0 when none.
std::size_t apostrophe(sv s, std::size_t i) {
  if (s[i] == '\'') return 1;
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 && static_cast<unsigned char>(s[i + 2]) == 0x99)
    return 3;
  return 0;
}

// A capital at the start of a word: ASCII, or Latin-1 Supplement capitals (U+00C0..U+00DE but
// U+00D7) written C3 80..C3 9E.
bool capital_at(sv s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (is_upper(c)) return true;
  if (c == 0xC3 && i + 1 < s.size()) {
    const auto d = static_cast<unsigned char>(s[i + 1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

// Appends the normalized form of `w` to `out`: ASCII lowercased, full stops dropped, hyphens
// as spaces, U+2019 as an apostrophe.
void normalize_into(sv w, std::string& out) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    const auto c = static_cast<unsigned char>(w[i]);
    if (c == '.') continue;
    if (c == '-') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    if (c == 0xE2 && apostrophe(w, i) == 3) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    out.push_back(is_upper(c) ? static_cast<char>(c | 0x20) : static_cast<char>(c));
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
}

std::string normalize(sv w) {
  std::string out;
  // Words separated by white space become one space.
  std::size_t i = 0;
  while (i < w.size()) {
    while (i < w.size() && (w[i] == ' ' || w[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < w.size() && w[j] != ' ' && w[j] != '\t') ++j;
    if (j > i) {
      if (!out.empty()) out.push_back(' ');
      normalize_into(w.substr(i, j - i), out);
    }
    i = j;
  }
  return out;
}

sv trim(sv s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::size_t word_count(sv key) { return key.empty() ? 0 : 1 + static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')); }

sv first_word(sv key) { return key.substr(0, std::min(key.size(), key.find(' '))); }
sv last_word(sv key) {
  const auto p = key.rfind(' ');
  return p == sv::npos ? key : key.substr(p + 1);
}

using detail::in;

}  // namespace

// ---------------------------------------------------------------------------------------------
// The word lists

struct entity_extractor::lexicon {
  struct known {
    std::uint32_t entry = 0;
    // Undotted, the name is a common word unless capitalized ("US", "IS"); dotted ("U.S."),
    // it is the name whatever its case.
    bool caps_only = false;
    bool dotted_ok = false;
  };
  struct entry {
    std::string name;
    entity_type type = entity_type::other;
  };
  std::vector<entry> entries;
  std::unordered_map<std::string, known, sv_hash, std::equal_to<>> gazetteer;
  // Longest key (in words) of any gazetteer name starting with this word.
  std::unordered_map<std::string, std::uint8_t, sv_hash, std::equal_to<>> first_words;
  word_filter first_filter;
  word_set titles, modifiers, org_words, place_words, facilities, demonyms, not_names, given_names;
  // The sets above folded into one map of flags, so that a word is looked up once.
  enum : std::uint16_t {
    kTitle = 1, kModifier = 2, kOrgWord = 4, kPlaceWord = 8, kFacility = 16, kDemonym = 32,
    kNotName = 64, kGivenName = 128,
  };
  std::unordered_map<std::string, std::uint16_t, sv_hash, std::equal_to<>> flags;
  // One-word place keys, sorted: a nationality is found by its place ("honduran" -> "honduras").
  std::vector<std::string> place_words_sorted;
  bool nationality(sv w) const {
    // "Hondurans", "Cambodian", "Nicaraguan", "Guatemalan", "Lebanese", "Pakistani".
    if (w.size() > 5 && w.back() == 's') w.remove_suffix(1);
    for (sv suffix : {"ian", "an", "ese", "i", "ish"}) {
      if (w.size() < suffix.size() + 4 || !w.ends_with(suffix)) continue;
      const sv stem = w.substr(0, w.size() - suffix.size());
      auto it = std::lower_bound(place_words_sorted.begin(), place_words_sorted.end(), stem,
                                 [](const std::string& a, sv b) { return sv(a) < b; });
      if (it != place_words_sorted.end() && sv(*it).starts_with(stem) && it->size() <= stem.size() + 3)
        return true;
    }
    return false;
  }
  word_filter flag_filter;
  std::uint16_t flags_of(sv w) const {
    if (!flag_filter.may_hold(w)) return 0;
    const auto it = flags.find(w);
    return it == flags.end() ? 0 : it->second;
  }

  void add_gazetteer(sv line, entity_type type) {
    std::size_t entry_index = entries.size();
    bool first = true;
    while (!line.empty()) {
      const auto bar = line.find('|');
      sv name = trim(line.substr(0, bar));
      line = bar == sv::npos ? sv{} : line.substr(bar + 1);
      bool caps_only = false;
      if (!name.empty() && name.back() == '*') {
        caps_only = true;
        name = trim(name.substr(0, name.size() - 1));
      }
      if (name.empty()) continue;
      std::string key = normalize(name);
      if (key.empty()) continue;
      if (first) {
        // The same canonical name twice (places.txt and entities.txt): the first list wins.
        if (auto it = gazetteer.find(key); it != gazetteer.end()) entry_index = it->second.entry;
        else entries.push_back({std::string(name), type});
        first = false;
      }
      first_filter.add(first_word(key));
      auto& w = first_words[std::string(first_word(key))];
      w = static_cast<std::uint8_t>(std::max<std::size_t>(w, std::min<std::size_t>(word_count(key), 8)));
      const bool dotted = name.find('.') != sv::npos;
      auto [it, fresh] = gazetteer.try_emplace(std::move(key), known{static_cast<std::uint32_t>(entry_index), caps_only && !dotted, dotted});
      if (!fresh) {
        it->second.caps_only = it->second.caps_only || (caps_only && !dotted);
        it->second.dotted_ok = it->second.dotted_ok || dotted;
      }
    }
  }

  lexicon() {
    word_set* set = nullptr;
    entity_type gaz = entity_type::other;
    bool gaz_section = false;
    auto each_line = [](sv text, auto&& fn) {
      while (!text.empty()) {
        const auto nl = text.find('\n');
        sv line = text.substr(0, nl);
        text = nl == sv::npos ? sv{} : text.substr(nl + 1);
        if (const auto hash = line.find('#'); hash != sv::npos) line = line.substr(0, hash);
        line = trim(line);
        if (!line.empty()) fn(line);
      }
    };
    each_line(data::kEntityLists, [&](sv line) {
      if (line.front() == '[' && line.back() == ']') {
        const sv section = line.substr(1, line.size() - 2);
        gaz_section = section == "place" || section == "organization";
        gaz = section == "place" ? entity_type::place : entity_type::organization;
        set = section == "title"            ? &titles
              : section == "title_modifier" ? &modifiers
              : section == "org_word"       ? &org_words
              : section == "place_word"     ? &place_words
              : section == "facility"       ? &facilities
              : section == "demonym"        ? &demonyms
              : section == "not_name"       ? &not_names
              : section == "first_name"     ? &given_names
                                            : nullptr;
        return;
      }
      if (gaz_section) add_gazetteer(line, gaz);
      else if (set) set->insert(normalize(line));
    });
    each_line(data::kPlaceNames, [&](sv line) { add_gazetteer(line, entity_type::place); });
    auto fold = [&](const word_set& set, std::uint16_t f) {
      for (const auto& w : set) {
        flags[w] |= f;
        flag_filter.add(w);
      }
    };
    fold(titles, kTitle);
    fold(modifiers, kModifier);
    fold(org_words, kOrgWord);
    fold(place_words, kPlaceWord);
    fold(facilities, kFacility);
    fold(demonyms, kDemonym);
    fold(not_names, kNotName);
    fold(given_names, kGivenName);
    for (const auto& w : demonyms) {  // "Americans", "Tuaregs"
      flags[w + "s"] |= kDemonym;
      flag_filter.add(w + "s");
    }
    for (const auto& [key, k] : gazetteer)
      if (entries[k.entry].type == entity_type::place && key.find(' ') == std::string::npos)
        place_words_sorted.push_back(key);
    std::sort(place_words_sorted.begin(), place_words_sorted.end());
  }
};

namespace {

const entity_extractor::lexicon& shared_lexicon() {
  static const entity_extractor::lexicon lex;  // read-only after construction
  return lex;
}

// ---------------------------------------------------------------------------------------------
// Tokens

struct token {
  std::size_t begin = 0, end = 0;     // bytes of the word (with an initial's full stops)
  std::size_t key_begin = 0, key_end = 0;  // its normalized key in the run's key buffer
  bool cap = false;         // starts with a capital
  bool all_caps = false;    // two or more letters, all capitals (dots allowed: "U.S.")
  bool initial = false;     // one letter and a full stop ("H.")
  bool dotted = false;      // letters with full stops ("H.", "U.S.")
  bool sentence_start = false;
  bool joined = false;      // only spaces (no punctuation, no line break) since the previous token
  bool possessive = false;  // "'s" or a lone apostrophe follows
  std::uint16_t flags = 0;  // lexicon::flags of its key (capitalized text only)
};

// Abbreviations whose full stop does not end a sentence (titles and the like).
bool abbreviation(sv key) {
  return in(key, {"mr", "mrs", "ms", "dr", "col", "gen", "lt", "maj", "capt", "sgt", "cpl", "adm",
                  "cmdr", "gov", "sen", "rep", "prof", "rev", "st", "mt", "ft", "no", "jr", "sr",
                  "inc", "ltd", "corp", "co", "vs"});
}

// Byte classes for the tokenizer's inner loop.
enum : std::uint8_t { kOther = 0, kLower = 1, kUpper = 2, kDigit = 3, kHigh = 4 };
constexpr std::array<std::uint8_t, 256> kByteClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLower;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpper;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  for (int c = 0x80; c < 256; ++c) t[c] = kHigh;
  return t;
}();

class tokenizer {
 public:
  std::size_t upper = 0, lower = 0;  // ASCII letters in words, for telling lowercased text

  tokenizer(sv text, std::string& keys, std::vector<token>& out) : s_(text), keys_(keys), out_(out) {}

  void run() {
    bool sentence_start = true, joined = false;
    std::size_t i = 0;
    const std::size_t n = s_.size();
    while (i < n) {
      if (!word_byte(s_, i)) {
        const auto c = static_cast<unsigned char>(s_[i]);
        std::size_t len = std::max<std::size_t>(1, punct_seq(s_, i));
        if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n') sentence_start = true;
        if (!(c == ' ' || c == '\t')) joined = false;
        i += len;
        continue;
      }
      token t;
      t.begin = i;
      t.sentence_start = sentence_start;
      t.joined = joined && !out_.empty();
      t.cap = capital_at(s_, i);
      std::size_t j = i;
      std::size_t letters = 0, capitals = 0;
      bool dotted = false;
      // The key is written as the word is read: ASCII lowercased, full stops dropped, a hyphen
      // as a space, U+2019 as an apostrophe (normalize_into's rules).
      t.key_begin = keys_.size();
      while (j < n) {
        const auto c = static_cast<unsigned char>(s_[j]);
        const std::uint8_t cls = kByteClass[c];
        if (cls == kLower || cls == kDigit) {
          letters += cls == kLower;
          keys_.push_back(static_cast<char>(c));
          ++j;
          continue;
        }
        if (cls == kUpper) {
          ++capitals;
          ++letters;
          keys_.push_back(static_cast<char>(c | 0x20));
          ++j;
          continue;
        }
        if (cls == kHigh && punct_seq(s_, j) == 0) {
          keys_.push_back(static_cast<char>(c));
          ++j;
          continue;
        }
        // A hyphen or apostrophe between word characters stays inside ("Al-Qaeda", "d'Ivoire"),
        // but a possessive "'s" ends the word.
        if (c == '-' && j + 1 < n && word_byte(s_, j + 1) && j > i) {
          keys_.push_back(' ');
          ++j;
          continue;
        }
        if (const std::size_t a = apostrophe(s_, j); a && j > i) {
          const std::size_t k = j + a;
          const bool s_follows = k < n && (s_[k] == 's' || s_[k] == 'S') && (k + 1 >= n || !word_byte(s_, k + 1));
          if (s_follows) {
            t.possessive = true;
            break;
          }
          if (k < n && word_byte(s_, k)) {
            keys_.push_back('\'');
            j = k;
            continue;
          }
          // A lone apostrophe after a plural ("the Americans' hotel").
          if (j > 0 && (s_[j - 1] == 's' || s_[j - 1] == 'S')) t.possessive = true;
          break;
        }
        // Initials and dotted abbreviations: "H.", "U.S.", "D.C." (one letter before each stop).
        if (s_[j] == '.' && j - (dotted ? last_dot_ + 1 : i) == 1 && letters > 0) {
          dotted = true;
          last_dot_ = j;
          ++j;
          if (j < n && is_alnum(static_cast<unsigned char>(s_[j])) && j + 1 < n && s_[j + 1] == '.') continue;
          break;
        }
        break;
      }
      t.end = j;
      t.initial = dotted && letters == 1;
      t.dotted = dotted;
      t.all_caps = letters >= 2 && capitals == letters;
      t.key_end = keys_.size();
      upper += capitals;
      lower += letters - capitals;
      keys_.push_back(' ');  // so that keys of consecutive tokens can be read joined
      i = j;
      if (t.possessive) {
        i += apostrophe(s_, i);
        if (i < n && (s_[i] == 's' || s_[i] == 'S')) ++i;
      }
      out_.push_back(t);
      sentence_start = false;
      joined = !t.possessive;
      // A full stop right after a word: the end of a sentence unless the word is an
      // abbreviation ("Col.", "Dr."); a dotted token's own stops ("U.S.") end it only before a
      // word that cannot go on a name ("U.S. The ...").
      if (i < n && s_[i] == '.' && !dotted) {
        const sv key(keys_.data() + t.key_begin, t.key_end - t.key_begin);
        if (abbreviation(key)) {
          ++i;  // "Col." is one word; the name goes on
        }
      }
    }
  }


 private:
  std::size_t last_dot_ = 0;
  sv s_;
  std::string& keys_;
  std::vector<token>& out_;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// Extraction

namespace {

class extraction {
  using L = entity_extractor::lexicon;

 public:
  extraction(sv text, const entity_extractor::lexicon& lex, const entity_extractor::options& opts,
             std::vector<entity_mention>& out)
      : s_(text), lex_(lex), opts_(opts), out_(out) {}

  void run() {
    keys_.reserve(s_.size() + 16);
    t_.reserve(s_.size() / 5 + 4);
    tokenizer tok(s_, keys_, t_);
    tok.run();
    // Lowercased text: no ASCII capital at all (or almost only capitals, a shouted headline).
    const std::size_t upper = tok.upper, lower = tok.lower;
    const bool cased = upper > 0 && upper * 2 < lower + upper;
    if (cased)
      for (auto& t : t_) t.flags = lex_.flags_of(sv(keys_.data() + t.key_begin, t.key_end - t.key_begin));
    if (!cased) {
      if (!opts_.gazetteer_when_lowercase) return;
      for (std::size_t i = 0; i < t_.size();) {
        const std::size_t n = gazetteer_at(i, t_.size(), /*need_capital=*/false);
        if (n) {
          emit_gazetteer(i, i + n);
          i += n;
        } else {
          ++i;
        }
      }
      return;
    }
    for (std::size_t i = 0; i < t_.size();) {
      if (!t_[i].cap) {
        ++i;
        continue;
      }
      const std::size_t r = run_end(i);
      const std::size_t g = gazetteer_at(i, t_.size(), true);
      if (g && i + g >= r) {
        emit_gazetteer(i, i + g);
        i += g;
        continue;
      }
      name_run(i, r, titled_before(i));
      i = r;
    }
  }

 private:
  sv key(std::size_t i) const { return sv(keys_.data() + t_[i].key_begin, t_[i].key_end - t_[i].key_begin); }

  bool connector(sv k) const {
    return in(k, {"of", "for", "de", "du", "des", "la", "le", "al", "el", "bin", "ibn", "van", "von",
                  "der", "den", "del", "da", "di", "dos", "y"});
  }

  // End (exclusive) of the run of capitalized words starting at i. Titles do not count
  // toward max_words ("former FBI Supervisory Special Agent Ali H. Soufan").
  std::size_t run_end(std::size_t i) const {
    std::size_t r = i + 1, words = 1;
    while (r < t_.size() && words < opts_.max_words && !t_[r - 1].possessive && t_[r].joined) {
      if (t_[r].cap) {
        if (!is_title(r) && !is_modifier(r)) ++words;
        ++r;
        continue;
      }
      // "Bank of England", "Osama bin Laden": a connector between two capitalized words.
      if (connector(key(r)) && r + 1 < t_.size() && t_[r + 1].joined && t_[r + 1].cap &&
          !t_[r].possessive && words + 1 < opts_.max_words) {
        r += 2;
        words += 2;
        continue;
      }
      break;
    }
    return r;
  }

  // Tokens of the longest gazetteer name starting at i (ending by `limit`), 0 when none.
  std::size_t gazetteer_at(std::size_t i, std::size_t limit, bool need_capital) const {
    if (need_capital && !t_[i].cap) return 0;
    if (!lex_.first_filter.may_hold(first_word(key(i)))) return 0;
    const auto fw = lex_.first_words.find(first_word(key(i)));
    if (fw == lex_.first_words.end()) return 0;
    std::size_t max = 1;
    while (max < fw->second && i + max < limit && t_[i + max].joined && !t_[i + max - 1].possessive) ++max;
    for (std::size_t n = max; n >= 1; --n) {
      // Keys of consecutive tokens are stored one space apart.
      const sv joined(keys_.data() + t_[i].key_begin, t_[i + n - 1].key_end - t_[i].key_begin);
      const auto it = lex_.gazetteer.find(joined);
      if (it == lex_.gazetteer.end()) continue;
      // A name that is also a common word only capitalized, in capitalized text; a short one
      // ("US", "IS", "UN") only in capitals.
      const bool dotted_match = n == 1 && t_[i].dotted && it->second.dotted_ok;
      if (it->second.caps_only && !dotted_match &&
          (!need_capital || !t_[i].cap || (joined.size() <= 3 && !t_[i].all_caps)))
        continue;
      // In capitalized text every word of the match but connectors is capitalized, and the
      // match is not the start of a longer name ("Paris Hilton").
      if (need_capital) {
        bool ok = true;
        for (std::size_t k = i; k < i + n; ++k)
          if (!t_[k].cap && !connector(key(k)) && !in(key(k), {"the", "in", "and", "for", "sans", "without"}))
            ok = false;
        if (!ok) continue;
      }
      return n;
    }
    return 0;
  }

  bool titled_before(std::size_t i) const {
    if (i == 0 || !t_[i].joined) return false;
    const sv k = key(i - 1);
    return !t_[i - 1].cap && is_title(i - 1) && !k.empty();
  }

  void emit(std::size_t b, std::size_t e, entity_type type, std::string name, std::string key,
            bool initial_word = false) {
    entity_mention m;
    m.span = {t_[b].begin, t_[e - 1].end};
    m.type = type;
    m.name = std::move(name);
    m.key = std::move(key);
    m.sentence_initial = initial_word;
    out_.push_back(std::move(m));
  }

  void emit_gazetteer(std::size_t b, std::size_t e) {
    const sv joined(keys_.data() + t_[b].key_begin, t_[e - 1].key_end - t_[b].key_begin);
    const auto& entry = lex_.entries[lex_.gazetteer.find(joined)->second.entry];
    emit(b, e, entry.type, entry.name, normalize(entry.name));
  }

  std::string run_key(std::size_t b, std::size_t e) const {
    return std::string(keys_.data() + t_[b].key_begin, t_[e - 1].key_end - t_[b].key_begin);
  }

  bool has(std::size_t i, std::uint16_t f) const { return (t_[i].flags & f) != 0; }
  bool is_title(std::size_t i) const { return has(i, L::kTitle); }
  bool is_modifier(std::size_t i) const { return has(i, L::kModifier); }

  // A run of capitalized words [b, e): titles, a leading place, then the name's type.
  void name_run(std::size_t b, std::size_t e, bool titled) {
    // Words that never start a name ("The", "But", weekdays), unless they are titles.
    while (b < e && has(b, L::kNotName) && !is_title(b) && !is_modifier(b)) ++b;
    if (b >= e) return;
    // A sentence's first word before a known name or an acronym is an ordinary word
    // capitalized ("Retired NATO ...", "Reportedly IS ..."), as is one ending in -ed/-ing/-ly.
    if (t_[b].sentence_start && !is_title(b) && !is_modifier(b) && !has(b, L::kGivenName) &&
        !gazetteer_at(b, e, true)) {
      const sv k = key(b);
      const bool inflected = k.size() > 4 && (k.ends_with("ed") || k.ends_with("ing") || k.ends_with("ly"));
      if (inflected || (b + 1 < e && (t_[b + 1].all_caps || gazetteer_at(b + 1, e, true)))) ++b;
    }
    if (b >= e) return;
    // The last title in the run: the name follows it; what precedes the chain of titles is a
    // name of its own ("FBI" in "FBI Supervisory Special Agent Ali H. Soufan").
    // A short title ("Sen", "Gen", "Rep") ending the run is part of a name ("Hun Sen").
    std::size_t t = e;
    for (std::size_t k = e; k > b; --k)
      if (is_title(k - 1) && !(k == e && k - 1 > b && key(k - 1).size() <= 3)) {
        t = k - 1;
        break;
      }
    if (t < e) {
      std::size_t c = t;
      while (c > b && (is_title(c - 1) || is_modifier(c - 1))) --c;
      if (c > b) name_run(b, c, false);
      std::size_t n = t + 1;
      // "Secretary of State John Kerry": the office after "of" belongs to the title.
      if (n + 1 < e && key(n) == "of") n += 2;
      while (n < e && (is_title(n) || is_modifier(n))) ++n;
      if (n < e) classify(n, e, true);
      return;
    }
    // A known name covering the whole run (after "The").
    if (const std::size_t g = gazetteer_at(b, e, true); g == e - b) {
      emit_gazetteer(b, e);
      return;
    } else if (g) {
      // A leading place before an organization: "U.S. State Department", "Mali Police".
      const std::size_t rest = b + g;
      bool org = false;
      for (std::size_t k = rest; k < e; ++k) org = org || has(k, L::kOrgWord);
      // One generic word after the place keeps the whole as one organization ("U.S. Embassy").
      if (lex_.entries[lex_.gazetteer.find(run_key(b, rest))->second.entry].type == entity_type::place &&
          (gazetteer_at(rest, e, true) == e - rest || (org && e - rest >= 2))) {
        emit_gazetteer(b, rest);
        name_run(rest, e, titled);
        return;
      }
    }
    classify(b, e, titled);
  }

  void classify(std::size_t b, std::size_t e, bool titled) {
    const std::size_t n = e - b;
    const sv k0 = key(b);
    if (n == 1) {
      if (has(b, L::kNotName | L::kTitle | L::kModifier | L::kDemonym)) return;
      if (!t_[b].all_caps && lex_.nationality(k0)) return;
      // A number is no name ("7,000").
      if (!std::any_of(k0.begin(), k0.end(), [](char c) { return is_lower(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; })) return;
    }
    if (const std::size_t g = gazetteer_at(b, e, true); g == n) {
      emit_gazetteer(b, e);
      return;
    }
    // Only words of the lists that are no names ("Former American" before a title).
    bool listed = true;
    for (std::size_t i = b; i < e && listed; ++i)
      listed = has(i, L::kNotName | L::kDemonym | L::kModifier | L::kTitle);
    if (listed) return;
    std::string k = run_key(b, e);
    std::string name(s_.substr(t_[b].begin, t_[e - 1].end - t_[b].begin));
    auto type = entity_type::other;
    bool weak = false;
    const bool facility_after = e < t_.size() && t_[e].joined && !t_[e].cap && !t_[e - 1].possessive &&
                                has(e, L::kFacility);
    bool org_word = false;
    for (std::size_t i = b; i < e; ++i) org_word = org_word || has(i, L::kOrgWord);
    bool middle_initial = false;
    for (std::size_t i = b + 1; i + 1 < e; ++i) middle_initial = middle_initial || t_[i].initial;
    // A speech verb after the name, maybe after an apposition's comma ("Reinhard Riedl,
    // described"); a person noun and a comma before it ("her husband, Reinhard Riedl").
    auto speech = [&](std::size_t i) {
      return i < t_.size() && !t_[i].cap &&
             in(key(i), {"said", "says", "told", "tweeted", "added", "wrote", "explained", "stated",
                         "spoke", "described", "insisted", "warned", "claimed", "confirmed",
                         "denied", "admitted", "noted", "argued", "urged", "posted", "asked"});
    };
    const bool speech_after = !t_[e - 1].possessive && (speech(e) || (e < t_.size() && !t_[e].joined && speech(e + 1) && t_[e + 1].joined));
    const bool person_before = b > 0 && !t_[b].joined && !t_[b - 1].cap &&
                               in(key(b - 1), {"husband", "wife", "son", "daughter", "father",
                                               "mother", "brother", "sister", "friend", "colleague",
                                               "neighbour", "neighbor", "widow", "uncle", "aunt",
                                               "cousin", "partner", "boyfriend", "girlfriend"});
    if (titled) {
      type = entity_type::person;
    } else if (org_word) {
      type = entity_type::organization;
    } else if (facility_after || has(e - 1, L::kPlaceWord)) {
      type = entity_type::place;
    } else if (n == 1 && t_[b].all_caps && k0.size() <= 6) {
      type = entity_type::organization;  // an acronym ("FBI", "AQIM")
    } else if (n == 1 && k0.size() > 3 && k0.substr(0, 3) == "al ") {
      type = entity_type::organization;  // "Al-Mourabitoun", "Al-Shabaab"
    } else if (n >= 2 && (has(b, L::kGivenName) || middle_initial ||
                          (n <= 3 && (speech_after || person_before)))) {
      type = entity_type::person;
    } else if (n == 1 && b > 0 && t_[b].joined && !t_[b - 1].cap &&
               in(key(b - 1), {"in", "at", "near", "outside", "across", "into", "towards", "toward", "around", "across"})) {
      type = entity_type::place;
    } else if (n == 1 && t_[b].sentence_start) {
      weak = true;
    }
    emit(b, e, type, std::move(name), std::move(k), weak);
  }

  sv s_;
  const entity_extractor::lexicon& lex_;
  const entity_extractor::options& opts_;
  std::vector<entity_mention>& out_;
  std::vector<token> t_;
  std::string keys_;
};

}  // namespace

entity_extractor::entity_extractor(options opts) : opts_(opts), lex_(&shared_lexicon()) {
  if (opts_.max_words == 0) opts_.max_words = 1;
}

std::optional<std::string> entity_extractor::canonical(std::string_view name) const {
  const auto it = lex_->gazetteer.find(normalize(name));
  if (it == lex_->gazetteer.end()) return std::nullopt;
  return lex_->entries[it->second.entry].name;
}

std::vector<entity_mention> entity_extractor::extract(std::string_view text) const {
  std::vector<entity_mention> out;
  extraction(text, *lex_, opts_, out).run();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Over the stream

void entities_observer::on_add(const stream::engine& e, const stream::sentence_range& added) {
  const auto& updates = e.collection().updates();
  add(added.update, added.update < updates.size() ? sv(updates[added.update].text) : sv{});
}

void entities_observer::add(std::size_t u, std::string_view text) {
  if (first_.empty()) first_.push_back(0);
  if (u + 1 < first_.size()) return;  // seen already
  while (first_.size() - 1 < u) first_.push_back(ids_.size());
  const std::size_t start = ids_.size();
  for (const auto& m : extractor_.extract(text)) {
    const std::uint32_t id = merge(m, u);
    if (std::find(ids_.begin() + static_cast<std::ptrdiff_t>(start), ids_.end(), id) == ids_.end())
      ids_.push_back(id);
  }
  first_.push_back(ids_.size());
}

std::uint32_t entities_observer::merge(const entity_mention& m, std::size_t u) {
  std::uint32_t id;
  bool by_surname = false;
  if (auto it = by_key_.find(m.key); it != by_key_.end()) {
    id = it->second;
  } else if (auto s = m.key.find(' ') == std::string::npos ? by_surname_.find(m.key) : by_surname_.end();
             s != by_surname_.end() && (m.type == entity_type::other || m.type == entity_type::person)) {
    id = s->second;
    by_surname = true;
  } else {
    id = static_cast<std::uint32_t>(entities_.size());
    entity ent;
    ent.name = m.name;
    ent.type = m.type;
    entities_.push_back(std::move(ent));
    by_key_.emplace(m.key, id);
  }
  entity& ent = entities_[id];
  if (ent.type == entity_type::other && m.type != entity_type::other) ent.type = m.type;
  if (ent.type == entity_type::person && m.key.find(' ') != std::string::npos)
    by_surname_[std::string(last_word(m.key))] = id;
  if (!m.sentence_initial || by_surname) ent.confirmed = true;
  ent.mentions.push_back({u, m.span});
  return id;
}

std::optional<std::size_t> entities_observer::find(std::string_view name) const {
  // The name through the extractor's own normalization and gazetteer ("U.S." -> "united states").
  std::string key = normalize(name);
  if (auto c = extractor_.canonical(name)) key = normalize(*c);
  if (auto it = by_key_.find(key); it != by_key_.end()) return it->second;
  return std::nullopt;
}

std::span<const std::uint32_t> entities_observer::of_update(std::size_t u) const noexcept {
  if (u + 1 >= first_.size()) return {};
  return std::span<const std::uint32_t>(ids_).subspan(first_[u], first_[u + 1] - first_[u]);
}

std::vector<std::size_t> entities_observer::top(std::span<const std::size_t> positions, std::size_t k,
                                                std::optional<entity_type> type) const {
  struct score {
    std::size_t updates = 0, mentions = 0, latest = 0;
  };
  std::unordered_map<std::uint32_t, score> scores;
  for (std::size_t u : positions) {
    for (std::uint32_t id : of_update(u)) {
      const entity& ent = entities_[id];
      if (!ent.confirmed || (type && ent.type != *type)) continue;
      auto& sc = scores[id];
      ++sc.updates;
      sc.latest = std::max(sc.latest, u);
      // Mentions of this entity in update u: its mentions are in stream order.
      auto lo = std::lower_bound(ent.mentions.begin(), ent.mentions.end(), u,
                                 [](const mention& m, std::size_t v) { return m.update < v; });
      auto hi = std::upper_bound(lo, ent.mentions.end(), u,
                                 [](std::size_t v, const mention& m) { return v < m.update; });
      sc.mentions += static_cast<std::size_t>(hi - lo);
    }
  }
  std::vector<std::pair<std::uint32_t, score>> v(scores.begin(), scores.end());
  auto better = [](const auto& a, const auto& b) {
    if (a.second.updates != b.second.updates) return a.second.updates > b.second.updates;
    if (a.second.mentions != b.second.mentions) return a.second.mentions > b.second.mentions;
    if (a.second.latest != b.second.latest) return a.second.latest > b.second.latest;
    return a.first < b.first;
  };
  const std::size_t n = std::min(k, v.size());
  std::partial_sort(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n), v.end(), better);
  std::vector<std::size_t> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) out.push_back(v[i].first);
  return out;
}

}  // namespace sitrep::facts
