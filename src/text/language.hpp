// src/text/language.hpp — language names shared by the stemmer and the stopword lists.
//
// Internal. A language is named as libstemmer names it ("english"); the ISO 639-1 and 639-2
// codes libstemmer accepts ("en", "eng") are aliases. ASCII case is ignored ("English").
#pragma once

#include <string>
#include <string_view>

namespace sitrep::text::detail {

/// The canonical libstemmer name of `name` (a name or an ISO code, any ASCII case), or an empty
/// string when libstemmer has no such language.
std::string canonical_language(std::string_view name);

/// `text` with ASCII letters lowercased; other bytes unchanged.
std::string ascii_lower(std::string_view text);

/// "a, b, c".
std::string join(const auto& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

}  // namespace sitrep::text::detail
