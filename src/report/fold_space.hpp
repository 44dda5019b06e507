// Internal to the report module: white space folded the way every section shows text.
#pragma once

#include <string>
#include <string_view>

namespace sitrep::report::detail {

/// `s` with each run of white space (newlines inside a sentence included) one space, and none
/// at either end.
std::string fold_space(std::string_view s);

}  // namespace sitrep::report::detail
