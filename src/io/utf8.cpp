#include "utf8.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace sitrep::io::detail {

bool is_valid_utf8(std::string_view s) noexcept {
  return simdjson::validate_utf8(s.data(), s.size());
}

namespace {

// Unicode's White_Space property, plus U+FEFF (a stray byte order mark renders as nothing).
constexpr std::uint32_t kSpaces[] = {0x09,   0x0A,   0x0B,   0x0C,   0x0D,   0x20,   0x85,  0xA0,
                                     0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF};

bool is_space_code_point(std::uint32_t c) noexcept {
  if (c >= 0x2000 && c <= 0x200A) return true;
  return std::find(std::begin(kSpaces), std::end(kSpaces), c) != std::end(kSpaces);
}

}  // namespace

bool is_blank(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char b = p[i];
    std::uint32_t c = 0;
    std::size_t len = 1;
    if (b < 0x80) {
      c = b;
    } else if ((b & 0xE0) == 0xC0 && i + 1 < n) {
      c = (b & 0x1Fu) << 6 | (p[i + 1] & 0x3Fu), len = 2;
    } else if ((b & 0xF0) == 0xE0 && i + 2 < n) {
      c = (b & 0x0Fu) << 12 | (p[i + 1] & 0x3Fu) << 6 | (p[i + 2] & 0x3Fu), len = 3;
    } else {
      return false;  // four-byte characters are never white space
    }
    if (!is_space_code_point(c)) return false;
    i += len;
  }
  return true;
}

}  // namespace sitrep::io::detail
