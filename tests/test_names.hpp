// Readable GoogleTest names for table-driven cases (INSTANTIATE_TEST_SUITE_P's fourth argument):
//
//   INSTANTIATE_TEST_SUITE_P(table, my_test, ::testing::Values(...),
//                            [](const auto& info) { return sitrep::test_support::test_name(info.param.name); });
//
// GoogleTest accepts only letters, digits and '_' in a name; without a generator a case is
// named by its index and listed with its parameter as "104-byte object <...>".
#pragma once

#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>

namespace sitrep::test_support {

/// `s` with every character other than an ASCII letter or digit made '_', cut to `max`
/// characters; "empty" when `s` is empty.
inline std::string test_name(std::string_view s, std::size_t max = 48) {
  if (s.empty()) return "empty";
  std::string out;
  for (char c : s.substr(0, max))
    out += std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '_';
  return out;
}

/// Index-prefixed (`3_...`), for tables whose parameters may repeat.
inline std::string test_name(std::size_t index, std::string_view s, std::size_t max = 48) {
  return std::to_string(index) + "_" + test_name(s, max);
}

}  // namespace sitrep::test_support
