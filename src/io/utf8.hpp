// Internal to sitrep::io: small UTF-8 helpers for the readers.
#pragma once

#include <cstddef>
#include <string_view>

namespace sitrep::io::detail {

/// True when `s` is well-formed UTF-8 (fast path, simdjson's validator). Where it is not,
/// sitrep::utf8::first_invalid (sitrep/core/utf8.hpp) says at which byte.
bool is_valid_utf8(std::string_view s) noexcept;

/// True when valid UTF-8 `s` holds only white space: ASCII space, tab, line feed, vertical tab,
/// form feed, carriage return, and the other Unicode White_Space characters (U+0085, U+00A0,
/// U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) plus the byte order mark
/// U+FEFF, which renders as nothing.
bool is_blank(std::string_view s) noexcept;

}  // namespace sitrep::io::detail
