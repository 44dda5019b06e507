// Internal to vsm (not installed): the dot product of two sparse vectors held as (term, value)
// pairs sorted by term, whatever their value types (weights, counts).
#pragma once

namespace sitrep::vsm::detail {

template <typename A, typename B>
double sorted_dot(const A& a_entries, const B& b_entries) noexcept {
  double s = 0;
  auto a = a_entries.begin();
  auto b = b_entries.begin();
  while (a != a_entries.end() && b != b_entries.end()) {
    if (a->first < b->first) {
      ++a;
    } else if (b->first < a->first) {
      ++b;
    } else {
      s += static_cast<double>(a->second) * static_cast<double>(b->second);
      ++a;
      ++b;
    }
  }
  return s;
}

}  // namespace sitrep::vsm::detail
