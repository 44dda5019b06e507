#include "sitrep/vsm/sparse_vector.hpp"

#include <algorithm>
#include <cmath>

#include "sorted_dot.hpp"

namespace sitrep::vsm {

sparse_vector sparse_vector::from_terms(std::span<const term_id> terms) {
  std::vector<term_id> sorted(terms.begin(), terms.end());
  std::sort(sorted.begin(), sorted.end());
  // Sized exactly: a sentence's term counts are kept for the life of the stream.
  std::size_t distinct = 0;
  for (std::size_t i = 0; i < sorted.size(); ++i) distinct += (i == 0 || sorted[i] != sorted[i - 1]);
  sparse_vector v;
  v.entries.reserve(distinct);
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    v.entries.emplace_back(sorted[i], static_cast<double>(j - i));
    i = j;
  }
  return v;
}

double sparse_vector::weight(term_id term) const noexcept {
  auto it = std::lower_bound(entries.begin(), entries.end(), term,
                             [](const auto& e, term_id t) { return e.first < t; });
  return it != entries.end() && it->first == term ? it->second : 0.0;
}

double sparse_vector::norm() const noexcept {
  double s = 0;
  for (const auto& [t, w] : entries) s += w * w;
  return std::sqrt(s);
}

double sparse_vector::dot(const sparse_vector& other) const noexcept {
  return detail::sorted_dot(entries, other.entries);
}

void sparse_vector::add(const sparse_vector& other, double scale) {
  std::vector<std::pair<term_id, double>> merged;
  merged.reserve(entries.size() + other.entries.size());
  auto a = entries.cbegin();
  auto b = other.entries.cbegin();
  while (a != entries.end() || b != other.entries.end()) {
    if (b == other.entries.end() || (a != entries.end() && a->first < b->first)) {
      merged.push_back(*a++);
    } else if (a == entries.end() || b->first < a->first) {
      merged.emplace_back(b->first, scale * b->second);
      ++b;
    } else {
      merged.emplace_back(a->first, a->second + scale * b->second);
      ++a;
      ++b;
    }
  }
  entries = std::move(merged);
}

double cosine(const sparse_vector& a, const sparse_vector& b) noexcept {
  double na = a.norm(), nb = b.norm();
  if (na == 0 || nb == 0) return 0;
  return a.dot(b) / (na * nb);
}

}  // namespace sitrep::vsm
