#include "sitrep/core/utf8.hpp"

namespace sitrep::utf8 {

std::size_t sequence_length(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size()) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char b = p[i];
  if (b < 0x80) return 1;
  // Length of the sequence and the allowed range of its second byte (table 3-7).
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    len = 2;
  } else if (b == 0xE0) {
    len = 3, lo = 0xA0;  // no overlong three-byte forms
  } else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
    len = 3;
  } else if (b == 0xED) {
    len = 3, hi = 0x9F;  // no surrogates
  } else if (b == 0xF0) {
    len = 4, lo = 0x90;  // no overlong four-byte forms
  } else if (b >= 0xF1 && b <= 0xF3) {
    len = 4;
  } else if (b == 0xF4) {
    len = 4, hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;  // a continuation byte, C0, C1 or F5-FF where a sequence should start
  }
  if (i + len > s.size()) return 0;
  if (p[i + 1] < lo || p[i + 1] > hi) return 0;
  for (std::size_t k = 2; k < len; ++k)
    if (p[i + k] < 0x80 || p[i + k] > 0xBF) return 0;
  return len;
}

std::size_t first_invalid(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = sequence_length(s, i);
    if (len == 0) return i;
    i += len;
  }
  return s.size();
}

std::uint32_t decode(std::string_view s, std::size_t i, std::size_t len) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  switch (len) {
    case 1: return p[0];
    case 2: return (std::uint32_t{p[0]} & 0x1F) << 6 | (p[1] & 0x3F);
    case 3: return (std::uint32_t{p[0]} & 0x0F) << 12 | (std::uint32_t{p[1]} & 0x3F) << 6 | (p[2] & 0x3F);
    default:
      return (std::uint32_t{p[0]} & 0x07) << 18 | (std::uint32_t{p[1]} & 0x3F) << 12 |
             (std::uint32_t{p[2]} & 0x3F) << 6 | (p[3] & 0x3F);
  }
}

std::size_t floor_boundary(std::string_view s, std::size_t n) noexcept {
  if (n >= s.size()) return s.size();
  // A character is at most 4 bytes: look back at most 3 bytes for the start of one that
  // runs past n.
  for (std::size_t back = 1; back <= 3 && back <= n; ++back) {
    const std::size_t start = n - back;
    const std::size_t len = sequence_length(s, start);
    if (len > back) return start;  // the sequence at `start` straddles n
    if (len != 0) break;           // a whole character ends at or before n
  }
  return n;
}

}  // namespace sitrep::utf8
