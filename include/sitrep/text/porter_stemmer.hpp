// sitrep/text/porter_stemmer.hpp — the original Porter (1980) stemmer, as ROUGE-1.5.5 uses it.
//
//   sitrep::text::porter_stem("generalizations");  // "gener"
//
// This is M. F. Porter's 1980 algorithm ("An algorithm for suffix stripping"), not Snowball's
// later English stemmer: ROUGE scores depend on the difference. Input is one lowercase ASCII
// word; other bytes are left as they are. Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace sitrep::text {

std::string porter_stem(std::string_view word);

}  // namespace sitrep::text
