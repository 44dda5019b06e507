#include "sitrep/text/sentence_splitter.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <unordered_map>

#include "embedded_data.hpp"
#include "sitrep/core/lines.hpp"

namespace sitrep::text {
namespace {

// ---------------------------------------------------------------------------------------------
// Characters

constexpr std::size_t npos = std::string_view::npos;
// Look-behind and look-ahead around a full stop are bounded, so that text with no white space
// (a long URL, garbage) costs linear time, not quadratic.
constexpr std::size_t kMaxWordBytes = 64;

struct decoded {
  std::int32_t cp;  // -1 for a byte that does not start a valid UTF-8 sequence
  std::size_t len;
};

decoded decode(std::string_view text, std::size_t i) noexcept {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return {c, 1};
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + i,
                                        static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
  if (n <= 0) return {-1, 1};
  return {cp, static_cast<std::size_t>(n)};
}

// Start of the character that ends just before byte `i` (i > 0). A stray continuation byte
// counts as a character of its own, as `decode` treats it.
std::size_t prev_start(std::string_view text, std::size_t i) noexcept {
  std::size_t j = i - 1;
  for (std::size_t back = 0; back < 3 && j > 0; ++back) {
    if ((static_cast<unsigned char>(text[j]) & 0xC0) != 0x80) break;
    --j;
  }
  if (decode(text, j).len == i - j) return j;
  return i - 1;
}

// White space: ASCII white space and the Unicode space and line separators. Zero-width space
// (U+200B) is a format character, not white space.
bool is_space(std::int32_t cp) noexcept {
  switch (cp) {
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

// How many line breaks a white-space character makes; two in one stretch of white space make a
// blank line. CR LF counts once, a paragraph separator or form feed counts as a blank line.
int line_breaks(std::string_view text, std::size_t i, std::int32_t cp) noexcept {
  switch (cp) {
    case '\n':
    case '\v':
    case 0x85:
    case 0x2028:
      return 1;
    case '\r':
      return (i + 1 < text.size() && text[i + 1] == '\n') ? 0 : 1;
    case '\f':
    case 0x2029:
      return 2;
    default:
      return 0;
  }
}

enum class stop_kind { none, period, ellipsis, question, strong };

// `strong`: a full stop of a script without spaces between sentences (CJK), which ends a
// sentence even when the next character follows without white space.
stop_kind stop_kind_of(std::int32_t cp) noexcept {
  switch (cp) {
    case '.':
      return stop_kind::period;
    case 0x2026:
      return stop_kind::ellipsis;  // …
    case '?':
    case '!':
    case 0x203C:
    case 0x2047:
    case 0x2048:
    case 0x2049:  // ‼ ⁇ ⁈ ⁉
    case 0x061F:
    case 0x06D4:  // ؟ ۔
    case 0x0964:
    case 0x0965:  // । ॥
      return stop_kind::question;
    case 0x3002:
    case 0xFF01:
    case 0xFF1F:
    case 0xFF0E:
    case 0xFF61:  // 。！？．｡
      return stop_kind::strong;
    default:
      return stop_kind::none;
  }
}

bool is_closer(std::int32_t cp) noexcept {
  switch (cp) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case '}':
    case 0x2019:
    case 0x201D:
    case 0x00BB:
    case 0x203A:  // ’ ” » ›
    case 0x300D:
    case 0x300F:
    case 0x3011:
    case 0x3009:
    case 0x300B:
    case 0xFF09:
    case 0xFF3D:
      return true;
    default:
      return false;
  }
}

bool is_opener(std::int32_t cp) noexcept {
  switch (cp) {
    case '"':
    case '\'':
    case '(':
    case '[':
    case '{':
    case '*':
    case '`':
    case 0x2018:
    case 0x201C:
    case 0x00AB:
    case 0x2039:
    case 0x00BF:
    case 0x00A1:  // ‘ “ « ‹ ¿ ¡
    case 0x300C:
    case 0x300E:
    case 0x3010:
    case 0x3008:
    case 0x300A:
    case 0xFF08:
      return true;
    default:
      return false;
  }
}

// `punct`: a character that continues a sentence and cannot start one (dash, comma, colon,
// semicolon, closing mark): "\"Awful!\" — a reader wrote" stays one sentence.
enum class letter_case { lower, upper, digit, punct, other };

letter_case case_of(std::int32_t cp) noexcept {
  if (cp < 0x80) {
    if (cp >= 'a' && cp <= 'z') return letter_case::lower;
    if (cp >= 'A' && cp <= 'Z') return letter_case::upper;
    if (cp >= '0' && cp <= '9') return letter_case::digit;
    return letter_case::other;
  }
  if (cp < 0) return letter_case::other;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LL:
      return letter_case::lower;
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return letter_case::upper;
    case UTF8PROC_CATEGORY_ND:
      return letter_case::digit;
    default:
      return letter_case::other;
  }
}

bool is_ascii_letter(char c) noexcept { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Word lists

// What a full stop after an abbreviation means; see data/text/abbreviations.txt.
enum class abbrev_class { none, title, common, number, final, time };

class abbreviation_table {
 public:
  abbreviation_table() {
    for_each_line(detail::embedded_abbreviations(), [&](std::string_view line) {
      std::size_t b = line.find_first_not_of(" \t\r");
      if (b == npos || line[b] == '#') return;
      line.remove_prefix(b);
      std::size_t e = line.find_first_of(" \t\r");
      std::string word = ascii_lower(line.substr(0, e));
      std::string_view rest = e == npos ? std::string_view{} : line.substr(e);
      std::size_t cb = rest.find_first_not_of(" \t\r");
      std::string_view cls = cb == npos ? std::string_view{} : rest.substr(cb);
      cls = cls.substr(0, cls.find_first_of(" \t\r"));
      abbrev_class c = abbrev_class::common;
      if (cls == "title")
        c = abbrev_class::title;
      else if (cls == "number")
        c = abbrev_class::number;
      else if (cls == "final")
        c = abbrev_class::final;
      else if (cls == "time")
        c = abbrev_class::time;
      words_[std::move(word)] = c;
    });
  }
  abbrev_class find(const std::string& lower_word) const {
    auto it = words_.find(lower_word);
    return it == words_.end() ? abbrev_class::none : it->second;
  }

 private:
  std::unordered_map<std::string, abbrev_class> words_;
};

const abbreviation_table& abbreviations() {
  static const abbreviation_table table;
  return table;
}

// Capitalized words that commonly start a news sentence (lowercased, sorted). After an
// abbreviation that may or may not end its sentence ("U.S.", "Inc.", an initial), a split
// happens only before one of these: "in the U.S. The" splits, "U.S. Army" does not. Names and
// nouns are deliberately absent: merging two sentences is the cheaper mistake.
constexpr std::string_view kSentenceStarters[] = {
    "a",         "about",   "according", "after",   "again",   "all",   "also",    "although",
    "among",     "an",      "and",       "another", "as",      "at",    "because", "before",
    "both",      "but",     "by",        "despite", "during",  "each",  "earlier", "eight",
    "even",      "every",   "five",      "for",     "four",    "from",  "he",      "he's",
    "her",       "here",    "his",       "how",     "however", "i",     "i'm",     "if",
    "in",        "instead", "it",        "it's",    "its",     "last",  "later",   "many",
    "meanwhile", "more",    "most",      "mr",      "mrs",     "ms",    "my",      "nine",
    "no",        "not",     "now",       "on",      "one",     "only",  "our",     "several",
    "she",       "she's",   "since",     "six",     "so",      "some",  "still",   "such",
    "ten",       "that",    "that's",    "the",     "their",   "then",  "there",   "there's",
    "these",     "they",    "this",      "those",   "three",   "thus",  "today",   "two",
    "we",        "what",    "when",      "where",   "which",   "while", "who",     "why",
    "with",      "yet",     "you",
};

// After "a.m."/"p.m.": capitalized words that continue the time expression.
constexpr std::string_view kTimeContinuations[] = {
    "apr",      "april",    "aug",       "august",  "bst",    "cest",     "cet",    "cst",
    "dec",      "december", "eastern",   "edt",     "est",    "et",       "feb",    "february",
    "friday",   "gmt",      "jan",       "january", "jul",    "july",     "jun",    "june",
    "local",    "mar",      "march",     "may",     "monday", "mountain", "mt",     "nov",
    "november", "oct",      "october",   "pacific", "pt",     "saturday", "sunday", "thursday",
    "tuesday",  "utc",      "wednesday",
};

static_assert(std::is_sorted(std::begin(kSentenceStarters), std::end(kSentenceStarters)));
static_assert(std::is_sorted(std::begin(kTimeContinuations), std::end(kTimeContinuations)));

bool contains(const auto& sorted, std::string_view word) {
  return std::binary_search(std::begin(sorted), std::end(sorted), word);
}

// ---------------------------------------------------------------------------------------------
// The splitter

// What follows a run of sentence-final punctuation.
struct next_word {
  bool space_before = false;               // white space between the punctuation and the word
  bool at_end = false;                     // nothing but white space follows
  letter_case first = letter_case::other;  // case of the first character after any openers
  std::string lower;  // the word's leading ASCII letters and apostrophes, lowercased
};

class splitter_run {
 public:
  explicit splitter_run(std::string_view text) : text_(text) {}

  std::vector<byte_span> run() {
    std::size_t i = 0;
    const std::size_t n = text_.size();
    while (i < n) {
      decoded d = decode(text_, i);
      if (is_space(d.cp)) {
        int breaks = 0;
        std::size_t j = i;
        while (j < n) {
          decoded s = decode(text_, j);
          if (!is_space(s.cp)) break;
          breaks += line_breaks(text_, j, s.cp);
          j += s.len;
        }
        if (breaks >= 2) close();
        i = j;
        continue;
      }
      if (start_ == npos) {
        start_ = i;
        quotes_ = 0;
      }
      stop_kind k = stop_kind_of(d.cp);
      if (k != stop_kind::none) {
        i = terminator(i);
        continue;
      }
      if (d.cp == '"') ++quotes_;
      last_end_ = i + d.len;
      i += d.len;
    }
    close();
    return std::move(spans_);
  }

 private:
  void close() {
    if (start_ != npos && last_end_ > start_) spans_.push_back({start_, last_end_});
    start_ = npos;
  }

  bool standalone(std::size_t i) const {
    return i == start_ || is_space(decode(text_, prev_start(text_, i)).cp);
  }

  // Handles the run of sentence-final punctuation that starts at `i`; returns where scanning
  // goes on. Splits (closes the sentence) when the run ends one.
  std::size_t terminator(std::size_t i) {
    const std::size_t n = text_.size();
    // 1. The run: ".", "?!", "!!!", "...", "…", ". . ." (spaced), "。".
    std::size_t dots = 0;
    bool question = false, strong = false, ellipsis = false;
    std::size_t j = i;
    while (j < n) {
      decoded d = decode(text_, j);
      stop_kind k = stop_kind_of(d.cp);
      if (k == stop_kind::none) {
        // A spaced ellipsis ". . ." (at least three dots, single spaces) is one run.
        if (d.cp == ' ' && dots >= 1 && !question && !strong && j + 1 < n && text_[j + 1] == '.') {
          std::size_t extra = 0, m = j;
          while (m + 1 < n && text_[m] == ' ' && text_[m + 1] == '.') {
            ++extra;
            m += 2;
          }
          if (dots + extra >= 3 && (dots == 1 || ellipsis)) {
            dots += extra;
            ellipsis = true;
            j = m;
            continue;
          }
        }
        break;
      }
      if (k == stop_kind::period) ++dots;
      if (k == stop_kind::ellipsis) ellipsis = true;
      if (k == stop_kind::question) question = true;
      if (k == stop_kind::strong) strong = true;
      j += d.len;
    }
    if (dots >= 2) ellipsis = true;
    const bool alone = standalone(i);

    // 2. Closing quotes and brackets stay with the sentence. A straight quote counts as closing
    // when a quote is open in this sentence or when white space or the end follows it.
    std::size_t k = j;
    while (k < n) {
      decoded d = decode(text_, k);
      if (!is_closer(d.cp)) break;
      if (d.cp == '"' || d.cp == '\'') {
        bool open_quote = d.cp == '"' && quotes_ % 2 == 1;
        std::size_t after = k + d.len;
        bool edge = after >= n || is_space(decode(text_, after).cp) ||
                    is_closer(decode(text_, after).cp) ||
                    stop_kind_of(decode(text_, after).cp) != stop_kind::none;
        if (!open_quote && !edge) break;
        if (d.cp == '"') ++quotes_;
      }
      k += d.len;
    }
    // 3. So do closing marks standing alone after white space: tokenized text (`go . "`) and
    // French spacing ("« Je pars. »").
    // In tokenized text, a repeated stop ("eavis presley ? ?") joins the run as well.
    const std::size_t end = attach_closer_tokens(k, alone || question);
    last_end_ = end;

    const next_word next = look_ahead(end);
    bool split = false;
    if (next.at_end) {
      split = true;
    } else if (strong) {
      split = true;
    } else if (question) {
      split = next.space_before &&
              (alone || (next.first != letter_case::lower && next.first != letter_case::punct));
    } else if (ellipsis) {
      split = next.space_before && next.first == letter_case::upper && !stutter(i, next);
    } else if (!next.space_before) {
      split = k == j && missing_space_split(i, k);
    } else if (alone) {
      split = true;  // tokenized text: "we 're here . more soon"
    } else {
      split = period_split(i, next);
    }
    if (split) close();
    return end;
  }

  // Extends `end` over the white-space words that consist of closing marks only (PTB's '' too),
  // and with `stops` of sentence-final punctuation too, on the same line. A straight double
  // quote counts only when a quote is open in the sentence; a single straight quote never does
  // (it is as often an apostrophe).
  std::size_t attach_closer_tokens(std::size_t end, bool stops) {
    const std::size_t n = text_.size();
    for (;;) {
      std::size_t m = end;
      bool newline = false;
      while (m < n) {
        decoded d = decode(text_, m);
        if (!is_space(d.cp)) break;
        newline |= line_breaks(text_, m, d.cp) > 0;
        m += d.len;
      }
      if (m == end || m >= n || newline) return end;
      std::size_t e = m;
      bool only_closers = true, has_straight = false;
      while (e < n) {
        if (text_.compare(e, 2, "''") == 0) {  // PTB's closing quote
          e += 2;
          continue;
        }
        decoded d = decode(text_, e);
        if (is_space(d.cp)) break;
        bool stop = stops && stop_kind_of(d.cp) != stop_kind::none &&
                    stop_kind_of(d.cp) != stop_kind::strong;
        if ((!is_closer(d.cp) || d.cp == '\'') && !stop) {
          only_closers = false;
          break;
        }
        if (d.cp == '"') has_straight = true;
        e += d.len;
      }
      if (!only_closers || e == m) return end;
      if (has_straight && quotes_ % 2 == 0) return end;  // opens the next sentence
      if (has_straight) ++quotes_;
      end = e;
    }
  }

  next_word look_ahead(std::size_t k) const {
    const std::size_t n = text_.size();
    next_word w;
    std::size_t m = k;
    while (m < n) {
      decoded d = decode(text_, m);
      if (!is_space(d.cp)) break;
      w.space_before = true;
      m += d.len;
    }
    if (m >= n) {
      w.at_end = true;
      return w;
    }
    for (std::size_t guard = 0; m < n && guard < 4; ++guard) {
      decoded d = decode(text_, m);
      if (!is_opener(d.cp)) break;
      m += d.len;
    }
    if (m >= n) return w;
    decoded first = decode(text_, m);
    w.first = case_of(first.cp);
    if (w.first == letter_case::other &&
        (first.cp == ',' || first.cp == ';' || first.cp == ':' || is_closer(first.cp) ||
         (first.cp >= 0x80 && utf8proc_category(first.cp) == UTF8PROC_CATEGORY_PD) ||
         first.cp == '-'))
      w.first = letter_case::punct;
    for (std::size_t e = m; e < n && e - m < 16; ++e) {
      char c = text_[e];
      if (!is_ascii_letter(c) && c != '\'') break;
      w.lower.push_back(static_cast<char>(c | 0x20));
    }
    return w;
  }

  // The white-space word that ends just before byte `i`, within this sentence and at most
  // kMaxWordBytes long; `complete` is false when the limit cut it.
  std::string_view word_before(std::size_t i, bool* complete = nullptr) const {
    std::size_t b = i;
    while (b > start_ && i - b < kMaxWordBytes) {
      std::size_t p = prev_start(text_, b);
      if (is_space(decode(text_, p).cp)) break;
      b = p;
    }
    if (complete) *complete = b == start_ || is_space(decode(text_, prev_start(text_, b)).cp);
    return text_.substr(b, i - b);
  }

  // "I... I don't know": the same word on both sides of an ellipsis is a stammer.
  bool stutter(std::size_t i, const next_word& next) const {
    std::string before = ascii_lower(word_before(i));
    return !before.empty() && before == next.lower;
  }

  // What kind of abbreviation, if any, the word before the full stop at `i` is.
  abbrev_class classify_word(std::size_t i) const {
    bool complete = true;
    std::string_view w = word_before(i, &complete);
    if (!complete || w.empty()) return abbrev_class::none;
    if (w.find('/') != npos || w.find('@') != npos) return abbrev_class::none;  // URL, e-mail
    // Strip leading openers: "(Gen." -> "Gen".
    while (!w.empty()) {
      decoded d = decode(w, 0);
      if (!is_opener(d.cp)) break;
      w.remove_prefix(d.len);
    }
    if (w.empty()) return abbrev_class::none;
    // A single capital letter is an initial: "George W. Bush", "J. R. R. Tolkien".
    decoded first = decode(w, 0);
    if (first.len == w.size() && case_of(first.cp) == letter_case::upper)
      return abbrev_class::common;
    // The letters-and-dots tail: "ex-Gov" -> "Gov", "5:30p.m" -> "p.m".
    std::size_t b = w.size();
    while (b > 0 && (is_ascii_letter(w[b - 1]) || w[b - 1] == '.')) --b;
    std::string_view core = w.substr(b);
    while (!core.empty() && core.front() == '.') core.remove_prefix(1);
    if (core.empty()) return abbrev_class::none;
    abbrev_class c = abbreviations().find(ascii_lower(core));
    if (c != abbrev_class::none) return c;
    if (is_dotted_acronym(core)) return abbrev_class::common;
    return abbrev_class::none;
  }

  // "F.B.I", "Ph.D", "N.Y": two or more parts of one or two letters joined by single dots.
  static bool is_dotted_acronym(std::string_view s) {
    std::size_t parts = 0, len = 0;
    for (char c : s) {
      if (c == '.') {
        if (len == 0) return false;
        ++parts;
        len = 0;
      } else if (++len > 2) {
        return false;
      }
    }
    if (len == 0) return false;
    return parts + 1 >= 2;
  }

  // A full stop followed by white space, in untokenized text.
  bool period_split(std::size_t i, const next_word& next) const {
    if (next.first == letter_case::lower || next.first == letter_case::punct) return false;
    switch (classify_word(i)) {
      case abbrev_class::title:
        return false;
      case abbrev_class::number:
        return next.first != letter_case::digit;
      case abbrev_class::final:
        return next.first == letter_case::upper || next.first == letter_case::other;
      case abbrev_class::time:
        return next.first == letter_case::upper && !contains(kTimeContinuations, next.lower);
      case abbrev_class::common:
        return next.first == letter_case::upper && contains(kSentenceStarters, next.lower);
      case abbrev_class::none:
        break;
    }
    return true;
  }

  // "arrived.The police": a full stop with no space after it, between a lowercase letter and a
  // capitalized word. Dotted words ("U.S.A", "e.g.the", "bbc.co.uk"), URLs, e-mail addresses,
  // abbreviations ("Mr.Smith") and mixed-case names ("Node.JS") never split.
  bool missing_space_split(std::size_t i, std::size_t k) const {
    if (i == start_) return false;
    decoded before = decode(text_, prev_start(text_, i));
    if (case_of(before.cp) != letter_case::lower) return false;
    bool complete = true;
    std::string_view w = word_before(i, &complete);
    if (!complete || w.find_first_of("./@:") != npos) return false;
    if (classify_word(i) != abbrev_class::none) return false;
    decoded a = decode(text_, k);
    if (case_of(a.cp) != letter_case::upper) return false;
    std::size_t k2 = k + a.len;
    if (k2 >= text_.size()) return true;
    decoded b = decode(text_, k2);
    return case_of(b.cp) == letter_case::lower || is_space(b.cp);
  }

  std::string_view text_;
  std::vector<byte_span> spans_;
  std::size_t start_ = npos;  // first byte of the open sentence, npos when none is open
  std::size_t last_end_ = 0;  // end of its last non-space character
  std::size_t quotes_ = 0;    // straight double quotes seen in the open sentence
};

// The end of [b, e) without trailing white space.
std::size_t trim_back(std::string_view text, std::size_t b, std::size_t e) {
  while (e > b) {
    std::size_t p = prev_start(text, e);
    if (!is_space(decode(text, p).cp)) break;
    e = p;
  }
  return e;
}

// Cuts spans longer than `max` bytes at the first white space at or after `max` bytes.
void cut_long(std::string_view text, std::size_t max, std::vector<byte_span>& spans) {
  std::vector<byte_span> out;
  out.reserve(spans.size());
  for (byte_span s : spans) {
    std::size_t pos = s.begin;
    while (s.end - pos > max) {
      // Find the first white-space character starting at or after pos + max.
      std::size_t c = pos + max;
      while (c < s.end && (static_cast<unsigned char>(text[c]) & 0xC0) == 0x80) ++c;
      while (c < s.end) {
        decoded d = decode(text, c);
        if (is_space(d.cp)) break;
        c += d.len;
      }
      if (c >= s.end) break;
      out.push_back({pos, trim_back(text, pos, c)});
      while (c < s.end) {
        decoded d = decode(text, c);
        if (!is_space(d.cp)) break;
        c += d.len;
      }
      pos = c;
    }
    out.push_back({pos, s.end});
  }
  spans = std::move(out);
}

}  // namespace

sentence_splitter::sentence_splitter(options opts) : opts_(opts) {
  abbreviations();  // parse the table once, up front, rather than on the first split
}

std::vector<byte_span> sentence_splitter::split(std::string_view text) const {
  std::vector<byte_span> spans = splitter_run(text).run();
  if (opts_.max_sentence_bytes > 0) cut_long(text, opts_.max_sentence_bytes, spans);
  return spans;
}

}  // namespace sitrep::text
