// sitrep/eval/bcubed.hpp — scoring a clustering against gold labels: B-cubed precision, recall
// and F1 over records (Bagga and Baldwin 1998), and the adjusted Rand index (Hubert and Arabie
// 1985).
//
//   std::vector<std::string> gold  = {"a", "a", "b", "b"};
//   std::vector<std::string> found = {"x", "x", "x", "y"};
//   auto s = sitrep::eval::bcubed(found, gold);
//   if (!s) return s.error();                  // lengths differ
//   s->precision;  // (2/3 + 2/3 + 1/3 + 1) / 4 = 0.667
//   s->recall;     // (1 + 1 + 1/2 + 1/2) / 4  = 0.75
//   s->f1;         // 2PR / (P + R)            = 0.706
//   s->ari;        // adjusted Rand index      = 0
//
// Labels are arbitrary: only which records share a label counts, so {"x", "x", "y"} and
// {7, 7, 3} are the same clustering. Record i's B-cubed precision is the share of the records
// in its found cluster (itself included) that share its gold label; its recall the share of
// its gold cluster that share its found label; both are averaged over records, with equal
// weight, and F1 is their harmonic mean (of the averages, as the story READMEs ask). The
// adjusted Rand index is the Rand index corrected for chance: 1 for identical clusterings,
// about 0 for a random one (it may be negative); by convention 1 when both clusterings are
// trivial the same way (one record, or every record alone in both, or all in one in both).
//
// Contracts: the two vectors must have equal length (invalid_argument otherwise); an empty
// pair scores 1 everywhere (nothing is wrong). Cost O(n) with hashing; the functions share no
// state and may be called from many threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sitrep/core/status.hpp"

namespace sitrep::eval {

struct clustering_scores {
  double precision = 1.0;  ///< B-cubed precision, mean over records
  double recall = 1.0;     ///< B-cubed recall, mean over records
  double f1 = 1.0;         ///< harmonic mean of precision and recall (0 when both are 0)
  double ari = 1.0;        ///< adjusted Rand index
  std::size_t records = 0;
  std::size_t found_clusters = 0;  ///< distinct labels in `found`
  std::size_t gold_clusters = 0;   ///< distinct labels in `gold`
};

/// Scores `found` against `gold` (record i labelled found[i] and gold[i]).
result<clustering_scores> bcubed(std::span<const std::string> found,
                                 std::span<const std::string> gold);
result<clustering_scores> bcubed(std::span<const std::int64_t> found,
                                 std::span<const std::int64_t> gold);

}  // namespace sitrep::eval
