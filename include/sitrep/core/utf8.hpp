// sitrep/core/utf8.hpp — the few UTF-8 facts every module needs: where a character starts and
// ends, and where a byte string stops being well-formed.
//
//   std::string_view s = "\xC3\x89l\xC3\xA9phant";              // "Éléphant"
//   sitrep::utf8::sequence_length(s, 0);                        // 2: "É" is two bytes
//   sitrep::utf8::floor_boundary(s, 1);                         // 0: byte 1 is inside "É"
//   sitrep::utf8::first_invalid(s);                             // s.size(): all well-formed
//   sitrep::utf8::first_invalid("ab\xFF");                      // 2
//
// Well-formed means Unicode 15, table 3-7: no overlong forms, no surrogates, nothing above
// U+10FFFF. Everything here is scalar, pure, noexcept and thread-safe; it reads bytes and never
// allocates. (The readers in sitrep::io keep their own fast validator for whole files.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sitrep::utf8 {

/// Length in bytes (1 to 4) of the well-formed sequence starting at byte `i` of `s`, or 0 when
/// none starts there (a stray continuation byte, an invalid lead byte, a truncated or
/// malformed sequence) or when `i >= s.size()`.
std::size_t sequence_length(std::string_view s, std::size_t i) noexcept;

/// Offset of the first byte that starts an ill-formed sequence, or `s.size()` when `s` is
/// well-formed UTF-8.
std::size_t first_invalid(std::string_view s) noexcept;

/// The code point of the well-formed sequence of `len` bytes at byte `i` (as given by
/// sequence_length, which must be > 0).
std::uint32_t decode(std::string_view s, std::size_t i, std::size_t len) noexcept;

/// The largest `k <= min(n, s.size())` at which no character of `s` is split: `s.substr(0, k)`
/// is then as valid as `s` is. A cut at `n` bytes never splits a character when made at
/// floor_boundary(s, n). Bytes that belong to no well-formed sequence count as one-byte
/// characters (cutting there splits nothing further).
std::size_t floor_boundary(std::string_view s, std::size_t n) noexcept;

}  // namespace sitrep::utf8
