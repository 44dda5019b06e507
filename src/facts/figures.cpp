// figures.cpp — rules for key figures. The word lists below were written for sitrep.
//
// The text is cut into a small token stream (words, numbers, punctuation, currency signs, with
// byte spans and an ASCII-lowercased copy), then each sentence is scanned once: a number is
// parsed where one starts, widened by its qualifier, currency, percent sign and range, checked
// against the exclusions (dates, times, durations, names, ...), and given a category, counted
// phrase, source and hedge from the words of its sentence. Everything looks at a bounded window
// of tokens, so the cost is linear in the text.
#include "sitrep/facts/figures.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include "word_in.hpp"

namespace sitrep::facts {

std::string_view to_string(qualifier q) noexcept {
  switch (q) {
    case qualifier::exact: return "exact";
    case qualifier::at_least: return "at_least";
    case qualifier::at_most: return "at_most";
    case qualifier::approx: return "approx";
    case qualifier::range: return "range";
  }
  return "exact";
}

std::string_view to_string(category c) noexcept {
  switch (c) {
    case category::killed: return "killed";
    case category::injured: return "injured";
    case category::missing: return "missing";
    case category::hostages: return "hostages";
    case category::freed: return "freed";
    case category::arrested: return "arrested";
    case category::displaced: return "displaced";
    case category::affected: return "affected";
    case category::personnel: return "personnel";
    case category::money: return "money";
    case category::quantity: return "quantity";
    case category::other: return "other";
  }
  return "other";
}

namespace {

using sv = std::string_view;

using detail::in;

// ---------------------------------------------------------------------------------------------
// Tokens

// What the lexicon (below) knows about a word.
enum : std::uint32_t {
  kReport = 1u << 0,
  kHedge = 1u << 1,
  kEstimateNoun = 1u << 2,
  kNumberWord = 1u << 3,
  kCue = 1u << 4,
  kAccording = 1u << 5,
  kCueShift = 8,  // bits 8..15: the category of a cue
};

enum class kind : std::uint8_t { word, number, punct, currency };

struct token {
  std::size_t begin = 0, end = 0;
  kind k = kind::punct;
  bool space_before = true;  // white space (or the text start) right before
  bool cap = false;          // word starting with an ASCII capital
  bool has_sep = false;      // number written with ',' or '.'
  char c = 0;                // punctuation: the character ('-' for any dash, '\'' for quotes)
  std::uint32_t sentence = 0;
  double num = 0;  // number: its value
  std::uint32_t flags = 0;  // word: lexicon flags
  sv low;  // word: ASCII-lowercased (a view into the lowercased copy of the text)
};

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

struct special {
  std::size_t len = 0;  // 0 = not a special sequence
  enum { none, space, punct, currency } what = none;
  char c = 0;
};

// Multi-byte sequences that are not word characters: Unicode spaces, dashes, quotes, the
// ellipsis and currency signs.
special special_at(sv s, std::size_t i) {
  const auto b = [&](std::size_t k) -> unsigned {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0x100;
  };
  if (b(0) == 0xC2) {
    if (b(1) == 0xA0 || b(1) == 0x85) return {2, special::space, ' '};
    if (b(1) == 0xA3) return {2, special::currency, 'L'};  // £
    if (b(1) == 0xA5) return {2, special::currency, 'Y'};  // ¥
    if (b(1) == 0xAB || b(1) == 0xBB) return {2, special::punct, '"'};
  } else if (b(0) == 0xE2 && b(1) == 0x80) {
    const unsigned t = b(2);
    if ((t >= 0x80 && t <= 0x8A) || t == 0xA8 || t == 0xA9 || t == 0xAF) return {3, special::space, ' '};
    if (t >= 0x90 && t <= 0x95) return {3, special::punct, '-'};
    if (t >= 0x98 && t <= 0x9B) return {3, special::punct, '\''};
    if (t >= 0x9C && t <= 0x9F) return {3, special::punct, '"'};
    if (t == 0xA6) return {3, special::punct, '.'};
  } else if (b(0) == 0xE2 && b(1) == 0x82 && b(2) == 0xAC) {
    return {3, special::currency, 'E'};  // €
  } else if (b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80) {
    return {3, special::space, ' '};
  }
  return {};
}

bool ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// `lower` receives the ASCII-lowercased copy of `s` that the tokens' `low` views point into.
// `out` is cleared first (its capacity is kept: callers reuse one per thread).
void tokenize(sv s, std::string& lower, std::vector<token>& out) {
  lower.assign(s);
  for (auto& ch : lower)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  out.clear();
  out.reserve(s.size() / 4 + 4);
  bool space = true;
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (ascii_space(c)) {
      space = true;
      ++i;
      continue;
    }
    special sp = c >= 0x80 ? special_at(s, i) : special{};
    if (sp.what == special::space) {
      space = true;
      i += sp.len;
      continue;
    }
    token t;
    t.begin = i;
    t.space_before = space;
    space = false;
    if (sp.what == special::punct || sp.what == special::currency) {
      t.k = sp.what == special::punct ? kind::punct : kind::currency;
      t.c = sp.c;
      i += sp.len;
    } else if (is_digit(c)) {
      std::size_t j = i;
      double v = 0, scale = 0;
      bool dot = false;
      while (j < n) {
        const auto d = static_cast<unsigned char>(s[j]);
        if (is_digit(d)) {
          if (dot) {
            scale /= 10;
            v += (d - '0') * scale;
          } else {
            v = v * 10 + (d - '0');
          }
          ++j;
        } else if ((d == ',' || d == '.') && j + 1 < n && is_digit(static_cast<unsigned char>(s[j + 1])) &&
                   !(d == '.' && dot)) {
          t.has_sep = true;
          if (d == '.') {
            // "1,525.5" or "5.9"; a comma after the dot ("1.2,3") ends the number.
            dot = true;
            scale = 1;
          } else if (dot) {
            break;
          }
          ++j;
        } else {
          break;
        }
      }
      t.k = kind::number;
      t.num = std::isfinite(v) ? v : 0;
      i = j;
    } else if (is_alpha(c) || c >= 0x80) {
      std::size_t j = i;
      while (j < n) {
        const auto d = static_cast<unsigned char>(s[j]);
        if (is_alpha(d) || is_digit(d)) {
          ++j;
        } else if (d >= 0x80) {
          if (special_at(s, j).len != 0) break;
          ++j;
        } else {
          break;
        }
      }
      t.k = kind::word;
      t.cap = c >= 'A' && c <= 'Z';
      t.low = sv(lower.data() + i, j - i);
      i = j;
    } else {
      t.k = c == '$' ? kind::currency : kind::punct;
      t.c = c == '`' ? '\'' : static_cast<char>(c);
      ++i;
    }
    t.end = i;
    out.push_back(t);
  }
}

// ---------------------------------------------------------------------------------------------
// Word lists

int unit_word(sv w) {
  static constexpr std::array<sv, 20> kUnits = {
      "zero",    "one",     "two",       "three",    "four",     "five",    "six",
      "seven",   "eight",   "nine",      "ten",      "eleven",   "twelve",  "thirteen",
      "fourteen", "fifteen", "sixteen",  "seventeen", "eighteen", "nineteen"};
  for (std::size_t k = 1; k < kUnits.size(); ++k)
    if (w == kUnits[k]) return static_cast<int>(k);
  return 0;
}

int tens_word(sv w) {
  static constexpr std::array<sv, 8> kTens = {"twenty", "thirty", "forty",  "fifty",
                                              "sixty",  "seventy", "eighty", "ninety"};
  for (std::size_t k = 0; k < kTens.size(); ++k)
    if (w == kTens[k]) return static_cast<int>(20 + 10 * k);
  return 0;
}

double scale_word(sv w) {
  if (w == "hundred") return 1e2;
  if (w == "thousand") return 1e3;
  if (w == "million" || w == "mn" || w == "mln") return 1e6;
  if (w == "billion" || w == "bn" || w == "bln") return 1e9;
  if (w == "trillion" || w == "tn" || w == "trn") return 1e12;
  return 0;
}

// Denominator of a fraction word ("quarter" 4, "thirds" 3), 0 otherwise.
int fraction_word(sv w) {
  if (w == "half" || w == "halves") return 2;
  if (w == "third" || w == "thirds") return 3;
  if (w == "quarter" || w == "quarters") return 4;
  if (w == "fifth" || w == "fifths") return 5;
  if (w == "sixth" || w == "sixths") return 6;
  if (w == "seventh" || w == "sevenths") return 7;
  if (w == "eighth" || w == "eighths") return 8;
  if (w == "ninth" || w == "ninths") return 9;
  if (w == "tenth" || w == "tenths") return 10;
  return 0;
}

bool month_word(sv w) {
  return in(w, {"january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"});
}

bool weekday_word(sv w) {
  return in(w, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"});
}

bool time_unit(sv w) {
  return in(w, {"second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour",
                "hours", "hr", "hrs", "day", "days", "week", "weeks", "month", "months", "year",
                "years", "yr", "yrs", "decade", "decades", "century", "centuries", "night",
                "nights", "weekend", "weekends", "fortnight", "fortnights", "morning",
                "afternoon", "evening"});
}

bool clock_word(sv w) {
  return in(w, {"am", "pm", "a", "p", "gmt", "bst", "est", "edt", "cst", "cdt", "pst", "pdt",
                "utc", "cet", "cest", "hrs", "h", "o", "local"});
}

// Units of object and document size used as adjectives ("a 98-ton dome", "a 193-page report").
bool size_unit(sv w) {
  return in(w, {"ton", "tons", "tonne", "tonnes", "foot", "feet", "ft", "inch", "inches", "page",
                "pages", "storey", "storeys", "story", "stories", "metre", "meter", "metres",
                "meters", "m", "mile", "yard", "yards", "pound", "lb", "kilogram", "kg", "gallon",
                "acre", "room", "bed", "seat", "seater", "point", "lane", "car", "mph", "km",
                "kilometre",
                "kilometer", "litre", "liter", "square"});
}

// Words before a number that make it part of a name ("Flight 370", "No. 2", "top 100").
bool name_word(sv w) {
  return in(w, {"flight", "no", "nos", "number", "route", "highway", "interstate", "category",
                "level", "phase", "article", "chapter", "section", "resolution", "room", "gate",
                "apollo", "ftse", "dow", "nasdaq", "nikkei", "dax", "cac", "hang", "top", "page",
                "channel", "platform", "bus", "unit", "ward", "block", "sector", "zone", "pier",
                "terminal", "model", "version", "windows", "iphone", "boeing", "airbus",
                "formula", "tier", "grade", "stage", "act", "psalm", "verse", "exit", "line",
                "lot", "figure", "table", "item", "bill", "proposition", "prop", "district", "day",
                "week", "round", "game", "match", "episode", "season", "part", "volume", "vol"});
}

// Capitalized words before a number that do not make it a name.
bool plain_word_before_number(sv w) {
  return in(w, {"the", "a", "an", "and", "but", "or", "of", "in", "on", "at", "to", "for",
                "from", "with", "by", "about", "around", "some", "only", "just", "nearly",
                "almost", "over", "more", "less", "up", "another", "all", "roughly",
                "approximately", "than", "least", "most", "many", "much", "as", "another",
                "estimated", "further", "additional", "total", "between", "among", "these",
                "those", "its", "their", "his", "her", "our", "my", "your", "since", "after",
                "before", "until", "till", "during", "within", "under", "above", "below", "near",
                "nearly", "exactly", "precisely", "barely", "fewer", "what", "which", "when",
                "while", "if", "so", "then", "now", "today", "yesterday", "also", "still", "yet",
                "once", "there", "here", "where", "who", "whom", "that", "this", "some",
                "another", "kills", "killing", "killed", "says", "said", "leaves", "leaving",
                "another", "upwards", "excess", "circa", "approx", "say", "tell", "tells",
                "told", "reports", "reported"});
}

bool currency_word(sv w) {
  return in(w, {"dollar", "dollars", "pound", "pounds", "euro", "euros", "yen", "yuan",
                "rupee", "rupees", "pence", "cents", "cent", "usd", "gbp", "eur", "francs",
                "franc", "rand", "roubles", "rubles", "pesos", "peso", "sterling"});
}

// Units kept in the surface after a number ("8,000 barrels", "84km").
bool measure_unit(sv w) {
  return in(w, {"barrels", "barrel", "gallons", "gallon", "bpd", "litres", "liters", "litre",
                "liter", "tonnes", "tonne", "tons", "ton", "km", "kms", "kilometres",
                "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters",
                "metre", "meter", "m", "ft", "feet", "foot", "acres", "hectares", "kg",
                "kilograms", "lbs", "lb", "magnitude", "mph", "kmh", "kph", "cubic", "square",
                "times"});
}

bool determiner(sv w) {
  return in(w, {"the", "its", "their", "these", "those", "them", "his", "her", "our", "my",
                "your", "us", "all", "which", "whom", "this", "that"});
}

bool pronoun(sv w) { return in(w, {"he", "she", "they", "it", "we", "i", "you"}); }

// ---------------------------------------------------------------------------------------------
// Parsing one number

struct core {
  std::size_t begin = 0, end = 0;  // tokens [begin, end)
  double value = 0;
  bool vague = false;     // dozens, hundreds, a dozen: qualifier approx
  bool money = false;     // currency sign or word
  bool percent = false;   // %, percent
  bool fraction = false;  // spelled fraction
  bool times = false;     // "five times"
  bool words = false;     // written in words
  bool digits = false;    // a single digit token, optionally with a suffix
  bool scaled = false;    // multiplied by a magnitude word or suffix
  bool strong = false;    // "9,000-strong"
  bool exclude = false;   // a date, time, name, ...
};

class sentence_scan {
 public:
  sentence_scan(sv text, const std::vector<token>& t, std::size_t first, std::size_t last,
                const figure_extractor::options& opts)
      : text_(text), t_(t), first_(first), last_(last), opts_(opts) {}

  const token* at(std::size_t i) const { return i >= first_ && i < last_ ? &t_[i] : nullptr; }
  bool word_at(std::size_t i, sv w) const {
    const token* k = at(i);
    return k && k->k == kind::word && k->low == w;
  }
  sv low(std::size_t i) const {
    const token* k = at(i);
    return k && k->k == kind::word ? sv(k->low) : sv();
  }
  bool punct_at(std::size_t i, char c) const {
    const token* k = at(i);
    return k && k->k == kind::punct && k->c == c;
  }
  bool attached(std::size_t i) const {  // token i follows i-1 without space
    const token* k = at(i);
    return k && !k->space_before && at(i - 1);
  }
  std::size_t first() const { return first_; }
  std::size_t last() const { return last_; }

  // A number phrase in words starting at i ("twenty-three", "one hundred and fifty",
  // "three million").
  bool parse_words(std::size_t i, core& out) const {
    double total = 0, current = 0;
    std::size_t j = i, end = i;
    bool any = false;
    while (at(j) && t_[j].k == kind::word) {
      sv w = t_[j].low;
      if (int u = unit_word(w)) {
        if (any && current != 0 && std::fmod(current, 100) != 0) break;  // "one two"
        current += u;
      } else if (int tw = tens_word(w)) {
        if (any && std::fmod(current, 100) != 0) break;
        current += tw;
        if (punct_at(j + 1, '-') && attached(j + 1) && attached(j + 2)) {
          if (int u2 = unit_word(low(j + 2))) {
            current += u2;
            j += 2;
          }
        }
      } else if (w == "hundred" && any) {
        current = (current == 0 ? 1 : current) * 100;
      } else if (double sc = scale_word(w); sc >= 1e3 && any && w.size() > 3) {
        total += (current == 0 ? 1 : current) * sc;
        current = 0;
      } else if (w == "and" && any && current != 0 && std::fmod(current, 100) == 0 &&
                 (unit_word(low(j + 1)) || tens_word(low(j + 1)))) {
        // "one hundred and fifty"
      } else {
        break;
      }
      any = true;
      ++j;
      end = j;
    }
    if (!any) return false;
    out.begin = i;
    out.end = end;
    out.value = total + current;
    out.words = true;
    return out.value > 0;
  }

  // The number starting at token i, if any (without qualifier, currency or range).
  bool parse(std::size_t i, core& c) const {
    const token* k = at(i);
    if (!k) return false;
    c = core{};
    c.begin = i;
    if (k->k == kind::number) {
      c.value = k->num;
      c.digits = true;
      std::size_t j = i + 1;
      // Attached suffix: "562m", "84km", "304p", "1st", "1990s", "3G".
      if (attached(j) && t_[j].k == kind::word) {
        sv suf = t_[j].low;
        if (in(suf, {"st", "nd", "rd", "th", "s"})) {
          c.exclude = true;
        } else if (in(suf, {"am", "pm"}) ||
                   (in(suf, {"a", "p"}) && punct_at(j + 1, '.') && word_at(j + 2, "m"))) {
          // "10am", "10a.m." (but "304p" and "8p." are pence, below)
          c.exclude = true;
        } else if (suf == "p") {
          c.money = true;
        } else if (in(suf, {"m", "mn", "mln"}) && (money_before(i) || count_noun_after(j + 1))) {
          c.value *= 1e6;
          c.scaled = true;
        } else if (in(suf, {"bn", "b", "bln"})) {
          c.value *= 1e9;
          c.scaled = true;
        } else if (in(suf, {"tn", "trn"}) && money_before(i)) {
          c.value *= 1e12;
          c.scaled = true;
        } else if (in(suf, {"k"})) {
          c.value *= 1e3;
          c.scaled = true;
        } else if (in(suf, {"h", "hrs", "hr", "min", "mins", "s", "sec", "secs", "yr", "yrs",
                            "d"})) {
          c.exclude = true;
        } else if (!measure_unit(suf) && !in(suf, {"x", "pc"})) {
          c.exclude = true;  // "3G", "4x4", "747s": a name
        }
        if (in(suf, {"x"})) c.times = true;
        if (suf == "pc") c.percent = true;
        ++j;
      } else if (at(j) && t_[j].k == kind::word) {
        sv w = t_[j].low;
        const double sc = scale_word(w);
        if (sc >= 1e2) {
          c.value *= sc;
          c.scaled = true;
          ++j;
        } else if (w == "m" && money_before(i)) {
          c.value *= 1e6;
          c.scaled = true;
          ++j;
        }
      }
      c.end = j;
      return true;
    }
    if (k->k != kind::word || !(k->flags & kNumberWord)) return false;
    sv w = k->low;
    // Vague quantities.
    if (w == "tens" || w == "hundreds" || w == "thousands" || w == "millions" ||
        w == "billions" || w == "dozens" || w == "scores") {
      double v = w == "tens" ? 10 : w == "hundreds" ? 100 : w == "thousands" ? 1e3
               : w == "millions" ? 1e6 : w == "billions" ? 1e9 : w == "dozens" ? 12 : 20;
      std::size_t j = i + 1;
      if (word_at(j, "of") && (word_at(j + 1, "thousands") || word_at(j + 1, "millions") ||
                               word_at(j + 1, "billions")) && w != "scores" && w != "dozens") {
        v *= scale_word(low(j + 1).substr(0, low(j + 1).size() - 1));
        j += 2;
      } else if (w == "tens") {
        return false;
      }
      if ((w == "scores") && !word_at(j, "of")) return false;
      c.value = v;
      c.vague = true;
      c.words = true;
      c.end = j;
      return true;
    }
    // "a dozen", "a half-dozen", "a hundred", "a million", "a quarter", "a fifth", "a half-mile".
    if (w == "a" || w == "an" || w == "one") {
      sv w2 = low(i + 1);
      if (w == "a" && w2 == "dozen") {
        c.value = 12;
        c.vague = true;
        c.words = true;
        c.end = i + 2;
        return true;
      }
      if (w == "a" && w2 == "half" && punct_at(i + 2, '-') && word_at(i + 3, "dozen")) {
        c.value = 6;
        c.vague = true;
        c.words = true;
        c.end = i + 4;
        return true;
      }
      if (w == "a" && (w2 == "hundred" || w2 == "thousand" || w2 == "million" || w2 == "billion")) {
        // "a million", "a hundred thousand".
        c.value = scale_word(w2);
        c.end = i + 2;
        if (const double sc = scale_word(low(i + 2)); sc > c.value && w2 == "hundred") {
          c.value *= sc;
          c.end = i + 3;
        }
        c.words = true;
        return true;
      }
      if (int d = fraction_word(w2); d != 0 && d != 2 && !(w2.back() == 's')) {
        // "a quarter of", "a fifth of", "a quarter-mile"; "a third leak" is an ordinal.
        if (word_at(i + 2, "of") || (punct_at(i + 2, '-') && attached(i + 2))) {
          c.value = 1.0 / d;
          c.fraction = true;
          c.words = true;
          c.end = i + 2;
          return true;
        }
      }
      if (w == "a" && w2 == "half" && punct_at(i + 2, '-') && attached(i + 2) &&
          !time_unit(low(i + 3))) {
        c.value = 0.5;  // "a half-mile"
        c.fraction = true;
        c.words = true;
        c.end = i + 2;
        return true;
      }
      if (w != "one") return false;
    }
    if (w == "half") {
      sv prev = low(i - 1), next = low(i + 1);
      if (in(prev, {"first", "second", "last", "other", "latter", "better"})) return false;
      if (punct_at(i + 1, '-') && attached(i + 1)) {
        if (word_at(i + 2, "dozen")) {
          c.value = 6;
          c.vague = true;
          c.words = true;
          c.end = i + 3;
          return true;
        }
        return false;  // "half-hour", "half-time", "half-brother"
      }
      if (next == "a" || next == "an") {
        const double sc = scale_word(low(i + 2));
        if (sc >= 1e3) {
          c.value = 0.5 * sc;
          c.words = true;
          c.end = i + 3;
          return true;
        }
        return false;  // "half an hour", "half a day"
      }
      if (next == "of" || determiner(next) ||
          in(prev, {"approximately", "about", "around", "nearly", "almost", "roughly", "over",
                    "than", "only", "just", "by", "to", "least", "some", "estimated"})) {
        if (time_unit(low(i + 2)) || time_unit(next)) return false;
        c.value = 0.5;
        c.fraction = true;
        c.words = true;
        c.end = i + 1;
        return true;
      }
      return false;
    }
    if (unit_word(w) || tens_word(w)) {
      if (!parse_words(i, c)) return false;
      // Spelled fractions: "three-quarters", "two-thirds", "two thirds of".
      if (c.end == i + 1) {
        std::size_t j = i + 1;
        bool hyphen = punct_at(j, '-') && attached(j) && attached(j + 1);
        if (hyphen) ++j;
        if (int d = fraction_word(low(j));
            d != 0 && (hyphen || word_at(j + 1, "of")) && c.value < d) {
          c.value = c.value / d;
          c.fraction = true;
          c.end = j + 1;
          return true;
        }
      }
      if (w == "one" && c.end == i + 1 && !one_is_count(i)) return false;
      // "the Big Three", "the Group of Eight": a capitalized number word inside a sentence,
      // after a word, is part of a name.
      if (k->cap && i > first_ && (t_[i - 1].k == kind::word) &&
          (t_[i - 1].cap || word_at(i - 1, "of")) && !(t_[i - 1].flags & kNumberWord))
        return false;
      if (in(low(i - 1), {"day", "week", "round", "stage", "phase", "game", "part", "season",
                          "episode", "chapter", "number", "no"}))
        return false;  // "on day three": a name, not a count
      return true;
    }
    return false;
  }

  // "one" is a count in "one of the", "only one", "one UN staff member"; not in "one day",
  // "no one", "the one that".
  bool one_is_count(std::size_t i) const {
    sv prev = low(i - 1), next = low(i + 1);
    if (in(prev, {"no", "any", "every", "each", "the", "this", "that", "which", "another",
                  "such", "one", "someone", "anyone", "little"}))
      return false;
    if (punct_at(i + 1, '-')) return false;  // "one-off", "one-time"
    if (next == "of") {
      sv n2 = low(i + 2);
      // "one of the top 100 brands", "one of the world's fastest-growing economies": a rank,
      // not a count.
      for (std::size_t j = i + 3; j < i + 8 && at(j); ++j) {
        const sv w = low(j);
        if (in(w, {"top", "most", "best", "few", "first", "last", "main", "leading", "biggest",
                   "largest", "worst"}))
          return false;
        if (w.size() > 5 && w.substr(w.size() - 3) == "est" &&
            !in(w, {"interest", "request", "protest", "contest", "harvest", "suggest",
                    "forest", "modest", "honest", "invest", "arrest", "digest", "conquest"}))
          return false;
        if (at(j)->k == kind::punct && at(j)->c != '\'' && at(j)->c != '-') break;
      }
      return determiner(n2) || unit_word(n2) || tens_word(n2);
    }
    if (in(prev, {"only", "just", "least", "than", "killing", "killed", "injuring", "injured"}))
      return true;
    const token* nk = at(i + 1);
    if (!nk || nk->k != kind::word) return false;
    if (nk->cap && !t_[i].cap) return true;  // "one UN official"
    return in(next, {"person", "man", "woman", "child", "worker", "body", "member", "soldier",
                     "officer", "ship", "vessel", "well", "leak", "plane", "helicopter",
                     "kilometre", "kilometer", "mile", "metre", "meter", "foot", "percent",
                     "staff", "employee", "victim", "survivor", "hostage", "boat", "building",
                     "house", "rig", "platform", "relief", "more", "other", "additional",
                     "dead", "death", "million", "billion", "thousand", "hundred"});
  }

  bool money_before(std::size_t i) const {
    const token* k = at(i - 1);
    return k && k->k == kind::currency;
  }

  bool count_noun_after(std::size_t j) const {
    sv w = low(j);
    if (w.empty()) return word_at(j, "of");
    if (in(w, {"deep", "long", "high", "wide", "tall", "below", "above", "under", "away", "from",
               "down", "up", "off", "beneath", "in", "into", "across", "thick", "at", "to",
               "and", "or", "by"}))
      return false;
    return true;
  }

  sv text_of(std::size_t i) const { return at(i) ? text_.substr(t_[i].begin, t_[i].end - t_[i].begin) : sv(); }

  const sv text_;
  const std::vector<token>& t_;
  const std::size_t first_, last_;
  const figure_extractor::options& opts_;
};

// ---------------------------------------------------------------------------------------------
// Qualifiers

struct phrase {
  std::array<sv, 3> w;
  qualifier q;
  bool qualifies;  // false: kept in the surface but the figure stays exact ("a further")
};

constexpr std::array kPrefixes = {
    phrase{{"in", "excess", "of"}, qualifier::at_least, true},
    phrase{{"no", "more", "than"}, qualifier::at_most, true},
    phrase{{"as", "many", "as"}, qualifier::at_most, true},
    phrase{{"as", "much", "as"}, qualifier::at_most, true},
    phrase{{"as", "far", "as"}, qualifier::at_most, true},
    phrase{{"as", "high", "as"}, qualifier::at_most, true},
    phrase{{"as", "few", "as"}, qualifier::at_most, true},
    phrase{{"a", "total", "of"}, qualifier::exact, false},
    phrase{{"more", "than", ""}, qualifier::at_least, true},
    phrase{{"greater", "than", ""}, qualifier::at_least, true},
    phrase{{"at", "least", ""}, qualifier::at_least, true},
    phrase{{"upwards", "of", ""}, qualifier::at_least, true},
    phrase{{"well", "over", ""}, qualifier::at_least, true},
    phrase{{"just", "over", ""}, qualifier::at_least, true},
    phrase{{"up", "to", ""}, qualifier::at_most, true},
    phrase{{"less", "than", ""}, qualifier::at_most, true},
    phrase{{"fewer", "than", ""}, qualifier::at_most, true},
    phrase{{"just", "under", ""}, qualifier::at_most, true},
    phrase{{"close", "to", ""}, qualifier::at_most, true},
    phrase{{"at", "most", ""}, qualifier::at_most, true},
    phrase{{"an", "estimated", ""}, qualifier::approx, true},
    phrase{{"an", "approximate", ""}, qualifier::approx, true},
    phrase{{"a", "further", ""}, qualifier::exact, false},
    phrase{{"an", "additional", ""}, qualifier::exact, false},
    phrase{{"total", "of", ""}, qualifier::exact, false},
    phrase{{"over", "", ""}, qualifier::at_least, true},
    phrase{{"above", "", ""}, qualifier::at_least, true},
    phrase{{"surpasses", "", ""}, qualifier::at_least, true},
    phrase{{"surpassed", "", ""}, qualifier::at_least, true},
    phrase{{"surpassing", "", ""}, qualifier::at_least, true},
    phrase{{"exceeds", "", ""}, qualifier::at_least, true},
    phrase{{"exceeded", "", ""}, qualifier::at_least, true},
    phrase{{"exceeding", "", ""}, qualifier::at_least, true},
    phrase{{"nearly", "", ""}, qualifier::at_most, true},
    phrase{{"almost", "", ""}, qualifier::at_most, true},
    phrase{{"near", "", ""}, qualifier::at_most, true},
    phrase{{"under", "", ""}, qualifier::at_most, true},
    phrase{{"about", "", ""}, qualifier::approx, true},
    phrase{{"around", "", ""}, qualifier::approx, true},
    phrase{{"approximately", "", ""}, qualifier::approx, true},
    phrase{{"roughly", "", ""}, qualifier::approx, true},
    phrase{{"some", "", ""}, qualifier::approx, true},
    phrase{{"approx", "", ""}, qualifier::approx, true},
    phrase{{"circa", "", ""}, qualifier::approx, true},
    phrase{{"estimated", "", ""}, qualifier::approx, true},
    phrase{{"another", "", ""}, qualifier::exact, false},
    phrase{{"additional", "", ""}, qualifier::exact, false},
    phrase{{"further", "", ""}, qualifier::exact, false},
    phrase{{"all", "", ""}, qualifier::exact, false},
    phrase{{"only", "", ""}, qualifier::exact, false},
    phrase{{"just", "", ""}, qualifier::exact, false},
};

// Length in tokens of prefix `p` ending right before token `end`, 0 when it does not match.
std::size_t match_prefix(const sentence_scan& s, std::size_t end, const phrase& p) {
  std::size_t n = 0;
  while (n < 3 && !p.w[n].empty()) ++n;
  if (end < s.first() + n) return 0;
  for (std::size_t k = 0; k < n; ++k)
    if (!s.word_at(end - n + k, p.w[k])) return 0;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Categories

struct cue {
  sv word;
  category cat;
};

constexpr std::array kCues = {
    cue{"dead", category::killed},        cue{"died", category::killed},
    cue{"die", category::killed},         cue{"dies", category::killed},
    cue{"dying", category::killed},       cue{"death", category::killed},
    cue{"deaths", category::killed},      cue{"killed", category::killed},
    cue{"kill", category::killed},        cue{"kills", category::killed},
    cue{"killing", category::killed},     cue{"bodies", category::killed},
    cue{"fatalities", category::killed},  cue{"lives", category::killed},
    cue{"perished", category::killed},    cue{"toll", category::killed},
    cue{"corpses", category::killed},     cue{"murdered", category::killed},
    cue{"injured", category::injured},    cue{"injuring", category::injured},
    cue{"injuries", category::injured},   cue{"injury", category::injured},
    cue{"wounded", category::injured},    cue{"wounding", category::injured},
    cue{"hurt", category::injured},       cue{"amputations", category::injured},
    cue{"amputated", category::injured},  cue{"casualties", category::injured},
    cue{"hospitalised", category::injured}, cue{"hospitalized", category::injured},
    cue{"missing", category::missing},    cue{"unaccounted", category::missing},
    cue{"disappeared", category::missing},
    cue{"hostage", category::hostages},   cue{"hostages", category::hostages},
    cue{"captives", category::hostages},  cue{"kidnapped", category::hostages},
    cue{"abducted", category::hostages},  cue{"captive", category::hostages},
    cue{"rescued", category::freed},      cue{"freed", category::freed},
    cue{"released", category::freed},     cue{"alive", category::freed},
    cue{"liberated", category::freed},    cue{"saved", category::freed},
    cue{"arrested", category::arrested},  cue{"arrests", category::arrested},
    cue{"detained", category::arrested},  cue{"charged", category::arrested},
    cue{"jailed", category::arrested},    cue{"indicted", category::arrested},
    cue{"detainees", category::arrested}, cue{"custody", category::arrested},
    cue{"homeless", category::displaced}, cue{"displaced", category::displaced},
    cue{"fled", category::displaced},     cue{"fleeing", category::displaced},
    cue{"flee", category::displaced},     cue{"refugees", category::displaced},
    cue{"evacuated", category::displaced}, cue{"evacuees", category::displaced},
    cue{"camps", category::displaced},    cue{"tented", category::displaced},
    cue{"shelters", category::displaced}, cue{"outdoors", category::displaced},
    cue{"relocated", category::displaced}, cue{"evacuate", category::displaced},
    cue{"affected", category::affected},  cue{"impacted", category::affected},
    cue{"infected", category::affected},  cue{"infections", category::affected},
    cue{"cases", category::affected},     cue{"sick", category::affected},
    cue{"ill", category::affected},       cue{"patients", category::affected},
    cue{"stranded", category::affected},  cue{"trapped", category::affected},
    cue{"troops", category::personnel},   cue{"troop", category::personnel},
    cue{"soldiers", category::personnel}, cue{"police", category::personnel},
    cue{"policemen", category::personnel}, cue{"officers", category::personnel},
    cue{"responders", category::personnel}, cue{"marines", category::personnel},
    cue{"sailors", category::personnel},  cue{"peacekeepers", category::personnel},
    cue{"peacekeeping", category::personnel}, cue{"rescuers", category::personnel},
    cue{"firefighters", category::personnel}, cue{"personnel", category::personnel},
    cue{"experts", category::personnel},  cue{"doctors", category::personnel},
    cue{"medics", category::personnel},   cue{"nurses", category::personnel},
    cue{"volunteers", category::personnel}, cue{"guardsmen", category::personnel},
    cue{"engineers", category::personnel}, cue{"workers", category::personnel},
    cue{"staff", category::personnel},    cue{"deployed", category::personnel},
    cue{"agents", category::personnel},   cue{"inspectors", category::personnel},
    cue{"crew", category::personnel},     cue{"crews", category::personnel},
    cue{"man", category::personnel},      cue{"member", category::personnel},
    cue{"barrels", category::quantity},   cue{"barrel", category::quantity},
    cue{"gallons", category::quantity},   cue{"gallon", category::quantity},
    cue{"bpd", category::quantity},       cue{"litres", category::quantity},
    cue{"tonnes", category::quantity},    cue{"tons", category::quantity},
    cue{"km", category::quantity},        cue{"kilometres", category::quantity},
    cue{"kilometre", category::quantity}, cue{"miles", category::quantity},
    cue{"mile", category::quantity},      cue{"metres", category::quantity},
    cue{"meters", category::quantity},    cue{"ft", category::quantity},
    cue{"feet", category::quantity},      cue{"acres", category::quantity},
    cue{"hectares", category::quantity},  cue{"vessels", category::quantity},
    cue{"ships", category::quantity},     cue{"boats", category::quantity},
    cue{"aircraft", category::quantity},  cue{"planes", category::quantity},
    cue{"helicopters", category::quantity}, cue{"wells", category::quantity},
    cue{"rigs", category::quantity},      cue{"platforms", category::quantity},
    cue{"buildings", category::quantity}, cue{"houses", category::quantity},
    cue{"homes", category::quantity},     cue{"missions", category::quantity},
    cue{"magnitude", category::quantity}, cue{"leaks", category::quantity},
    cue{"domes", category::quantity},     cue{"vehicles", category::quantity},
    cue{"airports", category::quantity},  cue{"aftershocks", category::quantity},
    cue{"flights", category::quantity},   cue{"trucks", category::quantity},
    cue{"skimmers", category::quantity},  cue{"boom", category::quantity},
    cue{"dispersant", category::quantity}, cue{"dispersants", category::quantity},
    cue{"oil", category::quantity},       cue{"kg", category::quantity},
    cue{"countries", category::other},    cue{"companies", category::other},
    cue{"protesters", category::other},   cue{"demonstrators", category::other},
    cue{"nations", category::other},      cue{"senators", category::other},
    cue{"officials", category::other},    cue{"agencies", category::other},
    cue{"departments", category::other},  cue{"firms", category::other},
};


// Reporting cues that name a source.
constexpr sv kReportVerbs[] = {"say", "says", "said", "saying", "tell", "tells", "told", "report", "reports",
                "reported", "announce", "announces", "announced", "confirm", "confirms",
                "confirmed", "claim", "claims", "claimed", "estimate", "estimates",
                "estimated", "reveal", "reveals", "revealed", "show", "shows", "showed",
                "warn", "warns", "warned", "allege", "alleges", "alleged", "predict",
                "predicts", "predicted", "conclude", "concludes", "concluded", "finds",
                "indicated", "indicates", "indicating", "put", "puts", "insists", "insisted",
                "admits", "admitted", "believes", "calculates", "calculated", "expects",
                "forecasts", "disputes", "adds", "added", "argues", "notes", "writes", "stated",
                "saying", "claiming", "warning", "adding", "estimating", "announcing",
                "confirming", "revealing", "showing", "citing"};


constexpr sv kHedgeWords[] = {"believed", "believe", "believes", "estimated", "estimate", "estimates",
                "feared", "fear", "fears", "reportedly", "might", "could", "may", "alleged",
                "allegedly", "claimed", "claims", "claim", "expects", "expected", "expect",
                "possible", "possibly", "unclear", "uncertain", "unconfirmed", "likely",
                "probably", "perhaps", "suspected", "thought", "presumably", "potentially",
                "feared", "rumoured", "rumored", "unknown", "predicted", "predicts", "projected"};


constexpr sv kEstimateNouns[] = {"estimate", "estimates", "figures", "forecast", "projection",
                                 "count", "tally", "assessment"};

// Words that can start a number ("six", "a dozen", "half", "hundreds"); parse() looks at
// nothing else.
constexpr sv kNumberish[] = {"a", "an", "one", "half", "tens", "hundreds", "thousands",
                             "millions", "billions", "dozens", "scores", "two", "three", "four",
                             "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                             "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                             "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
                             "sixty", "seventy", "eighty", "ninety"};


// One hash lookup per word instead of a scan of every list: the lists above, folded into
// flags in a small open-addressing table (FNV-1a, linear probing, at most a quarter full),
// built once per process and read-only afterwards. Words longer than the longest entry are
// not looked up at all.
class lexicon_table {
 public:
  lexicon_table() {
    std::unordered_map<sv, std::uint32_t> m;
    for (sv w : kReportVerbs) m[w] |= kReport;
    for (sv w : kHedgeWords) m[w] |= kHedge;
    for (sv w : kEstimateNouns) m[w] |= kEstimateNoun;
    for (sv w : kNumberish) m[w] |= kNumberWord;
    for (const auto& c : kCues) {
      auto& f = m[c.word];
      if (!(f & kCue)) f |= kCue | (static_cast<std::uint32_t>(c.cat) << kCueShift);
    }
    m["according"] |= kAccording;
    std::size_t size = 16;
    while (size < 4 * m.size()) size *= 2;
    slots_.assign(size, slot{});
    mask_ = size - 1;
    for (const auto& [w, f] : m) {
      std::size_t i = hash(w) & mask_;
      while (!slots_[i].key.empty()) i = (i + 1) & mask_;
      slots_[i] = slot{w, f};
      max_len_ = std::max(max_len_, w.size());
    }
  }

  std::uint32_t find(sv w) const noexcept {
    if (w.empty() || w.size() > max_len_) return 0;
    for (std::size_t i = hash(w) & mask_;; i = (i + 1) & mask_) {
      const slot& s = slots_[i];
      if (s.key.empty()) return 0;
      if (s.key == w) return s.flags;
    }
  }

 private:
  struct slot {
    sv key;
    std::uint32_t flags = 0;
  };
  static std::size_t hash(sv w) noexcept {
    std::uint64_t h = 1469598103934665603ull;
    for (char c : w) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
  std::vector<slot> slots_;
  std::size_t mask_ = 0;
  std::size_t max_len_ = 0;
};

std::uint32_t flags_of(sv w) {
  static const lexicon_table kLexicon;
  return kLexicon.find(w);
}

bool report_verb(sv w) { return flags_of(w) & kReport; }
bool hedge_word(sv w) { return flags_of(w) & kHedge; }

bool cue_of(sv w, category& c) {
  const std::uint32_t f = flags_of(w);
  if (!(f & kCue)) return false;
  c = static_cast<category>((f >> kCueShift) & 0xFF);
  return true;
}

bool clause_word(sv w) {
  return in(w, {"that", "which", "who", "and", "but", "while", "as", "when", "after", "before",
                "because", "if", "although", "since", "where", "so", "whereas", "though"});
}

bool lead_word(sv w) {
  return in(w, {"but", "and", "however", "meanwhile", "now", "also", "later", "then", "so",
                "today", "yesterday", "still", "separately", "earlier", "elsewhere"});
}

bool aux_word(sv w) {
  if (w.size() > 4 && w.substr(w.size() - 2) == "ly" && w != "only" && w != "family" &&
      w != "italy" && w != "assembly")
    return true;  // adverbs: "have been definitively confirmed", "publicly said"
  return in(w, {"so", "far", "thus", "already", "just", "recently", "since", "ever", "never", "not",
                "has", "have", "had", "also", "now", "later", "today", "yesterday", "will",
                "would", "initially", "previously", "earlier", "then", "still", "publicly",
                "officially", "again", "further", "first", "further", "repeatedly",
                "separately", "quickly", "d", "ve", "ll", "can", "could", "might", "did", "does", "do"});
}

bool modal(sv w) {
  return in(w, {"must", "can", "could", "would", "will", "should", "may", "might", "shall"});
}

bool be_word(sv w) { return in(w, {"is", "are", "was", "were", "been", "being", "be"}); }

// ---------------------------------------------------------------------------------------------

// How far (in tokens) a hedge cue reaches: "it's feared thousands of gallons", "Around 100
// were still thought to be missing".
constexpr std::size_t kHedgeBefore = 10;
constexpr std::size_t kHedgeAfter = 3;
// How far (in tokens) a reporting cue reaches within its sentence.
constexpr std::size_t kCueReach = 80;

struct found {
  figure f;
  std::size_t begin_tok = 0, end_tok = 0;  // surface tokens
  std::size_t num_tok = 0, num_end = 0;    // the number itself (no qualifier)
  std::size_t toll_tok = SIZE_MAX;         // "toll" when the category came from it
  core c;
};

class extractor_run {
 public:
  extractor_run(sv text, const figure_extractor::options& opts, const std::vector<token>& t)
      : text_(text), opts_(opts), t_(t) {}

  void sentence(std::size_t first, std::size_t last, std::vector<figure>& out) {
    sentence_scan s(text_, t_, first, last, opts_);
    // Scratch reused from one sentence to the next (one allocation per update, not per sentence).
    std::vector<found>& figs = figs_;
    figs.clear();
    std::size_t i = first;
    while (i < last) {
      core c;
      if (!s.parse(i, c) || c.end <= i) {
        ++i;
        continue;
      }
      found fd;
      if (!widen(s, c, fd)) {
        i = std::max(c.end, i + 1);
        continue;
      }
      i = fd.end_tok;
      figs.push_back(std::move(fd));
    }
    // A sentence that starts inside a quotation opened earlier speaks with its speaker
    // ('He says, "We are ... . It could cost thousands of jobs."').
    const bool starts_in_quote = in_quote_;
    const std::optional<text::byte_span> quoted_by = quote_speaker_;
    std::size_t quotes = 0;
    for (std::size_t k = first; k < last; ++k)
      if (t_[k].k == kind::punct && t_[k].c == '"') ++quotes;
    // Sources and hedges are sentence-wide; find the cues once, in order, so that a pronoun
    // speaker resolves to the last named speaker before it.
    auto& cues = cues_;
    auto& hedges = hedges_;
    cues.clear();
    hedges.clear();
    for (std::size_t k = first; k < last; ++k) {
      if (t_[k].k != kind::word || !(t_[k].flags & (kReport | kHedge | kEstimateNoun | kAccording)))
        continue;
      sv w = t_[k].low;
      if (hedge_word(w) && !(w == "may" && s.at(k + 1) && t_[k + 1].k == kind::number) &&
          !((w == "claims" || w == "claim") && !is_cue(s, k)))  // "jobless claims": a noun
        hedges.push_back(k);
      if (w == "reports" && s.word_at(k + 1, "say")) hedges.push_back(k);
      if ((w == "said" || w == "thought" || w == "believed") && s.word_at(k + 1, "to")) {
        hedges.push_back(k);
        continue;  // "said to be": no speaker
      }
      std::optional<text::byte_span> who;
      bool is = false;
      if (w == "according" && s.word_at(k + 1, "to")) {
        who = speaker_after(s, k + 2);
        is = true;
      } else if (report_verb(w) && is_cue(s, k)) {
        who = speaker_of(s, k, cues);
        is = true;
      } else if (estimate_noun(w)) {
        // "officials revise the estimate", "BP increases its cost estimate": the party that
        // holds the estimate is the subject of the verb before it.
        std::size_t j = k;
        for (std::size_t n = 0; n < 2 && j > first && t_[j - 1].k == kind::word &&
                                !determiner(t_[j - 1].low) && !in(t_[j - 1].low, {"a", "an"});
             ++n)
          --j;
        if (j > first && t_[j - 1].k == kind::word &&
            in(t_[j - 1].low, {"its", "their", "the", "his", "her", "our"})) {
          const sv det = t_[j - 1].low;
          --j;
          if (j > first && t_[j - 1].k == kind::word && !t_[j - 1].cap &&
              !clause_word(t_[j - 1].low) && !be_word(t_[j - 1].low) &&
              !in(t_[j - 1].low, {"of", "in", "on", "to", "by", "for", "with", "from", "at"})) {
            who = subject_before(s, j - 1);
            is = true;
          }
          if (!who && det != "the" && opts_.resolve_pronouns) {
            who = last_speaker_;  // "their previous estimates"
            is = who.has_value();
          }
        }
      }
      if (!is) continue;
      if (who && !is_pronoun_span(*who)) last_speaker_ = who;
      cues.emplace_back(k, who);
    }
    for (auto& fd : figs) {
      figure& f = fd.f;
      // A hedge cue marks the figures of its clause: within a few words before the number
      // or just after it, not across ';'.
      // (cues and hedges are in token order: only those within reach are looked at, so a
      // giant sentence full of numbers and cues stays linear.)
      {
        const std::size_t from = fd.begin_tok > kHedgeBefore ? fd.begin_tok - kHedgeBefore : 0;
        for (auto it = std::lower_bound(hedges.begin(), hedges.end(), from);
             it != hedges.end() && *it <= fd.end_tok + kHedgeAfter; ++it) {
          const std::size_t h = *it;
          bool blocked = false;
          for (std::size_t x = std::min(h, fd.begin_tok); x < std::max(h, fd.end_tok); ++x)
            if (t_[x].k == kind::punct && t_[x].c == ';') blocked = true;
          if (!blocked) f.hedged = true;
        }
      }
      // The source: the nearest cue before the figure in its sentence, else the nearest after.
      {
        auto pos = std::lower_bound(cues.begin(), cues.end(), fd.begin_tok,
                                    [](const auto& cu, std::size_t v) { return cu.first < v; });
        for (auto it = pos; it != cues.begin();) {
          --it;
          if (fd.begin_tok - it->first > kCueReach) break;
          if (it->second) {
            f.source = it->second;
            break;
          }
        }
        if (!f.source) {
          for (auto it = pos; it != cues.end() && it->first <= fd.end_tok + kCueReach; ++it) {
            if (it->first < fd.end_tok) continue;
            // A cue after the figure speaks for it unless a contrasting clause starts between
            // ("2,500 are affected, though the minister says ...").
            bool blocked = false;
            for (std::size_t x = fd.end_tok; x < it->first; ++x)
              if (t_[x].k == kind::word &&
                  in(t_[x].low, {"while", "whereas", "although", "though", "but", "however"}))
                blocked = true;
            if (blocked) break;
            if (it->second) {
              f.source = it->second;
              break;
            }
          }
        }
      }
      if (!f.source && starts_in_quote && quoted_by) f.source = quoted_by;
      category(s, fd);
      counted(s, fd);
      out.push_back(f);
    }
    if (quotes % 2 == 1) {
      in_quote_ = !in_quote_;
      quote_speaker_.reset();
      if (in_quote_)
        for (auto it = cues.rbegin(); it != cues.rend(); ++it)
          if (it->second) {
            quote_speaker_ = it->second;
            break;
          }
    }
    if (auto sub = sentence_subject(s); sub && !is_pronoun_span(*sub)) last_subject_ = sub;
  }

 private:
  // Adds qualifier, currency, percent, range; checks exclusions. False: not a figure.
  bool widen(const sentence_scan& s, core& c, found& fd) {
    std::size_t b = c.begin, e = c.end;
    if (c.exclude) return false;
    // Currency before: "$", "US$", "£".
    if (s.at(b - 1) && t_[b - 1].k == kind::currency) {
      c.money = true;
      --b;
      if (s.attached(b) && s.word_at(b - 1, "us")) --b;
    }
    // After: percent, currency words, "of dollars", "times".
    auto after = [&](std::size_t j) {
      if (s.punct_at(j, '%')) {
        c.percent = true;
        return j + 1;
      }
      sv w = s.low(j);
      if (w == "percent" || w == "pc" || w == "percentage") {
        c.percent = true;
        return j + 1;
      }
      if (w == "per" && (s.word_at(j + 1, "cent"))) {
        c.percent = true;
        return j + 2;
      }
      if (currency_word(w)) {
        c.money = true;
        return j + 1;
      }
      if (c.vague && w == "of" && currency_word(s.low(j + 1))) {
        c.money = true;
        return j + 2;
      }
      if (w == "times") {
        c.times = true;
        return j + 1;
      }
      if (c.vague && w == "of" && measure_unit(s.low(j + 1))) return j + 2;
      return j;
    };
    e = after(e);
    // "-strong"
    if (s.punct_at(e, '-') && s.attached(e) && s.word_at(e + 1, "strong")) {
      c.strong = true;
      e += 2;
    }
    // Ranges: "X to Y", "X-Y", "between X and Y"; "rose from X to Y" is two figures.
    std::optional<double> high;
    bool range_between = false;
    {
      std::size_t j = e;
      const bool dash = s.punct_at(j, '-');
      const bool to = s.word_at(j, "to");
      const bool and_ = s.word_at(j, "and") && s.word_at(b - 1, "between");
      const bool or_ = s.word_at(j, "or") && c.words && !c.vague;
      const bool from = s.word_at(b - 1, "from");
      // "fell 1.4% to 18,590", "up 3 to 20": a change and where it ended, not a range.
      const bool change = in(s.low(b - 1), {"rose", "rises", "risen", "rise", "fell", "falls",
                                            "fallen", "fall", "up", "down", "climbed", "climbs",
                                            "dropped", "drops", "jumped", "jumps", "gained",
                                            "gains", "lost", "loses", "slipped", "slips",
                                            "added", "adds", "increased", "increases",
                                            "decreased", "decreases", "grew", "grows", "by",
                                            "raised", "raises", "cut", "cuts", "lowered"});
      if ((dash || to || and_ || or_) && !(from && to)) {
        std::size_t k = j + 1;
        bool money2 = false;
        if (s.at(k) && t_[k].k == kind::currency) {
          money2 = true;
          ++k;
        }
        core c2;
        if (s.parse(k, c2) && (!c2.exclude || dash) && c2.value > 0 && (c2.digits == c.digits) &&
            !(dash && !s.attached(j) && c.digits && s.attached(k) ) ) {
          std::size_t e2 = c2.end;
          bool pct2 = false;
          if (s.punct_at(e2, '%')) { pct2 = true; ++e2; }
          else if (in(s.low(e2), {"percent", "pc"})) { pct2 = true; ++e2; }
          else if (s.word_at(e2, "per") && s.word_at(e2 + 1, "cent")) { pct2 = true; e2 += 2; }
          if (dash && s.attached(j) && s.attached(k) && c2.exclude) {
            c.end = c2.end;
            return false;  // "6-8c", "10-11pm": the pair is one excluded token
          }
          if (c.percent && !pct2 && !c2.percent) c2.value = -1;  // "1.4% to 18,590"
          double lo = c.value;
          // "1 to 2 million": the magnitude of the top applies to the bottom.
          if (c2.scaled && !c.scaled && lo < c2.value) {
            double m = c2.value / (c2.value >= 1e12 ? 1e12 : c2.value >= 1e9 ? 1e9 : c2.value >= 1e6 ? 1e6 : 1e3);
            double sc = c2.value / m;
            if (lo * sc <= c2.value) lo *= sc;
          }
          // After a change verb a pair is a range only when the two are close ("cut 5,000 to
          // 6,000 jobs"); far apart they are a change and a level ("fell 400 to 8,000").
          const bool close = !change || c2.value <= 3 * lo;
          if (c2.value > lo && !c2.exclude && close) {
            c.value = lo;
            high = c2.value;
            c.money = c.money || money2 || c2.money;
            c.percent = c.percent || pct2 || c2.percent;
            range_between = and_;
            e = after(e2);
          } else if (dash && c.digits && c2.digits) {
            c.end = c2.end;  // skip both numbers
            return false;    // "5-0", "228-205": a score, a tally or a span of years
          }
        }
      }
    }
    // Exclusions (and absurd magnitudes: 400 digits times "bn" is not a figure).
    if (!std::isfinite(c.value) || (high && !std::isfinite(*high))) return false;
    high_ = high;
    if (excluded(s, c, b, e)) return false;
    // Qualifier and surface prefixes.
    qualifier q = qualifier::exact;
    bool hedged = false;
    if (high) {
      q = qualifier::range;
      if (range_between) --b;
    }
    for (int round = 0; round < 3; ++round) {
      bool hit = false;
      for (const auto& p : kPrefixes) {
        std::size_t n = match_prefix(s, b, p);
        if (!n) continue;
        // The qualifier nearest the number wins ("only about 40": approx).
        if (p.qualifies && q == qualifier::exact) q = p.q;
        if (p.w[0] == "up" || (p.w[0] == "as" && p.w[1] == "many") || (p.w[0] == "as" && p.w[1] == "much"))
          hedged = true;
        if (p.w[0] == "an" && p.w[1] == "estimated") hedged = true;
        b -= n;
        hit = true;
        break;
      }
      if (!hit) break;
    }
    // "surpasses the 140 million gallon mark": a threshold passed (the verb stays outside the
    // surface).
    if (q == qualifier::exact && s.word_at(b - 1, "the") &&
        in(s.low(b - 2), {"surpasses", "surpassed", "surpassing", "exceeds", "exceeded",
                          "exceeding", "passes", "passed", "passing", "tops", "topped",
                          "crosses", "crossed", "breaks", "broke"}))
      q = qualifier::at_least;
    if (c.vague && q == qualifier::exact) q = qualifier::approx;
    if (high) q = qualifier::range;
    // Keep a measure unit in the surface ("8,000 barrels", "5.5 magnitude").
    if (!c.money && !c.percent && measure_unit(s.low(e)) && s.low(e) != "times") {
      if (s.low(e) == "square" || s.low(e) == "cubic") {
        if (measure_unit(s.low(e + 1))) e += 2;
      } else {
        ++e;
      }
    }
    fd.begin_tok = b;
    fd.end_tok = std::max(e, c.end);
    fd.num_tok = c.begin;
    fd.num_end = c.end;
    fd.c = c;
    fd.f.surface = {t_[b].begin, t_[fd.end_tok - 1].end};
    fd.f.value = c.value;
    fd.f.high = high;
    fd.f.qualifier = q;
    fd.f.hedged = hedged;
    return true;
  }

  bool excluded(const sentence_scan& s, const core& c, std::size_t b, std::size_t e) const {
    const std::size_t i = c.begin;
    const token& k = t_[i];
    sv prev = s.low(c.begin - 1), next = s.low(c.end);
    // Years: 4 digits without separator, no currency or percent.
    if (c.digits && !c.scaled && !c.money && !c.percent && !k.has_sep && k.end - k.begin == 4 &&
        k.num >= 1000 && k.num <= 2199)
      return true;
    // Numbers inside names: "C-130", "F-16", "COVID-19" and "9/11", "24/7".
    if (c.digits && s.punct_at(i - 1, '-') && s.attached(i) && s.attached(i - 1) && s.at(i - 2) &&
        t_[i - 2].k == kind::word && !measure_unit(t_[i - 2].low))  // but "magnitude-7.0"
      return true;
    if (c.digits && ((s.punct_at(c.end, '/') && s.attached(c.end)) ||
                     (s.punct_at(i - 1, '/') && s.attached(i))))
      return true;
    // Clock times: "5:30", "10 a.m.", "9pm", "0800 GMT".
    if (c.digits && s.punct_at(c.end, ':') && s.attached(c.end) && s.at(c.end + 1) &&
        t_[c.end + 1].k == kind::number)
      return true;
    if (c.digits && s.punct_at(i - 1, ':') && s.attached(i)) return true;
    if (c.digits && !c.money && clock_word(next) &&
        (next.size() > 1 || s.punct_at(c.end + 1, '.') || s.punct_at(c.end + 1, '\'')) &&
        !(next == "a" && !s.punct_at(c.end + 1, '.')) && next != "local")
      return true;
    if (c.digits && next == "o" && s.punct_at(c.end + 1, '\'')) return true;
    // Dates: "April 20", "20 April", "May 3-4", "on the 20th".
    if (c.digits && !c.money && !c.percent && !k.has_sep && k.num >= 1 && k.num <= 31) {
      if (month_word(prev)) return true;
      if (month_word(next) && (next != "may" || s.at(c.end)->cap) &&
          (next != "march" || s.at(c.end)->cap))
        return true;
      if (weekday_word(prev)) return true;
      if (e > c.end && month_word(s.low(e)) && s.at(e) && (s.low(e) != "may" || s.at(e)->cap) &&
          (!high_ || *high_ <= 31))
        return true;  // "9-13 June"
    }
    // Decades: "the 1980s", "the 80 's".
    if (c.digits && std::fmod(k.num, 10) == 0 && s.punct_at(c.end, '\'') && s.word_at(c.end + 1, "s"))
      return true;
    // Durations and ages: "36 hours", "a six-month moratorium", "53-year-old", "aged 53".
    {
      std::size_t j = e;
      if (s.punct_at(j, '-') && s.attached(j)) ++j;
      if (time_unit(s.low(j))) return true;
      // "by seven to ten days" when the pair was not taken as a range.
      if ((s.word_at(j, "to") || s.word_at(j, "or") || s.punct_at(j, '-')) && s.at(j + 1) &&
          (t_[j + 1].k == kind::number || (t_[j + 1].flags & kNumberWord)) &&
          time_unit(s.low(j + 2)))
        return true;
      if (in(s.low(j), {"more", "additional", "further", "long", "full", "straight", "consecutive",
                        "extra", "successive", "whole", "entire", "short"}) &&
          time_unit(s.low(j + 1)))
        return true;
      if (in(prev, {"aged", "age", "ages"})) return true;
      if (in(prev, {"turns", "turned", "turning", "reaches", "reached"}) && pronoun(s.low(i - 2)))
        return true;  // "once he reaches 55"
      // ", 53," right after a name: an age.
      if (c.digits && !k.has_sep && k.num < 120 && s.punct_at(i - 1, ',') &&
          s.punct_at(c.end, ',') && s.at(i - 2) && t_[i - 2].k == kind::word &&
          (t_[i - 2].cap || (s.at(c.end + 1) && t_[c.end + 1].k == kind::word &&
                             in(t_[c.end + 1].low, {"who", "from", "of", "was", "is", "had", "has"}))))
        return true;
    }
    // Sizes of objects and documents used as adjectives: "a 98-ton dome", "a 193-page report".
    if (!c.strong && s.punct_at(c.end, '-') && s.attached(c.end) && s.attached(c.end + 1) &&
        size_unit(s.low(c.end + 1)) && !c.fraction)
      return true;
    if (in(next, {"inch", "inches", "in"}) && c.digits && next != "in") return true;
    if (c.digits && s.attached(c.end) && s.at(c.end) && t_[c.end].k == kind::word &&
        s.punct_at(c.end + 1, '-') && s.attached(c.end + 1) && s.at(c.end + 2) &&
        t_[c.end + 2].k == kind::word && !c.scaled)
      return true;  // "5ft-wide", "20m-long"
    // Names: "No. 2", "Flight 370", "FTSE 100", "top 100".
    if (c.digits && !c.money) {
      std::size_t p = i - 1;
      if (s.punct_at(p, '.') && s.word_at(p - 1, "no")) return true;
      if (s.punct_at(p, '#')) return true;
      if (name_word(prev) && !k.has_sep) return true;
      if (opts_.capitalized_names && s.at(p) && t_[p].k == kind::word && t_[p].cap &&
          !k.has_sep && b == i && c.end == i + 1 && !measure_unit(next) && !c.scaled && !plain_word_before_number(prev) && !month_word(prev) &&
          !pronoun(prev) && !report_verb(prev) && prev.size() > 1 && !s.punct_at(c.end, '%') &&
          !in(next, {"percent", "per"}))
        return true;
    }
    // The second of a pair of names: "from phase three to four", "Flights 370 and 371".
    if (in(prev, {"to", "or", "and"}) && s.at(i - 2) &&
        (t_[i - 2].k == kind::number || (t_[i - 2].flags & kNumberWord)) && name_word(s.low(i - 3)))
      return true;
    // Phone and code numbers: "0845 24 24", "911 call".
    if (c.digits && !c.money && !c.percent && !c.scaled) {
      if (text_[k.begin] == '0' && k.end - k.begin > 1 && !k.has_sep) return true;
      if ((s.at(c.end) && t_[c.end].k == kind::number && c.end == i + 1) ||
          (s.at(i - 1) && t_[i - 1].k == kind::number))
        return true;
      if (in(next, {"call", "calls", "caller", "callers", "operator", "operators", "dispatcher",
                    "hotline", "emergency"}))
        return true;
    }
    // Votes.
    for (std::size_t j = e; j < e + 3; ++j)
      if (in(s.low(j), {"vote", "votes", "voted", "ballots", "seats", "delegates"})) return true;
    // "by a vote of 74 to 25" (the noun before; "voted to send 3,500 troops" is a count).
    for (std::size_t j = b; j + 4 > b && j > s.first(); --j)
      if (in(s.low(j - 1), {"vote", "votes", "ballot", "ballots", "tally"})) return true;
    // Ordinals in words are never parsed; "one" as a pronoun is filtered in parse().
    return false;
  }

  void category(const sentence_scan& s, found& fd) {
    figure& f = fd.f;
    const core& c = fd.c;
    if (c.money) {
      f.category = category::money;
      return;
    }
    if (c.fraction && s.punct_at(fd.num_end, '-') && s.attached(fd.num_end) &&
        measure_unit(s.low(fd.num_end + 1))) {
      f.category = category::quantity;  // "a quarter-mile"
      return;
    }
    if (!c.percent && ((s.punct_at(fd.num_end, '-') && s.attached(fd.num_end) &&
                        measure_unit(s.low(fd.num_end + 1))) ||
                       measure_unit(s.low(fd.num_end)) ||
                       (t_[fd.end_tok - 1].k == kind::word && measure_unit(t_[fd.end_tok - 1].low)) ||
                       (fd.num_end > fd.num_tok + 1 && t_[fd.num_end - 1].k == kind::word &&
                        measure_unit(t_[fd.num_end - 1].low)))) {
      f.category = s.low(fd.num_end) == "times" ? category::other : category::quantity;
      return;  // "8,000 barrels", "84km", "5ft"
    }
    if (c.vague && c.value >= 1e9) {
      f.category = category::money;  // "billions" counts money in news text
      return;
    }
    if (c.percent || c.fraction || c.times) {
      f.category = category::other;
      return;
    }
    if (c.strong) {
      f.category = category::personnel;
      return;
    }
    // Cue words around the number, within its clause. Cues of what happened to people
    // (killed, injured, missing, hostages, freed, arrested, displaced, affected) win over
    // cues of what is counted (troops, barrels, countries), the nearest first, after the
    // number before before it; before the number only those event cues count (a noun there
    // is usually the speaker: "officials said 40 ...").
    auto is_event = [](sitrep::facts::category c) {
      return c != category::personnel && c != category::quantity && c != category::other;
    };
    sitrep::facts::category best = category::quantity;
    std::size_t best_d = SIZE_MAX;
    bool best_event = false, found_cue = false;
    auto consider = [&](sitrep::facts::category cc, std::size_t d) {
      const bool ev = is_event(cc);
      if (!found_cue || (ev && !best_event) || (ev == best_event && d < best_d)) {
        best = cc;
        best_d = d;
        best_event = ev;
        found_cue = true;
      }
    };
    auto other_number = [&](const token& k) {
      return k.k == kind::number || (k.k == kind::word && (unit_word(k.low) || tens_word(k.low)));
    };
    // A full stop inside an abbreviation ("U.S.") does not end the clause.
    auto clause_end = [&](std::size_t j) {
      const token& k = t_[j];
      if (k.k != kind::punct) return false;
      if (k.c == '.')
        return !(j > s.first() && !k.space_before && t_[j - 1].k == kind::word &&
                 t_[j - 1].low.size() == 1);
      return k.c == ';' || k.c == '(' || k.c == ':';
    };
    for (std::size_t d = 0, j = fd.num_end; d < 9 && j < s.last(); ++d, ++j) {
      const token& k = t_[j];
      if (clause_end(j)) break;
      if (j >= fd.end_tok && other_number(k) && !s.word_at(j - 1, "the") && !s.word_at(j - 1, "of"))
        break;  // its cues belong to that number (but "one of the three leaks")
      if (k.k != kind::word) continue;
      sitrep::facts::category cc;
      if (cue_of(k.low, cc)) consider(cc, d);
    }
    const bool after_cue = found_cue;
    bool speaker_side = false;
    for (std::size_t d = 0, j = fd.num_tok; d < 7 && j > s.first(); ++d) {
      --j;
      const token& k = t_[j];
      if (clause_end(j)) break;
      if (j < fd.begin_tok && other_number(k) && !s.word_at(j + 1, "to")) break;
      if (k.k != kind::word) continue;
      if (report_verb(k.low)) speaker_side = true;
      sitrep::facts::category cc;
      // A counted noun before the number ("troop numbers by 2,000") counts only when nothing
      // after it does and no reporting verb separates them (that noun is then the speaker).
      if (cue_of(k.low, cc) && (is_event(cc) || (!after_cue && !speaker_side))) consider(cc, d + 1);
    }
    if (best == category::hostages) {
      // "80 hostages freed", "six citizens are among the hostages who have been recovered":
      // what happened to them wins over who they are (up to six words past the cue).
      for (std::size_t j = fd.num_end; j < std::min(s.last(), fd.num_end + 6 + best_d); ++j) {
        if (clause_end(j)) break;
        sitrep::facts::category cc;
        if (t_[j].k == kind::word && ((cue_of(t_[j].low, cc) && cc == category::freed) ||
                                      in(t_[j].low, {"recovered", "evacuated"})))
          best = category::freed;
      }
    }
    if (!best_event || best == category::killed) {
      // A toll further back is what the number counts: "The death toll from last week's
      // attacks has risen from 129 to 130". The clause's subject can lie beyond the window
      // above, so look back to the start of the clause (at most 16 tokens).
      for (std::size_t d = 0, j = fd.num_tok; d < 16 && j > s.first(); ++d) {
        --j;
        if (clause_end(j)) break;
        if (t_[j].k == kind::word && in(t_[j].low, {"toll", "tolls"})) {
          best = category::killed;
          fd.toll_tok = j;
          best_event = found_cue = true;
          break;
        }
      }
    }
    if (!found_cue) {
      // No cue: people are "affected"; a share of a group ("two of the workers") is "other";
      // a bare count with no noun ("12 more") too; anything else counted is a quantity.
      auto people = [](sv w) {
        return in(w, {"people", "persons", "americans", "residents", "citizens", "children",
                      "families", "survivors", "victims", "civilians", "villagers",
                      "passengers", "students", "homeowners", "borrowers", "households",
                      "inhabitants", "locals", "adults", "women", "men", "pupils", "fans"});
      };
      sv w = s.low(fd.end_tok);
      if (people(w))
        best = category::affected;
      else if (w == "of")
        best = determiner(s.low(fd.end_tok + 1)) ? category::other
               : people(s.low(fd.end_tok + 1)) ? category::affected
                                                 : category::quantity;
      else if (in(w, {"more", "other", "others"}) || w.empty())
        best = category::other;
      else
        best = category::quantity;
    }
    f.category = best;
  }

  void counted(const sentence_scan& s, found& fd) {
    std::size_t j = fd.end_tok, end = j;
    for (std::size_t n = 0; n < 6 && j < s.last(); ++n, ++j) {
      const token& k = t_[j];
      // A full stop inside an abbreviation ("Six U.S. citizens") does not end the phrase: it
      // follows a one-letter word with no space and the next token touches it.
      const bool abbrev_dot = k.k == kind::punct && k.c == '.' && !k.space_before && j > fd.end_tok &&
                              t_[j - 1].k == kind::word && t_[j - 1].low.size() == 1 &&
                              j + 1 < s.last() && !t_[j + 1].space_before &&
                              t_[j + 1].k == kind::word && t_[j + 1].low.size() == 1;
      const bool abbrev_end = k.k == kind::punct && k.c == '.' && !k.space_before && j > fd.end_tok + 1 &&
                              t_[j - 1].k == kind::word && t_[j - 1].low.size() == 1 &&
                              s.punct_at(j - 2, '.') && j + 1 < s.last() &&
                              t_[j + 1].k == kind::word && !t_[j + 1].cap;
      if (abbrev_dot || abbrev_end) {
        end = j + 1;
        continue;
      }
      if (k.k == kind::punct && k.c != '-' && k.c != '\'') break;
      if (k.k == kind::number) break;
      if (k.k == kind::word && n > 0 && clause_word(k.low)) break;
      end = j + 1;
    }
    // "has risen from 129 to 130": what both count is the toll ("death toll"), not "to".
    if (fd.toll_tok != SIZE_MAX &&
        (end == fd.end_tok || (end == fd.end_tok + 1 && t_[fd.end_tok].k == kind::word &&
                               in(t_[fd.end_tok].low, {"to", "from", "and", "or", "by", "at"})))) {
      std::size_t b = fd.toll_tok;
      if (b > s.first() && t_[b - 1].k == kind::word &&
          in(t_[b - 1].low, {"death", "casualty", "injury", "official", "confirmed"}))
        --b;
      fd.f.counted = {t_[b].begin, t_[fd.toll_tok].end};
      return;
    }
    if (end > fd.end_tok) {
      fd.f.counted = {t_[fd.end_tok].begin, t_[end - 1].end};
    } else if (fd.begin_tok > s.first()) {
      std::size_t b = fd.begin_tok;
      for (std::size_t n = 0; n < 4 && b > s.first(); ++n) {
        const token& k = t_[b - 1];
        if (k.k != kind::word) break;
        --b;
      }
      if (b < fd.begin_tok) fd.f.counted = {t_[b].begin, t_[fd.begin_tok - 1].end};
    }
    if (fd.f.counted.end == 0) fd.f.counted = {fd.f.surface.end, fd.f.surface.end};
  }

  // A pronoun speaker means the last named speaker in the update, else the last sentence's
  // opening name; none when resolution is off or nobody was named.
  std::optional<text::byte_span> resolved_pronoun() const {
    if (!opts_.resolve_pronouns) return std::nullopt;
    return last_speaker_ ? last_speaker_ : last_subject_;
  }

  bool is_pronoun_span(text::byte_span sp) const {
    std::string w(text_.substr(sp.begin, sp.size()));
    for (auto& ch : w)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return pronoun(w);
  }

  static bool estimate_noun(sv w) { return flags_of(w) & kEstimateNoun; }

  // A reporting verb used as one: not "an estimated 500", not "the report", not "to say".
  bool is_cue(const sentence_scan& s, std::size_t k) const {
    sv w = t_[k].low;
    sv prev = s.low(k - 1);
    if (in(prev, {"a", "an", "the", "its", "their", "his", "her", "this", "that", "to", "of",
                  "no", "any", "these", "those", "our", "my", "your"}))
      return false;
    if (const token* p = s.at(k - 1); p && (p->k == kind::number || unit_word(prev) || tens_word(prev)))
      return false;  // "three confirmed cases", "24 reported cases"
    const token* n = s.at(k + 1);
    const sv next = s.low(k + 1);
    if (w == "put" || w == "puts") return next == "the" && (s.word_at(k + 2, "at") || s.word_at(k + 3, "at"));
    if (w == "added" || w == "adds" || w == "notes" || w == "writes")  // "added their names"
      return !n || n->k == kind::punct || next == "that";
    // Bare forms are verbs after a plural or named subject when a clause or object follows
    // ("officials estimate that", "cameras report the well"); otherwise mostly nouns.
    if (in(w, {"report", "reports", "estimate", "estimates", "claim", "claims", "show", "shows",
               "say", "tell", "warn", "finds", "predict", "confirm", "reveal", "announce"})) {
      if (!n || n->k == kind::punct) return w == "say" || w == "says";
      if (in(w, {"claims", "reports", "estimates", "shows", "finds"}) &&
          !in(next, {"that", "to", "it", "he", "she", "they", "the", "a", "an", "its", "their",
                     "his", "her", "there", "this", "up", "as", "more", "about", "some",
                     "nearly", "over", "at"}) &&
          n->k != kind::number && !(n->flags & kNumberWord))
        return false;  // "jobless claims increased", "media reports suggest"
      if (next.size() > 4 && next.substr(next.size() - 3) == "ing") return false;  // "reports showing"
      if (in(next, {"of", "are", "were", "is", "was", "from", "for", "by", "on", "in", "about",
                    "and", "or", "to", "have", "has", "had", "will", "would", "could", "may",
                    "might", "should", "can", "must"}))
        return false;
      const token* p = s.at(k - 1);
      if (!p || p->k != kind::word) return false;
      if (in(prev, {"new", "latest", "initial", "official", "earlier", "first", "previous",
                    "final", "preliminary", "revised", "media", "news"}))
        return false;  // "the latest estimates", "media reports"
    }
    return true;
  }

  // The noun phrase that ends right before token `end` (exclusive): walks back over words,
  // names, "of", hyphens and initials, stopping at clause words, verbs it knows and punctuation.
  std::optional<text::byte_span> subject_before(const sentence_scan& s, std::size_t end) {
    std::size_t j = end;
    for (int n = 0; n < 8 && j > s.first() &&
                    ((t_[j - 1].k == kind::word && aux_word(t_[j - 1].low)) || s.punct_at(j - 1, '\''));
         ++n)
      --j;  // "has also", "'ve"
    if (j > s.first() && t_[j - 1].k == kind::word && pronoun(t_[j - 1].low)) {
      // "tells the press he believes": the pronoun is the subject.
      return resolved_pronoun();
    }
    std::size_t b = j;
    for (std::size_t n = 0; n < 10 && b > s.first(); ++n) {
      const token& t = t_[b - 1];
      if (t.k == kind::word) {
        if (clause_word(t.low) && !(t.low == "and" && b - 1 > s.first() && t_[b - 2].cap && b < j && t_[b].cap))
          break;
        if ((report_verb(t.low) || be_word(t.low) || modal(t.low) ||
             in(t.low, {"than", "to", "not", "there"})) && b < j + 1)
          break;
        if ((t.flags & kNumberWord) && t.low != "a" && t.low != "an") break;  // "two bleak reports"
      } else if (t.k == kind::punct) {
        if (!(t.c == '-' || t.c == '.' || t.c == '\'' || t.c == '&')) break;
        if (t.c == '.' && b - 1 > s.first() && t_[b - 2].k == kind::word && t_[b - 2].low.size() > 3)
          break;
      } else {
        break;
      }
      --b;
    }
    while (b < j && t_[b].k == kind::word && lead_word(t_[b].low)) ++b;
    while (b < j && t_[b].k == kind::punct) ++b;
    while (j > b && t_[j - 1].k == kind::punct) --j;  // "the Organization'"
    if (b >= j) return std::nullopt;
    if (j - b == 1) {
      sv w = t_[b].low;
      if (pronoun(w)) return resolved_pronoun();
      if (in(w, {"there", "reports", "this", "that", "which", "who", "it"}) || month_word(w) ||
          weekday_word(w) || time_unit(w) || in(w, {"today", "yesterday", "tonight"}))
        return std::nullopt;
    }
    if (t_[b].low == "it" || t_[b].low == "there") return std::nullopt;
    return text::byte_span{t_[b].begin, t_[j - 1].end};
  }

  // The sentence's opening noun phrase ("Payout chief Ken Feinberg expects ..."): its words up
  // to the first lowercase word that is not followed by a capitalized one.
  std::optional<text::byte_span> sentence_subject(const sentence_scan& s) const {
    std::size_t b = s.first();
    for (int n = 0; n < 4 && b < s.last() && t_[b].k == kind::word && lead_word(t_[b].low); ++n) ++b;
    std::size_t e = b;
    while (e < s.last() && e < b + 8) {
      const token& t = t_[e];
      if (t.k == kind::word) {
        if (!t.cap && !(t.low == "of" || (s.at(e + 1) && t_[e + 1].cap && t_[e + 1].k == kind::word)))
          break;
      } else if (!(t.k == kind::punct &&
                   (t.c == '-' || t.c == '\'' || t.c == '&' ||
                    // "Dr. Shafer", "J.P. Morgan": a full stop inside a name
                    (t.c == '.' && e > b && t_[e - 1].k == kind::word && t_[e - 1].low.size() <= 3 &&
                     s.at(e + 1) && t_[e + 1].k == kind::word && t_[e + 1].cap)))) {
        break;
      }
      ++e;
    }
    if (e == b || !t_[b].cap) return std::nullopt;
    if (pronoun(t_[b].low) || in(t_[b].low, {"the", "a", "an", "there", "it", "this"}))
      if (e - b == 1) return std::nullopt;
    return text::byte_span{t_[b].begin, t_[e - 1].end};
  }

  // The party of a reporting verb at k: the subject before it ("UN officials said"), a
  // pronoun resolved ("he says"), the speaker after an inverted verb (", said Bellerive"),
  // the agent of a passive ("confirmed by BP"); none for "it is estimated", "reports say".
  // A verb with no subject of its own ("..., but says", "..., claiming") shares the subject of
  // the sentence.
  std::optional<text::byte_span> speaker_of(
      const sentence_scan& s, std::size_t k,
      const std::vector<std::pair<std::size_t, std::optional<text::byte_span>>>& earlier) {
    std::size_t j = k;
    for (int n = 0; n < 8 && j > s.first() && t_[j - 1].k == kind::word && aux_word(t_[j - 1].low); ++n) --j;
    const bool contracted_is = j > s.first() + 1 && t_[j - 1].k == kind::word &&
                               t_[j - 1].low == "s" && s.punct_at(j - 2, '\'');  // "it's feared"
    if (j > s.first() && t_[j - 1].k == kind::word && (be_word(t_[j - 1].low) || contracted_is)) {
      if (s.word_at(k + 1, "by")) return speaker_after(s, k + 2);
      return std::nullopt;  // passive without agent
    }
    if (j > s.first() && t_[j - 1].k == kind::word && in(t_[j - 1].low, {"than", "as", "to"}))
      return std::nullopt;  // "larger than previously estimated"
    {
      std::size_t q = k;
      for (int n = 0; n < 8 && q > s.first() &&
                      ((t_[q - 1].k == kind::word && aux_word(t_[q - 1].low)) || s.punct_at(q - 1, '\''));
           ++n)
        --q;
      if (q > s.first() && t_[q - 1].k == kind::word && pronoun(t_[q - 1].low))
        return resolved_pronoun();  // "he says", "we've said"
    }
    if (auto sub = subject_before(s, k)) return sub;
    const token* p = s.at(j - 1);
    const sv w = t_[k].low;
    // Inverted: '..., said Prime Minister X.', '"..." says BP'.
    if ((!p || p->k == kind::punct) && in(w, {"said", "says"})) {
      if (auto after = speaker_after(s, k + 1)) return after;
    }
    // No subject of its own: "X confirms ..., but says", "X, a scientist, disputes",
    // "X expects ..., saying".
    if (p && (p->k == kind::punct || (p->k == kind::word && in(p->low, {"and", "but", "also"})))) {
      std::size_t n = 0;
      for (auto it = earlier.rbegin(); it != earlier.rend() && n < 8; ++it, ++n)
        if (it->second) return it->second;
      return sentence_subject(s);
    }
    return std::nullopt;
  }

  std::optional<text::byte_span> speaker_after(const sentence_scan& s, std::size_t k) {
    std::size_t b = k, e = k;
    for (std::size_t n = 0; n < 10 && e < s.last(); ++n) {
      const token& t = t_[e];
      if (t.k == kind::word) {
        if (e > b && clause_word(t.low)) break;
        if (e > b && (report_verb(t.low) || be_word(t.low) || in(t.low, {"on", "in", "at"}))) break;
        if (e == b && in(t.low, {"that"})) break;
      } else if (t.k == kind::punct) {
        if (!(t.c == '-' || t.c == '\'' || t.c == '&' || (t.c == '.' && !t.space_before && e + 1 < s.last() && !t_[e + 1].cap)))
          break;
      } else {
        break;
      }
      ++e;
    }
    if (e == b) return std::nullopt;
    if (e - b == 1 && pronoun(t_[b].low)) return resolved_pronoun();
    if (e - b == 1 && in(t_[b].low, {"reports", "sources", "estimates", "some", "many", "others"}))
      return std::nullopt;  // "according to reports": no named party
    return text::byte_span{t_[b].begin, t_[e - 1].end};
  }

  sv text_;
  const figure_extractor::options& opts_;
  const std::vector<token>& t_;
  std::optional<text::byte_span> last_speaker_;
  // The opening name of the last sentence that had one ("President Obama visits ..."): who a
  // pronoun means when no speaker was named before it.
  std::optional<text::byte_span> last_subject_;
  // A quotation left open at the end of a sentence, and who is speaking in it.
  bool in_quote_ = false;
  std::optional<text::byte_span> quote_speaker_;
  std::optional<double> high_;  // the top of the range being checked by excluded()
  std::vector<found> figs_;
  std::vector<std::pair<std::size_t, std::optional<text::byte_span>>> cues_;
  std::vector<std::size_t> hedges_;
};

}  // namespace

figure_extractor::figure_extractor(options opts) : opts_(opts) {}

std::vector<figure> figure_extractor::extract(std::string_view text) const {
  if (text.empty()) return {};
  const auto spans = splitter_.split(text);
  return extract(text, spans);
}

std::vector<figure> figure_extractor::extract(std::string_view text,
                                              std::span<const text::byte_span> sentences) const {
  std::vector<figure> out;
  if (text.empty() || sentences.empty()) return out;
  // Per-thread buffers: a warm extractor allocates only its output (and figures' texts).
  thread_local std::string lower;
  thread_local std::vector<token> toks;
  tokenize(text, lower, toks);
  if (toks.empty()) return out;
  for (auto& t : toks)
    if (t.k == kind::word) t.flags = flags_of(t.low);
  extractor_run run(text, opts_, toks);
  std::size_t t = 0, done = 0;  // done: bytes before this are taken
  for (const auto& sp : sentences) {
    if (sp.begin < done || sp.end <= sp.begin || sp.end > text.size()) continue;
    while (t < toks.size() && toks[t].begin < sp.begin) ++t;
    std::size_t u = t;
    while (u < toks.size() && toks[u].begin < sp.end) ++u;
    if (u > t) run.sentence(t, u, out);
    t = u;
    done = sp.end;
  }
  return out;
}

std::vector<figure> extract_figures(std::string_view text) { return figure_extractor{}.extract(text); }

}  // namespace sitrep::facts
