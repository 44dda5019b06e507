#include "sitrep/text/tokenizer.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace sitrep::text {

// Builds tokens into a token_buffer: start() opens a token at the end of the characters,
// commit() closes it, discard() drops the open one (a tentative clitic).
struct token_sink {
  explicit token_sink(token_buffer& b) : buf(b) { buf.clear(); }
  void start() noexcept { begin = buf.chars_.size(); }
  void push_back(char c) { buf.chars_.push_back(c); }
  void append(const char* p, std::size_t n) { buf.chars_.append(p, n); }
  std::string_view current() const noexcept {
    return std::string_view(buf.chars_).substr(begin);
  }
  void commit() { buf.ends_.push_back(buf.chars_.size()); }
  void discard() { buf.chars_.resize(begin); }
  token_buffer& buf;
  std::size_t begin = 0;
};

namespace {

constexpr auto kNormalizeFlags = static_cast<utf8proc_option_t>(
    UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);

bool is_ascii(std::string_view s) noexcept {
  unsigned char any = 0;
  for (char c : s) any |= static_cast<unsigned char>(c);
  return any < 0x80;
}

bool is_ascii_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char ascii_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// `text` without the bytes that are not part of a valid UTF-8 sequence.
std::string drop_invalid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n =
        utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) {
      ++i;
      continue;
    }
    out.append(text.data() + i, static_cast<std::size_t>(n));
    i += static_cast<std::size_t>(n);
  }
  return out;
}

// The scanner sees characters through one of two tiny "views": raw ASCII bytes (the fast path)
// or decoded code points of normalized text. Both answer the same questions.
enum class kind : unsigned char { space, word, digit, apostrophe, period, hyphen, comma, other };

kind ascii_kind(unsigned char c) noexcept {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return kind::word;
  if (c >= '0' && c <= '9') return kind::digit;
  switch (c) {
    case '\'':
      return kind::apostrophe;
    case '.':
      return kind::period;
    case '-':
      return kind::hyphen;
    case ',':
      return kind::comma;
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\f':
    case '\v':
      return kind::space;
    default:
      return kind::other;
  }
}

kind unicode_kind(utf8proc_int32_t cp) noexcept {
  if (cp < 0x80) return ascii_kind(static_cast<unsigned char>(cp));
  if (cp == 0x2019 || cp == 0x02BC) return kind::apostrophe;
  if (cp == 0x2010 || cp == 0x2011) return kind::hyphen;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ND:
      return kind::digit;
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return kind::word;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return kind::space;
    default:
      return kind::other;
  }
}

bool is_wordish(kind k) noexcept { return k == kind::word || k == kind::digit; }

bool is_clitic(std::string_view letters) noexcept {
  return letters == "s" || letters == "re" || letters == "ve" || letters == "ll" ||
         letters == "m" || letters == "d";
}

// The token rules of tokenizer.hpp over a sequence of `n` characters. `kind_at(i)` classifies
// character i and `append(out, i)` appends it in normalized form (connectors already mapped to
// their ASCII form by the caller's `append`) to the token under construction in `out`, a
// token_sink.
template <class KindAt, class Append>
void scan(std::size_t n, KindAt kind_at, Append append, token_sink& out) {
  kind prev = kind::space;  // kind of character i-1
  std::size_t i = 0;
  while (i < n) {
    kind k = kind_at(i);
    if (is_wordish(k)) {
      out.start();
      append(out, i);
      kind last = k;
      ++i;
      while (i < n) {
        kind c = kind_at(i);
        if (is_wordish(c)) {
          append(out, i);
          last = c;
          ++i;
          continue;
        }
        if (i + 1 < n &&
            (c == kind::apostrophe || c == kind::period || c == kind::hyphen || c == kind::comma)) {
          kind next = kind_at(i + 1);
          bool joins =
              c == kind::comma ? (last == kind::digit && next == kind::digit) : is_wordish(next);
          if (joins) {
            append(out, i);
            append(out, i + 1);
            last = next;
            i += 2;
            continue;
          }
        }
        break;
      }
      out.commit();
      prev = kind::word;
      continue;
    }
    if (k == kind::apostrophe && prev == kind::space) {
      // A clitic split off by a tokenizer: "'s", "'re", ... followed by a non-word character.
      std::size_t j = i + 1;
      out.start();
      out.push_back('\'');
      while (j < n && kind_at(j) == kind::word && j - i <= 2) append(out, j++);
      if (j > i + 1 && (j == n || !is_wordish(kind_at(j))) && is_clitic(out.current().substr(1))) {
        out.commit();
        prev = kind::word;
        i = j;
        continue;
      }
      out.discard();
    }
    prev = k;
    ++i;
  }
}

// Non-ASCII text: normalize (NFKC + case fold), decode to code points, classify, scan. This
// path allocates per call; news text in English is nearly always ASCII per sentence.
void scan_unicode(std::string_view text, token_sink& out) {
  std::string normalized = normalize(text);
  std::vector<utf8proc_int32_t> cps;
  cps.reserve(normalized.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(normalized.data());
  for (std::size_t i = 0; i < normalized.size();) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t len =
        utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(normalized.size() - i), &cp);
    if (len <= 0) {  // cannot happen after normalize(); skip defensively
      ++i;
      continue;
    }
    cps.push_back(cp);
    i += static_cast<std::size_t>(len);
  }
  std::vector<kind> kinds(cps.size());
  for (std::size_t i = 0; i < cps.size(); ++i) kinds[i] = unicode_kind(cps[i]);
  scan(
      cps.size(), [&](std::size_t i) { return kinds[i]; },
      [&](token_sink& sink, std::size_t i) {
        switch (kinds[i]) {
          case kind::apostrophe:
            sink.push_back('\'');
            return;
          case kind::hyphen:
            sink.push_back('-');
            return;
          default:
            break;
        }
        utf8proc_uint8_t buf[4];
        utf8proc_ssize_t len = utf8proc_encode_char(cps[i], buf);
        sink.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(len));
      },
      out);
}

void scan_text(std::string_view text, token_sink& out) {
  if (is_ascii(text)) {
    scan(
        text.size(), [&](std::size_t i) { return ascii_kind(static_cast<unsigned char>(text[i])); },
        [&](token_sink& sink, std::size_t i) { sink.push_back(ascii_lower(text[i])); }, out);
  } else {
    scan_unicode(text, out);
  }
}

}  // namespace

std::string normalize(std::string_view text) {
  if (is_ascii(text)) {
    std::string out(text);
    for (char& c : out) c = ascii_lower(c);
    return out;
  }
  std::string valid = drop_invalid_utf8(text);
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid.data()),
                   static_cast<utf8proc_ssize_t>(valid.size()), &mapped, kNormalizeFlags);
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  if (n < 0) {
    // Only out-of-memory can get here once the input is valid UTF-8; fall back to the
    // unnormalized text rather than fail in a hot loop.
    for (char& c : valid) c = ascii_lower(c);
    return valid;
  }
  return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
}

std::vector<std::string> tokenize(std::string_view text) {
  token_buffer buf;
  tokenize_into(text, buf);
  std::vector<std::string> tokens;
  tokens.reserve(buf.size());
  for (std::size_t i = 0; i < buf.size(); ++i) tokens.emplace_back(buf[i]);
  return tokens;
}

void tokenize_into(std::string_view text, token_buffer& out) {
  token_sink sink(out);
  scan_text(text, sink);
}

std::size_t count_words(std::string_view text) noexcept {
  std::size_t count = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = is_ascii_space(c);
    if (!space && !in_word) ++count;
    in_word = !space;
  }
  return count;
}

}  // namespace sitrep::text
