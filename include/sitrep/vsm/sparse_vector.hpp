// sitrep/vsm/sparse_vector.hpp — sparse term vectors and their similarity.
//
//   auto a = sitrep::vsm::sparse_vector::from_terms(ids_of_sentence_a);  // term counts
//   auto b = sitrep::vsm::sparse_vector::from_terms(ids_of_sentence_b);
//   double sim = sitrep::vsm::cosine(a, b);                             // in [0, 1] for
//                                                                       // non-negative weights
// Entries are kept sorted by term id with no repeats, so dot products are a linear merge.
// A vector with no entries has norm 0, and its cosine with anything is 0.
#pragma once

#include <span>
#include <utility>
#include <vector>

#include "sitrep/vsm/vocabulary.hpp"

namespace sitrep::vsm {

struct sparse_vector {
  /// (term, weight) pairs sorted by term, each term once.
  std::vector<std::pair<term_id, double>> entries;

  /// Term-frequency vector of a sequence of term ids (repeats add up).
  static sparse_vector from_terms(std::span<const term_id> terms);

  bool empty() const noexcept { return entries.empty(); }
  /// Weight of `term`, 0 when absent (binary search).
  double weight(term_id term) const noexcept;
  /// Euclidean norm.
  double norm() const noexcept;
  /// Dot product (a merge over both entry lists).
  double dot(const sparse_vector& other) const noexcept;
  /// Adds `scale * other` into this vector.
  void add(const sparse_vector& other, double scale = 1.0);
};

/// Cosine similarity; 0 when either vector has norm 0.
double cosine(const sparse_vector& a, const sparse_vector& b) noexcept;

}  // namespace sitrep::vsm
