// sitrep/core/lines.hpp — the lines of a text held in memory (embedded word lists, files read
// whole).
//
//   sitrep::for_each_line(text, [&](std::string_view line) { words.emplace(line); });
//
// Calls `f` once per line in order, without its '\n' and without one '\r' before it (files
// written on Windows). A text ending in '\n' has no empty line after it; an empty text has
// none. Lines are views into `text`, valid as long as it is.
#pragma once

#include <string_view>

namespace sitrep {

template <class F>
void for_each_line(std::string_view text, F&& f) {
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    f(line);
  }
}

}  // namespace sitrep
