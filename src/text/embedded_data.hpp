// src/text/embedded_data.hpp — the text module's data files, compiled into the library.
//
// Internal: the definitions are generated at configure time by cmake/SitrepTextData.cmake from
// data/text/abbreviations.txt and data/stopwords/*.stop. The views point at static storage and
// stay valid for the life of the program.
#pragma once

#include <span>
#include <string_view>

namespace sitrep::text::detail {

/// The bytes of data/text/abbreviations.txt.
std::string_view embedded_abbreviations();

/// The bytes of data/stopwords/<language>.stop; empty when no such list ships. `language` is a
/// canonical Snowball name ("english"), not an ISO code.
std::string_view embedded_stopwords(std::string_view language);

/// The languages that have a stopword list, sorted.
std::span<const std::string_view> embedded_stopword_languages();

}  // namespace sitrep::text::detail
