// splitter_analyzer_fuzz: sentence splitter, tokenizer and analyzer on arbitrary bytes.
//
// The text headers promise to take any bytes (invalid UTF-8 bytes are ordinary non-space bytes
// to the splitter and are skipped by the tokenizer), so every input is fed as it is. The first
// byte picks the splitter's max_sentence_bytes (0 = no limit, or small limits that cut often).
// Invariants (include/sitrep/text/sentence_splitter.hpp, tokenizer.hpp, analyzer.hpp):
//  - spans are in order, non-overlapping, non-empty, inside the text, trimmed of white space,
//    and every non-space byte lies in a span (only white space lies between spans);
//  - normalize() gives valid UTF-8; tokens and terms are non-empty valid UTF-8;
//  - analyze() without stopwords flagged equals terms(); count_words never crashes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "sitrep/text/analyzer.hpp"
#include "sitrep/text/sentence_splitter.hpp"
#include "sitrep/text/tokenizer.hpp"

namespace {

// Length of the white-space character at `s[i]` as the splitter's contract defines white space
// (ASCII white space, the Unicode space and line separators), or 0.
std::size_t space_at(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) -> unsigned {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0x100;
  };
  switch (b(0)) {
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
      return 1;
    case 0xC2:
      return b(1) == 0x85 || b(1) == 0xA0 ? 2 : 0;  // U+0085, U+00A0
    case 0xE1:
      return b(1) == 0x9A && b(2) == 0x80 ? 3 : 0;  // U+1680
    case 0xE2:
      if (b(1) == 0x80 && (b(2) <= 0x8A || b(2) == 0xA8 || b(2) == 0xA9 || b(2) == 0xAF)) {
        return b(2) >= 0x80 ? 3 : 0;  // U+2000..U+200A, U+2028, U+2029, U+202F
      }
      return b(1) == 0x81 && b(2) == 0x9F ? 3 : 0;  // U+205F
    case 0xE3:
      return b(1) == 0x80 && b(2) == 0x80 ? 3 : 0;  // U+3000
    default:
      return 0;
  }
}

// True when [from, to) is only white space characters.
bool all_space(std::string_view s, std::size_t from, std::size_t to) {
  while (from < to) {
    std::size_t n = space_at(s, from);
    if (n == 0 || from + n > to) return false;
    from += n;
  }
  return true;
}

// A span must not start with white space; nor end with it (checked by walking its characters
// from the start, since a UTF-8 tail cannot be read backwards reliably in invalid input).
bool trimmed(std::string_view s, std::size_t begin, std::size_t end) {
  if (space_at(s, begin) != 0) return false;
  std::size_t i = begin, last_space_end = std::string_view::npos;
  while (i < end) {
    std::size_t n = space_at(s, i);
    if (n != 0 && i + n <= end) {
      i += n;
      last_space_end = i;
    } else {
      ++i;
      last_space_end = std::string_view::npos;
    }
  }
  return last_space_end != end;
}

void check_split(const sitrep::text::sentence_splitter& splitter, std::string_view text) {
  const auto spans = splitter.split(text);
  std::size_t pos = 0;
  for (const auto& span : spans) {
    SITREP_FUZZ_CHECK(span.begin >= pos);
    SITREP_FUZZ_CHECK(span.begin < span.end);
    SITREP_FUZZ_CHECK(span.end <= text.size());
    SITREP_FUZZ_CHECK(all_space(text, pos, span.begin));
    SITREP_FUZZ_CHECK(trimmed(text, span.begin, span.end));
    pos = span.end;
  }
  SITREP_FUZZ_CHECK(all_space(text, pos, text.size()));
}

void check_tokens(const std::vector<std::string>& tokens) {
  for (const auto& t : tokens) {
    SITREP_FUZZ_CHECK(!t.empty());
    SITREP_FUZZ_CHECK(sitrep::fuzz::valid_utf8(t));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const sitrep::text::sentence_splitter kSplitters[] = {
      sitrep::text::sentence_splitter{},
      sitrep::text::sentence_splitter{{.max_sentence_bytes = 0}},
      sitrep::text::sentence_splitter{{.max_sentence_bytes = 1}},
      sitrep::text::sentence_splitter{{.max_sentence_bytes = 16}},
  };
  static auto english = sitrep::text::analyzer::create({});
  static auto unstemmed = sitrep::text::analyzer::create({.stem = false});
  static auto russian = sitrep::text::analyzer::create({.language = "russian"});
  SITREP_FUZZ_CHECK(english && unstemmed && russian);

  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  check_split(kSplitters[data[0] % 4], text);

  const std::string normalized = sitrep::text::normalize(text);
  SITREP_FUZZ_CHECK(sitrep::fuzz::valid_utf8(normalized));
  check_tokens(sitrep::text::tokenize(text));
  (void)sitrep::text::count_words(text);

  for (auto* a : {&*english, &*unstemmed, &*russian}) {
    const auto terms = a->terms(text);
    check_tokens(terms);
    std::vector<std::string> kept;
    for (auto& t : a->analyze(text)) {
      SITREP_FUZZ_CHECK(!t.term.empty());
      SITREP_FUZZ_CHECK(sitrep::fuzz::valid_utf8(t.term));
      if (!t.stopword) kept.push_back(std::move(t.term));
    }
    SITREP_FUZZ_CHECK(kept == terms);
  }
  return 0;
}
